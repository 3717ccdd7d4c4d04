import type { Route } from "./+types/outbox";
import { findOutboxMessages } from "~/domain/mail/outbox.queries.server";
import { defineMessages } from "~/i18n/messages";
import { useDateTimeFormat, useT } from "~/i18n/use-t";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Utkorg",
    intro:
      "Tryggsam skickar e-post via SMTP när SMTP_URL är satt. Annars hamnar meddelandena här, nyast först, så att du kan vidarebefordra dem, t.ex. en inbjudningslänk.",
    back: "Administration",
    none: "Utkorgen är tom.",
    to: "Till",
    created: "Skapat",
  },
  en: {
    title: "Outbox",
    intro:
      "Tryggsam sends e-mail through SMTP when SMTP_URL is set. Otherwise the messages end up here, newest first, so you can pass them on, e.g. an invitation link.",
    back: "Administration",
    none: "The outbox is empty.",
    to: "To",
    created: "Created",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Utkorg – Tryggsam" }];

// Invitation links are secrets.
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ context, request }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  requireUser(ctx.actor, request);
  return { messages: await pageCall(() => findOutboxMessages(ctx)) };
}

/** Plain text with its web addresses as links. */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} className="ds-link" href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  const when = useDateTimeFormat();
  return (
    <>
      <p>
        <a className="ds-link" href="/admin">
          {t("back")}
        </a>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph">{t("intro")}</p>
      {loaderData.messages.length === 0 ? <p className="ds-paragraph">{t("none")}</p> : null}
      {loaderData.messages.map((message) => (
        <article key={message.id} className="mail" aria-labelledby={`mail-${message.id}`}>
          <h2 className="ds-heading" data-size="sm" id={`mail-${message.id}`}>
            {message.subject}
          </h2>
          <dl className="facts">
            <dt>{t("to")}</dt>
            <dd>{message.recipient}</dd>
            <dt>{t("created")}</dt>
            <dd>
              <time dateTime={new Date(message.createdAt).toISOString()}>
                {when.format(new Date(message.createdAt))}
              </time>
            </dd>
          </dl>
          <pre className="mail-body">
            <Linked text={message.body} />
          </pre>
        </article>
      ))}
    </>
  );
}
