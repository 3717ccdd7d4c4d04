import { z } from "zod";
import { GLOBAL_ROLES, PARTNERSHIP_ROLES } from "~/domain/access/actor";
import { auditQuerySchema } from "~/domain/audit/audit.schemas";
import { agreementContentSchema, FOLLOW_UP_CADENCES } from "~/domain/agreements/agreement.schemas";
import {
  agreementRevisionSchema,
  comparisonQuerySchema,
  newAgreementSchema,
  revisionQuerySchema,
  signatureInputSchema,
  terminationSchema,
} from "~/domain/agreements/document-lifecycle.schemas";
import {
  DATE_STATUSES,
  LIFECYCLE_STAGES,
  SIGNATORY_PARTIES,
} from "~/domain/agreements/document-parts.schemas";
import {
  COVERAGES,
  LINK_STATUSES,
  policeAreaFilterSchema,
  policeAreaWithMunicipalitiesSchema,
} from "~/domain/police-areas/police-area.schemas";
import { invitationSchema } from "~/domain/invitations/invitation.schemas";
import {
  COUNCIL_TYPES,
  councilSchema,
  newPartnershipSchema,
  partnershipSchema,
} from "~/domain/partnerships/partnership.schemas";
import {
  citizenPromiseContentSchema,
  COMMITMENT_OWNERS,
  COMMITMENT_STATUSES,
} from "~/domain/citizen-promises/citizen-promise.schemas";
import {
  citizenPromiseRevisionSchema,
  commitmentProgressSchema,
  newCitizenPromiseSchema,
} from "~/domain/citizen-promises/citizen-promise-lifecycle.schemas";
import { commentSchema } from "~/domain/comments/comment.schemas";
import { THEMES } from "~/domain/themes/themes";
import { themesSchema } from "~/domain/themes/themes.schemas";
import { apiTokenSchema } from "~/domain/users/user.schemas";
import { responseInputSchema } from "~/domain/surveys/response-input";

/**
 * Every endpoint of the JSON API under /api/v1, in one list: the routes answer from it, the
 * OpenAPI document is generated from it, and the authorization matrix test walks it.
 */

export const API_PREFIX = "/api/v1";
export const HTTP_METHODS = ["GET", "POST", "PUT", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface Endpoint {
  method: HttpMethod;
  /** Below /api/v1, with OpenAPI's `{param}` placeholders. */
  path: string;
  operationId: string;
  /** Swedish, shown in the OpenAPI document. */
  summary: string;
  description?: string;
  tag: string;
  /** "public": anyone; "user": a session cookie or an API token. */
  auth: "public" | "user";
  request?: z.ZodType;
  /** Query parameters (`?name=value`), checked like a body: 422 with a message per parameter. */
  query?: z.ZodObject;
  /** Path parameters that are not uuids (a slug), checked by this schema; any other is a uuid. */
  params?: z.ZodObject;
  /**
   * Open data: anyone may read and keep it (Cache-Control public, ETag). JSON, or CSV with
   * `?format=csv` (its query has `format`; the handler then returns an `ApiFile`).
   */
  openData?: true;
  response?: z.ZodType;
  /** The media types of a file answer (instead of JSON): the handler returns an `ApiFile`. */
  file?: readonly string[];
  status: 200 | 201 | 204;
  /** Error statuses this endpoint can answer besides 401 (for "user"), 400, 415 and 422. */
  errors: readonly number[];
}

const define = <const E extends Endpoint>(endpoint: E): E => endpoint;

/** What an endpoint with `file` answers with. */
export interface ApiFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const exportQuerySchema = z.object({
  format: z.enum(["docx", "pdf"], { message: "Ange format=docx eller format=pdf." }),
});
const EXPORT_TYPES = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/pdf",
] as const;

const id = z.guid().describe("uuid");
const dateTime = z.iso.datetime();

const commentResponse = z.object({
  id,
  authorName: z.string().nullable(),
  revisionNumber: z.number().int(),
  body: z.string(),
  createdAt: dateTime,
});

// Open data (published material only) -----------------------------------------------------

/** `?format=csv` for CSV; JSON otherwise. */
export const openDataQuerySchema = z.object({
  format: z
    .enum(["json", "csv"], { message: "Ange format=json eller format=csv." })
    .default("json")
    .describe("json (standard) eller csv: samma rader, en kolumn per fält, `;` mellan fälten, UTF-8 med BOM"),
});
export const OPEN_DATA_CSV = ["text/csv"] as const;

const slugParamsSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .describe("Kommunens namn i adressen, t.ex. ange, umea, stockholm"),
});

const publicStatus = z
  .enum(DATE_STATUSES)
  .describe("Status i dag: upcoming, active, continued (förlängd), expired, terminated, replaced");
const day = z.string().nullable();
const themeList = z.array(z.enum(THEMES)).max(THEMES.length);
const municipalitySlugs = z.array(z.string()).describe("Sluggarna för kommunerna som samverkan omfattar");
const covering = {
  partnershipId: id,
  partnership: z.string().describe("Samverkans namn"),
  municipalities: municipalitySlugs,
};

export const openMunicipalityRowResponse = z.object({
  code: z.string().describe("SCB:s kommunkod, fyra siffror"),
  name: z.string(),
  slug: z.string(),
  county: z.string(),
  policeRegion: z.string(),
  status: z
    .enum([...DATE_STATUSES, "none"])
    .describe("Den gällande överenskommelsens status; none: ingen publicerad"),
  agreementId: id.nullable(),
  periodEnd: day.describe("Periodens slut (år eller datum)"),
  continuesUntilReplaced: z.boolean(),
  themes: themeList.describe("Teman i den gällande överenskommelsens fokusområden"),
  promises: z.number().int().describe("Publicerade medborgarlöften (alla perioder)"),
  commitments: z.number().int().describe("Löften i dem"),
});

