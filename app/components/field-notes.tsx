import { createContext, useContext, type ReactNode } from "react";

/**
 * Notes on form fields by field name, e.g. "Osäker – kontrollera" on what an import was unsure
 * of. The field components show a field's note as text beside it and name it in the input's
 * aria-describedby, so it is heard and seen, not told by colour.
 */
interface Notes {
  names: ReadonlySet<string>;
  text: string;
}
const FieldNotesContext = createContext<Notes | null>(null);

export function FieldNotes({
  names,
  text,
  children,
}: {
  names: ReadonlySet<string>;
  text: string;
  children: ReactNode;
}) {
  return <FieldNotesContext.Provider value={{ names, text }}>{children}</FieldNotesContext.Provider>;
}

export interface FieldNote {
  /** For the input's aria-describedby. */
  id: string;
  text: string;
}

/** The note on a field, if it has one. */
export function useFieldNote(field: { id: string; name: string }): FieldNote | null {
  const notes = useContext(FieldNotesContext);
  return notes?.names.has(field.name) ? { id: `${field.id}-note`, text: notes.text } : null;
}

export function FieldNoteText({ note }: { note: FieldNote | null }) {
  if (!note) return null;
  return (
    <div className="field-note" id={note.id}>
      {note.text}
    </div>
  );
}
