import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { sessionCookie } from "~/lib/cookies.server";
import { endSession } from "~/domain/users/sessions.server";
import { appContext } from "~/lib/request-context.server";

export async function action({ context }: Route.ActionArgs) {
  const { db, sessionToken, secure } = context.get(appContext);
  if (sessionToken) await endSession(db, sessionToken);
  return redirect("/", {
    headers: { "Set-Cookie": await sessionCookie(secure).serialize("", { maxAge: 0 }) },
  });
}

export function loader() {
  return redirect("/");
}