const periodResponse = z.object({ from: day, to: day, continuesUntilReplaced: z.boolean() });

const publicAgreementResponse = z.object({
  id,
  partnershipId: id,
  title: z.string(),
  caseNumber: z.string(),
  status: publicStatus,
  period: periodResponse,
  signedOn: day,
  publishedAt: dateTime,
  terminatedOn: day,
  goals: z.array(z.string()),
  focusAreas: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      description: z.string(),
      points: z.array(z.string()),
      themes: themesSchema,
    }),
  ),
  followUp: z.object({
    cadence: z.enum(FOLLOW_UP_CADENCES).nullable(),
    responsible: z.string(),
    reportsTo: z.string(),
    description: z.string(),
  }),
});

const publicCitizenPromiseResponse = z.object({
  id,
  partnershipId: id,
  agreementId: id.nullable(),
  title: z.string(),
  status: publicStatus,
  period: periodResponse,
  signedOn: day,
  publishedAt: dateTime,
  terminatedOn: day,
  problemPicture: z.string(),
  followUp: z.string(),
  commitments: z.array(
    z.object({
      key: z.string(),
      owner: z.enum(COMMITMENT_OWNERS),
      ownerName: z.string(),
      text: z.string(),
      themes: themesSchema,
      status: z.enum(COMMITMENT_STATUSES).nullable().describe("Den senaste anteckningens status"),
      note: z.string(),
      statusOn: day,
    }),
  ),
});

export const openMunicipalityResponse = z.object({
  municipality: z.object({
    code: z.string(),
    name: z.string(),
    slug: z.string(),
    county: z.string(),
    policeRegion: z.string(),
  }),
  partnerships: z.array(
    z.object({
      id,
      name: z.string(),
      policeArea: z.string(),
      councils: z.array(z.object({ name: z.string(), type: z.string() })),
    }),
  ),
  currentAgreement: publicAgreementResponse.nullable(),
  earlierAgreements: z.array(publicAgreementResponse),
  currentPromises: z.array(publicCitizenPromiseResponse),
  earlierPromises: z.array(publicCitizenPromiseResponse),
  followUps: z
    .array(
      z.object({
        id,
        citizenPromiseId: id,
        citizenPromiseTitle: z.string(),
        commitmentKey: z.string(),
        commitmentText: z.string(),
        status: z.enum(COMMITMENT_STATUSES),
        note: z.string(),
        occurredOn: z.string(),
      }),
    )
    .describe("Uppföljningar av löftena, nyast först"),
});

export const openPartnershipRowResponse = z.object({
  id,
  name: z.string(),
  policeArea: z.string().describe("Lokalpolisområdet"),
  municipalities: municipalitySlugs,
  councils: z.array(z.string()).describe("Rådens namn (trygghetsråd, styrgrupp …)"),
});

export const openAgreementRowResponse = z.object({
  id,
  title: z.string(),
  caseNumber: z.string(),
  status: publicStatus,
  periodFrom: day,
  periodTo: day,
  continuesUntilReplaced: z.boolean(),
  signedOn: day,
  publishedAt: dateTime,
  terminatedOn: day,
  focusAreas: z.array(z.string()).describe("Fokusområdenas rubriker"),
  themes: themeList,
  ...covering,
});

export const openCitizenPromiseRowResponse = z.object({
  id,
  title: z.string(),
  agreementId: id.nullable(),
  status: publicStatus,
  periodFrom: day,
  periodTo: day,
  continuesUntilReplaced: z.boolean(),
  signedOn: day,
  publishedAt: dateTime,
  terminatedOn: day,
  commitments: z.number().int().describe("Antal löften"),
  themes: themeList,
  ...covering,
});

export const openCommitmentRowResponse = z.object({
  citizenPromiseId: id,
  citizenPromiseTitle: z.string(),
  citizenPromiseStatus: publicStatus,
  key: z.string(),
  owner: z.enum(COMMITMENT_OWNERS).describe("police, municipality, joint (gemensamt) eller other"),
  ownerName: z.string(),
  text: z.string(),
  themes: themeList,
  status: z
    .enum(COMMITMENT_STATUSES)
    .nullable()
    .describe("Den senaste anteckningens status, null före den första"),
  statusOn: day,
  note: z.string(),
  ...covering,
});

const OPEN_DATA_DESCRIPTION =
  "Öppna data: bara publicerat material, utan inloggning. JSON, eller CSV med `?format=csv` " +
  "(samma fält som kolumner). Svaret har ETag och kan hämtas villkorligt med If-None-Match (304).";

// Open data: a safety survey's published results --------------------------------------------

const share01 = z.number().min(0).max(1).nullable();
const publicShareResponse = z.object({
  share: share01.describe("Andelen, 0–1"),
  low: share01.describe("95 % konfidensintervallets nedre gräns (Wilson), 0–1"),
  high: share01.describe("95 % konfidensintervallets övre gräns, 0–1"),
});
const surveyOptionResponse = publicShareResponse.extend({ index: z.number().int(), label: z.string() });
const surveyGroupResponse = z.object({
  key: z.string().describe("Områdets nyckel, woman/man/other, 16-24/25-44/45-64/65+, eller - (ej angett)"),
  label: z.string(),
  hidden: z.boolean().describe("true: för få svar; inga siffror visas"),
  n: z.number().int().nullable().describe("Antal svarande i gruppen; null när den är dold"),
});
const surveyGroupIndicatorResponse = surveyGroupResponse.extend({
  indicator: publicShareResponse.nullable(),
});
const byDimension = <T extends z.ZodType>(schema: T) =>
  z.object({ area: z.array(schema), gender: z.array(schema), age: z.array(schema) });
