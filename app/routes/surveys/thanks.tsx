import { data } from "react-router";
import type { Route } from "./+types/thanks";
import type { RouteHandle } from "~/root";
import { findWaveByLink } from "~/domain/surveys/survey.queries.server";
import { defineMessages } from "~/i18n/messages";
import { appContext } from "~/lib/request-context.server";

/**
 * After an answer: thanks, and nothing of what was answered — free text is never shown back on a
 * public page. A robot that filled the honeypot lands here too, told all went well.
 */

const messages = defineMessages({
  sv: {
    title: "Tack för dina svar!",
    stored: "Dina svar är sparade. De kan inte kopplas till dig.",
    use: "Svaren räknas samman med andras och används för att göra området tryggare. Resultaten redovisas bara för grupper som är tillräckligt stora.",
    close: "Du kan stänga sidan nu.",
    notFound: "Enkäten finns inte",
    notFoundText: "Vi hittar ingen enkät med den här länken.",
  },
  en: {
    title: "Thank you for your answers!",
    stored: "Your answers are saved. They cannot be linked to you.",
    use: "The answers are combined with others' and used to make the area safer. Results are only reported for groups that are large enough.",
    close: "You can close the page now.",
    notFound: "The survey does not exist",
    notFoundText: "We cannot find a survey with this link.",
  },
});

/** Read-only: sent without scripts (root.tsx). */
export const handle: RouteHandle = { hydrate: false };

export const headers: Route.HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "Referrer-Policy": "same-origin",
});

export const meta: Route.MetaFunction = ({ data: page }) => [
  { title: `${page?.title ?? "Enkät"} – Tryggsam` },
  { name: "robots", content: "noindex" },
];

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const wave = await findWaveByLink(db, params.linkKey);
  const wanted = new URL(request.url).searchParams.get("sprak") ?? "sv";
  if (!wave) return data({ title: null, language: "sv" }, { status: 404 });
  const language = (wave.definition.languages as string[]).includes(wanted) ? wanted : "sv";
  return { title: wave.title, language };
}

export default function SurveyThanks({ loaderData }: Route.ComponentProps) {
  const { title, language } = loaderData;
  const t = messages[language === "sv" ? "sv" : "en"];
  if (title === null) {
    return (
      <div className="narrow">
        <h1 className="ds-heading" data-size="lg">
          {messages.sv.notFound}
        </h1>
        <p className="ds-paragraph">{messages.sv.notFoundText}</p>
      </div>
    );
  }
  return (
    <div className="narrow" lang={language}>
      <h1 className="ds-heading" data-size="lg">
        {t.title}
      </h1>
      <p className="ds-paragraph">{title}</p>
      <p className="ds-paragraph">{t.stored}</p>
      <p className="ds-paragraph">{t.use}</p>
      <p className="ds-paragraph">{t.close}</p>
    </div>
  );
}
