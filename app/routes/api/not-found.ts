import { problem } from "~/lib/http.server";

/** Any other path under /api/v1: a problem, not the HTML error page. */
function notFound() {
  return problem(404, "Det finns ingen sådan adress i API:t. Se /api/v1/openapi.json.", {
    code: "NOT_FOUND",
  });
}

export const loader = notFound;
export const action = notFound;
