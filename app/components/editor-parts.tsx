import type { useForm } from "@conform-to/react";
import type { ReactNode } from "react";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";

/** What the document editors (agreement, citizen promise) share: sections and list buttons. */

const messages = defineMessages({
  sv: {
    remove: "Ta bort",
    moveUp: "Flytta upp",
    moveDown: "Flytta ned",
    uncertain: "Osäker – kontrollera",
  },
  en: {
    remove: "Remove",
    moveUp: "Move up",
    moveDown: "Move down",
    uncertain: "Uncertain – check",
  },
});

export function useEditorWords() {
  const t = useT(messages);
  return { uncertain: t("uncertain") };
}

export function EditorSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section className="editor-section stack" aria-labelledby={`${id}-rubrik`}>
      <h2 className="ds-heading" data-size="md" id={`${id}-rubrik`}>
        {title}
      </h2>
      {description ? <p className="ds-paragraph">{description}</p> : null}
      {children}
    </section>
  );
}

/** What Conform's intent buttons need: a name and a value for the submitting button. */
export type IntentButton = ReturnType<ReturnType<typeof useForm>[0]["insert"]["getButtonProps"]>;

/** Adds an empty item to a list; without JavaScript the server re-renders the form with it. */
export function AddButton({ button, label }: { button: IntentButton; label: string }) {
  return (
    <button type="submit" className="ds-button" data-variant="secondary" {...button}>
      {label}
    </button>
  );
}

/** Remove, move up and move down for one item of a list. */
export function ListButtons({
  up,
  down,
  remove,
}: {
  up: IntentButton | null;
  down: IntentButton | null;
  remove: IntentButton;
}) {
  const t = useT(messages);
  return (
    <div className="list-buttons">
      {up ? (
        <button type="submit" className="ds-button" data-variant="tertiary" {...up}>
          {t("moveUp")}
        </button>
      ) : null}
      {down ? (
        <button type="submit" className="ds-button" data-variant="tertiary" {...down}>
          {t("moveDown")}
        </button>
      ) : null}
      <button type="submit" className="ds-button" data-variant="tertiary" data-color="danger" {...remove}>
        {t("remove")}
      </button>
    </div>
  );
}
