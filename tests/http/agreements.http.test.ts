import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { agreement, agreementRevision } from "~/db/schema";
import { emptyCause } from "~/domain/agreements/agreement.schemas";
import type { UserActor } from "~/domain/access/actor";
import { createApiToken } from "~/domain/users/create-api-token.server";
import { bothSignatures, makeAgreementContent, makeCitizenPromiseContent } from "../factories/agreements";
import { insertPartnership } from "../factories/partnerships";
import { insertUserActor } from "../factories/users";
import { startTestServer, type TestServer } from "../support/server";
import { toFormValue } from "~/domain/agreements/agreement-form.schemas";
import type { AgreementContent } from "~/domain/agreements/agreement.schemas";
import { cookies, fetchCsrf, formBody, sessionCookieFor } from "../support/web-client";

let server: TestServer;
let database: Database;
let partnershipId: string;
let coordinator: UserActor;
let police: UserActor;

beforeAll(async () => {
  server = await startTestServer();
  database = server.openDatabase();
  partnershipId = await insertPartnership(database.db);
  coordinator = await insertUserActor(database.db, {
    name: "Kim Samordnare",
    partnerships: { [partnershipId]: "coordinator" },
  });
  police = await insertUserActor(database.db, {
    name: "Pia Polis",
    partnerships: { [partnershipId]: "police" },
  });
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

async function client(actor: UserActor) {
  const bearer = (await createApiToken({ db: database.db, actor }, { name: "Överenskommelser" })).token;
  return (path: string, method = "GET", body?: unknown) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

const countRows = async () => ({
  agreements: (await database.db.select({ n: sql<number>`count(*)::int` }).from(agreement))[0]!.n,
  revisions: (await database.db.select({ n: sql<number>`count(*)::int` }).from(agreementRevision))[0]!.n,
});

interface AgreementBody {
  id: string;
  currentRevision: number;
  stage: string;
  status: string;
  content: { title: string; background: string };
  revisions: { number: number; authorName: string }[];
}

describe("the agreement API", () => {
  it("creates a draft, saves revisions, refuses a stale save with 409 and the current revision, signs and publishes", async () => {
    const asCoordinator = await client(coordinator);
    const asPolice = await client(police);
    const content = makeAgreementContent();
    const created = await asCoordinator(`/partnerships/${partnershipId}/agreements`, "POST", { content });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as AgreementBody;
    expect(draft).toMatchObject({ currentRevision: 1, stage: "draft", status: "draft" });
    expect(draft.content.title).toBe(content.title);

    const policeSave = await asPolice(`/agreements/${draft.id}`, "PUT", {
      baseRevision: 1,
      content: { ...content, background: "Polisens ändring." },
    });
    expect(policeSave.status).toBe(200);
    expect(((await policeSave.json()) as AgreementBody).currentRevision).toBe(2);

    const before = await countRows();
    const stale = await asCoordinator(`/agreements/${draft.id}`, "PUT", {
      baseRevision: 1,
      content: { ...content, background: "Samordnarens ändring." },
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("Content-Type")).toContain("application/problem+json");
    const problem = (await stale.json()) as {
      code: string;
      detail: string;
      details: { current: { number: number; authorName: string; createdAt: string; content: unknown } };
    };
    expect(problem.code).toBe("CONFLICT");
    expect(problem.detail).toContain("Pia Polis");
    expect(problem.details.current).toMatchObject({
      number: 2,
      authorName: "Pia Polis",
      content: { background: "Polisens ändring." },
    });
    expect(await countRows()).toEqual(before);

    const revision = await asCoordinator(`/agreements/${draft.id}/revision?number=1`);
    expect(((await revision.json()) as { content: { background: string } }).content.background).toBe(
      content.background,
    );
    const comparison = (await (await asCoordinator(`/agreements/${draft.id}/comparison?a=1&b=2`)).json()) as {
      a: { number: number };
      b: { number: number; content: { background: string } };
    };
    expect([comparison.a.number, comparison.b.number, comparison.b.content.background]).toEqual([
      1,
      2,
      "Polisens ändring.",
    ]);
    expect((await asCoordinator(`/agreements/${draft.id}/revision?number=tre`)).status).toBe(422);

    expect((await asCoordinator(`/agreements/${draft.id}/publish`, "POST")).status).toBe(409);
    expect((await asCoordinator(`/agreements/${draft.id}/ready`, "POST")).status).toBe(200);
    for (const signature of bothSignatures) {
      expect((await asPolice(`/agreements/${draft.id}/signatures`, "POST", signature)).status).toBe(201);
    }
    const published = await asCoordinator(`/agreements/${draft.id}/publish`, "POST");
    expect(published.status).toBe(200);
    expect(((await published.json()) as AgreementBody).stage).toBe("published");
    const list = (await (
      await asPolice(`/partnerships/${partnershipId}/agreements`)
    ).json()) as AgreementBody[];
    expect(list.map((a) => a.id)).toContain(draft.id);
  });

  it("answers bad input with 422 and messages by field, and saves nothing", async () => {
    const asCoordinator = await client(coordinator);
    const before = await countRows();
    const response = await asCoordinator(`/partnerships/${partnershipId}/agreements`, "POST", {
      content: {
        ...makeAgreementContent(),
        title: "x".repeat(1024 * 512),
        period: { from: "2026", to: "2023" },
        signatories: [{ name: "", party: "kyrkan" }],
      },
    });
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: Record<string, string[]> };
    expect(errors).toMatchObject({
      "content.title": ["Rubriken får vara högst 300 tecken."],
      "content.period.to": ["Slutet kan inte ligga före början."],
      "content.signatories[0].name": ["Ange undertecknarens namn."],
      "content.signatories[0].party": ["Välj polisen, kommunen eller annan part."],
    });
    expect(await countRows()).toEqual(before);

    const { id } = (await (
      await asCoordinator(`/partnerships/${partnershipId}/agreements`, "POST", {
        content: makeAgreementContent(),
      })
    ).json()) as AgreementBody;
    const missingBase = await asCoordinator(`/agreements/${id}`, "PUT", { content: makeAgreementContent() });
    expect(missingBase.status).toBe(422);
    expect(((await missingBase.json()) as { errors: Record<string, string[]> }).errors).toEqual({
      baseRevision: ["Ange vilken version ändringen bygger på."],
    });
    const [row] = await database.db.select().from(agreement).where(eq(agreement.id, id));
    expect(row?.currentRevision).toBe(1);
  });
});

describe("the citizen promise API", () => {
  it("creates a promise, refuses a stale save with 409, signs, publishes and records progress by commitment", async () => {
    const asCoordinator = await client(coordinator);
    const asPolice = await client(police);
    const content = makeCitizenPromiseContent();
    const created = await asCoordinator(`/partnerships/${partnershipId}/citizen-promises`, "POST", {
      content,
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await asPolice(`/citizen-promises/${id}`, "PUT", { baseRevision: 1, content })).status).toBe(200);
    const stale = await asCoordinator(`/citizen-promises/${id}`, "PUT", { baseRevision: 1, content });
    expect(stale.status).toBe(409);
    expect(
      ((await stale.json()) as { details: { current: { number: number } } }).details.current.number,
    ).toBe(2);

    expect((await asCoordinator(`/citizen-promises/${id}/ready`, "POST")).status).toBe(200);
    for (const signature of bothSignatures) {
      expect((await asCoordinator(`/citizen-promises/${id}/signatures`, "POST", signature)).status).toBe(201);
    }
    expect((await asCoordinator(`/citizen-promises/${id}/publish`, "POST")).status).toBe(200);

    const unknown = await asPolice(`/citizen-promises/${id}/progress`, "POST", {
      commitmentKey: "finns-inte",
      status: "done",
      occurredOn: "2025-03-01",
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { errors: Record<string, string[]> }).errors).toEqual({
      commitmentKey: ["Löftet finns inte i medborgarlöftet. Välj ett i listan."],
    });
    const noted = await asPolice(`/citizen-promises/${id}/progress`, "POST", {
      commitmentKey: "ramsele",
      status: "in-progress",
      note: "Två besök i Ramsele.",
      occurredOn: "2025-03-01",
    });
    expect(noted.status).toBe(201);
    const body = (await noted.json()) as {
      stage: string;
      progress: {
        commitmentKey: string;
        status: string | null;
        notes: { note: string; authorName: string }[];
      }[];
    };
    expect(body.stage).toBe("published");
    expect(body.progress[0]).toMatchObject({
      commitmentKey: "ramsele",
      status: "in-progress",
      notes: [{ note: "Två besök i Ramsele.", authorName: "Pia Polis" }],
    });
    expect(body.progress.slice(1).map((p) => p.status)).toEqual([null, null]);
  });
});

describe("exports through the API", () => {
  it("answers an agreement as PDF and DOCX with its name, a citizen promise only under its own path, and 422 for another format", async () => {
    const api = await client(coordinator);
    const title = "Samverkansöverenskommelse för export via API";
    const created = await api(`/partnerships/${partnershipId}/agreements`, "POST", {
      content: makeAgreementContent({ title }),
    });
    const { id } = (await created.json()) as { id: string };

    const pdf = await api(`/agreements/${id}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toContain(
      encodeURIComponent(`${title}.pdf`).replace(/'/g, "%27"),
    );
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString("latin1"),
    ).toBe("%PDF");

    const docx = await api(`/agreements/${id}/export?format=docx`);
    expect(docx.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");

    const wrongKind = await api(`/citizen-promises/${id}/export?format=pdf`);
    expect(wrongKind.status).toBe(404);
    const odt = await api(`/agreements/${id}/export?format=odt`);
    expect(odt.status).toBe(422);
    expect(((await odt.json()) as { errors: Record<string, string[]> }).errors.format).toEqual([
      "Ange format=docx eller format=pdf.",
    ]);
  });
});

describe("text typed into a document", () => {
  it("is shown as text on the agreement page and in the editor, never as markup", async () => {
    const api = await client(coordinator);
    const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const created = await api(`/partnerships/${partnershipId}/agreements`, "POST", {
      content: makeAgreementContent({
        title: `Rubrik ${hostile}`,
        background: hostile,
        focusAreas: [
          { key: "fara", title: hostile, description: "", points: [hostile], cause: emptyCause, themes: [] },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const cookie = await sessionCookieFor(database.db, coordinator.id);
    for (const path of [`/overenskommelser/${id}`, `/overenskommelser/${id}/redigera`]) {
      const html = await (await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } })).text();
      expect(html, path).not.toContain(hostile);
      expect(html, path).not.toContain("<img src=x");
      expect(html, path).toContain("&lt;script&gt;alert(");
    }
  });
});

/** The editor's fields as a browser without JavaScript sends them: lists as `name[0].field`. */
function editorFields(value: Record<string, unknown>, prefix = "", out: Record<string, string[]> = {}) {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? (/^\d+$/.test(key) ? `${prefix}[${key}]` : `${prefix}.${key}`) : key;
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.every((item) => typeof item === "string")) out[name] = [...v];
    else if (typeof v === "object") editorFields(v as Record<string, unknown>, name, out);
    else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      out[name] = [String(v)];
  }
  return out;
}

/** The values of the checkboxes named `name` that the page shows ticked. */
function tickedBoxes(html: string, name: string): string[] {
  return [...html.matchAll(/<input[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes(`name="${name}"`) && / checked(=""|\s|\/?>)/.test(tag))
    .map((tag) => /value="([^"]*)"/.exec(tag)![1]!);
}

describe("themes in the agreement editor, without JavaScript", () => {
  it("suggests an old focus area's themes, saves the coordinator's choice and keeps it through the next save", async () => {
    const api = await client(coordinator);
    // Saved as before themes existed: the focus area has none.
    const content = makeAgreementContent({
      focusAreas: [
        {
          key: "trafik",
          title: "Trafik",
          description: "",
          points: ["Hastighetsöverträdelser", "Buskörning med fordon"],
          cause: emptyCause,
          themes: [],
        },
      ],
    });
    const created = await api(`/partnerships/${partnershipId}/agreements`, "POST", { content });
    const { id } = (await created.json()) as { id: string };
    const session = await sessionCookieFor(database.db, coordinator.id);
    const csrf = await fetchCsrf(server.url);
    const page = async (path: string) =>
      (await fetch(`${server.url}${path}`, { headers: { Cookie: cookies(session, csrf.cookie) } })).text();
    const save = (fields: Record<string, string[]>) =>
      fetch(`${server.url}/overenskommelser/${id}/redigera`, {
        method: "POST",
        redirect: "manual",
        headers: {
          Cookie: cookies(session, csrf.cookie),
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: formBody({ csrf: csrf.token, ...fields }),
      });
    const themesOf = async () =>
      ((await (await api(`/agreements/${id}`)).json()) as { content: AgreementContent }).content
        .focusAreas[0]!.themes;

    const first = await page(`/overenskommelser/${id}/redigera`);
    expect(first).toContain('<legend class="ds-label">Teman</legend>');
    expect(first).toContain("Föreslagna utifrån texten – ändra vid behov.");
    expect(tickedBoxes(first, "focusAreas[0].themes")).toEqual(["trafik"]);

    // The coordinator keeps the suggestion and adds one.
    const chosen = editorFields(toFormValue(content, 1));
    chosen["focusAreas[0].themes"] = ["trafik", "otrygga-platser"];
    expect((await save(chosen)).status).toBe(302);
    expect(await themesOf()).toEqual(["trafik", "otrygga-platser"]);

    const second = await page(`/overenskommelser/${id}/redigera`);
    expect(second).not.toContain("Föreslagna utifrån texten");
    const ticked = tickedBoxes(second, "focusAreas[0].themes");
    expect(ticked).toEqual(["trafik", "otrygga-platser"]);
    expect(await page(`/overenskommelser/${id}`)).toMatch(
      /<span class="ds-tag"[^>]*>Otrygga platser<\/span>/,
    );

    // Another change, sent with the boxes as the page shows them: the themes stay.
    const next = editorFields(
      toFormValue(
        {
          ...content,
          background: "Andra versionen.",
          focusAreas: [{ ...content.focusAreas[0]!, themes: [] }],
        },
        2,
      ),
    );
    next["focusAreas[0].themes"] = ticked;
    delete next["focusAreas[0].themesSuggested"];
    expect((await save(next)).status).toBe(302);
    expect(await themesOf()).toEqual(["trafik", "otrygga-platser"]);
  });
});
