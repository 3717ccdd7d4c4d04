import { findAgreements, getAgreement } from "~/domain/agreements/agreement.queries.server";
import { createAgreementDraft } from "~/domain/agreements/create-agreement-draft.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findAgreements, ({ ctx, params }) => findAgreements(ctx, params.id!)),
  POST: operation(endpoints.createAgreement, async ({ ctx, params, body }) => {
    const { id } = await createAgreementDraft(ctx, params.id!, body.content, {
      predecessorId: body.predecessorId,
    });
    return getAgreement(ctx, id);
  }),
});

export const loader = route.loader;
export const action = route.action;