const problemBand = z
  .enum(["small", "some", "large"])
  .nullable()
  .describe("small: under 2 (inga eller små problem), some: 2–4 (vissa problem), large: 4–6 (stora problem)");

export const openSurveyResultsResponse = z.object({
  wave: z.object({
    id,
    name: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    resultsPublishedAt: dateTime,
  }),
  survey: z.object({ id, title: z.string() }),
  partnership: z.object({ id, name: z.string() }),
  municipalities: z.array(z.object({ code: z.string(), name: z.string(), slug: z.string() })),
  minimumGroup: z.number().int().describe("Grupper med färre svarande visas inte"),
  respondents: z.number().int().nullable().describe("null: färre svar än minimum, inga resultat visas"),
  hidden: z.boolean(),
  groups: byDimension(surveyGroupResponse).describe("Svarande efter område, kön och ålder"),
  questions: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(["single", "multiple", "scale", "matrix"]),
      text: z.string(),
      hidden: z.boolean(),
      n: z.number().int().nullable(),
      options: z.array(surveyOptionResponse),
      indicatorLabel: z.string().nullable().describe("Svaren som indikatorn räknar, t.ex. otrygg"),
      indicator: publicShareResponse.nullable(),
      items: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          hidden: z.boolean(),
          n: z.number().int().nullable(),
          options: z.array(surveyOptionResponse),
          indicator: publicShareResponse.nullable(),
          problemIndex: z.number().nullable().describe("Polisens problemindex 0–6"),
          problemBand,
        }),
      ),
      problemIndex: z.number().nullable(),
      problemBand,
      groups: byDimension(surveyGroupIndicatorResponse).describe("Indikatorn efter område, kön och ålder"),
      trend: z.array(publicShareResponse.extend({ waveId: id, name: z.string(), hidden: z.boolean() })),
      change: z
        .object({
          previousWaveId: id,
          previousWaveName: z.string(),
          before: z.number(),
          after: z.number(),
          difference: z.number().describe("after − before, 0.05 = 5 procentenheter"),
          p: z.number().nullable(),
          significant: z.boolean().describe("Statistiskt säkerställd på 5 %-nivån (z-test för två andelar)"),
        })
        .nullable(),
    }),
  ),
  places: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      mentions: z.number().int(),
      reasons: z.array(z.object({ key: z.string(), label: z.string(), mentions: z.number().int() })),
      times: z.array(z.object({ key: z.string(), label: z.string(), mentions: z.number().int() })),
      days: z.array(z.object({ key: z.string(), label: z.string(), mentions: z.number().int() })),
    }),
  ),
  otherPlaceMentions: z.number().int(),
});
const waveParamsSchema = z.object({ waveId: id.describe("Omgångens id") });

// Response shapes ----------------------------------------------------------------------------

export const meResponse = z.object({
  id,
  email: z.string(),
  name: z.string(),
  globalRole: z.enum(GLOBAL_ROLES).nullable(),
  memberships: z.array(z.object({ partnershipId: id, role: z.enum(PARTNERSHIP_ROLES) })),
});

export const apiTokenResponse = z.object({
  id,
  name: z.string(),
  createdAt: dateTime,
  lastUsedAt: dateTime.nullable(),
});

export const createdApiTokenResponse = apiTokenResponse.extend({
  token: z.string().describe("Nyckeln i klartext. Den visas bara nu; Tryggsam sparar bara dess hash."),
});

export const policeAreaResponse = z.object({
  id,
  name: z.string(),
  policeDistrict: z.string().nullable(),
  policeRegion: z.object({ id, name: z.string() }),
  municipalities: z.array(
    z.object({
      code: z.string().describe("SCB:s kommunkod, fyra siffror"),
      name: z.string(),
      coverage: z.enum(COVERAGES).describe("whole: hela kommunen; part: en del av den"),
      status: z.enum(LINK_STATUSES).describe("verified: bekräftad av en källa; probable: trolig"),
      source: z.string().nullable(),
    }),
  ),
  updatedAt: dateTime,
});

