import { defineMessages } from "~/i18n/messages";
import { useDateTimeFormat, useT } from "~/i18n/use-t";

/** One entry of a record's history, as the domain's findAuditEvents returns it. */
export interface AuditHistoryEvent {
  id: string;
  createdAt: Date;
  actor: string;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

const messages = defineMessages({
  sv: {
    caption: "Ändringar, äldst först",
    colTime: "Tid",
    colActor: "Vem",
    colAction: "Händelse",
    colChanges: "Ändrade uppgifter (före → efter)",
    empty: "Inga ändringar är registrerade.",
    none: "–",
    before: "före",
    after: "efter",
    yes: "ja",
    no: "nej",
    source: "källa",
    "action.create": "Skapade",
    "action.update": "Ändrade",
    "action.delete": "Tog bort",
    "action.add-municipality": "Lade till kommun",
    "action.correct-municipality": "Rättade kommun",
    "action.remove-municipality": "Tog bort kommun",
    "action.change-password": "Bytte lösenord",
    "action.revoke": "Återkallade",
    "field.name": "Namn",
    "field.email": "E-postadress",
    "field.globalRole": "Global roll",
    "field.userId": "Användare",
    "field.policeDistrict": "Polisområde",
    "field.policeRegion": "Polisregion",
    "field.municipality": "Kommun",
    "value.whole": "hela",
    "value.part": "del av",
    "value.verified": "bekräftad",
    "value.probable": "trolig",
    "value.admin": "administratör",
    "value.analyst": "analytiker",
  },
  en: {
    caption: "Changes, oldest first",
    colTime: "Time",
    colActor: "Who",
    colAction: "Event",
    colChanges: "Changed fields (before → after)",
    empty: "No changes have been recorded.",
    none: "–",
    before: "before",
    after: "after",
    yes: "yes",
    no: "no",
    source: "source",
    "action.create": "Created",
    "action.update": "Changed",
    "action.delete": "Deleted",
    "action.add-municipality": "Added municipality",
    "action.correct-municipality": "Corrected municipality",
    "action.remove-municipality": "Removed municipality",
    "action.change-password": "Changed password",
    "action.revoke": "Revoked",
    "field.name": "Name",
    "field.email": "E-mail address",
    "field.globalRole": "Global role",
    "field.userId": "User",
    "field.policeDistrict": "Police district",
    "field.policeRegion": "Police region",
    "field.municipality": "Municipality",
    "value.whole": "whole",
    "value.part": "part of",
    "value.verified": "verified",
    "value.probable": "probable",
    "value.admin": "administrator",
    "value.analyst": "analyst",
  },
});
type Key = keyof typeof messages.sv;

/** The words for a code when there are some, else the code itself (for actions added later). */
function lookup(t: (key: Key) => string, key: string, fallback: string): string {
  return key in messages.sv ? t(key as Key) : fallback;
}

/** "municipality:0180" → "Kommun 0180"; unknown fields show as recorded. */
function fieldLabel(t: (key: Key) => string, field: string): string {
  const [name, qualifier] = field.split(":", 2);
  const label = lookup(t, `field.${name}`, name!);
  return qualifier ? `${label} ${qualifier}` : label;
}

const QUALITY_ORDER = ["coverage", "status"];

function formatValue(t: (key: Key) => string, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("none");
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  if (typeof value === "string") return lookup(t, `value.${value}`, value);
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map((v) => formatValue(t, v)).join(", ");
  if (typeof value === "object") {
    // A record summary such as a served municipality: its name first, then its qualities.
    // The database keeps JSON keys in its own order, so known qualities get a fixed one.
    const { name, source, ...rest } = value as Record<string, unknown>;
    const rank = (key: string) => {
      const index = QUALITY_ORDER.indexOf(key);
      return index === -1 ? QUALITY_ORDER.length : index;
    };
    const parts = Object.entries(rest)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([, v]) => v)
      .filter((v) => v !== null && v !== undefined && v !== "")
      .map((v) => formatValue(t, v));
    if (typeof source === "string" && source) parts.push(`${t("source")}: ${source}`);
    return name ? `${formatValue(t, name)}${parts.length ? ` (${parts.join(", ")})` : ""}` : parts.join(", ");
  }
  return JSON.stringify(value);
}

/** A record's history as a table: when, who, what, and each changed field as before → after. */
export function AuditHistory({ events }: { events: AuditHistoryEvent[] }) {
  const t = useT(messages);
  const when = useDateTimeFormat({ withSeconds: true });
  if (events.length === 0) return <p className="ds-paragraph">{t("empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="ds-table audit-history">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colTime")}</th>
            <th scope="col">{t("colActor")}</th>
            <th scope="col">{t("colAction")}</th>
            <th scope="col">{t("colChanges")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <time dateTime={new Date(event.createdAt).toISOString()}>
                  {when.format(new Date(event.createdAt))}
                </time>
              </td>
              <td>{event.actor}</td>
              <td>{lookup(t, `action.${event.action}`, event.action)}</td>
              <td>
                {event.changes.length === 0 ? (
                  t("none")
                ) : (
                  <ul className="audit-changes">
                    {event.changes.map((change) => (
                      <li key={change.field}>
                        <strong>{fieldLabel(t, change.field)}:</strong>{" "}
                        <span className="visually-hidden">{t("before")} </span>
                        {formatValue(t, change.before)} →{" "}
                        <span className="visually-hidden">{t("after")} </span>
                        {formatValue(t, change.after)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
