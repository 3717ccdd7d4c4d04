import { createTransport } from "nodemailer";
import type { DbOrTx } from "~/db/client.server";
import { outboxMessage } from "~/db/schema";

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text. */
  text: string;
}

/** Where mail goes: through SMTP when an SMTP_URL is configured, else to the outbox. */
export interface MailSettings {
  smtpUrl?: string;
  /** The sender; defaults to no-reply at the public host. */
  from?: string;
}

/** Stores a message in the outbox, where administrators read it (no SMTP, or SMTP failed). */
export async function storeInOutbox(db: DbOrTx, message: MailMessage): Promise<void> {
  await db
    .insert(outboxMessage)
    .values({ recipient: message.to, subject: message.subject, body: message.text });
}

/**
 * Sends a message through SMTP. When the server refuses it or cannot be reached, the message
 * goes to the outbox instead, so an administrator can pass it on; nothing is lost.
 */
export async function sendMail(db: DbOrTx, message: MailMessage, settings: Required<MailSettings>) {
  try {
    await createTransport(settings.smtpUrl).sendMail({
      from: settings.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    return "sent" as const;
  } catch {
    await storeInOutbox(db, message);
    return "outbox" as const;
  }
}