export const auditEventResponse = z.object({
  id,
  createdAt: dateTime,
  actor: z.string().describe("Vem som gjorde ändringen"),
  action: z.string().describe("t.ex. create, update, add-municipality"),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const municipalityResponse = z.object({
  code: z.string().describe("SCB:s kommunkod, fyra siffror"),
  name: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
});

export const councilResponse = z.object({
  id,
  name: z.string(),
  type: z.enum(COUNCIL_TYPES),
  members: z.array(z.object({ name: z.string(), role: z.string() })),
});

export const partnershipSummaryResponse = z.object({
  id,
  name: z.string(),
  policeArea: z.object({ id, name: z.string() }),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  createdAt: dateTime,
});

export const partnershipResponse = partnershipSummaryResponse.extend({
  otherActors: z.array(z.string()),
  councils: z.array(councilResponse),
  people: z.array(
    z.object({ userId: id, name: z.string(), email: z.string(), role: z.enum(PARTNERSHIP_ROLES) }),
  ),
  updatedAt: dateTime,
});

export const invitationResponse = z.object({
  id,
  email: z.string(),
  role: z.enum(PARTNERSHIP_ROLES),
  expiresAt: dateTime,
  createdAt: dateTime,
});

export const outboxMessageResponse = z.object({
  id,
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: dateTime,
  sentAt: dateTime.nullable(),
});

const revisionSummaryResponse = z.object({
  number: z.number().int(),
  authorName: z.string().nullable(),
  createdAt: dateTime,
  amendmentReason: z.string().nullable().describe("Skälet, när versionen gjordes efter undertecknandet"),
});

const signatureResponse = z.object({
  id,
  revisionNumber: z.number().int().describe("Versionen som undertecknades"),
  name: z.string(),
  title: z.string(),
  party: z.enum(SIGNATORY_PARTIES),
  signedOn: z.string().describe("ÅÅÅÅ-MM-DD"),
  place: z.string(),
});

/** The lifecycle fields agreements and citizen promises share. */
const documentSummaryFields = {
  id,
  partnershipId: id,
  title: z.string(),
  period: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    continuesUntilReplaced: z.boolean(),
  }),
  stage: z
    .enum(LIFECYCLE_STAGES)
    .describe("Steget: utkast, klar för undertecknande, undertecknad, publicerad"),
  status: z.enum(DATE_STATUSES).describe("Status efter datum, härledd ur perioden och händelserna"),
  currentRevision: z.number().int().describe("Skicka den som baseRevision när du sparar"),
  signedOn: z.string().nullable(),
  publishedAt: dateTime.nullable(),
  updatedAt: dateTime,
};

const documentDetailFields = {
  predecessorId: id.nullable(),
  successorId: id.nullable(),
  readyForSigningAt: dateTime.nullable(),
  signedPlace: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  terminationReason: z.string().nullable(),
  revisions: z.array(revisionSummaryResponse).describe("Nyast först"),
  signatures: z.array(signatureResponse),
  createdAt: dateTime,
};

export const agreementSummaryResponse = z.object(documentSummaryFields);
export const agreementResponse = agreementSummaryResponse.extend({
  content: agreementContentSchema,
  ...documentDetailFields,
});
export const agreementRevisionResponse = revisionSummaryResponse.extend({ content: agreementContentSchema });

export const citizenPromiseSummaryResponse = z.object(documentSummaryFields);
export const citizenPromiseResponse = citizenPromiseSummaryResponse.extend({
  content: citizenPromiseContentSchema,
  ...documentDetailFields,
  agreementId: id.nullable().describe("Överenskommelsen löftet publiceras i, om något"),
  progress: z
    .array(
      z.object({
        commitmentKey: z.string(),
        status: z.enum(COMMITMENT_STATUSES).nullable().describe("Den senaste anteckningens status"),
        notes: z
          .array(
            z.object({
              id,
              status: z.enum(COMMITMENT_STATUSES),
              note: z.string(),
              occurredOn: z.string().describe("ÅÅÅÅ-MM-DD"),
              authorName: z.string().nullable(),
              createdAt: dateTime,
            }),
          )
          .describe("Nyast först"),
      }),
    )
    .describe("Per löfte, i löftenas ordning"),
});
export const citizenPromiseRevisionResponse = revisionSummaryResponse.extend({
  content: citizenPromiseContentSchema,
});

export const openApiResponse = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
});

// Safety surveys: a resident's answers -----------------------------------------------------

const surveyLinkParamsSchema = z.object({
  linkKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .describe("Den publika länkens nyckel: /enkat/{linkKey}"),
});
const surveyResponseResponse = z.object({
  id,
  duplicate: z.boolean().describe("true: samma submissionKey var redan mottagen; inget nytt sparades"),
});

// Endpoints ----------------------------------------------------------------------------------

