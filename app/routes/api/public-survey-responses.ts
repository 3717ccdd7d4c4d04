import type { LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { submitSurveyResponse } from "~/domain/surveys/submit-survey-response.server";
import { isAppError } from "~/errors/app-error";
import { endpoints } from "~/lib/api-endpoints";
import { readJson } from "~/lib/api.server";
import { problem, problemFromError } from "~/lib/http.server";
import { SURVEY_RATE_LIMITED_MESSAGE, surveySubmissionLimit } from "~/lib/rate-limit.server";
import { appContext } from "~/lib/request-context.server";

/**
 * A resident's answers as JSON (an app, a kiosk, a survey partner's form): anonymous, like the web
 * form at /enkat/:linkKey. No CSRF token is asked for: the root middleware only requires one from
 * an API request that carries a session cookie, and this endpoint needs none — it acts for no one,
 * so a forged cross-site post can do nothing a direct post could not (no ambient authority). The
 * actor a cookie or a token would name is not used.
 *
 * Not `operation()`: the answer's status depends on the outcome (201 new, 200 a retry), and the
 * body is checked against the survey's own definition by the domain, not by a fixed schema.
 */
const endpoint = endpoints.submitSurveyResponse;

async function submit({ request, params, context }: LoaderFunctionArgs): Promise<Response> {
  const { db, clientAddress } = context.get(appContext);
  if (!surveySubmissionLimit.take(clientAddress))
    return problem(429, SURVEY_RATE_LIMITED_MESSAGE, { code: "RATE_LIMITED" });
  const linkKey = endpoint.params.shape.linkKey.safeParse(params.linkKey);
  if (!linkKey.success) return problem(404, "Enkäten finns inte.", { code: "NOT_FOUND" });
  const body = await readJson(request, z.unknown());
  if (body instanceof Response) return body;
  try {
    const { responseId, duplicate } = await submitSurveyResponse({ db }, linkKey.data, body.value);
    return Response.json(endpoint.response.parse({ id: responseId, duplicate }), {
      status: duplicate ? 200 : endpoint.status,
    });
  } catch (error) {
    if (isAppError(error)) return problemFromError(error);
    throw error;
  }
}

async function dispatch(args: LoaderFunctionArgs): Promise<Response> {
  const response =
    args.request.method === "POST"
      ? await submit(args)
      : problem(405, `Metoden ${args.request.method} stöds inte här.`, { code: "METHOD_NOT_ALLOWED" });
  if (response.status === 405) response.headers.set("Allow", "POST");
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const loader = dispatch;
export const action = dispatch;
