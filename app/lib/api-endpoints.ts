import { z } from "zod";
import { GLOBAL_ROLES, PARTNERSHIP_ROLES } from "~/domain/access/actor";
import { apiTokenSchema } from "~/domain/users/user.schemas";

/**
 * Every endpoint of the JSON API under /api/v1, in one list: the routes answer from it, the
 * OpenAPI document is generated from it, and the authorization matrix test walks it.
 */

export const API_PREFIX = "/api/v1";
export const HTTP_METHODS = ["GET", "POST", "PUT", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface Endpoint {
  method: HttpMethod;
  /** Below /api/v1, with OpenAPI's `{param}` placeholders. */
  path: string;
  operationId: string;
  /** Swedish, shown in the OpenAPI document. */
  summary: string;
  description?: string;
  tag: string;
  /** "public": anyone; "user": a session cookie or an API token. */
  auth: "public" | "user";
  request?: z.ZodType;
  response?: z.ZodType;
  status: 200 | 201 | 204;
  /** Error statuses this endpoint can answer besides 401 (for "user"), 400, 415 and 422. */
  errors: readonly number[];
}

const define = <const E extends Endpoint>(endpoint: E): E => endpoint;

const id = z.guid().describe("uuid");
const dateTime = z.iso.datetime();

// Response shapes ----------------------------------------------------------------------------

export const meResponse = z.object({
  id,
  email: z.string(),
  name: z.string(),
  globalRole: z.enum(GLOBAL_ROLES).nullable(),
  memberships: z.array(z.object({ partnershipId: id, role: z.enum(PARTNERSHIP_ROLES) })),
});

export const apiTokenResponse = z.object({
  id,
  name: z.string(),
  createdAt: dateTime,
  lastUsedAt: dateTime.nullable(),
});

export const createdApiTokenResponse = apiTokenResponse.extend({
  token: z.string().describe("Nyckeln i klartext. Den visas bara nu; Tryggsam sparar bara dess hash."),
});

export const openApiResponse = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
});

// Endpoints ----------------------------------------------------------------------------------

export const endpoints = {
  openApi: define({
    method: "GET",
    path: "/openapi.json",
    operationId: "getOpenApi",
    summary: "Den här beskrivningen av API:t (OpenAPI 3.1)",
    tag: "API",
    auth: "public",
    response: openApiResponse,
    status: 200,
    errors: [],
  }),
  getMe: define({
    method: "GET",
    path: "/me",
    operationId: "getMe",
    summary: "Den inloggade användaren och hens roller",
    tag: "Konto",
    auth: "user",
    response: meResponse,
    status: 200,
    errors: [],
  }),
  findApiTokens: define({
    method: "GET",
    path: "/api-tokens",
    operationId: "findApiTokens",
    summary: "Mina API-nycklar som gäller",
    tag: "Konto",
    auth: "user",
    response: z.array(apiTokenResponse),
    status: 200,
    errors: [],
  }),
  createApiToken: define({
    method: "POST",
    path: "/api-tokens",
    operationId: "createApiToken",
    summary: "Skapa en personlig API-nyckel",
    description:
      "Svaret innehåller nyckeln i klartext, en enda gång. Skicka den som `Authorization: Bearer <nyckel>`.",
    tag: "Konto",
    auth: "user",
    request: apiTokenSchema,
    response: createdApiTokenResponse,
    status: 201,
    errors: [],
  }),
  revokeApiToken: define({
    method: "DELETE",
    path: "/api-tokens/{id}",
    operationId: "revokeApiToken",
    summary: "Återkalla en av mina API-nycklar",
    tag: "Konto",
    auth: "user",
    status: 204,
    errors: [404],
  }),
} as const satisfies Record<string, Endpoint>;

export const endpointList: readonly Endpoint[] = Object.values(endpoints);

/** "/partnerships/{id}" → "/api/v1/partnerships/:id", as the route table writes it. */
export function routePath(endpoint: Endpoint): string {
  return `${API_PREFIX}${endpoint.path.replace(/\{(\w+)\}/g, ":$1")}`;
}
