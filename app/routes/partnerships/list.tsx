import { Link } from "react-router";
import type { Route } from "./+types/list";
import { can } from "~/domain/access/permissions";
import { findPartnerships } from "~/domain/partnerships/partnership.queries.server";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Samverkan",
    create: "Skapa ny samverkan",
    none: "Du är inte med i någon samverkan ännu. Be en samordnare eller administratör att bjuda in dig.",
    noneAdmin: "Det finns ingen samverkan ännu.",
    policeArea: "Lokalpolisområde",
    municipalities: "Kommuner",
  },
  en: {
    title: "Partnerships",
    create: "Create a new partnership",
    none: "You are not part of any partnership yet. Ask a coordinator or administrator to invite you.",
    noneAdmin: "There are no partnerships yet.",
    policeArea: "Local police area",
    municipalities: "Municipalities",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Samverkan – Tryggsam" }];

export async function loader({ context, request }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const actor = requireUser(ctx.actor, request);
  return {
    partnerships: await findPartnerships(ctx),
    canCreate: can(actor, "partnership.create"),
  };
}

export default function Partnerships({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  const { partnerships, canCreate } = loaderData;
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      {canCreate ? (
        <p>
          <Link className="ds-link" to="/samverkan/ny">
            {t("create")}
          </Link>
        </p>
      ) : null}
      {partnerships.length === 0 ? (
        <p className="ds-paragraph">{canCreate ? t("noneAdmin") : t("none")}</p>
      ) : (
        <ul className="card-list">
          {partnerships.map((p) => (
            <li key={p.id}>
              <h2 className="ds-heading" data-size="sm">
                <Link className="ds-link" to={`/samverkan/${p.id}`}>
                  {p.name}
                </Link>
              </h2>
              <dl className="facts">
                <dt>{t("policeArea")}</dt>
                <dd>{p.policeArea.name}</dd>
                <dt>{t("municipalities")}</dt>
                <dd>{p.municipalities.map((m) => m.name).join(", ")}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
