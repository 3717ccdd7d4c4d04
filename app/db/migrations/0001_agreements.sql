CREATE TABLE "agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"current_revision" integer DEFAULT 1 NOT NULL,
	"ready_for_signing_at" timestamp with time zone,
	"signed_on" date,
	"signed_place" text,
	"published_at" timestamp with time zone,
	"terminated_on" date,
	"termination_reason" text,
	"predecessor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"author_id" uuid,
	"amendment_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_promise" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"agreement_id" uuid,
	"current_revision" integer DEFAULT 1 NOT NULL,
	"ready_for_signing_at" timestamp with time zone,
	"signed_on" date,
	"signed_place" text,
	"published_at" timestamp with time zone,
	"terminated_on" date,
	"termination_reason" text,
	"predecessor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_promise_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_promise_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"author_id" uuid,
	"amendment_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_promise_id" uuid NOT NULL,
	"commitment_key" text NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"occurred_on" date NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signature" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_type" text NOT NULL,
	"document_id" uuid NOT NULL,
	"revision_number" integer NOT NULL,
	"signatory_name" text NOT NULL,
	"signatory_title" text DEFAULT '' NOT NULL,
	"party" text NOT NULL,
	"signed_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_predecessor_id_agreement_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."agreement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_revision" ADD CONSTRAINT "agreement_revision_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_revision" ADD CONSTRAINT "agreement_revision_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_promise" ADD CONSTRAINT "citizen_promise_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_promise" ADD CONSTRAINT "citizen_promise_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_promise" ADD CONSTRAINT "citizen_promise_predecessor_id_citizen_promise_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."citizen_promise"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_promise_revision" ADD CONSTRAINT "citizen_promise_revision_citizen_promise_id_citizen_promise_id_fk" FOREIGN KEY ("citizen_promise_id") REFERENCES "public"."citizen_promise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_promise_revision" ADD CONSTRAINT "citizen_promise_revision_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_progress" ADD CONSTRAINT "commitment_progress_citizen_promise_id_citizen_promise_id_fk" FOREIGN KEY ("citizen_promise_id") REFERENCES "public"."citizen_promise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_progress" ADD CONSTRAINT "commitment_progress_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature" ADD CONSTRAINT "signature_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_partnership_idx" ON "agreement" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "agreement_predecessor_idx" ON "agreement" USING btree ("predecessor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_revision_number_key" ON "agreement_revision" USING btree ("agreement_id","number");--> statement-breakpoint
CREATE INDEX "citizen_promise_partnership_idx" ON "citizen_promise" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "citizen_promise_predecessor_idx" ON "citizen_promise" USING btree ("predecessor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_promise_revision_number_key" ON "citizen_promise_revision" USING btree ("citizen_promise_id","number");--> statement-breakpoint
CREATE INDEX "commitment_progress_promise_idx" ON "commitment_progress" USING btree ("citizen_promise_id","commitment_key","occurred_on");--> statement-breakpoint
CREATE INDEX "signature_document_idx" ON "signature" USING btree ("document_type","document_id");