import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import type { UserActor } from "~/domain/access/actor";
import { createApiToken } from "~/domain/users/create-api-token.server";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { systemActor } from "~/domain/access/actor";
import { createSurvey } from "~/domain/surveys/create-survey.server";
import { openSurveyWave } from "~/domain/surveys/open-survey-wave.server";
import { publishSurveyResults } from "~/domain/surveys/publish-survey-results.server";
import { API_PREFIX, endpointList, routePath } from "~/lib/api-endpoints";
import { insertUserActor, makeUser, TEST_PASSWORD } from "../factories/users";
import {
  bothSignatures,
  type DocumentStage,
  insertAgreement,
  insertCitizenPromise,
  makeAgreementContent,
  makeCitizenPromiseContent,
} from "../factories/agreements";
import { insertCouncil, insertInvitation, insertPartnership, policeAreaId } from "../factories/partnerships";
import { insertPoliceArea, makePoliceArea, policeRegionId } from "../factories/police-areas";
import { insertSurvey } from "../factories/surveys";
import { startTestServer, type TestServer } from "../support/server";
import { cookies, fetchCsrf, formBody, sessionCookieFor } from "../support/web-client";

/**
 * Every mutating web route (every route module with an `action`) and every API endpoint, against
 * every kind of actor. A route or endpoint without a row here fails the test; so does a row that
 * names nothing.
 *
 * Each row is one line: the expected status per actor, in this order —
 *   admin analyst | coordinator police member of the partnership | the same roles of another | anonymous
 * The record a row acts on belongs to the first partnership, so the other partnership's roles
 * must get 404 (its existence is not leaked), anonymous visitors 401. A web page that sends the
 * visitor to the login page shows as "login" (a redirect to /logga-in), other redirects as 302.
 */
const ACTORS = [
  "admin",
  "analyst",
  "coordinator",
  "police",
  "member",
  "otherCoordinator",
  "otherPolice",
  "otherMember",
  "anonymous",
] as const;
type ActorName = (typeof ACTORS)[number];

interface Fixture {
  db: Db;
  /** The partnership the own roles belong to, and whose records the rows act on. */
  partnershipId: string;
  otherPartnershipId: string;
  user(name: Exclude<ActorName, "anonymous">): UserActor;
}

interface CellRequest {
  path: string;
  /**
   * Web routes: form fields (the CSRF field is added), or FormData for a multipart upload (the
   * CSRF field is put first, as the upload form does). API: the JSON body.
   */
  body?: unknown;
  /** Instead of the actor's own session (for rows that end it, like logging out). */
  session?: string;
}

interface Row {
  expect: string;
  /** Builds the request for one actor, with fresh records so no cell depends on another. */
  request: (f: Fixture, actor: ActorName) => CellRequest | Promise<CellRequest>;
}

/** A one-file upload, as the import page's form sends it (without its CSRF field). */
const uploadForm = () => {
  const form = new FormData();
  form.append(
    "files",
    new Blob(["Samverkansöverenskommelse Matrisen 2025\n"], { type: "text/plain" }),
    "matris.txt",
  );
  return form;
};

/** What the upload's result page sends to review an imported document in its editor. */
const importReview = (part: "agreement" | "citizenPromise") =>
  JSON.stringify({
    part,
    source: "matris.txt",
    uncertain: [],
    personalData: [],
    content:
      part === "agreement"
        ? { ...makeAgreementContent(), title: "Matrisens import" }
        : { ...makeCitizenPromiseContent(), title: "Matrisens importerade löfte" },
  });
const importMeta = (part: "agreement" | "citizenPromise") =>
  JSON.stringify({ part, source: "matris.txt", uncertain: [], personalData: [] });

const newAccount = () => {
  const user = makeUser();
  return { name: user.name, email: user.email, password: user.password, passwordConfirm: user.password };
};

