import type { Route } from "./+types/sitemap";
import {
  findPublishedMunicipalitySlugs,
  findPublishedSurveyWaveIds,
} from "~/domain/public/public-sitemap.queries.server";
import { surveyResultsPath } from "~/domain/public/survey-results";
import { publicOrigin } from "~/lib/public-url.server";
import { appContext } from "~/lib/request-context.server";

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

/** The start page, the overview, every municipality page with something published, every published survey result. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const origin = publicOrigin(request);
  const paths = [
    "/",
    "/oversikt",
    ...(await findPublishedMunicipalitySlugs(db)).map((slug) => `/kommun/${slug}`),
    ...(await findPublishedSurveyWaveIds(db)).map(surveyResultsPath),
  ];
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...paths.map((path) => `  <url><loc>${escapeXml(`${origin}${path}`)}</loc></url>`),
    "</urlset>",
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
