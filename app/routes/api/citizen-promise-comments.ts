import { addComment } from "~/domain/comments/add-comment.server";
import { findComments } from "~/domain/comments/comment.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findCitizenPromiseComments, ({ ctx, params }) =>
    findComments(ctx, "citizen-promise", params.id!),
  ),
  POST: operation(endpoints.addCitizenPromiseComment, ({ ctx, params, body }) =>
    addComment(ctx, "citizen-promise", params.id!, body),
  ),
});

export const loader = route.loader;
export const action = route.action;
