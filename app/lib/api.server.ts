import type { LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/access/actor";
import { isAppError } from "~/errors/app-error";
import type { ApiFile, Endpoint, HttpMethod } from "./api-endpoints";
import { problem, problemFromError } from "./http.server";
import { etagOf, matchesEtag, PUBLIC_CACHE_CONTROL } from "./public-cache.server";
import { appContext } from "./request-context.server";

const swedish = z.locales.sv();

export interface ApiCall<B, Q = Record<string, never>> {
  ctx: { db: Db; actor: Actor };
  /** The path parameters, ids already checked to be uuids. */
  params: Record<string, string>;
  body: B;
  /** The query parameters, checked by the endpoint's `query` schema (else empty). */
  query: Q;
  request: Request;
}

type Body<E extends Endpoint> = E["request"] extends z.ZodType ? z.output<E["request"]> : undefined;
type Query<E extends Endpoint> = E["query"] extends z.ZodType ? z.output<E["query"]> : Record<string, never>;

/** One endpoint of the list with the code that answers it. */
export interface Operation {
  endpoint: Endpoint;
  run(args: LoaderFunctionArgs): Promise<Response>;
}

/**
 * Binds an endpoint of the list to its domain call. The answer is checked against the endpoint's
 * response schema, which also drops every field the schema does not name.
 */
export function operation<E extends Endpoint>(
  endpoint: E,
  handle: (call: ApiCall<Body<E>, Query<E>>) => Promise<unknown>,
): Operation {
  return {
    endpoint,
    async run({ request, params, context }) {
      const { db, actor } = context.get(appContext);
      const response = await answer(endpoint, actor, async () => {
        const ids = checkParams(params, endpoint.params);
        if (!ids) return problem(404, "Det du söker finns inte.", { code: "NOT_FOUND" });
        let query: unknown = {};
        if (endpoint.query) {
          const search = Object.fromEntries(new URL(request.url).searchParams);
          const result = await endpoint.query.safeParseAsync(search, { error: swedish.localeError });
          if (!result.success) {
            return problem(422, "Frågeparametrarna innehåller fel.", {
              code: "VALIDATION",
              errors: fieldErrors(result.error),
            });
          }
          query = result.data;
        }
        let body: unknown;
        if (endpoint.request) {
          const read = await readJson(request, endpoint.request);
          if (read instanceof Response) return read;
          body = read.value;
        }
        const result = await handle({
          ctx: { db, actor },
          params: ids,
          body: body as Body<E>,
          query: query as Query<E>,
          request,
        });
        const csv = endpoint.openData && (query as { format?: string }).format === "csv";
        if (endpoint.file || csv) return fileResponse(result as ApiFile);
        if (!endpoint.response) return new Response(null, { status: endpoint.status });
        // JSON first, so dates are compared and documented as the strings clients receive.
        const shaped = endpoint.response.parse(JSON.parse(JSON.stringify(result)));
        return Response.json(shaped, { status: endpoint.status });
      });
      if (endpoint.openData && response.status === 200) return openDataResponse(request, response, actor);
      if (actor.kind === "user") response.headers.set("Cache-Control", "no-store");
      return response;
    },
  };
}

/**
 * An open-data answer: with a strong ETag (the body's hash, as the public cache computes it), 304
 * for a matching If-None-Match, and for anonymous callers Cache-Control public — the public cache
 * (cli/public-cache.ts) then keeps it until something is published.
 */
async function openDataResponse(request: Request, response: Response, actor: Actor): Promise<Response> {
  const body = Buffer.from(await response.arrayBuffer());
  const etag = etagOf(body);
  const headers = new Headers(response.headers);
  headers.set("ETag", etag);
  headers.set("Cache-Control", actor.kind === "user" ? "private, no-cache" : PUBLIC_CACHE_CONTROL);
  if (matchesEtag(request.headers.get("If-None-Match") ?? undefined, etag)) {
    headers.delete("Content-Type");
    headers.delete("Content-Disposition");
    return new Response(null, { status: 304, headers });
  }
  return new Response(new Uint8Array(body), { status: 200, headers });
}

/** A CSV answer of open data (text from app/domain/public/open-data.ts). */
export function csvFile(fileName: string, text: string): ApiFile {
  return {
    fileName,
    contentType: "text/csv; charset=utf-8; header=present",
    body: Buffer.from(text, "utf8"),
  };
}

/** A file download: its type, and its name for the browser (ASCII fallback first, RFC 6266). */
export function fileResponse(file: ApiFile): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|"/g, "_");
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** Anonymous callers of a protected endpoint get 401 before their input is even read. */
async function answer(endpoint: Endpoint, actor: Actor, run: () => Promise<Response>): Promise<Response> {
  if (endpoint.auth === "user" && actor.kind === "anonymous") {
    return problem(401, "Logga in eller skicka en API-nyckel (Authorization: Bearer …).", {
      code: "UNAUTHENTICATED",
    });
  }
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) return problemFromError(error);
    throw error;
  }
}

/**
 * Route params are ids, unless the endpoint's `params` schema names them (a slug): anything else
 * names nothing.
 */
function checkParams(
  params: Record<string, string | undefined>,
  schema: z.ZodObject | undefined,
): Record<string, string> | null {
  const ids: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const own = schema?.shape[key] as z.ZodType | undefined;
    if (own) {
      if (value === undefined || !own.safeParse(value).success) return null;
      ids[key] = value;
      continue;
    }
    if (value === undefined || !z.guid().safeParse(value).success) return null;
    ids[key] = value.toLowerCase();
  }
  return ids;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** Reads a JSON body and validates it: 415 for another media type, 400 for bad JSON, 422 for bad values. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ value: z.output<S> } | Response> {
  if (!JSON_TYPE.test(request.headers.get("Content-Type") ?? "")) {
    return problem(415, "Skicka innehållet som JSON (Content-Type: application/json).", {
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    return problem(400, "Innehållet är inte giltig JSON.", { code: "MALFORMED_JSON" });
  }
  const result = await schema.safeParseAsync(json, { error: swedish.localeError });
  if (!result.success) {
    return problem(422, "Uppgifterna innehåller fel.", {
      code: "VALIDATION",
      errors: fieldErrors(result.error),
    });
  }
  return { value: result.data };
}

/** Messages per field, named as the forms name them (`members[0].name`; "" for the whole body). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const name = issue.path
      .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i > 0 ? "." : ""}${String(part)}`))
      .join("");
    (errors[name] ??= []).push(issue.message);
  }
  return errors;
}

/**
 * A resource route's loader and action from its operations, one per method; other methods get
 * 405 with the Allow header.
 */
export function apiRoute(operations: Partial<Record<HttpMethod, Operation>>) {
  const allow = Object.keys(operations).join(", ");
  const dispatch = (args: LoaderFunctionArgs) => {
    const method = args.request.method === "HEAD" ? "GET" : args.request.method;
    const op = operations[method as HttpMethod];
    if (!op) {
      const response = problem(405, `Metoden ${args.request.method} stöds inte här.`, {
        code: "METHOD_NOT_ALLOWED",
      });
      response.headers.set("Allow", allow);
      return Promise.resolve(response);
    }
    return op.run(args);
  };
  return { loader: dispatch, action: dispatch };
}
