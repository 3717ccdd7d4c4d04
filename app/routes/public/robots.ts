import type { Route } from "./+types/robots";
import { publicOrigin } from "~/lib/public-url.server";

/** Public pages and the public open data may be indexed; the working tool and the API may not. */
export function loader({ request }: Route.LoaderArgs) {
  const body = [
    "User-agent: *",
    "Allow: /",
    "Allow: /api/v1/public",
    "Disallow: /admin",
    "Disallow: /samverkan",
    "Disallow: /konto",
    "Disallow: /api",
    "",
    `Sitemap: ${publicOrigin(request)}/sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
