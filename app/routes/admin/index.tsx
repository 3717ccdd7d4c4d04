import { Link } from "react-router";
import type { Route } from "./+types/index";
import { can, type Permission } from "~/domain/access/permissions";
import { AppError } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Administration",
    outbox: "Utkorg",
    outboxHint: "E-post som Tryggsam har skapat men inte skickat, t.ex. inbjudningar.",
    policeAreas: "Lokalpolisområden",
    policeAreasHint: "Lägg till och rätta lokalpolisområden och kommunerna de betjänar.",
  },
  en: {
    title: "Administration",
    outbox: "Outbox",
    outboxHint: "E-mail that Tryggsam has written but not sent, such as invitations.",
    policeAreas: "Local police areas",
    policeAreasHint: "Add and correct local police areas and the municipalities they serve.",
  },
});

type Key = keyof typeof messages.sv;

/** The administration pages; each shows for those who hold its permission. Add new ones here. */
const PAGES: { href: string; permission: Permission; title: Key; hint: Key }[] = [
  { href: "/admin/utkorg", permission: "outbox.read", title: "outbox", hint: "outboxHint" },
  {
    href: "/admin/lokalpolisomraden",
    permission: "policeArea.manage",
    title: "policeAreas",
    hint: "policeAreasHint",
  },
];

export const meta: Route.MetaFunction = () => [{ title: "Administration – Tryggsam" }];

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context.get(appContext).actor, request);
  const pages = PAGES.filter((page) => can(actor, page.permission));
  if (pages.length === 0)
    await pageCall(() => Promise.reject(new AppError("FORBIDDEN", "Du har inte behörighet att göra detta.")));
  return { pages: pages.map(({ href, title, hint }) => ({ href, title, hint })) };
}

export default function Admin({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <ul className="link-list">
        {loaderData.pages.map((page) => (
          <li key={page.href}>
            <Link className="ds-link" to={page.href}>
              {t(page.title)}
            </Link>
            <p className="ds-paragraph">{t(page.hint)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
