import { data, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/compare";
import { CitizenPromiseView } from "~/components/citizen-promise-view";
import { compareCitizenPromiseRevisions } from "~/domain/citizen-promises/citizen-promise.queries.server";
import type { CitizenPromiseContent } from "~/domain/citizen-promises/citizen-promise.schemas";
import { defineMessages } from "~/i18n/messages";
import { useDateTimeFormat, useLocale, useT } from "~/i18n/use-t";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Jämför version {a} och {b}",
    back: "Tillbaka till medborgarlöftet",
    changed: "Ändrade delar",
    unchanged: "Versionerna har samma innehåll.",
    version: "Version {n}",
    by: "{author}, {when}",
    someone: "okänd",
  },
  en: {
    title: "Compare version {a} and {b}",
    back: "Back to the citizen promise",
    changed: "Changed parts",
    unchanged: "The versions have the same content.",
    version: "Version {n}",
    by: "{author}, {when}",
    someone: "unknown",
  },
});

const SECTION_NAMES: Record<keyof CitizenPromiseContent, { sv: string; en: string }> = {
  title: { sv: "Rubrik", en: "Title" },
  period: { sv: "Period", en: "Period" },
  background: { sv: "Bakgrund", en: "Background" },
  development: { sv: "Så togs löftet fram", en: "How the promise was developed" },
  problemPicture: { sv: "Problembild", en: "Problem picture" },
  commitments: { sv: "Löftena", en: "The commitments" },
  followUp: { sv: "Uppföljning", en: "Follow-up" },
  signatories: { sv: "Undertecknare", en: "Signatories" },
};

const querySchema = z.object({ a: z.coerce.number().int().min(1), b: z.coerce.number().int().min(1) });

export const meta: Route.MetaFunction = () => [{ title: "Jämför versioner – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { promiseId } = uuidParams(params, "promiseId");
  requireUser(ctx.actor, request);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw data({ code: "NOT_FOUND" }, { status: 404 });
  const { a, b } = await pageCall(() =>
    compareCitizenPromiseRevisions(ctx, promiseId, query.data.a, query.data.b),
  );
  const changed = (Object.keys(SECTION_NAMES) as (keyof CitizenPromiseContent)[]).filter(
    (key) => JSON.stringify(a.content[key]) !== JSON.stringify(b.content[key]),
  );
  return { id: promiseId, a, b, changed };
}

export default function CompareCitizenPromiseRevisions({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  const when = useDateTimeFormat();
  const { a, b, changed } = loaderData;
  const locale = useLocale();
  const caption = (r: typeof a) =>
    t("by")
      .replace("{author}", r.authorName ?? t("someone"))
      .replace("{when}", when.format(new Date(r.createdAt)));
  return (
    <>
      <p>
        <Link className="ds-link" to={`/medborgarloften/${loaderData.id}`}>
          {t("back")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("title").replace("{a}", String(a.number)).replace("{b}", String(b.number))}
      </h1>
      <h2 className="ds-heading" data-size="sm">
        {t("changed")}
      </h2>
      {changed.length ? (
        <ul>
          {changed.map((key) => (
            <li key={key}>{SECTION_NAMES[key][locale]}</li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph">{t("unchanged")}</p>
      )}
      <div className="side-by-side">
        {[a, b].map((r) => (
          <section key={r.number} aria-labelledby={`version-${r.number}`}>
            <h2 className="ds-heading" data-size="md" id={`version-${r.number}`}>
              {t("version").replace("{n}", String(r.number))}
            </h2>
            <p className="ds-paragraph">{caption(r)}</p>
            <p className="ds-paragraph">
              <strong>{r.content.title}</strong>
            </p>
            <CitizenPromiseView content={r.content} level={3} />
          </section>
        ))}
      </div>
    </>
  );
}
