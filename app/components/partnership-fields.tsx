import type { MunicipalityView, PoliceAreaView } from "~/domain/partnerships/partnership.queries.server";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { CheckboxGroupField, GroupedSelectField, TextAreaField, type OptionGroup } from "./choice-fields";
import { TextField, type FieldLike } from "./form";

const messages = defineMessages({
  sv: {
    name: "Namn på samverkan",
    nameHint: "T.ex. ”Ånge kommun och LPO Medelpad”.",
    policeArea: "Lokalpolisområde",
    policeAreaHint: "Lokalpolisområdena är grupperade efter polisregion.",
    choosePoliceArea: "Välj lokalpolisområde",
    municipalities: "Kommuner",
    municipalitiesHint:
      "Välj en eller flera. Kommunerna är grupperade efter län; öppna ett län för att välja.",
    otherActors: "Andra aktörer",
    otherActorsHint: "En per rad, t.ex. bostadsbolag, räddningstjänst eller föreningar.",
  },
  en: {
    name: "Name of the partnership",
    nameHint: "E.g. “Ånge kommun och LPO Medelpad”.",
    policeArea: "Local police area",
    policeAreaHint: "The local police areas are grouped by police region.",
    choosePoliceArea: "Choose a local police area",
    municipalities: "Municipalities",
    municipalitiesHint: "Choose one or more. They are grouped by county; open a county to choose.",
    otherActors: "Other actors",
    otherActorsHint: "One per line, e.g. housing companies, the fire service or associations.",
  },
});

export interface PartnershipChoices {
  policeAreas: PoliceAreaView[];
  municipalities: MunicipalityView[];
}

function policeAreaGroups(areas: PoliceAreaView[]): OptionGroup[] {
  const groups = new Map<string, OptionGroup>();
  for (const area of areas) {
    const group = groups.get(area.policeRegion) ?? { label: `Region ${area.policeRegion}`, options: [] };
    group.options.push({ value: area.id, label: area.name });
    groups.set(area.policeRegion, group);
  }
  return [...groups.values()];
}

function municipalityGroups(municipalities: MunicipalityView[]): OptionGroup[] {
  const groups = new Map<string, OptionGroup>();
  for (const m of municipalities) {
    const group = groups.get(m.countyCode) ?? { label: m.countyName, options: [] };
    group.options.push({ value: m.code, label: m.name });
    groups.set(m.countyCode, group);
  }
  return [...groups.values()];
}

/** The fields a partnership is made of, for the create and the edit form. */
export function PartnershipFields({
  fields,
  choices,
}: {
  fields: { name: FieldLike; policeAreaId: FieldLike; municipalities: FieldLike; otherActors: FieldLike };
  choices: PartnershipChoices;
}) {
  const t = useT(messages);
  return (
    <>
      <TextField field={fields.name} label={t("name")} description={t("nameHint")} required />
      <GroupedSelectField
        field={fields.policeAreaId}
        label={t("policeArea")}
        description={t("policeAreaHint")}
        groups={policeAreaGroups(choices.policeAreas)}
        placeholder={t("choosePoliceArea")}
        required
      />
      <CheckboxGroupField
        field={fields.municipalities}
        legend={t("municipalities")}
        description={t("municipalitiesHint")}
        groups={municipalityGroups(choices.municipalities)}
        required
      />
      <TextAreaField field={fields.otherActors} label={t("otherActors")} description={t("otherActorsHint")} />
    </>
  );
}