// Web routes: POST with a valid CSRF token and the actor's session cookie.
const web: Record<string, Row> = {
  // Once an administrator exists, the first-visit setup sends everyone to log in.
  "POST /forsta-start": {
    expect: "login login | login login login | login login login | login",
    request: () => ({ path: "/forsta-start", body: newAccount() }),
  },
  "POST /logga-in": {
    expect: "302 302 | 302 302 302 | 302 302 302 | 302",
    request: async (f) => {
      const someone = await insertUserActor(f.db);
      return { path: "/logga-in", body: { email: someone.email, password: TEST_PASSWORD } };
    },
  },
  "POST /logga-ut": {
    expect: "302 302 | 302 302 302 | 302 302 302 | 302",
    request: async (f, actor) => ({
      path: "/logga-ut",
      body: {},
      session: actor === "anonymous" ? undefined : await sessionCookieFor(f.db, f.user(actor).id),
    }),
  },
  "POST /konto": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 401",
    request: () => ({ path: "/konto", body: { intent: "create-token", name: "Matris" } }),
  },
  "POST /samverkan/ny": {
    expect: "302 403 | 403 403 403 | 403 403 403 | login",
    request: async (f) => ({
      path: "/samverkan/ny",
      body: {
        name: "Matrisens samverkan",
        policeAreaId: await policeAreaId(f.db, "Medelpad"),
        municipalities: "2260",
        councilName: "Trygghetsrådet",
        councilType: "trygghetsrad",
      },
    }),
  },
  "POST /samverkan/:id": {
    expect: "302 403 | 302 403 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/samverkan/${f.partnershipId}`,
      body: {
        intent: "update-partnership",
        name: "Matrisens samverkan",
        policeAreaId: await policeAreaId(f.db, "Medelpad"),
        municipalities: "2260",
        otherActors: "Bostadsbolaget",
      },
    }),
  },
  "POST /inbjudan/:token": {
    expect: "302 302 | 302 302 302 | 302 302 302 | 302",
    request: async (f) => {
      const token = await insertInvitation(f.db, { partnershipId: f.partnershipId, email: makeUser().email });
      const { name, password } = newAccount();
      return { path: `/inbjudan/${token}`, body: { name, password, passwordConfirm: password } };
    },
  },
  // Police areas are administrators' business: everyone else signed in is refused.
  "POST /admin/lokalpolisomraden/ny": {
    expect: "302 403 | 403 403 403 | 403 403 403 | login",
    request: async (f) => {
      const { name, policeRegionId: region } = makePoliceArea(await policeRegionId(f.db));
      return { path: "/admin/lokalpolisomraden/ny", body: { name, policeRegionId: region } };
    },
  },
  "POST /admin/lokalpolisomraden/:id": {
    expect: "302 403 | 403 403 403 | 403 403 403 | login",
    request: async (f) => {
      const area = await insertPoliceArea(f.db);
      return {
        path: `/admin/lokalpolisomraden/${area.id}`,
        body: { intent: "correct", name: `${area.name} rättad`, policeRegionId: area.policeRegion.id },
      };
    },
  },
  // Agreements in the web editor: coordinators and police write and sign, members only read.
  "POST /samverkan/:id/overenskommelser/ny": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: (f) => ({
      path: `/samverkan/${f.partnershipId}/overenskommelser/ny`,
      body: { title: "Matrisens överenskommelse", periodFrom: "2023", periodTo: "2026" },
    }),
  },
  // The upload reads files for review and stores nothing; who may write agreements may use it.
  "POST /samverkan/:id/importera": {
    expect: "200 403 | 200 200 403 | 404 404 404 | login",
    request: (f) => ({ path: `/samverkan/${f.partnershipId}/importera`, body: uploadForm() }),
  },
  "POST /overenskommelser/:agreementId": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/overenskommelser/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}`,
      body: { intent: "ready" },
    }),
  },
  "POST /overenskommelser/:agreementId/redigera": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/overenskommelser/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}/redigera`,
      body: { baseRevision: "1", title: "Matrisens överenskommelse, version 2", periodFrom: "2023" },
    }),
  },
  // Citizen promises in the web editor: as agreements.
  "POST /samverkan/:id/medborgarloften/ny": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: (f) => ({
      path: `/samverkan/${f.partnershipId}/medborgarloften/ny`,
      body: { title: "Matrisens medborgarlöfte", periodFrom: "2025", periodTo: "2025" },
    }),
  },
  "POST /medborgarloften/:promiseId": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/medborgarloften/${(await ownPromise(f)).id}`,
      body: { intent: "ready" },
    }),
  },
  "POST /medborgarloften/:promiseId/redigera": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/medborgarloften/${(await ownPromise(f)).id}/redigera`,
      body: { baseRevision: "1", title: "Matrisens medborgarlöfte, version 2", periodFrom: "2025" },
    }),
  },
  // Safety surveys: coordinators build them, open waves, publish results and take in the police's
  // and BRÅ's figures; police and members read.
  "POST /samverkan/:id/enkater": {
    expect: "200 403 | 200 403 403 | 404 404 404 | login",
    request: (f) => ({ path: `/samverkan/${f.partnershipId}/enkater`, body: externalResultsForm() }),
  },
  "POST /samverkan/:id/enkater/ny": {
    expect: "302 403 | 302 403 403 | 404 404 404 | login",
    request: (f) => ({
      path: `/samverkan/${f.partnershipId}/enkater/ny`,
      body: { title: "Matrisens enkät", bankItems: "otrygg_kvall", areas: "Centrum\nNorra" },
    }),
  },
  "POST /enkater/:surveyId": {
    expect: "200 403 | 200 403 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/enkater/${(await ownSurvey(f)).surveyId}`,
      body: { name: "2026", opensOn: "2026-03-01", closesOn: "2026-03-31", codes: "0" },
    }),
  },
  "POST /enkater/:surveyId/omgangar/:waveId": {
    expect: "303 403 | 303 403 403 | 404 404 404 | login",
    request: async (f) => {
      const { surveyId, waveId } = await ownSurvey(f);
      return { path: `/enkater/${surveyId}/omgangar/${waveId}`, body: { intent: "publish" } };
    },
  },
  // Answering a survey is anonymous: everyone may, and the actor is not recorded. (The matrix's 18
  // answers stay under SURVEY_SUBMISSIONS_PER_MINUTE's default of 30 from one address.)
  "POST /enkat/:linkKey": {
    expect: "303 303 | 303 303 303 | 303 303 303 | 303",
    request: async (f) => ({
      path: `/enkat/${await openSurveyWaveLink(f)}`,
      body: { submissionKey: submissionKey(), "q-otrygg_kvall": "1", intent: "submit" },
    }),
  },
};