export const endpoints = {
  openApi: define({
    method: "GET",
    path: "/openapi.json",
    operationId: "getOpenApi",
    summary: "Den här beskrivningen av API:t (OpenAPI 3.1)",
    tag: "API",
    auth: "public",
    response: openApiResponse,
    status: 200,
    errors: [],
  }),
  getMe: define({
    method: "GET",
    path: "/me",
    operationId: "getMe",
    summary: "Den inloggade användaren och hens roller",
    tag: "Konto",
    auth: "user",
    response: meResponse,
    status: 200,
    errors: [],
  }),
  findApiTokens: define({
    method: "GET",
    path: "/api-tokens",
    operationId: "findApiTokens",
    summary: "Mina API-nycklar som gäller",
    tag: "Konto",
    auth: "user",
    response: z.array(apiTokenResponse),
    status: 200,
    errors: [],
  }),
  createApiToken: define({
    method: "POST",
    path: "/api-tokens",
    operationId: "createApiToken",
    summary: "Skapa en personlig API-nyckel",
    description:
      "Svaret innehåller nyckeln i klartext, en enda gång. Skicka den som `Authorization: Bearer <nyckel>`.",
    tag: "Konto",
    auth: "user",
    request: apiTokenSchema,
    response: createdApiTokenResponse,
    status: 201,
    errors: [],
  }),
  revokeApiToken: define({
    method: "DELETE",
    path: "/api-tokens/{id}",
    operationId: "revokeApiToken",
    summary: "Återkalla en av mina API-nycklar",
    tag: "Konto",
    auth: "user",
    status: 204,
    errors: [404],
  }),
  findPoliceAreas: define({
    method: "GET",
    path: "/police-areas",
    operationId: "findPoliceAreas",
    summary: "Lokalpolisområdena och kommunerna de betjänar",
    tag: "Lokalpolisområden",
    auth: "user",
    query: policeAreaFilterSchema,
    response: z.array(policeAreaResponse),
    status: 200,
    errors: [],
  }),
  addPoliceArea: define({
    method: "POST",
    path: "/police-areas",
    operationId: "addPoliceArea",
    summary: "Lägg till ett lokalpolisområde (administratörer)",
    tag: "Lokalpolisområden",
    auth: "user",
    request: policeAreaWithMunicipalitiesSchema,
    response: policeAreaResponse,
    status: 201,
    errors: [409],
  }),
  getPoliceArea: define({
    method: "GET",
    path: "/police-areas/{id}",
    operationId: "getPoliceArea",
    summary: "Ett lokalpolisområde",
    tag: "Lokalpolisområden",
    auth: "user",
    response: policeAreaResponse,
    status: 200,
    errors: [],
  }),
  correctPoliceArea: define({
    method: "PUT",
    path: "/police-areas/{id}",
    operationId: "correctPoliceArea",
    summary: "Rätta ett lokalpolisområde och kommunerna det betjänar (administratörer)",
    description:
      "`municipalities` är hela listan: kommuner som saknas i den tas bort, nya läggs till, ändrade rättas.",
    tag: "Lokalpolisområden",
    auth: "user",
    request: policeAreaWithMunicipalitiesSchema,
    response: policeAreaResponse,
    status: 200,
    errors: [409],
  }),
  findAuditEvents: define({
    method: "GET",
    path: "/audit-events",
    operationId: "findAuditEvents",
    summary: "Ändringshistoriken för en post, äldst först",
    description:
      "En samverkans poster kräver behörighet att läsa dess historik; lokalpolisområden och konton kräver administratör eller analytiker.",
    tag: "Historik",
    auth: "user",
    query: auditQuerySchema,
    response: z.array(auditEventResponse),
    status: 200,
    errors: [403, 404],
  }),
  findMunicipalities: define({
    method: "GET",
    path: "/municipalities",
    operationId: "findMunicipalities",
    summary: "Sveriges 290 kommuner med län",
    tag: "Samverkan",
    auth: "user",
    response: z.array(municipalityResponse),
    status: 200,
    errors: [],
  }),
  findPartnerships: define({
    method: "GET",
    path: "/partnerships",
    operationId: "findPartnerships",
    summary: "De samverkan jag får läsa",
    tag: "Samverkan",
    auth: "user",
    response: z.array(partnershipSummaryResponse),
    status: 200,
    errors: [],
  }),
  createPartnership: define({
    method: "POST",
    path: "/partnerships",
    operationId: "createPartnership",
    summary: "Skapa en samverkan (administratörer)",
    tag: "Samverkan",
    auth: "user",
    request: newPartnershipSchema,
    response: partnershipResponse,
    status: 201,
    errors: [],
  }),
  getPartnership: define({
    method: "GET",
    path: "/partnerships/{id}",
    operationId: "getPartnership",
    summary: "En samverkan med kommuner, råd och personer",
    tag: "Samverkan",
    auth: "user",
    response: partnershipResponse,
    status: 200,
    errors: [],
  }),
  updatePartnership: define({
    method: "PUT",
    path: "/partnerships/{id}",
    operationId: "updatePartnership",
    summary: "Ändra namn, lokalpolisområde, kommuner och andra aktörer",
    tag: "Samverkan",
    auth: "user",
    request: partnershipSchema,
    response: partnershipResponse,
    status: 200,
    errors: [],
  }),
  addCouncil: define({
    method: "POST",
    path: "/partnerships/{id}/councils",
    operationId: "addCouncil",
    summary: "Lägg till ett råd (trygghetsråd, lokalt BRÅ …)",
    tag: "Samverkan",
    auth: "user",
    request: councilSchema,
    response: councilResponse,
    status: 201,
    errors: [],
  }),
  updateCouncil: define({
    method: "PUT",
    path: "/partnerships/{id}/councils/{councilId}",
    operationId: "updateCouncil",
    summary: "Ändra ett råd och dess ledamöter",
    tag: "Samverkan",
    auth: "user",
    request: councilSchema,
    response: councilResponse,
    status: 200,
    errors: [],
  }),
  removeCouncil: define({
    method: "DELETE",
    path: "/partnerships/{id}/councils/{councilId}",
    operationId: "removeCouncil",
    summary: "Ta bort ett råd",
    tag: "Samverkan",
    auth: "user",
    status: 204,
    errors: [],
  }),
  findInvitations: define({
    method: "GET",
    path: "/partnerships/{id}/invitations",
    operationId: "findInvitations",
    summary: "Inbjudningar som väntar på svar",
    tag: "Samverkan",
    auth: "user",
    response: z.array(invitationResponse),
    status: 200,
    errors: [403],
  }),
  invitePerson: define({
    method: "POST",
    path: "/partnerships/{id}/invitations",
    operationId: "invitePerson",
    summary: "Bjud in en person med e-post",
    description:
      "Skickar en länk som gäller i 7 dagar (via SMTP, eller till utkorgen). En väntande inbjudan till samma adress ersätts.",
    tag: "Samverkan",
    auth: "user",
    request: invitationSchema,
    response: invitationResponse,
    status: 201,
    errors: [409],
  }),
  findOutboxMessages: define({
    method: "GET",
    path: "/outbox",
    operationId: "findOutboxMessages",
    summary: "Utkorgen: e-post som inte skickats via SMTP, nyast först (administratörer)",
    tag: "Administration",
    auth: "user",
    response: z.array(outboxMessageResponse),
    status: 200,
    errors: [403],
  }),
  findAgreements: define({
    method: "GET",
    path: "/partnerships/{id}/agreements",
    operationId: "findAgreements",
    summary: "En samverkans samverkansöverenskommelser, nyast först",
    tag: "Överenskommelser",
    auth: "user",
    response: z.array(agreementSummaryResponse),
    status: 200,
    errors: [],
  }),
  createAgreement: define({
    method: "POST",
    path: "/partnerships/{id}/agreements",
    operationId: "createAgreement",
    summary: "Påbörja en samverkansöverenskommelse (version 1, utkast)",
    tag: "Överenskommelser",
    auth: "user",
    request: newAgreementSchema,
    response: agreementResponse,
    status: 201,
    errors: [],
  }),
  getAgreement: define({
    method: "GET",
    path: "/agreements/{id}",
    operationId: "getAgreement",
    summary: "En överenskommelse: gällande innehåll, versioner, underskrifter och status",
    tag: "Överenskommelser",
    auth: "user",
    response: agreementResponse,
    status: 200,
    errors: [],
  }),
  saveAgreementRevision: define({
    method: "PUT",
    path: "/agreements/{id}",
    operationId: "saveAgreementRevision",
    summary: "Spara en ny version av innehållet",
    description:
      "`baseRevision` är versionen du utgick från. Har någon annan sparat sedan dess svarar API:t 409, " +
      "och `details.current` innehåller den versionen (nummer, vem, när, innehåll); inget sparas. " +
      "Efter undertecknandet krävs `amendmentReason` (revidering).",
    tag: "Överenskommelser",
    auth: "user",
    request: agreementRevisionSchema,
    response: agreementResponse,
    status: 200,
    errors: [409],
  }),
  getAgreementRevision: define({
    method: "GET",
    path: "/agreements/{id}/revision",
    operationId: "getAgreementRevision",
    summary: "En version av en överenskommelse",
    tag: "Överenskommelser",
    auth: "user",
    query: revisionQuerySchema,
    response: agreementRevisionResponse,
    status: 200,
    errors: [],
  }),
  compareAgreementRevisions: define({
    method: "GET",
    path: "/agreements/{id}/comparison",
    operationId: "compareAgreementRevisions",
    summary: "Två versioner av en överenskommelse, att visa sida vid sida",
    tag: "Överenskommelser",
    auth: "user",
    query: comparisonQuerySchema,
    response: z.object({ a: agreementRevisionResponse, b: agreementRevisionResponse }),
    status: 200,
    errors: [],
  }),
  findAgreementComments: define({
    method: "GET",
    path: "/agreements/{id}/comments",
    operationId: "findAgreementComments",
    summary: "Kommentarerna på överenskommelsen, äldst först",
    tag: "Överenskommelser",
    auth: "user",
    response: z.array(commentResponse),
    status: 200,
    errors: [],
  }),
  addAgreementComment: define({
    method: "POST",
    path: "/agreements/{id}/comments",
    operationId: "addAgreementComment",
    summary: "Kommentera överenskommelsen (samverkans personer, även rådsmedlemmar)",
    tag: "Överenskommelser",
    auth: "user",
    request: commentSchema,
    response: z.object({ id }),
    status: 201,
    errors: [],
  }),
  exportAgreement: define({
    method: "GET",
    path: "/agreements/{id}/export",
    operationId: "exportAgreement",
    summary: "Överenskommelsen som Word (DOCX) eller PDF",
    description: "Den senaste versionen; när den är undertecknad med dem som skrev under.",
    tag: "Överenskommelser",
    auth: "user",
    query: exportQuerySchema,
    file: EXPORT_TYPES,
    status: 200,
    errors: [],
  }),
  markAgreementReadyForSigning: define({
    method: "POST",
    path: "/agreements/{id}/ready",
    operationId: "markAgreementReadyForSigning",
    summary: "Markera utkastet som klart för undertecknande",
    tag: "Överenskommelser",
    auth: "user",
    response: agreementResponse,
    status: 200,
    errors: [409],
  }),
  recordAgreementSignature: define({
    method: "POST",
    path: "/agreements/{id}/signatures",
    operationId: "recordAgreementSignature",
    summary: "Registrera en underskrift",
    description:
      "Överenskommelsen är undertecknad när både polisen och kommunen har skrivit under den gällande versionen.",
    tag: "Överenskommelser",
    auth: "user",
    request: signatureInputSchema,
    response: agreementResponse,
    status: 201,
    errors: [409],
  }),
  publishAgreement: define({
    method: "POST",
    path: "/agreements/{id}/publish",
    operationId: "publishAgreement",
    summary: "Publicera en undertecknad överenskommelse",
    tag: "Överenskommelser",
    auth: "user",
    response: agreementResponse,
    status: 200,
    errors: [409],
  }),
  terminateAgreement: define({
    method: "POST",
    path: "/agreements/{id}/terminate",
    operationId: "terminateAgreement",
    summary: "Säga upp en undertecknad överenskommelse",
    tag: "Överenskommelser",
    auth: "user",
    request: terminationSchema,
    response: agreementResponse,
    status: 200,
    errors: [409],
  }),
  findCitizenPromises: define({
    method: "GET",
    path: "/partnerships/{id}/citizen-promises",
    operationId: "findCitizenPromises",
    summary: "En samverkans medborgarlöften, nyast först",
    tag: "Medborgarlöften",
    auth: "user",
    response: z.array(citizenPromiseSummaryResponse),
    status: 200,
    errors: [],
  }),
  createCitizenPromise: define({
    method: "POST",
    path: "/partnerships/{id}/citizen-promises",
    operationId: "createCitizenPromise",
    summary: "Påbörja ett medborgarlöfte (version 1, utkast), eget eller i en överenskommelse",
    tag: "Medborgarlöften",
    auth: "user",
    request: newCitizenPromiseSchema,
    response: citizenPromiseResponse,
    status: 201,
    errors: [],
  }),
  getCitizenPromise: define({
    method: "GET",
    path: "/citizen-promises/{id}",
    operationId: "getCitizenPromise",
    summary:
      "Ett medborgarlöfte: gällande innehåll, versioner, underskrifter, status och hur det går med varje löfte",
    tag: "Medborgarlöften",
    auth: "user",
    response: citizenPromiseResponse,
    status: 200,
    errors: [],
  }),
  saveCitizenPromiseRevision: define({
    method: "PUT",
    path: "/citizen-promises/{id}",
    operationId: "saveCitizenPromiseRevision",
    summary: "Spara en ny version av innehållet",
    description:
      "`baseRevision` är versionen du utgick från. Har någon annan sparat sedan dess svarar API:t 409, " +
      "och `details.current` innehåller den versionen (nummer, vem, när, innehåll); inget sparas. " +
      "Efter undertecknandet krävs `amendmentReason` (revidering).",
    tag: "Medborgarlöften",
    auth: "user",
    request: citizenPromiseRevisionSchema,
    response: citizenPromiseResponse,
    status: 200,
    errors: [409],
  }),
  getCitizenPromiseRevision: define({
    method: "GET",
    path: "/citizen-promises/{id}/revision",
    operationId: "getCitizenPromiseRevision",
    summary: "En version av ett medborgarlöfte",
    tag: "Medborgarlöften",
    auth: "user",
    query: revisionQuerySchema,
    response: citizenPromiseRevisionResponse,
    status: 200,
    errors: [],
  }),
  compareCitizenPromiseRevisions: define({
    method: "GET",
    path: "/citizen-promises/{id}/comparison",
    operationId: "compareCitizenPromiseRevisions",
    summary: "Två versioner av ett medborgarlöfte, att visa sida vid sida",
    tag: "Medborgarlöften",
    auth: "user",
    query: comparisonQuerySchema,
    response: z.object({ a: citizenPromiseRevisionResponse, b: citizenPromiseRevisionResponse }),
    status: 200,
    errors: [],
  }),
  findCitizenPromiseComments: define({
    method: "GET",
    path: "/citizen-promises/{id}/comments",
    operationId: "findCitizenPromiseComments",
    summary: "Kommentarerna på medborgarlöftet, äldst först",
    tag: "Medborgarlöften",
    auth: "user",
    response: z.array(commentResponse),
    status: 200,
    errors: [],
  }),
  addCitizenPromiseComment: define({
    method: "POST",
    path: "/citizen-promises/{id}/comments",
    operationId: "addCitizenPromiseComment",
    summary: "Kommentera medborgarlöftet (samverkans personer, även rådsmedlemmar)",
    tag: "Medborgarlöften",
    auth: "user",
    request: commentSchema,
    response: z.object({ id }),
    status: 201,
    errors: [],
  }),
  exportCitizenPromise: define({
    method: "GET",
    path: "/citizen-promises/{id}/export",
    operationId: "exportCitizenPromise",
    summary: "Medborgarlöftet som Word (DOCX) eller PDF",
    description: "Den senaste versionen, löftena grupperade efter vem som lovar.",
    tag: "Medborgarlöften",
    auth: "user",
    query: exportQuerySchema,
    file: EXPORT_TYPES,
    status: 200,
    errors: [],
  }),
  markCitizenPromiseReadyForSigning: define({
    method: "POST",
    path: "/citizen-promises/{id}/ready",
    operationId: "markCitizenPromiseReadyForSigning",
    summary: "Markera utkastet som klart för undertecknande",
    tag: "Medborgarlöften",
    auth: "user",
    response: citizenPromiseResponse,
    status: 200,
    errors: [409],
  }),
  recordCitizenPromiseSignature: define({
    method: "POST",
    path: "/citizen-promises/{id}/signatures",
    operationId: "recordCitizenPromiseSignature",
    summary: "Registrera en underskrift",
    description:
      "Medborgarlöftet är undertecknat när både polisen och kommunen har skrivit under den gällande versionen.",
    tag: "Medborgarlöften",
    auth: "user",
    request: signatureInputSchema,
    response: citizenPromiseResponse,
    status: 201,
    errors: [409],
  }),
  publishCitizenPromise: define({
    method: "POST",
    path: "/citizen-promises/{id}/publish",
    operationId: "publishCitizenPromise",
    summary: "Publicera ett undertecknat medborgarlöfte",
    tag: "Medborgarlöften",
    auth: "user",
    response: citizenPromiseResponse,
    status: 200,
    errors: [409],
  }),
  terminateCitizenPromise: define({
    method: "POST",
    path: "/citizen-promises/{id}/terminate",
    operationId: "terminateCitizenPromise",
    summary: "Säga upp ett undertecknat medborgarlöfte",
    tag: "Medborgarlöften",
    auth: "user",
    request: terminationSchema,
    response: citizenPromiseResponse,
    status: 200,
    errors: [409],
  }),
  recordCommitmentProgress: define({
    method: "POST",
    path: "/citizen-promises/{id}/progress",
    operationId: "recordCommitmentProgress",
    summary: "Anteckna hur det går med ett löfte (status, vad som gjordes, när)",
    description:
      "`commitmentKey` är löftets nyckel i det gällande innehållet. Den senaste anteckningen ger löftets status.",
    tag: "Medborgarlöften",
    auth: "user",
    request: commitmentProgressSchema,
    response: citizenPromiseResponse,
    status: 201,
    errors: [],
  }),
  findOpenMunicipalities: define({
    method: "GET",
    path: "/public/municipalities",
    operationId: "findOpenMunicipalities",
    summary: "Alla 290 kommuner med gällande överenskommelse, status, teman och antal löften",
    description: OPEN_DATA_DESCRIPTION,
    tag: "Öppna data",
    auth: "public",
    openData: true,
    query: openDataQuerySchema,
    response: z.array(openMunicipalityRowResponse),
    status: 200,
    errors: [],
  }),
  getOpenMunicipality: define({
    method: "GET",
    path: "/public/municipalities/{slug}",
    operationId: "getOpenMunicipality",
    summary: "En kommuns publicerade material: samverkan, överenskommelser, medborgarlöften, uppföljningar",
    description: `${OPEN_DATA_DESCRIPTION} CSV: kommunens löften (åtaganden), ett per rad, som /public/commitments.`,
    tag: "Öppna data",
    auth: "public",
    openData: true,
    params: slugParamsSchema,
    query: openDataQuerySchema,
    response: openMunicipalityResponse,
    status: 200,
    errors: [404],
  }),
  findOpenPartnerships: define({
    method: "GET",
    path: "/public/partnerships",
    operationId: "findOpenPartnerships",
    summary: "Alla samverkan: lokalpolisområde, kommuner och råd",
    description: OPEN_DATA_DESCRIPTION,
    tag: "Öppna data",
    auth: "public",
    openData: true,
    query: openDataQuerySchema,
    response: z.array(openPartnershipRowResponse),
    status: 200,
    errors: [],
  }),
  findOpenAgreements: define({
    method: "GET",
    path: "/public/agreements",
    operationId: "findOpenAgreements",
    summary: "Alla publicerade samverkansöverenskommelser, senast publicerade först",
    description: OPEN_DATA_DESCRIPTION,
    tag: "Öppna data",
    auth: "public",
    openData: true,
    query: openDataQuerySchema,
    response: z.array(openAgreementRowResponse),
    status: 200,
    errors: [],
  }),
  findOpenCitizenPromises: define({
    method: "GET",
    path: "/public/citizen-promises",
    operationId: "findOpenCitizenPromises",
    summary: "Alla publicerade medborgarlöften, senast publicerade först",
    description: OPEN_DATA_DESCRIPTION,
    tag: "Öppna data",
    auth: "public",
    openData: true,
    query: openDataQuerySchema,
    response: z.array(openCitizenPromiseRowResponse),
    status: 200,
    errors: [],
  }),
  findOpenCommitments: define({
    method: "GET",
    path: "/public/commitments",
    operationId: "findOpenCommitments",
    summary: "Alla löften (åtaganden) i publicerade medborgarlöften, med ägare och senaste status",
    description: OPEN_DATA_DESCRIPTION,
    tag: "Öppna data",
    auth: "public",
    openData: true,
    query: openDataQuerySchema,
    response: z.array(openCommitmentRowResponse),
    status: 200,
    errors: [],
  }),
  getOpenSurveyResults: define({
    method: "GET",
    path: "/public/survey-results/{waveId}",
    operationId: "getOpenSurveyResults",
    summary: "En trygghetsundersöknings publicerade resultat för en omgång",
    description:
      `${OPEN_DATA_DESCRIPTION} Bara omgångar vars resultat är publicerade (annars 404). Grupper med färre ` +
      "svarande än samverkans minimum är dolda, liksom så många andra att de inte kan räknas fram; " +
      "fritextsvar finns aldrig med. CSV: samma rader som /trygghetsundersokningar/{waveId}.csv.",
    tag: "Öppna data",
    auth: "public",
    openData: true,
    params: waveParamsSchema,
    query: openDataQuerySchema,
    response: openSurveyResultsResponse,
    status: 200,
    errors: [404],
  }),
  submitSurveyResponse: define({
    method: "POST",
    path: "/public/surveys/{linkKey}/responses",
    operationId: "submitSurveyResponse",
    summary: "Svara på en trygghetsundersökning, anonymt",
    description:
      "Utan inloggning och utan cookies. Frågornas nycklar och svarsalternativ (index från 0) står i " +
      "enkätens definition. `submissionKey` (16–100 tecken A–Z, a–z, 0–9, - och _) väljs av klienten: " +
      "ett nytt försök med samma nyckel räknas en gång och besvaras med 200 och `duplicate: true`; " +
      "första gången 201. 403: koden är fel eller använd; 410: omgången är inte öppen; 429: för många " +
      "svar från samma adress på kort tid. Inget sparas om något fält är fel (422, per fält: " +
      "`q-{frågans nyckel}`, `q-{fråga}-{delfråga}`, `p-{fråga}-{n}-place`, `code`, `area`…).",
    tag: "Trygghetsundersökningar",
    auth: "public",
    params: surveyLinkParamsSchema,
    request: responseInputSchema,
    response: surveyResponseResponse,
    status: 201,
    errors: [403, 404, 410, 429],
  }),
} as const satisfies Record<string, Endpoint>;

export const endpointList: readonly Endpoint[] = Object.values(endpoints);

/** "/partnerships/{id}" → "/api/v1/partnerships/:id", as the route table writes it. */
export function routePath(endpoint: Endpoint): string {
  return `${API_PREFIX}${endpoint.path.replace(/\{(\w+)\}/g, ":$1")}`;
}
