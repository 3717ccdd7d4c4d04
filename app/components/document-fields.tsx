import { FieldNoteText, useFieldNote } from "./field-notes";
import type { FieldLike } from "./form";
import { TextField } from "./form";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";

const messages = defineMessages({
  sv: {
    period: "Period",
    periodHint: "Ett år (2023) eller ett datum (2023-03-03).",
    from: "Gäller från",
    to: "Gäller till och med",
    continues: "Förlängs tills vidare tills en ny har undertecknats",
  },
  en: {
    period: "Period",
    periodHint: "A year (2023) or a date (2023-03-03).",
    from: "Valid from",
    to: "Valid until",
    continues: "Continues until a new one has been signed",
  },
});

/** A checkbox with its label after it, wired by id; sends "on" when ticked. */
export function CheckboxField({ field, label }: { field: FieldLike; label: string }) {
  const note = useFieldNote(field);
  return (
    <div className="ds-field field checkbox-field">
      <input
        className="ds-input"
        type="checkbox"
        id={field.id}
        name={field.name}
        defaultChecked={field.initialValue === "on"}
        aria-describedby={note?.id}
      />
      <label className="ds-label" htmlFor={field.id} data-weight="regular">
        {label}
      </label>
      <FieldNoteText note={note} />
    </div>
  );
}

/** A document's period: from, to (each a year or a date), and whether it continues. */
export function PeriodFields({
  from,
  to,
  continues,
}: {
  from: FieldLike;
  to: FieldLike;
  continues: FieldLike;
}) {
  const t = useT(messages);
  return (
    <fieldset className="ds-fieldset period-fields">
      <legend className="ds-label">{t("period")}</legend>
      <TextField field={from} label={t("from")} description={t("periodHint")} />
      <TextField field={to} label={t("to")} description={t("periodHint")} />
      <CheckboxField field={continues} label={t("continues")} />
    </fieldset>
  );
}
