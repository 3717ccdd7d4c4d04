import { useEffect, useRef, type ReactNode } from "react";
import { Form } from "react-router";
import { useT } from "~/i18n/use-t";
import { CsrfInput } from "./csrf-input";
import { FieldNoteText, useFieldNote } from "./field-notes";

/** The parts of a Conform field (or form) the components use. */
export interface FieldLike {
  id: string;
  name: string;
  errorId: string;
  descriptionId: string;
  errors?: string[];
  initialValue?: unknown;
}
type AnyField = FieldLike;
interface FormLike {
  id: string;
  status?: "success" | "error";
  errors?: string[];
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
}

interface FieldProps {
  field: AnyField;
  label: string;
  description?: string;
  type?: "text" | "email" | "password" | "url" | "tel" | "number" | "date";
  autoComplete?: string;
  required?: boolean;
  defaultValue?: string;
  inputMode?: "numeric" | "text" | "email";
}

/** A labelled input with its description and errors wired to it by explicit ids (no JS needed). */
export function TextField({
  field,
  label,
  description,
  type = "text",
  autoComplete,
  required,
  defaultValue,
  inputMode,
}: FieldProps) {
  const t = useT();
  const note = useFieldNote(field);
  const invalid = !!field.errors?.length;
  const describedBy = [description ? field.descriptionId : null, note?.id, invalid ? field.errorId : null]
    .filter(Boolean)
    .join(" ");
  const initial =
    type === "password" ? undefined : (defaultValue ?? (field.initialValue as string | undefined));
  return (
    <div className="ds-field field">
      <label className="ds-label" htmlFor={field.id}>
        {label}
        {required ? <span className="required"> ({t("form.required")})</span> : null}
      </label>
      {description ? (
        <div data-field="description" id={field.descriptionId} className="field-description">
          {description}
        </div>
      ) : null}
      <FieldNoteText note={note} />
      <input
        className="ds-input"
        id={field.id}
        name={field.name}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required={required}
        defaultValue={initial}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
      />
      {invalid ? (
        <div className="ds-validation-message field-error" data-field="validation" id={field.errorId}>
          {field.errors!.join(" ")}
        </div>
      ) : null}
    </div>
  );
}

/** A new password and its repetition, for account creation and password change. */
export function NewPasswordFields({
  password,
  passwordConfirm,
  labels,
}: {
  password: AnyField;
  passwordConfirm: AnyField;
  labels?: { password: string; hint: string; confirm: string };
}) {
  const t = useT();
  return (
    <>
      <TextField
        field={password}
        label={labels?.password ?? t("form.password")}
        description={labels?.hint ?? t("form.passwordHint")}
        type="password"
        autoComplete="new-password"
        required
      />
      <TextField
        field={passwordConfirm}
        label={labels?.confirm ?? t("form.passwordConfirm")}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}

interface SelectProps {
  field: AnyField;
  label: string;
  options: { value: string; label: string }[];
  required?: boolean;
  description?: string;
  defaultValue?: string;
  placeholder?: string;
}

export function SelectField({
  field,
  label,
  options,
  required,
  description,
  defaultValue,
  placeholder,
}: SelectProps) {
  const t = useT();
  const note = useFieldNote(field);
  const invalid = !!field.errors?.length;
  const describedBy = [description ? field.descriptionId : null, note?.id, invalid ? field.errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="ds-field field">
      <label className="ds-label" htmlFor={field.id}>
        {label}
        {required ? <span className="required"> ({t("form.required")})</span> : null}
      </label>
      {description ? (
        <div data-field="description" id={field.descriptionId} className="field-description">
          {description}
        </div>
      ) : null}
      <FieldNoteText note={note} />
      <select
        className="ds-input"
        id={field.id}
        name={field.name}
        required={required}
        defaultValue={defaultValue ?? (field.initialValue as string | undefined) ?? ""}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {invalid ? (
        <div className="ds-validation-message field-error" data-field="validation" id={field.errorId}>
          {field.errors!.join(" ")}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The list of errors at the top of a form after a failed submit, each linking to its field;
 * it takes focus so screen reader users hear what to fix.
 */
export function ErrorSummary({ form, fields }: { form: FormLike; fields: AnyField[] }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const fieldErrors = fields.filter((f) => f.errors?.length);
  const formErrors = form.errors ?? [];
  const count = fieldErrors.length + formErrors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, form.status]);
  if (count === 0) return null;
  return (
    <div
      className="ds-alert error-summary"
      data-color="danger"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${form.id}-summary`}
    >
      <h2 className="ds-heading" data-size="xs" id={`${form.id}-summary`}>
        {t("form.errorSummary")}
      </h2>
      <ul>
        {formErrors.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {fieldErrors.map((f) => (
          <li key={f.id}>
            <a href={`#${f.id}`}>{f.errors!.join(" ")}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every posting form: method post, CSRF field, no browser validation bubbles (ours are clearer). */
export function PostForm({
  form,
  children,
  action,
  className,
}: {
  form: FormLike;
  children: ReactNode;
  action?: string;
  className?: string;
}) {
  return (
    <Form
      method="post"
      id={form.id}
      onSubmit={form.onSubmit}
      noValidate
      action={action}
      className={className ?? "stack"}
    >
      <CsrfInput />
      {children}
    </Form>
  );
}

export function SubmitButton({
  children,
  name,
  value,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" className="ds-button" data-variant="primary" name={name} value={value}>
      {children}
    </button>
  );
}
