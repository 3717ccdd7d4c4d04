import { z } from "zod";

export const POLICE_AREA_NAME_MAX = 200;
export const POLICE_DISTRICT_MAX = 200;
export const SOURCE_MAX = 1000;
/** More than the 290 municipalities means the list is wrong, not large. */
export const SERVED_MUNICIPALITIES_MAX = 290;

/** How much of a municipality an LPO serves: all of it ("hela") or a part ("del av"). */
export const COVERAGES = ["whole", "part"] as const;
export type Coverage = (typeof COVERAGES)[number];
/** Whether the link is confirmed by a source ("bekräftad") or inferred ("trolig"). */
export const LINK_STATUSES = ["verified", "probable"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** The police area's own fields, as the form and the API send them. */
export const policeAreaSchema = z.object({
  name: z
    .string({ message: "Ange lokalpolisområdets namn." })
    .trim()
    .min(1, "Ange lokalpolisområdets namn.")
    .max(POLICE_AREA_NAME_MAX, `Namnet får vara högst ${POLICE_AREA_NAME_MAX} tecken.`),
  policeDistrict: z
    .string()
    .trim()
    .max(POLICE_DISTRICT_MAX, `Polisområdet får vara högst ${POLICE_DISTRICT_MAX} tecken.`)
    .nullish()
    .transform((value) => value || null),
  policeRegionId: z.guid({ message: "Välj en polisregion." }),
});
export type PoliceAreaInput = z.infer<typeof policeAreaSchema>;

/** One municipality an LPO serves, with how much of it and how sure we are. */
export const servedMunicipalitySchema = z.object({
  municipalityCode: z
    .string({ message: "Välj en kommun." })
    .trim()
    .regex(/^\d{4}$/, "Ange kommunkoden med fyra siffror, t.ex. 0180."),
  coverage: z.enum(COVERAGES, { message: "Välj om hela kommunen eller en del av den betjänas." }),
  status: z.enum(LINK_STATUSES, { message: "Välj om uppgiften är bekräftad eller trolig." }),
  source: z
    .string()
    .trim()
    .max(SOURCE_MAX, `Källan får vara högst ${SOURCE_MAX} tecken.`)
    .nullish()
    .transform((value) => value || null),
});
export type ServedMunicipalityInput = z.infer<typeof servedMunicipalitySchema>;

/** The police area with the full list of municipalities it serves (the JSON API; [] for none). */
export const policeAreaWithMunicipalitiesSchema = policeAreaSchema.extend({
  municipalities: z
    .array(servedMunicipalitySchema)
    .max(SERVED_MUNICIPALITIES_MAX, `Högst ${SERVED_MUNICIPALITIES_MAX} kommuner.`)
    .refine((list) => new Set(list.map((m) => m.municipalityCode)).size === list.length, {
      message: "Varje kommun får bara finnas en gång i listan.",
    }),
});
export type PoliceAreaWithMunicipalitiesInput = z.infer<typeof policeAreaWithMunicipalitiesSchema>;

/** The filter of the list: a police region, or all. */
export const policeAreaFilterSchema = z.object({
  policeRegionId: z.guid({ message: "Okänd polisregion." }).optional(),
});
