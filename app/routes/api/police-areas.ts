import { addPoliceArea } from "~/domain/police-areas/add-police-area.server";
import { findPoliceAreas } from "~/domain/police-areas/police-area.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findPoliceAreas, ({ ctx, query }) => findPoliceAreas(ctx, query)),
  POST: operation(endpoints.addPoliceArea, ({ ctx, body }) => addPoliceArea(ctx, body)),
});

export const loader = route.loader;
export const action = route.action;
