import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { recordCommitmentProgress } from "~/domain/citizen-promises/record-commitment-progress.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  POST: operation(endpoints.recordCommitmentProgress, async ({ ctx, params, body }) => {
    await recordCommitmentProgress(ctx, params.id!, body);
    return getCitizenPromise(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
