import { connect, type Socket } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { agreement, citizenPromise } from "~/db/schema";
import type { UserActor } from "~/domain/access/actor";
import { MAX_UPLOAD_BODY_BYTES, MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES } from "~/import/upload-limits";
import { insertPartnership } from "../factories/partnerships";
import { insertUserActor } from "../factories/users";
import { startTestServer, type TestServer } from "../support/server";
import { cookies, fetchCsrf, formBody, sessionCookieFor } from "../support/web-client";

let server: TestServer;
let database: Database;
let partnershipId: string;
let coordinatorSession: string;
let memberSession: string;
let otherCoordinatorSession: string;
let csrf: { cookie: string; token: string };

beforeAll(async () => {
  server = await startTestServer();
  database = server.openDatabase();
  const db = database.db;
  partnershipId = await insertPartnership(db);
  const otherPartnershipId = await insertPartnership(db);
  const session = async (user: UserActor) => sessionCookieFor(db, user.id);
  coordinatorSession = await session(
    await insertUserActor(db, { partnerships: { [partnershipId]: "coordinator" } }),
  );
  memberSession = await session(await insertUserActor(db, { partnerships: { [partnershipId]: "member" } }));
  otherCoordinatorSession = await session(
    await insertUserActor(db, { partnerships: { [otherPartnershipId]: "coordinator" } }),
  );
  csrf = await fetchCsrf(server.url);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

const uploadPath = () => `/samverkan/${partnershipId}/importera`;

interface TextFile {
  name: string;
  text: string;
}

/** An upload as the page's form sends it: the CSRF token first, then the files. */
function upload(files: TextFile[], options: { session?: string | null; token?: string | null } = {}) {
  const form = new FormData();
  const token = options.token === undefined ? csrf.token : options.token;
  if (token !== null) form.append("csrf", token);
  for (const file of files) form.append("files", new Blob([file.text], { type: "text/plain" }), file.name);
  return fetch(`${server.url}${uploadPath()}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Cookie: cookies(options.session === undefined ? coordinatorSession : options.session, csrf.cookie),
    },
    body: form,
  });
}

const postForm = (path: string, fields: Record<string, string>, session = coordinatorSession) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Cookie: cookies(session, csrf.cookie),
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: formBody({ csrf: csrf.token, ...fields }),
  });

const countDocuments = async () => ({
  agreements: (await database.db.select({ n: sql<number>`count(*)::int` }).from(agreement))[0]!.n,
  citizenPromises: (await database.db.select({ n: sql<number>`count(*)::int` }).from(citizenPromise))[0]!.n,
});

/** The text of an HTML attribute as React escapes it. */
const unescapeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The review payloads of a result page's "Granska" buttons, in page order. */
const reviewFields = (html: string) =>
  [...html.matchAll(/name="importReview" value="([^"]*)"/g)].map((m) => unescapeAttribute(m[1]!));

const ange: TextFile = {
  name: "ange-2023.txt",
  text: [
    "Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023–2026",
    "",
    "Överenskommelsen gäller 2023-01-01 till 2026-12-31.",
    "",
    "Fokusområde: Trygghet i centrum",
  ].join("\n"),
};
const solleftea: TextFile = {
  name: "solleftea-2017.txt",
  text: ["Medborgarlöfte 2017 Polis och Sollefteå kommun", "", "Polisen lovar att synas mer i Ramsele."].join(
    "\n",
  ),
};

/**
 * A raw HTTP request on its own socket: sends the head and `first` bytes of the body, then what
 * `more` gives while the server has not answered — or, with `keepSending`, until the server
 * closes the connection. Resolves with the answer, how many body bytes had been sent when it
 * arrived, and how many in all.
 */
function rawRequest(options: {
  head: string;
  first: Buffer;
  more?: () => Buffer | null;
  keepSending?: boolean;
}): Promise<{ status: number; answer: string; sentBeforeAnswer: number; sent: number }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(url.port), url.hostname);
    let answer = "";
    let sent = 0;
    let sentBeforeAnswer = -1;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      if (!status) reject(new Error(`no answer (sent ${sent} bytes): ${answer}`));
      else resolve({ status, answer, sentBeforeAnswer, sent });
    };
    socket.on("data", (chunk: Buffer) => {
      if (sentBeforeAnswer < 0) sentBeforeAnswer = sent;
      answer += chunk.toString("utf8");
      if (!options.keepSending && /\r\n\r\n[\s\S]*<\/html>/.test(answer)) finish();
    });
    // The server may close while we still send: what it answered is what counts.
    socket.on("error", finish);
    socket.on("close", finish);
    const pump = () => {
      while (!finished && (options.keepSending || sentBeforeAnswer < 0)) {
        const chunk = options.more?.();
        if (!chunk) return;
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    socket.on("connect", () => {
      socket.write(options.head);
      sent += options.first.length;
      socket.write(options.first, pump);
    });
  });
}

const BOUNDARY = "----tryggsamtest";
const partHead = (name: string, filename?: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ""}\r\n` +
  (filename ? "Content-Type: text/plain\r\n" : "") +
  "\r\n";

describe("the web upload", () => {
  it("reads two text files and shows a section for each, with a button to review it; nothing is stored", async () => {
    const before = await countDocuments();
    const response = await upload([ange, solleftea]);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("inget är sparat ännu");
    for (const file of [ange, solleftea]) {
      expect(html).toContain(`>${file.name}</h3>`);
      expect(html).toContain(file.text.split("\n")[0]);
    }
    expect(html).toContain("Samverkansöverenskommelse</dd>");
    expect(html).toContain("Granska i redigeraren");
    expect(reviewFields(html).length).toBeGreaterThanOrEqual(2);
    expect(await countDocuments()).toEqual(before);
  });

  it("warns of a personnummer in a file, by line, and asks to remove it before saving", async () => {
    const response = await upload([
      {
        name: "med-personnummer.txt",
        text: "Samverkansöverenskommelse Ånge 2024\n\nKontakt: Tolvan Tolvansson 19121212-1212\n",
      },
    ]);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Personuppgifter i filen");
    expect(html).toMatch(/Personnummer på rad \d+/);
    expect(html).toContain("Granska och ta bort innan du sparar.");
    // Where it stands, not the number itself.
    expect(html).not.toContain("19121212-1212</");
  });

  it("shows a file that cannot be read with its Swedish reason, beside one that can", async () => {
    const response = await upload([ange, { name: "tom.txt", text: "" }]);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(">tom.txt</h3>");
    expect(html).toContain("Filen kunde inte läsas in");
    expect(html).toContain("filen är tom");
  });

  it("answers 413 for more files than allowed, with a message, and reads none of them", async () => {
    const files = Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => ({ ...ange, name: `fil-${i}.txt` }));
    const response = await upload(files);
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain(`Du valde fler än ${MAX_UPLOAD_FILES} filer`);
  });

  it("answers 400 with a message when no file was chosen", async () => {
    const form = new FormData();
    form.append("csrf", csrf.token);
    form.append("files", new Blob([]), "");
    const response = await fetch(`${server.url}${uploadPath()}`, {
      method: "POST",
      headers: { Cookie: cookies(coordinatorSession, csrf.cookie) },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Välj minst en fil att läsa in.");
  });

  it("answers 413 at once for a Content-Length above the limit, before the body is sent", async () => {
    const result = await rawRequest({
      head:
        `POST ${uploadPath()} HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\n` +
        `Cookie: ${cookies(coordinatorSession, csrf.cookie)}\r\n` +
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
        `Content-Length: ${MAX_UPLOAD_BODY_BYTES + 1}\r\n\r\n`,
      first: Buffer.from(`${partHead("csrf")}${csrf.token}\r\n${partHead("files", "stor.txt")}`),
      more: () => null,
    });
    expect(result.status).toBe(413);
    expect(result.answer).toContain("För stora filer");
    expect(result.sentBeforeAnswer).toBeLessThan(1024);
  });

  it("closes an upload answered early after a little of the rest, instead of reading it all", async () => {
    const chunk = Buffer.alloc(1024 * 1024, "a");
    const declared = MAX_UPLOAD_BODY_BYTES + 1;
    const result = await rawRequest({
      head:
        `POST ${uploadPath()} HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\n` +
        `Cookie: ${cookies(coordinatorSession, csrf.cookie)}\r\n` +
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
        `Content-Length: ${declared}\r\n\r\n`,
      first: Buffer.from(`${partHead("csrf")}${csrf.token}\r\n${partHead("files", "stor.txt")}`),
      more: () => chunk,
      keepSending: true,
    });
    expect(result.status).toBe(413);
    // A few MiB are read and dropped (plus what the sockets' buffers hold), not the 200 MiB declared.
    expect(result.sent).toBeLessThan(64 * 1024 * 1024);
  });

  it("answers 413 once a chunked file passes the per-file limit, without waiting for the rest", async () => {
    const chunk = Buffer.alloc(1024 * 1024, "a");
    const intended = 3 * MAX_UPLOAD_FILE_BYTES;
    let offered = 0;
    const chunked = (data: Buffer) =>
      Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n")]);
    const before = await countDocuments();
    const result = await rawRequest({
      head:
        `POST ${uploadPath()} HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\n` +
        `Cookie: ${cookies(coordinatorSession, csrf.cookie)}\r\n` +
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
        "Transfer-Encoding: chunked\r\n\r\n",
      first: chunked(Buffer.from(`${partHead("csrf")}${csrf.token}\r\n${partHead("files", "stor.txt")}`)),
      more: () => {
        if (offered >= intended) return null;
        offered += chunk.length;
        return chunked(chunk);
      },
    });
    expect(result.status).toBe(413);
    expect(result.answer).toContain(`större än ${MAX_UPLOAD_FILE_BYTES / 1024 / 1024} MB`);
    // Answered soon after the limit, long before the whole file would have been sent.
    expect(result.sentBeforeAnswer).toBeGreaterThan(MAX_UPLOAD_FILE_BYTES);
    expect(result.sentBeforeAnswer).toBeLessThan(intended);
    expect(await countDocuments()).toEqual(before);
  });

  it("refuses an upload without the CSRF token, or with a wrong one, with 403", async () => {
    expect((await upload([ange], { token: null })).status).toBe(403);
    expect((await upload([ange], { token: "fel" })).status).toBe(403);
  });

  it("refuses who may not write in the partnership as other pages do: 403, 404 for another's, login", async () => {
    expect((await upload([ange], { session: memberSession })).status).toBe(403);
    expect((await upload([ange], { session: otherCoordinatorSession })).status).toBe(404);
    const anonymous = await upload([ange], { session: null });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/logga-in/);
    for (const session of [memberSession, otherCoordinatorSession]) {
      const page = await fetch(`${server.url}${uploadPath()}`, {
        headers: { Cookie: cookies(session, csrf.cookie) },
      });
      expect([403, 404]).toContain(page.status);
    }
  });

  it("shows the upload form with the limits to a coordinator, linked from the partnership page", async () => {
    const page = await fetch(`${server.url}${uploadPath()}`, {
      headers: { Cookie: cookies(coordinatorSession, csrf.cookie) },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/enctype="multipart\/form-data"/i);
    expect(html).toMatch(/<input[^>]*type="file"[^>]*multiple/);
    expect(html).toContain('accept=".txt,.md,.docx,.pdf"');
    expect(html).toContain(`Högst ${MAX_UPLOAD_FILES} filer åt gången, högst 20 MB per fil.`);
    const partnershipPage = await fetch(`${server.url}/samverkan/${partnershipId}`, {
      headers: { Cookie: cookies(coordinatorSession, csrf.cookie) },
    });
    expect(await partnershipPage.text()).toContain(`href="${uploadPath()}"`);
  });
});

describe("reviewing an upload in the editor", () => {
  it("shows the agreement prefilled with the import notice, stores nothing, and saves a draft only when saved", async () => {
    const uploaded = await (await upload([ange])).text();
    const [review] = reviewFields(uploaded);
    expect(review).toBeDefined();
    const before = await countDocuments();

    const editor = await postForm(`/samverkan/${partnershipId}/overenskommelser/ny`, {
      intent: "review-import",
      importReview: review!,
    });
    expect(editor.status).toBe(200);
    const html = await editor.text();
    expect(html).toContain(
      `Importerat från ${ange.name} – inget är sparat ännu. Kontrollera fälten och spara.`,
    );
    expect(html).toMatch(
      /name="title"[^>]*value="Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023–2026"/,
    );
    expect(await countDocuments()).toEqual(before);

    const saved = await postForm(`/samverkan/${partnershipId}/overenskommelser/ny`, {
      intent: "save-import",
      importReview: JSON.stringify({ part: "agreement", source: ange.name, uncertain: [], personalData: [] }),
      baseRevision: "1",
      title: "Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023–2026",
      periodFrom: "2023-01-01",
      periodTo: "2026-12-31",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toMatch(/^\/overenskommelser\/[0-9a-f-]{36}\?sparad=1$/);
    expect(await countDocuments()).toEqual({ ...before, agreements: before.agreements + 1 });
  });

  it("marks the fields the reader was unsure of, tied to them with aria-describedby", async () => {
    const review = {
      part: "agreement",
      source: "osaker.txt",
      uncertain: ["title", "period.to", "signatories", "municipalities"],
      personalData: [{ kind: "phone", text: "070-123 45 67", line: 4 }],
      content: {
        title: "Överenskommelse Ånge",
        caseNumber: "",
        period: { from: "2023", to: "2026", continuesUntilReplaced: false },
        background: "",
        purpose: "",
        problemSources: [],
        goals: [],
        focusAreas: [],
        documentation: "",
        followUp: {
          cadence: null,
          responsible: "",
          reportsTo: "",
          standingAgendaItem: false,
          description: "",
        },
        communication: "",
        otherUndertakings: [],
        signatories: [
          { name: "Erik Lövgren", title: "Kommunalråd", party: "municipality", organisation: "" },
        ],
      },
    };
    const response = await postForm(`/samverkan/${partnershipId}/overenskommelser/ny`, {
      intent: "review-import",
      importReview: JSON.stringify(review),
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Conform names a field's id after its name: "agreement-editor-signatories[0].name".
    for (const name of ["title", "periodTo", "signatories[0].name"]) {
      const id = escapeRegExp(`agreement-editor-${name}`);
      expect(html, name).toMatch(
        new RegExp(`<div class="field-note" id="${id}-note">Osäker – kontrollera</div>`),
      );
      expect(html, name).toMatch(new RegExp(`id="${id}"[^>]*aria-describedby="[^"]*${id}-note`));
    }
    expect(html).not.toMatch(/id="agreement-editor-periodFrom-note"/);
    expect(html).toContain("kommuner");
    expect(html).toContain("Telefonnummer på rad 4");
    expect(html).toContain("Granska och ta bort innan du sparar.");
  });

  it("refuses a review whose content is not an import with a Swedish message, storing nothing", async () => {
    const before = await countDocuments();
    for (const importReview of ["inte json", JSON.stringify({ part: "agreement", content: { title: 3 } })]) {
      const response = await postForm(`/samverkan/${partnershipId}/overenskommelser/ny`, {
        intent: "review-import",
        importReview,
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Det importerade innehållet kunde inte läsas");
    }
    expect(await countDocuments()).toEqual(before);
  });

  it("saves a reviewed citizen promise inside an agreement saved before it, and refuses another's agreement", async () => {
    const agreementSaved = await postForm(`/samverkan/${partnershipId}/overenskommelser/ny`, {
      intent: "save-import",
      importReview: JSON.stringify({
        part: "agreement",
        source: "vindeln.txt",
        uncertain: [],
        personalData: [],
      }),
      baseRevision: "1",
      title: "Samverkansöverenskommelse Vindeln 2024–2027",
    });
    const agreementId = /\/overenskommelser\/([0-9a-f-]{36})/.exec(
      agreementSaved.headers.get("Location") ?? "",
    )?.[1];
    expect(agreementId).toBeDefined();
    const promise = (chosen: string) => ({
      intent: "save-import",
      importReview: JSON.stringify({
        part: "citizenPromise",
        source: "vindeln.txt",
        uncertain: [],
        personalData: [],
      }),
      baseRevision: "1",
      title: "Medborgarlöften 2024–2027",
      agreementId: chosen,
      "commitments[0].owner": "police",
      "commitments[0].text": "Synas vid skolorna.",
    });

    const before = await countDocuments();
    const refused = await postForm(
      `/samverkan/${partnershipId}/medborgarloften/ny`,
      promise(crypto.randomUUID()),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Överenskommelsen finns inte i den här samverkan.");
    expect(await countDocuments()).toEqual(before);

    const saved = await postForm(`/samverkan/${partnershipId}/medborgarloften/ny`, promise(agreementId!));
    expect(saved.status).toBe(302);
    const promiseId = /\/medborgarloften\/([0-9a-f-]{36})/.exec(saved.headers.get("Location") ?? "")?.[1];
    const [row] = await database.db
      .select({ agreementId: citizenPromise.agreementId })
      .from(citizenPromise)
      .where(eq(citizenPromise.id, promiseId!));
    expect(row?.agreementId).toBe(agreementId);
  });

  it("shows a citizen promise in its editor, and a member may not see it", async () => {
    const review = JSON.stringify({
      part: "citizenPromise",
      source: "loften.txt",
      uncertain: ["commitments"],
      personalData: [],
      content: {
        title: "Medborgarlöften 2025",
        period: { from: "2025", to: "2025", continuesUntilReplaced: false },
        background: "",
        development: "",
        problemPicture: "",
        commitments: [
          {
            key: "lofte-1",
            owner: "police",
            ownerName: "",
            text: "Synas i Ramsele.",
            focusAreaKeys: [],
            measures: [],
          },
        ],
        followUp: "",
        signatories: [],
      },
    });
    const path = `/samverkan/${partnershipId}/medborgarloften/ny`;
    const before = await countDocuments();
    const response = await postForm(path, { intent: "review-import", importReview: review });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Importerat från loften.txt – inget är sparat ännu.");
    expect(html).toContain("Synas i Ramsele.");
    expect(html).toContain('id="citizen-promise-editor-commitments[0].text-note"');
    expect(html).toContain("Hör till överenskommelsen");
    expect(
      (await postForm(path, { intent: "review-import", importReview: review }, memberSession)).status,
    ).toBe(403);
    expect(await countDocuments()).toEqual(before);
  });
});
