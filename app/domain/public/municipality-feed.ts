import {
  COMMITMENT_STATUS_LABELS,
  type CommitmentStatus,
} from "~/domain/citizen-promises/citizen-promise.schemas";
import { DATE_STATUS_LABELS } from "~/domain/agreements/document-parts.schemas";
import type { PublicMunicipality } from "./public-municipality.queries.server";

/**
 * A municipality's Atom feed (RFC 4287): one entry per published agreement and citizen promise
 * and per progress note on a published promise's commitment, newest first. Entry ids are
 * `urn:uuid:` of the record, so they stay the same whatever the site's address; links go to the
 * page (with the document's anchor) and to the DOCX/PDF downloads. Swedish, as the public pages
 * are by default. Pure.
 */

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

/** The feed's path beside the page: /kommun/ange/flode.atom. */
export const feedPath = (slug: string) => `/kommun/${slug}/flode.atom`;

interface FeedEntry {
  id: string;
  title: string;
  updated: string;
  summary: string;
  page: string;
  downloads: { href: string; type: string; title: string }[];
}

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text for XML: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** A progress note's day as an Atom date (noon UTC: the note has a day, not a time). */
const dayTime = (day: string) => `${day}T12:00:00Z`;

const downloadsOf = (origin: string, base: string, title: string) => [
  {
    href: `${origin}${base}/export/docx`,
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    title: `${title} (DOCX)`,
  },
  { href: `${origin}${base}/export/pdf`, type: "application/pdf", title: `${title} (PDF)` },
];

function entries(page: PublicMunicipality, origin: string): FeedEntry[] {
  const pageUrl = `${origin}/kommun/${page.municipality.slug}`;
  const agreements = [...(page.currentAgreement ? [page.currentAgreement] : []), ...page.earlierAgreements];
  const promises = [...page.currentPromises, ...page.earlierPromises];
  const statusLabel = DATE_STATUS_LABELS.sv;
  const progressLabel = (status: CommitmentStatus) => COMMITMENT_STATUS_LABELS.sv[status];
  return [
    ...agreements.map((a) => ({
      id: `urn:uuid:${a.id}`,
      title: `Samverkansöverenskommelse: ${a.title}`,
      updated: a.changedAt.toISOString(),
      summary: `Publicerad. Status: ${statusLabel[a.status]}.`,
      page: `${pageUrl}#agreement-${a.id}`,
      downloads: downloadsOf(origin, `/overenskommelser/${a.id}`, a.title),
    })),
    ...promises.map((p) => ({
      id: `urn:uuid:${p.id}`,
      title: `Medborgarlöfte: ${p.title}`,
      updated: p.changedAt.toISOString(),
      summary: `Publicerat. Status: ${statusLabel[p.status]}. ${p.commitments.length} löften.`,
      page: `${pageUrl}#promise-${p.id}`,
      downloads: downloadsOf(origin, `/medborgarloften/${p.id}`, p.title),
    })),
    ...page.followUps.map((f) => ({
      id: `urn:uuid:${f.id}`,
      title: `${progressLabel(f.status)}: ${f.commitmentText}`,
      updated: dayTime(f.occurredOn),
      summary: [f.note, `Ur ${f.citizenPromiseTitle}.`].filter(Boolean).join("\n\n"),
      page: `${pageUrl}#promise-${f.citizenPromiseId}`,
      downloads: [],
    })),
  ].sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
}

/** The feed as XML. `origin` is the site's public address (no trailing slash). */
export function municipalityFeed(page: PublicMunicipality, origin: string): string {
  const pageUrl = `${origin}/kommun/${page.municipality.slug}`;
  const list = entries(page, origin);
  // With no entries the feed still needs an `updated`: the epoch says "nothing yet", and stays stable.
  const updated = list[0]?.updated ?? "1970-01-01T00:00:00Z";
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${xmlText(pageUrl)}</id>`,
    `  <title>${xmlText(`${page.municipality.name}: samverkan för trygghet – Tryggsam`)}</title>`,
    `  <subtitle>Publicerade samverkansöverenskommelser, medborgarlöften och hur det går med löftena.</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>Tryggsam</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(`${origin}${feedPath(page.municipality.slug)}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(pageUrl)}"/>`,
    ...list.flatMap((e) => [
      "  <entry>",
      `    <id>${xmlText(e.id)}</id>`,
      `    <title>${xmlText(e.title)}</title>`,
      `    <updated>${e.updated}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(e.page)}"/>`,
      ...e.downloads.map(
        (d) =>
          `    <link rel="enclosure" type="${d.type}" href="${xmlText(d.href)}" title="${xmlText(d.title)}"/>`,
      ),
      `    <summary>${xmlText(e.summary)}</summary>`,
      "  </entry>",
    ]),
    "</feed>",
  ];
  return `${lines.join("\n")}\n`;
}
