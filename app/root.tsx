import {
  data,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "react-router";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles/app.css";
import type { Route } from "./+types/root";
import { csrfCookie, localeCookie, sessionCookie } from "./lib/cookies.server";
import { getEnv } from "./config/env.server";
import { getDb } from "./db/client.server";
import { can } from "./domain/access/permissions";
import type { Actor } from "./domain/access/actor";
import { findApiTokenActor, findSessionActor } from "./domain/users/user.queries.server";
import { isLocale, type Locale } from "./i18n/messages";
import { useT } from "./i18n/use-t";
import { CsrfInput } from "./components/csrf-input";
import { isImportUpload } from "./import/upload-limits";
import { csrfTokenFor, isValidCsrfToken, newCsrfCookieId } from "./lib/csrf.server";
import { problem } from "./lib/http.server";
import { appContext, connectionContext } from "./lib/request-context.server";

export const links: Route.LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Resolves the actor, checks CSRF on every mutation and provides the app context to all routes. */
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, context }, next) => {
    const { clientAddress, secure } = context.get(connectionContext);
    const secret = getEnv().SESSION_SECRET;
    if (!secret) throw new Error("SESSION_SECRET saknas: starta Tryggsam med `tryggsam serve`.");
    const db = getDb();
    const cookieHeader = request.headers.get("Cookie");
    const url = new URL(request.url);
    const isApi = url.pathname.startsWith("/api/");

    const bearer = request.headers.get("Authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
    const sessionToken = bearer ? null : ((await sessionCookie(secure).parse(cookieHeader)) as string | null);
    let actor: Actor = { kind: "anonymous" };
    if (bearer) {
      const tokenActor = await findApiTokenActor(db, bearer);
      if (!tokenActor)
        return problem(401, "API-nyckeln är okänd eller återkallad.", { code: "UNAUTHENTICATED" });
      actor = tokenActor;
    } else if (sessionToken) {
      actor = (await findSessionActor(db, sessionToken)) ?? actor;
    }

    // A page rendered for the public cache (cli/public-cache.ts) is served to everyone: no token,
    // no cookie. Such pages have no form that posts.
    const publicRender = request.headers.get("x-tryggsam-public-render") === "1";
    const existingCsrfId = (await csrfCookie(secure).parse(cookieHeader)) as string | null;
    const csrfId = existingCsrfId ?? newCsrfCookieId();
    const csrfToken = publicRender ? "" : csrfTokenFor(secret, csrfId);

    // The upload reads its own multipart body as it streams in and checks the token there, in
    // the first part, before it accepts a file (import/upload.server.ts): a copy of the body here
    // would hold every file in memory.
    const checksOwnToken = isImportUpload(request.method, url.pathname, request.headers.get("Content-Type"));
    if (MUTATIONS.has(request.method) && !bearer && !checksOwnToken) {
      const sent = isApi
        ? request.headers.get("X-CSRF-Token")
        : (
            await request
              .clone()
              .formData()
              .catch(() => null)
          )?.get("csrf");
      // The API without a session needs no token: it can do nothing but answer 401.
      const needed = !isApi || sessionToken !== null;
      if (needed && !isValidCsrfToken(secret, existingCsrfId, sent)) {
        if (isApi)
          return problem(403, "CSRF-token saknas eller är fel (skicka X-CSRF-Token).", { code: "CSRF" });
        throw data({ code: "CSRF", message: "CSRF" }, { status: 403 });
      }
    }

    const lang: unknown = await localeCookie.parse(cookieHeader);
    const locale: Locale = isLocale(lang) ? lang : "sv";
    context.set(appContext, {
      db,
      actor,
      sessionToken: actor.kind === "user" ? sessionToken : null,
      csrfToken,
      locale,
      clientAddress,
      secure,
    });
    const response = await next();
    if (!existingCsrfId && !publicRender)
      response.headers.append("Set-Cookie", await csrfCookie(secure).serialize(csrfId));
    return response;
  },
];

