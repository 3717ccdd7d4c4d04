import type { QualityCheck } from "~/domain/agreements/quality-check";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";

const messages = defineMessages({
  sv: {
    title: "Kontroll mot BRÅ:s vägledning",
    summary: "{ok} av {all} punkter uppfyllda.",
    ok: "Uppfyllt",
    missing: "Saknas",
  },
  en: {
    title: "Check against BRÅ's guidance",
    summary: "{ok} of {all} points met.",
    ok: "Met",
    missing: "Missing",
  },
});

/** BRÅ's checklist for a draft, each gap with its concrete hint. */
export function QualityChecklist({ check }: { check: QualityCheck }) {
  const t = useT(messages);
  const ok = check.items.filter((i) => i.ok).length;
  return (
    <aside className="quality-check" aria-labelledby="kvalitet-rubrik">
      <h2 className="ds-heading" data-size="sm" id="kvalitet-rubrik">
        {t("title")}
      </h2>
      <p className="ds-paragraph">
        {t("summary").replace("{ok}", String(ok)).replace("{all}", String(check.items.length))}
      </p>
      <ul className="checklist">
        {check.items.map((item) => (
          <li key={item.id} data-ok={item.ok}>
            <span className="checklist-mark" aria-hidden="true">
              {item.ok ? "✓" : "!"}
            </span>
            <span>
              <span className="visually-hidden">{item.ok ? t("ok") : t("missing")}: </span>
              {item.label}
              {item.hint ? <span className="checklist-hint">{item.hint}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
