CREATE TABLE "survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_code" (
	"wave_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_code_wave_id_code_hash_pk" PRIMARY KEY("wave_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_draft" (
	"key" text PRIMARY KEY NOT NULL,
	"wave_id" uuid NOT NULL,
	"values" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_external_result" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"area" text NOT NULL,
	"year" integer NOT NULL,
	"indicator" text NOT NULL,
	"unit" text NOT NULL,
	"value" double precision NOT NULL,
	"low" double precision,
	"high" double precision,
	"respondents" integer,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"submission_key" text NOT NULL,
	"area_key" text,
	"gender" text,
	"age_band" text,
	"language" text NOT NULL,
	"choices" smallint[] NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"places" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_wave" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"link_key" text NOT NULL,
	"requires_code" boolean DEFAULT false NOT NULL,
	"results_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partnership" ADD COLUMN "survey_minimum_group" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_code" ADD CONSTRAINT "survey_code_wave_id_survey_wave_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_wave"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_draft" ADD CONSTRAINT "survey_draft_wave_id_survey_wave_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_wave"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_external_result" ADD CONSTRAINT "survey_external_result_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_wave_id_survey_wave_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_wave"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave" ADD CONSTRAINT "survey_wave_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave" ADD CONSTRAINT "survey_wave_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_partnership_idx" ON "survey" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "survey_draft_wave_idx" ON "survey_draft" USING btree ("wave_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_external_result_key" ON "survey_external_result" USING btree ("partnership_id","area","year","indicator","source");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_response_submission_key" ON "survey_response" USING btree ("wave_id","submission_key");--> statement-breakpoint
CREATE INDEX "survey_response_wave_area_idx" ON "survey_response" USING btree ("wave_id","area_key");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_wave_link_key" ON "survey_wave" USING btree ("link_key");--> statement-breakpoint
CREATE INDEX "survey_wave_survey_idx" ON "survey_wave" USING btree ("survey_id","opens_on");