/** The interface's words. Swedish is the source; English must have every key (the type says so). */
const sv = {
  "app.name": "Tryggsam",
  "app.tagline": "Samverkan mellan polis och kommun för ett tryggare samhälle",
  "nav.skip": "Hoppa till huvudinnehållet",
  "nav.main": "Huvudmeny",
  "nav.home": "Start",
  "nav.partnerships": "Samverkan",
  "nav.admin": "Administration",
  "nav.account": "Mitt konto",
  "nav.login": "Logga in",
  "nav.logout": "Logga ut",
  "nav.language": "Språk",
  "nav.language.change": "Byt språk",
  "footer.about": "Tryggsam är öppen källkod för samverkan mellan lokalpolisområden och kommuner.",
  "error.notFound.title": "Sidan finns inte",
  "error.notFound.text": "Sidan du söker finns inte, eller så har du inte tillgång till den.",
  "error.forbidden.title": "Du har inte behörighet",
  "error.forbidden.text": "Ditt konto har inte behörighet till den här sidan.",
  "error.server.title": "Något gick fel",
  "error.server.text":
    "Ett oväntat fel inträffade. Försök igen om en stund. Inget av det du sparat tidigare har gått förlorat.",
  "error.csrf.title": "Formuläret har gått ut",
  "error.csrf.text":
    "Av säkerhetsskäl kunde formuläret inte skickas. Gå tillbaka, ladda om sidan och försök igen.",
  "error.tooLarge.title": "För mycket data",
  "error.tooLarge.text": "Det du skickade är större än vad som tas emot.",
  "error.back": "Till startsidan",
  "form.errorSummary": "Rätta följande fel:",
  "form.required": "obligatoriskt",
  "form.password": "Lösenord",
  "form.passwordHint": "Minst 12 tecken. En mening du minns är ett bra lösenord.",
  "form.passwordConfirm": "Upprepa lösenordet",
} as const;

export type MessageKey = keyof typeof sv;
const en: Record<MessageKey, string> = {
  "app.name": "Tryggsam",
  "app.tagline": "Police and municipalities working together for safer communities",
  "nav.skip": "Skip to main content",
  "nav.main": "Main menu",
  "nav.home": "Home",
  "nav.partnerships": "Partnerships",
  "nav.admin": "Administration",
  "nav.account": "My account",
  "nav.login": "Log in",
  "nav.logout": "Log out",
  "nav.language": "Language",
  "nav.language.change": "Change language",
  "footer.about":
    "Tryggsam is open source software for collaboration between local police areas and municipalities.",
  "error.notFound.title": "Page not found",
  "error.notFound.text": "The page you are looking for does not exist, or you do not have access to it.",
  "error.forbidden.title": "Not allowed",
  "error.forbidden.text": "Your account is not allowed to see this page.",
  "error.server.title": "Something went wrong",
  "error.server.text":
    "An unexpected error occurred. Please try again shortly. Nothing you saved before has been lost.",
  "error.csrf.title": "The form has expired",
  "error.csrf.text":
    "For security reasons the form could not be sent. Go back, reload the page and try again.",
  "error.tooLarge.title": "Too much data",
  "error.tooLarge.text": "What you sent is larger than what is accepted.",
  "error.back": "To the start page",
  "form.errorSummary": "Please correct the following:",
  "form.required": "required",
  "form.password": "Password",
  "form.passwordHint": "At least 12 characters. A sentence you remember makes a good password.",
  "form.passwordConfirm": "Repeat the password",
};

export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const catalogues: Record<Locale, Record<MessageKey, string>> = { sv, en };

export function isLocale(value: unknown): value is Locale {
  return value === "sv" || value === "en";
}

export function translate(locale: Locale, key: MessageKey): string {
  return catalogues[locale][key];
}

/**
 * A feature's own words in both languages; the type makes English complete.
 * Use with `useT(messages)` in components.
 */
export function defineMessages<K extends string>(messages: { sv: Record<K, string>; en: Record<K, string> }) {
  return messages;
}
