import type { MetaDescriptor } from "react-router";
import { isLocale, type Locale } from "~/i18n/messages";

/** The visitor's language in a `meta` function, from the root loader's data. */
export function metaLocale(matches: readonly ({ id: string; data?: unknown } | undefined)[]): Locale {
  const root = matches.find((m) => m?.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : "sv";
}

/**
 * Title, description and Open Graph tags for a public page, so a shared link shows what it is;
 * `url` (absolute) becomes og:url and the canonical link.
 */
export function publicPageMeta(input: {
  title: string;
  description: string;
  url?: string;
  locale: Locale;
}): MetaDescriptor[] {
  const title = `${input.title} – Tryggsam`;
  return [
    { title },
    { name: "description", content: input.description },
    { property: "og:title", content: title },
    { property: "og:description", content: input.description },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "Tryggsam" },
    { property: "og:locale", content: input.locale === "en" ? "en_GB" : "sv_SE" },
    ...(input.url
      ? [
          { property: "og:url", content: input.url },
          { tagName: "link", rel: "canonical", href: input.url },
        ]
      : []),
  ];
}
