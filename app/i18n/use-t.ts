import { useRouteLoaderData } from "react-router";
import { catalogues, isLocale, type Locale, type MessageKey } from "./messages";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale?: unknown }>("root");
  return isLocale(data?.locale) ? data.locale : "sv";
}

/** The shell's words, or a feature's own (from defineMessages), in the visitor's language. */
export function useT(): (key: MessageKey) => string;
export function useT<K extends string>(messages: {
  sv: Record<K, string>;
  en: Record<K, string>;
}): (key: K) => string;
export function useT(messages?: { sv: Record<string, string>; en: Record<string, string> }) {
  const locale = useLocale();
  const table = (messages ?? catalogues) as Record<Locale, Record<string, string>>;
  return (key: string) => table[locale][key] ?? key;
}

/**
 * Formats times for the visitor's language, always in Swedish time (the server renders the page,
 * so the browser's zone is unknown). `withSeconds` for logs where order within a minute matters.
 */
export function useDateTimeFormat(options: { withSeconds?: boolean } = {}): Intl.DateTimeFormat {
  const locale = useLocale();
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "sv-SE", {
    dateStyle: "medium",
    timeStyle: options.withSeconds ? "medium" : "short",
    timeZone: "Europe/Stockholm",
  });
}