/** A survey of the first partnership with a closed wave (2025), fresh for each cell. */
async function ownSurvey(f: Fixture): Promise<{ surveyId: string; waveId: string }> {
  const ctx = { db: f.db, actor: systemActor("matrix") };
  const survey = await createSurvey(ctx, f.partnershipId, {
    title: "Matrisens enkät",
    bankItems: ["otrygg_kvall"],
    areas: "Centrum",
    english: "",
  });
  const wave = await openSurveyWave(ctx, survey.id, {
    name: "2025",
    opensOn: "2025-03-01",
    closesOn: "2025-03-31",
  });
  return { surveyId: survey.id, waveId: wave.id };
}

/** The police's results as the survey page's import form sends them (without its CSRF field). */
const externalResultsForm = () => {
  const form = new FormData();
  form.append(
    "file",
    new Blob(["område;år;indikator;värde;källa\nCentrum;2024;otrygg_kvall;21,5;polisen\n"], {
      type: "text/csv",
    }),
    "resultat.csv",
  );
  return form;
};

/** An open survey wave of a partnership of its own, made once: residents answer it, signed in or not. */
let surveyWave: Promise<{ linkKey: string }> | undefined;
const openSurveyWaveLink = async (f: Fixture) =>
  (await (surveyWave ??= insertSurvey(f.db).then((survey) => survey.openWave()))).linkKey;
const submissionKey = () => `matris-${crypto.randomUUID()}`;

/** A citizen promise of the first partnership, brought to `stage`. */
const ownPromise = (f: Fixture, stage: DocumentStage = "draft") =>
  insertCitizenPromise(f.db, { partnershipId: f.partnershipId, stage });

