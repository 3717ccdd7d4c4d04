import { data, Link } from "react-router";
import type { Route } from "./+types/history";
import { AuditHistory } from "~/components/audit-history";
import { findAuditEvents } from "~/domain/audit/audit.queries.server";
import { auditQuerySchema } from "~/domain/audit/audit.schemas";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Ändringshistorik",
    of: "Vem som ändrade vad och när, för",
    back: "Tillbaka",
    "type.policeArea": "lokalpolisområdet",
    "type.partnership": "samverkan",
    "type.user": "kontot",
    "type.apiToken": "API-nyckeln",
    "type.other": "posten",
  },
  en: {
    title: "Change history",
    of: "Who changed what and when, for",
    back: "Back",
    "type.policeArea": "the police area",
    "type.partnership": "the partnership",
    "type.user": "the account",
    "type.apiToken": "the API token",
    "type.other": "the record",
  },
});
type TypeKey = "type.policeArea" | "type.partnership" | "type.user" | "type.apiToken";

/** Where a record's own page is, for the link back; records without a page get none. */
const PAGES: Record<string, (id: string) => string> = {
  policeArea: (id) => `/admin/lokalpolisomraden/${id}`,
  partnership: (id) => `/samverkan/${id}`,
};

export const meta: Route.MetaFunction = () => [{ title: "Ändringshistorik – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  requireUser(ctx.actor, request);
  const query = auditQuerySchema.safeParse(params);
  if (!query.success) throw data({ code: "NOT_FOUND" }, { status: 404 });
  const events = await pageCall(() => findAuditEvents(ctx, query.data));
  return {
    entityType: query.data.entityType,
    entityId: query.data.entityId,
    page: PAGES[query.data.entityType]?.(query.data.entityId) ?? null,
    events,
  };
}

export default function History({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  const typeKey = `type.${loaderData.entityType}`;
  const what = typeKey in messages.sv ? t(typeKey as TypeKey) : t("type.other");
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph">
        {t("of")} {what} <code>{loaderData.entityId}</code>.
      </p>
      {loaderData.page ? (
        <p>
          <Link className="ds-link" to={loaderData.page}>
            {t("back")}
          </Link>
        </p>
      ) : null}
      <AuditHistory events={loaderData.events} />
    </>
  );
}
