import { correctPoliceArea } from "~/domain/police-areas/correct-police-area.server";
import { getPoliceArea } from "~/domain/police-areas/police-area.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.getPoliceArea, ({ ctx, params }) => getPoliceArea(ctx, params.id!)),
  PUT: operation(endpoints.correctPoliceArea, ({ ctx, params, body }) =>
    correctPoliceArea(ctx, params.id!, body),
  ),
});

export const loader = route.loader;
export const action = route.action;