// API endpoints: the actor's API token as Bearer.
const api: Record<string, Row> = {
  "GET /api/v1/openapi.json": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 200",
    request: () => ({ path: "/api/v1/openapi.json" }),
  },
  "GET /api/v1/me": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 401",
    request: () => ({ path: "/api/v1/me" }),
  },
  "GET /api/v1/api-tokens": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 401",
    request: () => ({ path: "/api/v1/api-tokens" }),
  },
  "POST /api/v1/api-tokens": {
    expect: "201 201 | 201 201 201 | 201 201 201 | 401",
    request: () => ({ path: "/api/v1/api-tokens", body: { name: "Matris" } }),
  },
  "DELETE /api/v1/api-tokens/:id": {
    expect: "204 204 | 204 204 204 | 204 204 204 | 401",
    request: async (f, actor) => {
      const owner = f.user(actor === "anonymous" ? "member" : actor);
      const { apiToken } = await createApiToken({ db: f.db, actor: owner }, { name: "Att återkalla" });
      return { path: `/api/v1/api-tokens/${apiToken.id}` };
    },
  },
  "GET /api/v1/municipalities": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 401",
    request: () => ({ path: "/api/v1/municipalities" }),
  },
  // Open data: anyone, published material only.
  "GET /api/v1/public/municipalities": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 200",
    request: () => ({ path: "/api/v1/public/municipalities" }),
  },
  "GET /api/v1/public/municipalities/:slug": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 200",
    request: () => ({ path: "/api/v1/public/municipalities/ange" }),
  },
  "GET /api/v1/public/partnerships": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 200",
    request: () => ({ path: "/api/v1/public/partnerships" }),
  },
  "GET /api/v1/public/agreements": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 200",
    request: () => ({ path: "/api/v1/public/agreements" }),
  },
  "GET /api/v1/public/citizen-promises": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 200",
    request: () => ({ path: "/api/v1/public/citizen-promises" }),
  },
  "GET /api/v1/public/commitments": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 200",
    request: () => ({ path: "/api/v1/public/commitments" }),
  },
  // A wave of the first partnership, closed and its results published: anyone may read them.
  "GET /api/v1/public/survey-results/:waveId": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 200",
    request: async (f) => {
      const ctx = { db: f.db, actor: systemActor("matrix") };
      const survey = await createSurvey(ctx, f.partnershipId, {
        title: "Matrisens enkät",
        bankItems: ["otrygg_kvall"],
        areas: "Centrum",
        english: "",
      });
      const wave = await openSurveyWave(ctx, survey.id, {
        name: "2025",
        opensOn: "2025-03-01",
        closesOn: "2025-03-31",
      });
      await publishSurveyResults(ctx, wave.id);
      return { path: `/api/v1/public/survey-results/${wave.id}` };
    },
  },
  "POST /api/v1/public/surveys/:linkKey/responses": {
    expect: "201 201 | 201 201 201 | 201 201 201 | 201",
    request: async (f) => ({
      path: `/api/v1/public/surveys/${await openSurveyWaveLink(f)}/responses`,
      body: { submissionKey: submissionKey(), answers: { otrygg_kvall: 1 } },
    }),
  },
  "GET /api/v1/partnerships": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 401",
    request: () => ({ path: "/api/v1/partnerships" }),
  },
  "POST /api/v1/partnerships": {
    expect: "201 403 | 403 403 403 | 403 403 403 | 401",
    request: async (f) => ({
      path: "/api/v1/partnerships",
      body: {
        name: "Matrisens samverkan",
        policeAreaId: await policeAreaId(f.db, "Medelpad"),
        municipalities: ["2260"],
        council: { name: "Trygghetsrådet", type: "trygghetsrad" },
      },
    }),
  },
  "GET /api/v1/partnerships/:id": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: (f) => ({ path: `/api/v1/partnerships/${f.partnershipId}` }),
  },
  "PUT /api/v1/partnerships/:id": {
    expect: "200 403 | 200 403 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/partnerships/${f.partnershipId}`,
      body: {
        name: "Matrisens samverkan",
        policeAreaId: await policeAreaId(f.db, "Medelpad"),
        municipalities: ["2260"],
        otherActors: ["Bostadsbolaget"],
      },
    }),
  },
  "POST /api/v1/partnerships/:id/councils": {
    expect: "201 403 | 201 201 403 | 404 404 404 | 401",
    request: (f) => ({
      path: `/api/v1/partnerships/${f.partnershipId}/councils`,
      body: { name: "Lokalt BRÅ", type: "lokalt-bra", members: [{ name: "Anna Andersson", role: "KSO" }] },
    }),
  },
  "PUT /api/v1/partnerships/:id/councils/:councilId": {
    expect: "200 403 | 200 200 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/partnerships/${f.partnershipId}/councils/${await insertCouncil(f.db, f.partnershipId)}`,
      body: { name: "Styrgruppen", type: "styrgrupp", members: [] },
    }),
  },
  "DELETE /api/v1/partnerships/:id/councils/:councilId": {
    expect: "204 403 | 204 204 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/partnerships/${f.partnershipId}/councils/${await insertCouncil(f.db, f.partnershipId)}`,
    }),
  },
  "GET /api/v1/partnerships/:id/invitations": {
    expect: "200 403 | 200 403 403 | 404 404 404 | 401",
    request: (f) => ({ path: `/api/v1/partnerships/${f.partnershipId}/invitations` }),
  },
  "POST /api/v1/partnerships/:id/invitations": {
    expect: "201 403 | 201 403 403 | 404 404 404 | 401",
    request: (f) => ({
      path: `/api/v1/partnerships/${f.partnershipId}/invitations`,
      body: { email: makeUser().email, role: "member" },
    }),
  },
  "GET /api/v1/outbox": {
    expect: "200 403 | 403 403 403 | 403 403 403 | 401",
    request: () => ({ path: "/api/v1/outbox" }),
  },
  "GET /api/v1/police-areas": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 401",
    request: () => ({ path: "/api/v1/police-areas" }),
  },
  "POST /api/v1/police-areas": {
    expect: "201 403 | 403 403 403 | 403 403 403 | 401",
    request: async (f) => ({
      path: "/api/v1/police-areas",
      body: { ...makePoliceArea(await policeRegionId(f.db)), municipalities: [] },
    }),
  },
  "GET /api/v1/police-areas/:id": {
    expect: "200 200 | 200 200 200 | 200 200 200 | 401",
    request: async (f) => ({ path: `/api/v1/police-areas/${(await insertPoliceArea(f.db)).id}` }),
  },
  "PUT /api/v1/police-areas/:id": {
    expect: "200 403 | 403 403 403 | 403 403 403 | 401",
    request: async (f) => {
      const area = await insertPoliceArea(f.db);
      return {
        path: `/api/v1/police-areas/${area.id}`,
        body: {
          ...makePoliceArea(area.policeRegion.id),
          municipalities: [{ municipalityCode: "0180", coverage: "part", status: "probable" }],
        },
      };
    },
  },
  // Agreements: members and analysts read drafts; the partnership's coordinator and police write.
  "GET /api/v1/partnerships/:id/agreements": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: (f) => ({ path: `/api/v1/partnerships/${f.partnershipId}/agreements` }),
  },
  "POST /api/v1/partnerships/:id/agreements": {
    expect: "201 403 | 201 201 403 | 404 404 404 | 401",
    request: (f) => ({
      path: `/api/v1/partnerships/${f.partnershipId}/agreements`,
      body: { content: makeAgreementContent() },
    }),
  },
  "GET /api/v1/agreements/:id": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}`,
    }),
  },
  "PUT /api/v1/agreements/:id": {
    expect: "200 403 | 200 200 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}`,
      body: { baseRevision: 1, content: makeAgreementContent() },
    }),
  },
  "GET /api/v1/agreements/:id/revision": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}/revision?number=1`,
    }),
  },
  "GET /api/v1/agreements/:id/comparison": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}/comparison?a=1&b=1`,
    }),
  },
  // Comments: everyone in the partnership, council members too; analysts only read.
  "GET /api/v1/agreements/:id/comments": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}/comments`,
    }),
  },
  "POST /api/v1/agreements/:id/comments": {
    expect: "201 403 | 201 201 201 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}/comments`,
      body: { body: "Saknas inte trafiken?" },
    }),
  },
  "GET /api/v1/citizen-promises/:id/comments": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: async (f) => ({ path: `/api/v1/citizen-promises/${(await ownPromise(f)).id}/comments` }),
  },
  "POST /api/v1/citizen-promises/:id/comments": {
    expect: "201 403 | 201 201 201 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/citizen-promises/${(await ownPromise(f)).id}/comments`,
      body: { body: "Bra löfte." },
    }),
  },
  "GET /api/v1/agreements/:id/export": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}/export?format=pdf`,
    }),
  },
  "POST /api/v1/agreements/:id/ready": {
    expect: "200 403 | 200 200 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}/ready`,
    }),
  },
  "POST /api/v1/agreements/:id/signatures": {
    expect: "201 403 | 201 201 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId, stage: "ready" })).id}/signatures`,
      body: bothSignatures[0],
    }),
  },
  "POST /api/v1/agreements/:id/publish": {
    expect: "200 403 | 200 200 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId, stage: "signed" })).id}/publish`,
    }),
  },
  "POST /api/v1/agreements/:id/terminate": {
    expect: "200 403 | 200 200 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/agreements/${(await insertAgreement(f.db, { partnershipId: f.partnershipId, stage: "signed" })).id}/terminate`,
      body: { terminatedOn: "2025-06-30", reason: "Kommunen säger upp överenskommelsen." },
    }),
  },
  // Citizen promises: the same rights as agreements; progress notes by the coordinator and police.
  "GET /api/v1/partnerships/:id/citizen-promises": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: (f) => ({ path: `/api/v1/partnerships/${f.partnershipId}/citizen-promises` }),
  },
  "POST /api/v1/partnerships/:id/citizen-promises": {
    expect: "201 403 | 201 201 403 | 404 404 404 | 401",
    request: (f) => ({
      path: `/api/v1/partnerships/${f.partnershipId}/citizen-promises`,
      body: { content: makeCitizenPromiseContent() },
    }),
  },
  "GET /api/v1/citizen-promises/:id": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: async (f) => ({ path: `/api/v1/citizen-promises/${(await ownPromise(f)).id}` }),
  },
  "PUT /api/v1/citizen-promises/:id": {
    expect: "200 403 | 200 200 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/citizen-promises/${(await ownPromise(f)).id}`,
      body: { baseRevision: 1, content: makeCitizenPromiseContent() },
    }),
  },
  "GET /api/v1/citizen-promises/:id/revision": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/citizen-promises/${(await ownPromise(f)).id}/revision?number=1`,
    }),
  },
  "GET /api/v1/citizen-promises/:id/comparison": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/citizen-promises/${(await ownPromise(f)).id}/comparison?a=1&b=1`,
    }),
  },
  "GET /api/v1/citizen-promises/:id/export": {
    expect: "200 200 | 200 200 200 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/citizen-promises/${(await ownPromise(f)).id}/export?format=docx`,
    }),
  },
  "POST /api/v1/citizen-promises/:id/ready": {
    expect: "200 403 | 200 200 403 | 404 404 404 | 401",
    request: async (f) => ({ path: `/api/v1/citizen-promises/${(await ownPromise(f)).id}/ready` }),
  },
  "POST /api/v1/citizen-promises/:id/signatures": {
    expect: "201 403 | 201 201 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/citizen-promises/${(await ownPromise(f, "ready")).id}/signatures`,
      body: bothSignatures[1],
    }),
  },
  "POST /api/v1/citizen-promises/:id/publish": {
    expect: "200 403 | 200 200 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/citizen-promises/${(await ownPromise(f, "signed")).id}/publish`,
    }),
  },
  "POST /api/v1/citizen-promises/:id/terminate": {
    expect: "200 403 | 200 200 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/citizen-promises/${(await ownPromise(f, "signed")).id}/terminate`,
      body: { terminatedOn: "2025-06-30", reason: "Ersätts av nya löften." },
    }),
  },
  "POST /api/v1/citizen-promises/:id/progress": {
    expect: "201 403 | 201 201 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/citizen-promises/${(await ownPromise(f, "published")).id}/progress`,
      body: {
        commitmentKey: "ramsele",
        status: "in-progress",
        note: "Besök i januari.",
        occurredOn: "2025-01-20",
      },
    }),
  },
  // A record of the first partnership: its history needs audit.read there.
  "GET /api/v1/audit-events": {
    expect: "200 200 | 200 200 403 | 404 404 404 | 401",
    request: async (f) => {
      await recordAuditEvent(f.db, systemActor("matris"), {
        entityType: "partnership",
        entityId: f.partnershipId,
        partnershipId: f.partnershipId,
        action: "update",
        after: { name: "Matris" },
      });
      return { path: `/api/v1/audit-events?entityType=partnership&entityId=${f.partnershipId}` };
    },
  },
};

