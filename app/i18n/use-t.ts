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