export async function loader({ context }: Route.LoaderArgs) {
  const { actor, csrfToken, locale } = context.get(appContext);
  return {
    locale,
    csrfToken,
    user:
      actor.kind === "user"
        ? { name: actor.name, email: actor.email, isAdmin: can(actor, "user.manage") }
        : null,
  };
}

/**
 * A route whose handle says `{ hydrate: false }` is sent as HTML and CSS only: a read-only page
 * (the public municipality page, the overview) needs no script, and a phone loads it without the
 * client bundle. `hydrate` may also be a function of the route's loader data, for a page that
 * needs script only sometimes (a survey with a map). In the browser the scripts stay: a page
 * reached by client navigation is rendered by the running app.
 */
export interface RouteHandle<LoaderData = unknown> {
  hydrate?: false | ((loaderData: LoaderData) => boolean);
}

function useScripts(): boolean {
  const matches = useMatches();
  if (typeof document !== "undefined") return true;
  return !matches.some((match) => {
    const hydrate = (match.handle as RouteHandle | undefined)?.hydrate;
    return typeof hydrate === "function" ? !hydrate(match.loaderData) : hydrate === false;
  });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const scripts = useScripts();
  return (
    <html lang={root?.locale ?? "sv"} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {scripts && <ScrollRestoration />}
        {scripts && <Scripts />}
      </body>
    </html>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const t = useT();
  const root = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const back = location.pathname + location.search;
  return (
    <>
      <a className="ds-skip-link skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-name">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.main")} className="site-nav">
            <ul>
              <li>
                <Link to="/">{t("nav.home")}</Link>
              </li>
              {root?.user ? (
                <>
                  <li>
                    <Link to="/samverkan">{t("nav.partnerships")}</Link>
                  </li>
                  {root.user.isAdmin ? (
                    <li>
                      <Link to="/admin">{t("nav.admin")}</Link>
                    </li>
                  ) : null}
                  <li>
                    <Link to="/konto">{t("nav.account")}</Link>
                  </li>
                  <li>
                    <form method="post" action="/logga-ut" className="inline-form">
                      <CsrfInput />
                      <button type="submit" className="link-button">
                        {t("nav.logout")}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <li>
                  <Link to="/logga-in">{t("nav.login")}</Link>
                </li>
              )}
              <li>
                <a
                  href={`/sprak?lang=${root?.locale === "en" ? "sv" : "en"}&tillbaka=${encodeURIComponent(back)}`}
                  lang={root?.locale === "en" ? "sv" : "en"}
                  hrefLang={root?.locale === "en" ? "sv" : "en"}
                >
                  {root?.locale === "en" ? "På svenska" : "In English"}
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("footer.about")}</p>
      </footer>
    </>
  );
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useT();
  let title = t("error.server.title");
  let text = t("error.server.text");
  if (isRouteErrorResponse(error)) {
    const code = (error.data as { code?: string } | null)?.code;
    if (error.status === 404) [title, text] = [t("error.notFound.title"), t("error.notFound.text")];
    else if (code === "CSRF") [title, text] = [t("error.csrf.title"), t("error.csrf.text")];
    else if (error.status === 403) [title, text] = [t("error.forbidden.title"), t("error.forbidden.text")];
    else if (error.status === 413) [title, text] = [t("error.tooLarge.title"), t("error.tooLarge.text")];
    else if (error.status < 500 && typeof (error.data as { message?: unknown })?.message === "string")
      [title, text] = [t("error.server.title"), (error.data as { message: string }).message];
  }
  return (
    <Shell>
      <title>{`${title} – Tryggsam`}</title>
      <h1 className="ds-heading" data-size="lg">
        {title}
      </h1>
      <p className="ds-paragraph">{text}</p>
      <p>
        <Link className="ds-link" to="/">
          {t("error.back")}
        </Link>
      </p>
    </Shell>
  );
}
