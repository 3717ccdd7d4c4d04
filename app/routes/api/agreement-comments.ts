import { addComment } from "~/domain/comments/add-comment.server";
import { findComments } from "~/domain/comments/comment.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findAgreementComments, ({ ctx, params }) =>
    findComments(ctx, "agreement", params.id!),
  ),
  POST: operation(endpoints.addAgreementComment, ({ ctx, params, body }) =>
    addComment(ctx, "agreement", params.id!, body),
  ),
});

export const loader = route.loader;
export const action = route.action;
