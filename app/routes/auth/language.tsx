import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { localeCookie } from "~/lib/cookies.server";
import { isLocale } from "~/i18n/messages";
import { safeRedirect } from "~/lib/safe-redirect";

/** Chooses the interface language (a preference cookie only) and goes back. */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  const back = safeRedirect(url.searchParams.get("tillbaka"));
  if (!isLocale(lang)) return redirect(back);
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(lang) } });
}
