import { describe, expect, it } from "vitest";
import { endpointList } from "./api-endpoints";
import { THEMES } from "~/domain/themes/themes";
import { buildOpenApiDocument } from "./openapi";

type Operation = {
  operationId: string;
  security: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, ...(operation as Operation) })),
  );

  it("describes each endpoint of the list once, with a unique operation id", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(operations).toHaveLength(endpointList.length);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });

  it("asks for a token or session exactly where the endpoint needs a user", () => {
    for (const endpoint of endpointList) {
      const operation = operations.find((o) => o.operationId === endpoint.operationId)!;
      expect(operation.security.length > 0, endpoint.operationId).toBe(endpoint.auth === "user");
      if (endpoint.auth === "user") expect(Object.keys(operation.responses)).toContain("401");
    }
  });

  it("documents request bodies as JSON Schema, path ids, and every error as problem+json", () => {
    for (const endpoint of endpointList) {
      const operation = operations.find((o) => o.operationId === endpoint.operationId)!;
      if (endpoint.request) {
        expect(operation.requestBody?.content["application/json"]?.schema).toMatchObject({ type: "object" });
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["400", "415", "422"]));
      }
      const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const inPath = operation.parameters?.filter((p) => p.in === "path") ?? [];
      expect(inPath.map((p) => p.name)).toEqual(names);
      const inQuery = operation.parameters?.filter((p) => p.in === "query") ?? [];
      expect(inQuery.map((p) => p.name)).toEqual(Object.keys(endpoint.query?.shape ?? {}));
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) {
          expect(response.content?.["application/problem+json"]?.schema).toEqual({
            $ref: "#/components/schemas/Problem",
          });
        }
      }
    }
  });

  it("has no reference that points nowhere", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1]!,
    );
    for (const ref of refs) expect(document.components.schemas).toHaveProperty(ref);
  });

  it("shows a focus area's and a commitment's themes with the controlled list", () => {
    const themes: unknown[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const record = node as Record<string, unknown>;
        const properties = record.properties as Record<string, unknown> | undefined;
        if (properties?.themes && (properties.points || properties.owner)) themes.push(properties.themes);
        Object.values(record).forEach(walk);
      }
    };
    walk(document);
    // Both documents, each in requests and answers.
    expect(themes.length).toBeGreaterThanOrEqual(4);
    for (const schema of themes) {
      expect(schema).toMatchObject({ type: "array", maxItems: THEMES.length, items: { enum: [...THEMES] } });
    }
  });

  it("lists the open data under Öppna data: public, JSON or CSV, the slug as a path parameter", () => {
    // Reads only: a resident's survey answers (POST /public/surveys/…/responses) are anonymous
    // too, but no open data.
    const open = operations.filter((o) => o.path.startsWith("/public/") && o.method === "get");
    expect(open.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      "get /public/agreements",
      "get /public/citizen-promises",
      "get /public/commitments",
      "get /public/municipalities",
      "get /public/municipalities/{slug}",
      "get /public/partnerships",
      "get /public/survey-results/{waveId}",
    ]);
    expect(document.tags).toContainEqual({ name: "Öppna data" });
    for (const operation of open) {
      expect((operation as unknown as { tags: string[] }).tags).toEqual(["Öppna data"]);
      expect(operation.security).toEqual([]);
      expect(Object.keys(operation.responses["200"]!.content!)).toEqual(["application/json", "text/csv"]);
      expect(operation.responses).toHaveProperty("304");
      expect(operation.parameters?.find((p) => p.in === "query")?.name).toBe("format");
    }
    const slug = operations.find((o) => o.path === "/public/municipalities/{slug}")!;
    expect(slug.parameters?.find((p) => p.name === "slug")).toMatchObject({
      in: "path",
      schema: { type: "string", pattern: "^[a-z0-9-]{1,60}$" },
    });
    expect(slug.responses).toHaveProperty("404");
  });
});
