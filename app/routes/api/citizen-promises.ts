import {
  findCitizenPromises,
  getCitizenPromise,
} from "~/domain/citizen-promises/citizen-promise.queries.server";
import { createCitizenPromiseDraft } from "~/domain/citizen-promises/create-citizen-promise-draft.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findCitizenPromises, ({ ctx, params }) => findCitizenPromises(ctx, params.id!)),
  POST: operation(endpoints.createCitizenPromise, async ({ ctx, params, body }) => {
    const { id } = await createCitizenPromiseDraft(ctx, params.id!, body.content, {
      agreementId: body.agreementId,
      predecessorId: body.predecessorId,
    });
    return getCitizenPromise(ctx, id);
  }),
});

export const loader = route.loader;
export const action = route.action;
