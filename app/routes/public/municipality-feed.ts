import type { Route } from "./+types/municipality-feed";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { ATOM_CONTENT_TYPE, municipalityFeed } from "~/domain/public/municipality-feed";
import { findPublicMunicipality } from "~/domain/public/public-municipality.queries.server";
import { PUBLIC_CACHE_CONTROL } from "~/lib/public-cache.server";
import { publicOrigin } from "~/lib/public-url.server";
import { appContext } from "~/lib/request-context.server";

/**
 * /kommun/:slug/flode.atom: the municipality's Atom feed of published documents and follow-ups.
 * Public (the public cache keeps it, with its ETag, until something is published).
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const page = await findPublicMunicipality(db, params.slug, swedishDate(new Date()));
  if (!page) {
    return new Response("Det finns ingen kommun med det namnet.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(municipalityFeed(page, publicOrigin(request)), {
    headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": PUBLIC_CACHE_CONTROL },
  });
}
