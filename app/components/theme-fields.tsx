import type { FieldLike } from "./form";
import { THEME_LABELS, THEMES, type Theme } from "~/domain/themes/themes";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";

const messages = defineMessages({
  sv: {
    themes: "Teman",
    suggested: "Föreslagna utifrån texten – ändra vid behov.",
  },
  en: {
    themes: "Themes",
    suggested: "Suggested from the text – change as needed.",
  },
});

const checkedList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string")
    : typeof value === "string"
      ? [value]
      : [];

/**
 * A focus area's or a commitment's themes as checkboxes (no JavaScript needed). While the ticks
 * are a suggestion from the text a note says so in words, and a hidden field keeps the note when
 * the form comes back with messages.
 */
export function ThemeChoices({ themes, suggested }: { themes: FieldLike; suggested: FieldLike }) {
  const t = useT(messages);
  const locale = useLocale();
  const checked = new Set(checkedList(themes.initialValue));
  const isSuggested = suggested.initialValue === "on";
  const noteId = `${themes.id}-suggested`;
  return (
    <fieldset
      className="ds-fieldset field theme-choices"
      id={themes.id}
      tabIndex={-1}
      aria-describedby={
        [isSuggested ? noteId : null, themes.errors?.length ? themes.errorId : null]
          .filter(Boolean)
          .join(" ") || undefined
      }
    >
      <legend className="ds-label">{t("themes")}</legend>
      {isSuggested ? (
        <>
          <input type="hidden" name={suggested.name} value="on" />
          <div data-field="description" className="field-description theme-suggested" id={noteId}>
            {t("suggested")}
          </div>
        </>
      ) : null}
      {themes.errors?.length ? (
        <div className="ds-validation-message field-error" data-field="validation" id={themes.errorId}>
          {themes.errors.join(" ")}
        </div>
      ) : null}
      <div className="theme-choices-list">
        {THEMES.map((theme) => (
          <div className="ds-field checkbox-field" key={theme}>
            <input
              className="ds-input"
              type="checkbox"
              id={`${themes.id}-${theme}`}
              name={themes.name}
              value={theme}
              defaultChecked={checked.has(theme)}
            />
            <label className="ds-label" htmlFor={`${themes.id}-${theme}`} data-weight="regular">
              {THEME_LABELS[locale][theme]}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A focus area's or a commitment's themes as tags on a document page; nothing when none. */
export function ThemeTags({ themes }: { themes: readonly Theme[] }) {
  const t = useT(messages);
  const locale = useLocale();
  if (!themes.length) return null;
  return (
    <ul className="document-themes" aria-label={t("themes")}>
      {themes.map((theme) => (
        <li key={theme}>
          <span className="ds-tag" data-color="neutral">
            {THEME_LABELS[locale][theme]}
          </span>
        </li>
      ))}
    </ul>
  );
}
