import { z } from "zod";
import { API_PREFIX, endpointList, type Endpoint } from "./api-endpoints";

/** RFC 9457 problem details, as every error of the API is answered. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().optional(),
  errors: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe('Meddelanden per fält, t.ex. `{"name": ["Ange ett namn."]}`; "" gäller hela innehållet.'),
  details: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      "Fakta att visa, t.ex. `current`: versionen som sparades under tiden (409 vid inaktuell version).",
    ),
});

const ERROR_TEXT: Record<number, string> = {
  400: "Innehållet är inte giltig JSON.",
  401: "Inloggning eller API-nyckel saknas, eller nyckeln är återkallad.",
  403: "Inte tillåtet för dig, eller CSRF-token saknas (sessionscookie utan X-CSRF-Token).",
  404: "Finns inte, eller tillhör en samverkan du inte har tillgång till.",
  409: "Krockar med det som redan finns.",
  410: "Inte längre giltig, t.ex. en enkätomgång som inte är öppen.",
  413: "Begäran är större än 1 MiB.",
  415: "Innehållet är inte JSON.",
  422: "Uppgifterna innehåller fel; `errors` har ett meddelande per fält.",
  429: "För många försök på kort tid; vänta en minut.",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
}

function errorStatuses(endpoint: Endpoint): number[] {
  const statuses = new Set(endpoint.errors);
  if (endpoint.auth === "user") {
    statuses.add(401);
    if (endpoint.method !== "GET") statuses.add(403);
  }
  if (endpoint.path.includes("{")) statuses.add(404);
  if (endpoint.request) for (const status of [400, 413, 415, 422]) statuses.add(status);
  if (endpoint.query) statuses.add(422);
  return [...statuses].sort((a, b) => a - b);
}

function operationObject(endpoint: Endpoint) {
  const pathParameters = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => {
    const own = endpoint.params?.shape[match[1]!] as z.ZodType | undefined;
    return {
      name: match[1],
      in: "path",
      required: true,
      schema: own ? jsonSchema(own, "input") : { type: "string", format: "uuid" },
    };
  });
  const queryParameters = Object.entries(endpoint.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: !(schema as z.ZodType).safeParse(undefined).success,
    schema: jsonSchema(schema as z.ZodType, "input"),
  }));
  const parameters = [...pathParameters, ...queryParameters];
  const responses: Record<string, unknown> = {
    [endpoint.status]: endpoint.file
      ? {
          description: "Filen.",
          content: Object.fromEntries(
            endpoint.file.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
          ),
        }
      : endpoint.response
        ? {
            description: endpoint.openData ? "JSON, eller CSV med `?format=csv`." : "OK",
            ...(endpoint.openData
              ? {
                  headers: {
                    ETag: {
                      description: "Svarets hash; skicka den i If-None-Match.",
                      schema: { type: "string" },
                    },
                  },
                }
              : {}),
            content: {
              "application/json": { schema: jsonSchema(endpoint.response, "output") },
              ...(endpoint.openData ? { "text/csv": { schema: { type: "string" } } } : {}),
            },
          }
        : { description: "Klart, inget innehåll." },
  };
  if (endpoint.openData) responses[304] = { description: "Oförändrat sedan den ETag som skickades." };
  for (const status of errorStatuses(endpoint)) {
    responses[status] = {
      description: ERROR_TEXT[status] ?? "Fel",
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    security: endpoint.auth === "user" ? [{ apiToken: [] }, { session: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(endpoint.request
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(endpoint.request, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the API, generated from the endpoint list and its Zod schemas. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpointList) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operationObject(endpoint);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Tryggsam API",
      version: "1",
      description:
        "JSON-API för allt som går att göra i Tryggsam. Autentisera med en personlig API-nyckel " +
        "(skapas under Mitt konto) som `Authorization: Bearer <nyckel>`, eller med inloggningens " +
        "sessionscookie; med cookie kräver ändringar också rubriken `X-CSRF-Token`. " +
        "Fel besvaras som problem+json (RFC 9457) med svenska meddelanden. " +
        "En annan samverkans uppgifter besvaras med 404, inte 403.",
    },
    servers: [{ url: API_PREFIX }],
    tags: [...new Set(endpointList.map((e) => e.tag))].map((name) => ({ name })),
    components: {
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          description: "Personlig API-nyckel (börjar med tsk_).",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "tryggsam_session",
          description: "Inloggningens cookie. POST, PUT och DELETE kräver då även X-CSRF-Token.",
        },
      },
      schemas: { Problem: jsonSchema(problemSchema, "output") },
    },
    paths,
  };
}
