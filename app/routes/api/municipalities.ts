import { findMunicipalities } from "~/domain/partnerships/partnership.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findMunicipalities, ({ ctx }) => findMunicipalities(ctx.db)),
});

export const loader = route.loader;
export const action = route.action;
