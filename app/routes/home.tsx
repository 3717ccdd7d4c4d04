import { Link, redirect } from "react-router";
import type { Route } from "./+types/home";
import { countUsers } from "~/domain/users/user.queries.server";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { appContext } from "~/lib/request-context.server";

const messages = defineMessages({
  sv: {
    title: "Tryggsam",
    lead: "Här samlar kommuner och lokalpolisområden sina samverkansöverenskommelser och medborgarlöften – från lägesbild och medborgardialog till uppföljning – och visar invånarna hur det går.",
    signedIn: "Du är inloggad som",
    toPartnerships: "Till dina samverkan",
    login: "Logga in",
  },
  en: {
    title: "Tryggsam",
    lead: "Municipalities and local police areas keep their collaboration agreements and citizen promises here – from situation picture and citizen dialogue to follow-up – and show residents how it is going.",
    signedIn: "You are logged in as",
    toPartnerships: "To your partnerships",
    login: "Log in",
  },
});

export const meta: Route.MetaFunction = () => [
  { title: "Tryggsam – samverkan mellan polis och kommun" },
  { name: "description", content: "Samverkansöverenskommelser och medborgarlöften mellan polis och kommun." },
];

export async function loader({ context }: Route.LoaderArgs) {
  const { db, actor } = context.get(appContext);
  if ((await countUsers(db)) === 0) throw redirect("/forsta-start");
  return { userName: actor.kind === "user" ? actor.name : null };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  return (
    <>
      <h1 className="ds-heading" data-size="xl">
        {t("title")}
      </h1>
      <p className="ds-paragraph lead">{t("lead")}</p>
      {loaderData.userName ? (
        <p className="ds-paragraph">
          {t("signedIn")} {loaderData.userName}.{" "}
          <Link className="ds-link" to="/samverkan">
            {t("toPartnerships")}
          </Link>
        </p>
      ) : (
        <p>
          <Link className="ds-link" to="/logga-in">
            {t("login")}
          </Link>
        </p>
      )}
    </>
  );
}
