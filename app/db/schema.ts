import { sql } from "drizzle-orm";
import type { AgreementContent } from "~/domain/agreements/agreement.schemas";
import type { CitizenPromiseContent } from "~/domain/citizen-promises/citizen-promise.schemas";
import type { PlaceAnswer, SurveyDefinition } from "~/domain/surveys/survey.schemas";
import {
  boolean,
  date,
  doublePrecision,
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};
const id = () =>
  uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`);

// Reference data -----------------------------------------------------------------------------

export const policeRegion = pgTable("police_region", {
  id: id(),
  name: text("name").notNull().unique(),
  ...timestamps,
});

export const county = pgTable("county", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  policeRegionId: uuid("police_region_id")
    .notNull()
    .references(() => policeRegion.id),
  ...timestamps,
});

export const municipality = pgTable("municipality", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  countyCode: text("county_code")
    .notNull()
    .references(() => county.code),
  ...timestamps,
});

export const policeArea = pgTable(
  "police_area",
  {
    id: id(),
    name: text("name").notNull(),
    policeDistrict: text("police_district"),
    policeRegionId: uuid("police_region_id")
      .notNull()
      .references(() => policeRegion.id),
    ...timestamps,
  },
  (t) => [uniqueIndex("police_area_name_key").on(sql`lower(${t.name})`)],
);

export const policeAreaMunicipality = pgTable(
  "police_area_municipality",
  {
    policeAreaId: uuid("police_area_id")
      .notNull()
      .references(() => policeArea.id, { onDelete: "cascade" }),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipality.code),
    /** 'whole' or 'part' of the municipality. */
    coverage: text("coverage").notNull().default("whole"),
    /** 'verified' or 'probable'. */
    status: text("status").notNull().default("verified"),
    source: text("source"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.policeAreaId, t.municipalityCode] })],
);

// Accounts ------------------------------------------------------------------------------------

export const appUser = pgTable(
  "app_user",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** 'admin' | 'analyst' | null */
    globalRole: text("global_role"),
    locale: text("locale").notNull().default("sv"),
    ...timestamps,
  },
  (t) => [uniqueIndex("app_user_email_key").on(sql`lower(${t.email})`)],
);

export const session = pgTable(
  "session",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const apiToken = pgTable("api_token", {
  id: id(),
  userId: uuid("user_id")
    .notNull()
    .references(() => appUser.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  ...timestamps,
});

/** Failed and successful logins, for throttling across instances. */
export const loginAttempt = pgTable(
  "login_attempt",
  {
    id: id(),
    email: text("email").notNull(),
    address: text("address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    ...timestamps,
  },
  (t) => [
    index("login_attempt_email_idx").on(t.email, t.createdAt),
    index("login_attempt_address_idx").on(t.address, t.createdAt),
  ],
);

// Partnerships --------------------------------------------------------------------------------

export const partnership = pgTable("partnership", {
  id: id(),
  name: text("name").notNull(),
  policeAreaId: uuid("police_area_id")
    .notNull()
    .references(() => policeArea.id),
  otherActors: jsonb("other_actors").$type<string[]>().notNull().default([]),
  /** Survey results of smaller groups than this never leave the coordinator's screen. */
  surveyMinimumGroup: integer("survey_minimum_group").notNull().default(10),
  ...timestamps,
});

export const partnershipMunicipality = pgTable(
  "partnership_municipality",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnership.id, { onDelete: "cascade" }),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipality.code),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.municipalityCode] })],
);

export interface CouncilMember {
  name: string;
  role: string;
}

export const council = pgTable("council", {
  id: id(),
  partnershipId: uuid("partnership_id")
    .notNull()
    .references(() => partnership.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  /** 'trygghetsrad' | 'lokalt-bra' | 'styrgrupp' | 'beredningsgrupp' | 'other' */
  type: text("type").notNull(),
  members: jsonb("members").$type<CouncilMember[]>().notNull().default([]),
  ...timestamps,
});

export const membership = pgTable(
  "membership",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnership.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    /** 'coordinator' | 'police' | 'member' */
    role: text("role").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("membership_partnership_user_key").on(t.partnershipId, t.userId)],
);

export const invitation = pgTable("invitation", {
  id: id(),
  email: text("email").notNull(),
  partnershipId: uuid("partnership_id").references(() => partnership.id, { onDelete: "cascade" }),
  /** 'coordinator' | 'police' | 'member' with a partnership; 'admin' | 'analyst' without. */
  role: text("role").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  invitedBy: uuid("invited_by").references(() => appUser.id, { onDelete: "set null" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  ...timestamps,
});

/** Mail that could not or need not go through SMTP: administrators read it in the UI. */
export const outboxMessage = pgTable("outbox_message", {
  id: id(),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
  ...timestamps,
});

// Agreements and citizen promises ------------------------------------------------------------
//
// A document's content lives in append-only revisions; the document row holds the events of its
// life (ready, signed, published, terminated). Its status is derived from those and the dates.

const lifecycle = {
  /** The number of the newest revision; a save must be based on it (optimistic locking). */
  currentRevision: integer("current_revision").notNull().default(1),
  readyForSigningAt: timestamp("ready_for_signing_at", { withTimezone: true }),
  /** The latest signature's date, set once both parties have signed. */
  signedOn: date("signed_on", { mode: "string" }),
  signedPlace: text("signed_place"),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  terminatedOn: date("terminated_on", { mode: "string" }),
  terminationReason: text("termination_reason"),
};

export const agreement = pgTable(
  "agreement",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnership.id, { onDelete: "cascade" }),
    ...lifecycle,
    /** The agreement this one replaces. */
    predecessorId: uuid("predecessor_id").references((): AnyPgColumn => agreement.id, {
      onDelete: "set null",
    }),
    ...timestamps,
  },
  (t) => [
    index("agreement_partnership_idx").on(t.partnershipId),
    index("agreement_predecessor_idx").on(t.predecessorId),
  ],
);

/** Append-only: a save adds a revision, nothing is overwritten, so there is no updated_at. */
export const agreementRevision = pgTable(
  "agreement_revision",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreement.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    content: jsonb("content").$type<AgreementContent>().notNull(),
    authorId: uuid("author_id").references(() => appUser.id, { onDelete: "set null" }),
    /** Why a signed document was changed (a revidering); null before signing. */
    amendmentReason: text("amendment_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("agreement_revision_number_key").on(t.agreementId, t.number)],
);

export const citizenPromise = pgTable(
  "citizen_promise",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnership.id, { onDelete: "cascade" }),
    /** The agreement whose document it is published in, if any (as in Vindeln's). */
    agreementId: uuid("agreement_id").references(() => agreement.id, { onDelete: "set null" }),
    ...lifecycle,
    predecessorId: uuid("predecessor_id").references((): AnyPgColumn => citizenPromise.id, {
      onDelete: "set null",
    }),
    ...timestamps,
  },
  (t) => [
    index("citizen_promise_partnership_idx").on(t.partnershipId),
    index("citizen_promise_predecessor_idx").on(t.predecessorId),
  ],
);

/** Append-only, like agreement_revision. */
export const citizenPromiseRevision = pgTable(
  "citizen_promise_revision",
  {
    id: id(),
    citizenPromiseId: uuid("citizen_promise_id")
      .notNull()
      .references(() => citizenPromise.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    content: jsonb("content").$type<CitizenPromiseContent>().notNull(),
    authorId: uuid("author_id").references(() => appUser.id, { onDelete: "set null" }),
    amendmentReason: text("amendment_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("citizen_promise_revision_number_key").on(t.citizenPromiseId, t.number)],
);

/** A recorded signature of an agreement or a citizen promise, for the revision signed. */
export const signature = pgTable(
  "signature",
  {
    id: id(),
    /** 'agreement' | 'citizen-promise' */
    documentType: text("document_type").notNull(),
    documentId: uuid("document_id").notNull(),
    revisionNumber: integer("revision_number").notNull(),
    signatoryName: text("signatory_name").notNull(),
    signatoryTitle: text("signatory_title").notNull().default(""),
    /** 'police' | 'municipality' | 'other' */
    party: text("party").notNull(),
    signedOn: date("signed_on", { mode: "string" }).notNull(),
    place: text("place").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => appUser.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("signature_document_idx").on(t.documentType, t.documentId)],
);

/** Dated progress notes on one commitment of a citizen promise; the newest gives its status. */
export const commitmentProgress = pgTable(
  "commitment_progress",
  {
    id: id(),
    citizenPromiseId: uuid("citizen_promise_id")
      .notNull()
      .references(() => citizenPromise.id, { onDelete: "cascade" }),
    commitmentKey: text("commitment_key").notNull(),
    /** One of COMMITMENT_STATUSES. */
    status: text("status").notNull(),
    note: text("note").notNull().default(""),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    authorId: uuid("author_id").references(() => appUser.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("commitment_progress_promise_idx").on(t.citizenPromiseId, t.commitmentKey, t.occurredOn)],
);

/** Comments on a draft or a document by the partnership's people (council members included). */
export const documentComment = pgTable(
  "document_comment",
  {
    id: id(),
    /** 'agreement' | 'citizen-promise' */
    documentType: text("document_type").notNull(),
    documentId: uuid("document_id").notNull(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnership.id, { onDelete: "cascade" }),
    /** The version the comment was written on. */
    revisionNumber: integer("revision_number").notNull(),
    authorId: uuid("author_id").references(() => appUser.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    ...timestamps,
  },
  (t) => [index("document_comment_document_idx").on(t.documentType, t.documentId, t.createdAt)],
);

// Safety surveys ------------------------------------------------------------------------------

/** A safety survey (trygghetsundersökning) of a partnership, asked in waves. */
export const survey = pgTable(
  "survey",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnership.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Questions, areas, places, languages: the same for every wave; frozen once one has answers. */
    definition: jsonb("definition").$type<SurveyDefinition>().notNull(),
    ...timestamps,
  },
  (t) => [index("survey_partnership_idx").on(t.partnershipId)],
);

/** One round of a survey (e.g. a year), open between two dates, answered through its public link. */
export const surveyWave = pgTable(
  "survey_wave",
  {
    id: id(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => survey.id, { onDelete: "cascade" }),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnership.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    opensOn: date("opens_on", { mode: "string" }).notNull(),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    /** The unguessable part of the public link /enkat/:linkKey. */
    linkKey: text("link_key").notNull(),
    /** A sampled survey: each answer needs one of the wave's single-use codes. */
    requiresCode: boolean("requires_code").notNull().default(false),
    /** When its aggregated, suppressed results were published; null = not public. */
    resultsPublishedAt: timestamp("results_published_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("survey_wave_link_key").on(t.linkKey),
    index("survey_wave_survey_idx").on(t.surveyId, t.opensOn),
  ],
);

/** A single-use code of a sampled wave, kept as its SHA-256 only. */
export const surveyCode = pgTable(
  "survey_code",
  {
    waveId: uuid("wave_id")
      .notNull()
      .references(() => surveyWave.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.codeHash] })],
);

/**
 * One respondent's answers: anonymous, no account, no address. Choices by slot (answerSlots of
 * the definition), free text and places beside them; append-only.
 */
export const surveyResponse = pgTable(
  "survey_response",
  {
    id: id(),
    waveId: uuid("wave_id")
      .notNull()
      .references(() => surveyWave.id, { onDelete: "cascade" }),
    /** Sent with the form: a retried post with the same key is the same response. */
    submissionKey: text("submission_key").notNull(),
    areaKey: text("area_key"),
    gender: text("gender"),
    ageBand: text("age_band"),
    language: text("language").notNull(),
    choices: smallint("choices").array().notNull(),
    texts: jsonb("texts").$type<Record<string, string>>().notNull().default({}),
    places: jsonb("places").$type<PlaceAnswer[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("survey_response_submission_key").on(t.waveId, t.submissionKey),
    index("survey_response_wave_area_idx").on(t.waveId, t.areaKey),
  ],
);

/** Answers saved to finish later: found again by the key in the respondent's link. */
export const surveyDraft = pgTable(
  "survey_draft",
  {
    key: text("key").primaryKey(),
    waveId: uuid("wave_id")
      .notNull()
      .references(() => surveyWave.id, { onDelete: "cascade" }),
    values: jsonb("values").$type<Record<string, string[]>>().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [index("survey_draft_wave_idx").on(t.waveId)],
);

/** Aggregated results published by the police or BRÅ, imported from CSV, per area and year. */
export const surveyExternalResult = pgTable(
  "survey_external_result",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnership.id, { onDelete: "cascade" }),
    area: text("area").notNull(),
    year: integer("year").notNull(),
    indicator: text("indicator").notNull(),
    /** 'percent' | 'index' */
    unit: text("unit").notNull(),
    value: doublePrecision("value").notNull(),
    low: doublePrecision("low"),
    high: doublePrecision("high"),
    respondents: integer("respondents"),
    /** 'police' | 'bra' | 'other' */
    source: text("source").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("survey_external_result_key").on(t.partnershipId, t.area, t.year, t.indicator, t.source),
  ],
);

// Audit ---------------------------------------------------------------------------------------

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** Append-only: rows are never updated, so there is no updated_at. */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: id(),
    actorId: uuid("actor_id").references(() => appUser.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    partnershipId: uuid("partnership_id"),
    action: text("action").notNull(),
    changes: jsonb("changes").$type<Record<string, FieldChange>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_event_entity_idx").on(t.entityType, t.entityId, t.createdAt)],
);

/** Settings that every instance must share (e.g. a generated secret). */
export const appSetting = pgTable("app_setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  ...timestamps,
});

// Public cache --------------------------------------------------------------------------------

/**
 * A counter per scope ("public": everything residents see), raised in the same transaction as
 * every write that changes a public page; instances compare it to drop cached pages.
 */
export const publicationVersion = pgTable("publication_version", {
  scope: text("scope").primaryKey(),
  version: integer("version").notNull(),
  ...timestamps,
});
