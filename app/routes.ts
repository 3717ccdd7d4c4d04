import { type RouteConfig, index, prefix, route } from "@react-router/dev/routes";

// Swedish URLs → English modules. Every route of the application is listed here.
export default [
  index("routes/home.tsx"),
  route("readyz", "routes/health/readyz.ts"),

  // Public pages: no login, only published documents
  route("kommun/:slug", "routes/public/municipality.tsx"),
  route("kommun/:slug/flode.atom", "routes/public/municipality-feed.ts"),
  route("oversikt", "routes/public/overview.tsx"),
  route("oversikt.csv", "routes/public/overview-csv.ts"),
  route("trygghetsundersokningar/:waveId", "routes/public/survey-results.tsx"),
  route("trygghetsundersokningar/:waveId.csv", "routes/public/survey-results-csv.ts"),
  route("sitemap.xml", "routes/public/sitemap.ts"),
  route("robots.txt", "routes/public/robots.ts"),

  // Safety surveys: answering (anonymous)
  route("enkat/:linkKey", "routes/surveys/respond.tsx"),
  route("enkat/:linkKey/tack", "routes/surveys/thanks.tsx"),

  // Accounts
  route("forsta-start", "routes/auth/setup.tsx"),
  route("logga-in", "routes/auth/login.tsx"),
  route("logga-ut", "routes/auth/logout.tsx"),
  route("sprak", "routes/auth/language.tsx"),
  route("konto", "routes/auth/account.tsx"),

  // Partnerships, invitations, administration (web)
  route("samverkan", "routes/partnerships/list.tsx"),
  route("samverkan/ny", "routes/partnerships/new.tsx"),
  route("samverkan/:id", "routes/partnerships/detail.tsx"),
  route("inbjudan/:token", "routes/invitations/accept.tsx"),
  route("admin", "routes/admin/index.tsx"),
  route("admin/utkorg", "routes/admin/outbox.tsx"),
  route("admin/lokalpolisomraden", "routes/admin/police-areas.tsx"),
  route("admin/lokalpolisomraden/ny", "routes/admin/police-area-new.tsx"),
  route("admin/lokalpolisomraden/:id", "routes/admin/police-area.tsx"),
  route("historik/:entityType/:entityId", "routes/audit/history.tsx"),

  // Agreements (samverkansöverenskommelser)
  route("samverkan/:id/overenskommelser/ny", "routes/agreements/new.tsx"),
  route("overenskommelser/:agreementId", "routes/agreements/detail.tsx"),
  route("overenskommelser/:agreementId/redigera", "routes/agreements/edit.tsx"),
  route("overenskommelser/:agreementId/jamfor", "routes/agreements/compare.tsx"),
  route("overenskommelser/:agreementId/export/:format", "routes/agreements/export.ts"),

  // Citizen promises (medborgarlöften)
  route("samverkan/:id/medborgarloften/ny", "routes/citizen-promises/new.tsx"),
  route("medborgarloften/:promiseId", "routes/citizen-promises/detail.tsx"),
  route("medborgarloften/:promiseId/redigera", "routes/citizen-promises/edit.tsx"),
  route("medborgarloften/:promiseId/jamfor", "routes/citizen-promises/compare.tsx"),
  route("medborgarloften/:promiseId/export/:format", "routes/citizen-promises/export.ts"),

  // Import of existing documents: upload, then review in the editors before anything is saved
  route("samverkan/:id/importera", "routes/imports/upload.tsx"),

  // Safety surveys (trygghetsundersökningar): building, waves, results, raw answers
  route("samverkan/:id/enkater", "routes/surveys/list.tsx"),
  route("samverkan/:id/enkater/ny", "routes/surveys/new.tsx"),
  route("enkater/:surveyId", "routes/surveys/detail.tsx"),
  route("enkater/:surveyId/omgangar/:waveId", "routes/surveys/results.tsx"),
  route("enkater/:surveyId/omgangar/:waveId/svar.csv", "routes/surveys/raw-export.ts"),

  // JSON API
  ...prefix("api/v1", [
    route("openapi.json", "routes/api/openapi.ts"),
    route("me", "routes/api/me.ts"),
    route("api-tokens", "routes/api/api-tokens.ts"),
    route("api-tokens/:id", "routes/api/api-token.ts"),
    route("police-areas", "routes/api/police-areas.ts"),
    route("police-areas/:id", "routes/api/police-area.ts"),
    route("audit-events", "routes/api/audit-events.ts"),
    route("partnerships", "routes/api/partnerships.ts"),
    route("partnerships/:id", "routes/api/partnership.ts"),
    route("partnerships/:id/councils", "routes/api/councils.ts"),
    route("partnerships/:id/councils/:councilId", "routes/api/council.ts"),
    route("partnerships/:id/invitations", "routes/api/invitations.ts"),
    route("partnerships/:id/agreements", "routes/api/agreements.ts"),
    route("agreements/:id", "routes/api/agreement.ts"),
    route("agreements/:id/revision", "routes/api/agreement-revision.ts"),
    route("agreements/:id/comparison", "routes/api/agreement-comparison.ts"),
    route("agreements/:id/export", "routes/api/agreement-export.ts"),
    route("agreements/:id/comments", "routes/api/agreement-comments.ts"),
    route("agreements/:id/ready", "routes/api/agreement-ready.ts"),
    route("agreements/:id/signatures", "routes/api/agreement-signatures.ts"),
    route("agreements/:id/publish", "routes/api/agreement-publish.ts"),
    route("agreements/:id/terminate", "routes/api/agreement-terminate.ts"),
    route("partnerships/:id/citizen-promises", "routes/api/citizen-promises.ts"),
    route("citizen-promises/:id", "routes/api/citizen-promise.ts"),
    route("citizen-promises/:id/revision", "routes/api/citizen-promise-revision.ts"),
    route("citizen-promises/:id/comparison", "routes/api/citizen-promise-comparison.ts"),
    route("citizen-promises/:id/export", "routes/api/citizen-promise-export.ts"),
    route("citizen-promises/:id/comments", "routes/api/citizen-promise-comments.ts"),
    route("citizen-promises/:id/ready", "routes/api/citizen-promise-ready.ts"),
    route("citizen-promises/:id/signatures", "routes/api/citizen-promise-signatures.ts"),
    route("citizen-promises/:id/publish", "routes/api/citizen-promise-publish.ts"),
    route("citizen-promises/:id/terminate", "routes/api/citizen-promise-terminate.ts"),
    route("citizen-promises/:id/progress", "routes/api/citizen-promise-progress.ts"),
    route("outbox", "routes/api/outbox.ts"),
    route("municipalities", "routes/api/municipalities.ts"),
    // Open data: anyone, published material only
    route("public/municipalities", "routes/api/public-municipalities.ts"),
    route("public/municipalities/:slug", "routes/api/public-municipality.ts"),
    route("public/partnerships", "routes/api/public-partnerships.ts"),
    route("public/agreements", "routes/api/public-agreements.ts"),
    route("public/citizen-promises", "routes/api/public-citizen-promises.ts"),
    route("public/commitments", "routes/api/public-commitments.ts"),
    route("public/survey-results/:waveId", "routes/api/public-survey-results.ts"),
    route("public/surveys/:linkKey/responses", "routes/api/public-survey-responses.ts"),
    route("*", "routes/api/not-found.ts"),
  ]),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
