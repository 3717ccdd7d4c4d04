import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { COMMITMENT_COLUMNS, openDataCsv } from "~/domain/public/open-data";
import { findOpenMunicipalityCommitments } from "~/domain/public/open-data.queries.server";
import { findPublicMunicipality } from "~/domain/public/public-municipality.queries.server";
import { AppError } from "~/errors/app-error";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, csvFile, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.getOpenMunicipality, async ({ ctx, params, query }) => {
    const found = await findPublicMunicipality(ctx.db, params.slug!, swedishDate(new Date()));
    if (!found) throw new AppError("NOT_FOUND", "Det finns ingen kommun med det namnet.");
    if (query.format !== "csv") return found;
    const promises = [...found.currentPromises, ...found.earlierPromises];
    const rows = await findOpenMunicipalityCommitments(ctx.db, promises);
    return csvFile(`tryggsam-${found.municipality.slug}-loften.csv`, openDataCsv(COMMITMENT_COLUMNS, rows));
  }),
});

export const loader = route.loader;
export const action = route.action;
