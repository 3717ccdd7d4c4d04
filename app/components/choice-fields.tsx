import { useT } from "~/i18n/use-t";
import { FieldNoteText, useFieldNote, type FieldNote } from "./field-notes";
import type { FieldLike } from "./form";

function describedBy(field: FieldLike, description?: string, note?: FieldNote | null) {
  const invalid = !!field.errors?.length;
  return (
    [description ? field.descriptionId : null, note?.id, invalid ? field.errorId : null]
      .filter(Boolean)
      .join(" ") || undefined
  );
}

function FieldError({ field }: { field: FieldLike }) {
  if (!field.errors?.length) return null;
  return (
    <div className="ds-validation-message field-error" data-field="validation" id={field.errorId}>
      {field.errors.join(" ")}
    </div>
  );
}

function Label({ field, label, required }: { field: FieldLike; label: string; required?: boolean }) {
  const t = useT();
  return (
    <label className="ds-label" htmlFor={field.id}>
      {label}
      {required ? <span className="required"> ({t("form.required")})</span> : null}
    </label>
  );
}

function Description({ field, description }: { field: FieldLike; description?: string }) {
  return description ? (
    <div data-field="description" id={field.descriptionId} className="field-description">
      {description}
    </div>
  ) : null;
}

/** A labelled multi-line text field, e.g. a list typed one item per line. */
export function TextAreaField({
  field,
  label,
  description,
  required,
  defaultValue,
  rows = 4,
}: {
  field: FieldLike;
  label: string;
  description?: string;
  required?: boolean;
  defaultValue?: string;
  rows?: number;
}) {
  const note = useFieldNote(field);
  return (
    <div className="ds-field field">
      <Label field={field} label={label} required={required} />
      <Description field={field} description={description} />
      <FieldNoteText note={note} />
      <textarea
        className="ds-input"
        id={field.id}
        name={field.name}
        rows={rows}
        required={required}
        defaultValue={defaultValue ?? (field.initialValue as string | undefined)}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field, description, note)}
      />
      <FieldError field={field} />
    </div>
  );
}

export interface OptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** A labelled select whose options are grouped (optgroup), e.g. police areas by region. */
export function GroupedSelectField({
  field,
  label,
  groups,
  required,
  description,
  defaultValue,
  placeholder,
}: {
  field: FieldLike;
  label: string;
  groups: OptionGroup[];
  required?: boolean;
  description?: string;
  defaultValue?: string;
  placeholder: string;
}) {
  return (
    <div className="ds-field field">
      <Label field={field} label={label} required={required} />
      <Description field={field} description={description} />
      <select
        className="ds-input"
        id={field.id}
        name={field.name}
        required={required}
        defaultValue={defaultValue ?? (field.initialValue as string | undefined) ?? ""}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field, description)}
      >
        <option value="">{placeholder}</option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldError field={field} />
    </div>
  );
}

/**
 * Checkboxes in a fieldset, grouped in collapsible sections (details/summary: no JavaScript
 * needed); groups with a checked box start open. The fieldset carries the field's id, so the
 * error summary's link lands on it.
 */
export function CheckboxGroupField({
  field,
  legend,
  groups,
  description,
  required,
  defaultValue,
}: {
  field: FieldLike;
  legend: string;
  groups: OptionGroup[];
  description?: string;
  required?: boolean;
  defaultValue?: readonly string[];
}) {
  const t = useT();
  const initial = defaultValue ?? field.initialValue;
  const checked = new Set(
    Array.isArray(initial) ? (initial as string[]) : typeof initial === "string" ? [initial] : [],
  );
  return (
    <fieldset
      className="ds-fieldset field checkbox-groups"
      id={field.id}
      tabIndex={-1}
      aria-invalid={field.errors?.length ? true : undefined}
      aria-describedby={describedBy(field, description)}
    >
      <legend className="ds-label">
        {legend}
        {required ? <span className="required"> ({t("form.required")})</span> : null}
      </legend>
      <Description field={field} description={description} />
      <FieldError field={field} />
      {groups.map((group, g) => {
        const selected = group.options.filter((o) => checked.has(o.value)).length;
        return (
          <details key={group.label} open={selected > 0}>
            <summary>
              {group.label}
              {selected > 0 ? ` (${selected})` : null}
            </summary>
            <fieldset className="checkbox-group">
              <legend className="visually-hidden">{group.label}</legend>
              {group.options.map((o) => {
                const id = `${field.id}-${g}-${o.value}`;
                return (
                  <div className="ds-field checkbox" key={o.value}>
                    <input
                      className="ds-input"
                      type="checkbox"
                      id={id}
                      name={field.name}
                      value={o.value}
                      defaultChecked={checked.has(o.value)}
                    />
                    <label className="ds-label" htmlFor={id}>
                      {o.label}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          </details>
        );
      })}
    </fieldset>
  );
}