// Extra rows for the same route or endpoint, told apart by what follows " · ".
const extra: Record<string, Row> = {
  "POST /samverkan/:id · add a council": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: (f) => ({
      path: `/samverkan/${f.partnershipId}`,
      body: { intent: "add-council", name: "Lokalt BRÅ", type: "lokalt-bra", members: "Anna Andersson, KSO" },
    }),
  },
  "POST /samverkan/:id · change a council": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/samverkan/${f.partnershipId}`,
      body: {
        intent: "update-council",
        councilId: await insertCouncil(f.db, f.partnershipId),
        name: "Styrgruppen",
        type: "styrgrupp",
        members: "",
      },
    }),
  },
  "POST /samverkan/:id · remove a council": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/samverkan/${f.partnershipId}`,
      body: { intent: "remove-council", councilId: await insertCouncil(f.db, f.partnershipId) },
    }),
  },
  "POST /samverkan/:id · invite a person": {
    expect: "302 403 | 302 403 403 | 404 404 404 | login",
    request: (f) => ({
      path: `/samverkan/${f.partnershipId}`,
      body: { intent: "invite", email: makeUser().email, role: "police" },
    }),
  },
  "POST /inbjudan/:token · join with the invited account": {
    expect: "302 302 | 302 302 302 | 302 302 302 | login",
    request: async (f, actor) => {
      const email = actor === "anonymous" ? makeUser().email : f.user(actor).email;
      const token = await insertInvitation(f.db, { partnershipId: await insertPartnership(f.db), email });
      return { path: `/inbjudan/${token}`, body: { intent: "join" } };
    },
  },
  "PUT /api/v1/partnerships/:id/councils/:councilId · another partnership's council": {
    expect: "404 403 | 404 404 403 | 404 404 404 | 401",
    request: async (f) => ({
      path: `/api/v1/partnerships/${f.partnershipId}/councils/${await insertCouncil(f.db, f.otherPartnershipId)}`,
      body: { name: "Kapat råd", type: "other", members: [] },
    }),
  },
  "POST /admin/lokalpolisomraden/:id · add a municipality": {
    expect: "302 403 | 403 403 403 | 403 403 403 | login",
    request: async (f) => ({
      path: `/admin/lokalpolisomraden/${(await insertPoliceArea(f.db)).id}`,
      body: { intent: "add-municipality", municipalityCode: "0180", coverage: "whole", status: "verified" },
    }),
  },
  "POST /samverkan/:id/overenskommelser/ny · review an import": {
    expect: "200 403 | 200 200 403 | 404 404 404 | login",
    request: (f) => ({
      path: `/samverkan/${f.partnershipId}/overenskommelser/ny`,
      body: { intent: "review-import", importReview: importReview("agreement") },
    }),
  },
  "POST /samverkan/:id/overenskommelser/ny · save a reviewed import": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: (f) => ({
      path: `/samverkan/${f.partnershipId}/overenskommelser/ny`,
      body: {
        intent: "save-import",
        importReview: importMeta("agreement"),
        baseRevision: "1",
        title: "Matrisens import",
        periodFrom: "2025",
      },
    }),
  },
  "POST /samverkan/:id/medborgarloften/ny · review an import": {
    expect: "200 403 | 200 200 403 | 404 404 404 | login",
    request: (f) => ({
      path: `/samverkan/${f.partnershipId}/medborgarloften/ny`,
      body: { intent: "review-import", importReview: importReview("citizenPromise") },
    }),
  },
  "POST /samverkan/:id/medborgarloften/ny · save a reviewed import": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: (f) => ({
      path: `/samverkan/${f.partnershipId}/medborgarloften/ny`,
      body: {
        intent: "save-import",
        importReview: importMeta("citizenPromise"),
        baseRevision: "1",
        title: "Matrisens importerade löfte",
        periodFrom: "2025",
      },
    }),
  },
  "POST /overenskommelser/:agreementId · comment": {
    expect: "302 403 | 302 302 302 | 404 404 404 | login",
    request: async (f) => ({
      path: `/overenskommelser/${(await insertAgreement(f.db, { partnershipId: f.partnershipId })).id}`,
      body: { intent: "comment", body: "Saknas inte trafiken?" },
    }),
  },
  "POST /overenskommelser/:agreementId · sign": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/overenskommelser/${(await insertAgreement(f.db, { partnershipId: f.partnershipId, stage: "ready" })).id}`,
      body: { intent: "sign", ...bothSignatures[1] },
    }),
  },
  "POST /overenskommelser/:agreementId · publish": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/overenskommelser/${(await insertAgreement(f.db, { partnershipId: f.partnershipId, stage: "signed" })).id}`,
      body: { intent: "publish" },
    }),
  },
  "POST /overenskommelser/:agreementId · terminate": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/overenskommelser/${(await insertAgreement(f.db, { partnershipId: f.partnershipId, stage: "signed" })).id}`,
      body: {
        intent: "terminate",
        terminatedOn: "2025-06-30",
        reason: "Kommunen säger upp överenskommelsen.",
      },
    }),
  },
  "POST /admin/lokalpolisomraden/:id · remove a municipality": {
    expect: "302 403 | 403 403 403 | 403 403 403 | login",
    request: async (f) => {
      const area = await insertPoliceArea(f.db, {
        municipalities: [{ municipalityCode: "0180", coverage: "whole", status: "verified", source: null }],
      });
      return {
        path: `/admin/lokalpolisomraden/${area.id}`,
        body: { intent: "remove-municipality", municipalityCode: "0180" },
      };
    },
  },
  "GET /api/v1/audit-events · a police area's history": {
    expect: "200 200 | 403 403 403 | 403 403 403 | 401",
    request: async (f) => {
      const area = await insertPoliceArea(f.db);
      return { path: `/api/v1/audit-events?entityType=policeArea&entityId=${area.id}` };
    },
  },
  "DELETE /api/v1/api-tokens/:id · another user's token": {
    expect: "404 404 | 404 404 404 | 404 404 404 | 401",
    request: async (f) => {
      const owner = await insertUserActor(f.db);
      const { apiToken } = await createApiToken({ db: f.db, actor: owner }, { name: "Någon annans" });
      return { path: `/api/v1/api-tokens/${apiToken.id}` };
    },
  },
  "POST /medborgarloften/:promiseId · comment": {
    expect: "302 403 | 302 302 302 | 404 404 404 | login",
    request: async (f) => ({
      path: `/medborgarloften/${(await ownPromise(f)).id}`,
      body: { intent: "comment", body: "Bra löfte." },
    }),
  },
  "POST /medborgarloften/:promiseId · sign": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/medborgarloften/${(await ownPromise(f, "ready")).id}`,
      body: { intent: "sign", ...bothSignatures[1] },
    }),
  },
  "POST /medborgarloften/:promiseId · publish": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/medborgarloften/${(await ownPromise(f, "signed")).id}`,
      body: { intent: "publish" },
    }),
  },
  "POST /medborgarloften/:promiseId · terminate": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/medborgarloften/${(await ownPromise(f, "signed")).id}`,
      body: { intent: "terminate", terminatedOn: "2025-06-30", reason: "Ersätts av nya löften." },
    }),
  },
  // Progress notes: the coordinator and the police, not analysts or members.
  "POST /medborgarloften/:promiseId · progress": {
    expect: "302 403 | 302 302 403 | 404 404 404 | login",
    request: async (f) => ({
      path: `/medborgarloften/${(await ownPromise(f, "published")).id}`,
      body: {
        intent: "progress",
        commitmentKey: "ramsele",
        status: "in-progress",
        note: "Besök i januari.",
        occurredOn: "2025-01-20",
      },
    }),
  },
};

