import type { Locale } from "~/i18n/messages";
import type { AgeBand, Gender, PLACE_DAYS, PLACE_TIMES, PlaceReason } from "./survey.schemas";

/**
 * The words for the fixed keys of every survey (gender, age band, why and when a place feels
 * unsafe), in the interface's languages. A survey's own words (questions, options, areas, places)
 * are in its definition. Safe for the browser.
 */

type PlaceTime = (typeof PLACE_TIMES)[number];
type PlaceDay = (typeof PLACE_DAYS)[number];

export const GENDER_LABELS: Record<Locale, Record<Gender, string>> = {
  sv: { woman: "Kvinna", man: "Man", other: "Annat" },
  en: { woman: "Woman", man: "Man", other: "Other" },
};

export const AGE_BAND_LABELS: Record<Locale, Record<AgeBand, string>> = {
  sv: { "16-24": "16–24 år", "25-44": "25–44 år", "45-64": "45–64 år", "65+": "65 år eller äldre" },
  en: { "16-24": "16–24 years", "25-44": "25–44 years", "45-64": "45–64 years", "65+": "65 years or older" },
};

export const PLACE_REASON_LABELS: Record<Locale, Record<PlaceReason, string>> = {
  sv: {
    lighting: "Dålig belysning",
    people: "Personer som uppehåller sig där",
    traffic: "Trafiken",
    vegetation: "Buskar och växtlighet",
    other: "Annat",
  },
  en: {
    lighting: "Poor lighting",
    people: "People who spend time there",
    traffic: "Traffic",
    vegetation: "Bushes and vegetation",
    other: "Other",
  },
};

export const PLACE_TIME_LABELS: Record<Locale, Record<PlaceTime, string>> = {
  sv: { morning: "Morgon", day: "Dag", evening: "Kväll", night: "Natt" },
  en: { morning: "Morning", day: "Daytime", evening: "Evening", night: "Night" },
};

export const PLACE_DAY_LABELS: Record<Locale, Record<PlaceDay, string>> = {
  sv: { weekday: "Vardag", weekend: "Helg" },
  en: { weekday: "Weekday", weekend: "Weekend" },
};

/** The cell of respondents who did not say (area, gender or age; NOT_STATED in the results). */
export const NOT_STATED_LABEL: Record<Locale, string> = {
  sv: "Ej angett",
  en: "Not stated",
};

/** Who published an external result (survey_external_result.source). */
export const EXTERNAL_SOURCE_LABELS: Record<Locale, Record<string, string>> = {
  sv: { police: "Polisen", bra: "BRÅ", other: "Annan" },
  en: { police: "The police", bra: "BRÅ", other: "Other" },
};
