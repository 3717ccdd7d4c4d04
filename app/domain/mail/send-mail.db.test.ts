import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessage } from "~/db/schema";
import { invitePerson } from "~/domain/invitations/invite-person.server";
import { insertPartnership } from "../../../tests/factories/partnerships";
import { insertUserActor, makeUser } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { sendMail } from "./send-mail.server";

const t = withTestDatabase();

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on the loopback interface; `refuse` makes it turn every recipient away. */
function startSmtpServer(options: { refuse?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse) callback(new Error(`550 Ingen sådan mottagare: ${address.address}`));
      else callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  const listening = new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(`smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
    }),
  );
  return { received, url: listening, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const outboxFor = (to: string) => t.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, to));

describe("mail through SMTP", () => {
  const smtp = startSmtpServer();
  const refusing = startSmtpServer({ refuse: true });
  let smtpUrl: string;
  let refusingUrl: string;
  beforeAll(async () => {
    smtpUrl = await smtp.url;
    refusingUrl = await refusing.url;
  });
  afterAll(async () => {
    await smtp.close();
    await refusing.close();
  });

  it("delivers an invitation with its link to the SMTP server and keeps nothing in the outbox", async () => {
    const partnershipId = await insertPartnership(t.db, { name: "Ånge kommun och LPO Medelpad" });
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const { email } = makeUser();
    await invitePerson(
      { db: t.db, actor: admin },
      partnershipId,
      { email, role: "police" },
      {
        baseUrl: "https://tryggsam.example.se",
        smtpUrl,
      },
    );
    const mail = smtp.received.find((m) => m.to.includes(email));
    expect(mail?.from).toBe("no-reply@tryggsam.example.se");
    const body = mail!.raw.replace(/=\r?\n/g, "");
    expect(body).toMatch(/https:\/\/tryggsam\.example\.se\/inbjudan\/[\w-]{20,}/);
    expect(body).toContain("Subject:");
    expect(await outboxFor(email)).toHaveLength(0);
  });

  it("puts a message the server refuses in the outbox instead, so nothing is lost", async () => {
    const { email } = makeUser();
    const result = await sendMail(
      t.db,
      { to: email, subject: "Inbjudan till Tryggsam", text: "Öppna länken: https://example.se/x" },
      { smtpUrl: refusingUrl, from: "no-reply@example.se" },
    );
    expect(result).toBe("outbox");
    const [kept] = await outboxFor(email);
    expect(kept).toMatchObject({
      subject: "Inbjudan till Tryggsam",
      body: "Öppna länken: https://example.se/x",
    });
  });
});
