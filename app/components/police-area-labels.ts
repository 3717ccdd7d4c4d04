import { defineMessages } from "~/i18n/messages";

/** How a served municipality's coverage and status read, for the police-area pages. */
export const policeAreaLabels = defineMessages({
  sv: { whole: "hela", part: "del av", verified: "bekräftad", probable: "trolig" },
  en: { whole: "whole", part: "part of", verified: "verified", probable: "probable" },
});