// ----------------------------------------------------------------------------------------------

interface BuiltRoute {
  id: string;
  parentId?: string;
  path?: string;
  module: Record<string, unknown>;
}

let server: TestServer;
let database: Database;
let fixture: Fixture;
let builtRoutes: Record<string, BuiltRoute>;
const credentials = new Map<ActorName, { session: string | null; bearer: string | null }>();
let csrf: { cookie: string; token: string };

beforeAll(async () => {
  const buildDir = process.env.TRYGGSAM_BUILD_DIR!;
  const build = (await import(
    /* @vite-ignore */ pathToFileURL(join(process.cwd(), buildDir, "server", "index.js")).href
  )) as { routes: Record<string, BuiltRoute> };
  builtRoutes = build.routes;

  server = await startTestServer();
  database = server.openDatabase();
  const db = database.db;
  const partnershipId = await insertPartnership(db);
  const otherPartnershipId = await insertPartnership(db);
  const users = new Map<ActorName, UserActor>([
    ["admin", await insertUserActor(db, { globalRole: "admin" })],
    ["analyst", await insertUserActor(db, { globalRole: "analyst" })],
    ["coordinator", await insertUserActor(db, { partnerships: { [partnershipId]: "coordinator" } })],
    ["police", await insertUserActor(db, { partnerships: { [partnershipId]: "police" } })],
    ["member", await insertUserActor(db, { partnerships: { [partnershipId]: "member" } })],
    [
      "otherCoordinator",
      await insertUserActor(db, { partnerships: { [otherPartnershipId]: "coordinator" } }),
    ],
    ["otherPolice", await insertUserActor(db, { partnerships: { [otherPartnershipId]: "police" } })],
    ["otherMember", await insertUserActor(db, { partnerships: { [otherPartnershipId]: "member" } })],
  ]);
  for (const [name, user] of users) {
    credentials.set(name, {
      session: await sessionCookieFor(db, user.id),
      bearer: (await createApiToken({ db, actor: user }, { name: "Matrisens nyckel" })).token,
    });
  }
  credentials.set("anonymous", { session: null, bearer: null });
  fixture = {
    db,
    partnershipId,
    otherPartnershipId,
    user: (name) => users.get(name)!,
  };
  csrf = await fetchCsrf(server.url);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

/** "/api/v1/partnerships/:id" for a route, walking up its parents. */
function fullPath(route: BuiltRoute): string {
  const parts: string[] = [];
  for (let r: BuiltRoute | undefined = route; r; r = r.parentId ? builtRoutes[r.parentId] : undefined) {
    if (r.path) parts.unshift(r.path);
  }
  return `/${parts.join("/")}`;
}

const rowRoute = (key: string) => key.split(" · ")[0]!;
const allRows = { ...web, ...api, ...extra };

async function runCell(key: string, row: Row, actor: ActorName): Promise<number | "login"> {
  const { path, body, session } = await row.request(fixture, actor);
  const own = credentials.get(actor)!;
  const method = rowRoute(key).split(" ")[0]!;
  const isApi = path.startsWith(`${API_PREFIX}/`);
  const headers: Record<string, string> = {};
  let requestBody: string | URLSearchParams | FormData | undefined;
  if (isApi) {
    if (own.bearer) headers.Authorization = `Bearer ${own.bearer}`;
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      requestBody = JSON.stringify(body);
    }
  } else if (body instanceof FormData) {
    headers.Cookie = cookies(csrf.cookie, session ?? own.session);
    requestBody = new FormData();
    requestBody.append("csrf", csrf.token);
    for (const [name, value] of body) requestBody.append(name, value);
  } else {
    headers.Cookie = cookies(csrf.cookie, session ?? own.session);
    requestBody = formBody({ csrf: csrf.token, ...(body as Record<string, string>) });
  }
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: requestBody,
    redirect: "manual",
  });
  await response.body?.cancel();
  const location = response.headers.get("Location") ?? "";
  return response.status === 302 && /^\/logga-in([?#]|$)/.test(location) ? "login" : response.status;
}

describe("authorization matrix", () => {
  it("has a row for every mutating web route and every API endpoint, and no row for anything else", () => {
    const routes = Object.values(builtRoutes);
    const webMutations = routes
      .filter((r) => typeof r.module.action === "function" && !fullPath(r).startsWith(`${API_PREFIX}/`))
      .map((r) => `POST ${fullPath(r)}`);
    const endpointKeys = endpointList.map((e) => `${e.method} ${routePath(e)}`);
    const expected = [...webMutations, ...endpointKeys].sort();
    const covered = [...new Set(Object.keys(allRows).map(rowRoute))].sort();
    expect(covered, "rows (left) against routes and endpoints (right)").toEqual(expected);

    // Every API route module answers endpoints of the list, so none escapes the matrix.
    const apiRoutes = routes
      .map(fullPath)
      .filter((p) => p.startsWith(`${API_PREFIX}/`) && p !== `${API_PREFIX}/*`)
      .sort();
    expect(apiRoutes).toEqual([...new Set(endpointList.map(routePath))].sort());
  });

  for (const [key, row] of Object.entries(allRows)) {
    it(key, async () => {
      const statuses: (number | "login")[] = [];
      for (const actor of ACTORS) statuses.push(await runCell(key, row, actor));
      const format = (s: readonly (number | string)[]) =>
        `${s[0]} ${s[1]} | ${s[2]} ${s[3]} ${s[4]} | ${s[5]} ${s[6]} ${s[7]} | ${s[8]}`;
      expect(format(statuses), ACTORS.join(" ")).toBe(format(row.expect.split(/[\s|]+/)));
    });
  }
});
