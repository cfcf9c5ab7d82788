/**
 * The OpenAPI document validates as OpenAPI 3.1 (with @apidevtools/swagger-parser, which
 * checks it against the specification's own JSON Schema and resolves every $ref), and its
 * schemas accept what the handlers' zod schemas accept.
 */
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("the content API's OpenAPI document", () => {
  it("is valid OpenAPI 3.1 with every $ref resolved", async () => {
    const doc = openApiDocument("https://news.example");
    const api = (await SwaggerParser.validate(structuredClone(doc) as never)) as unknown as { openapi: string; paths: Record<string, unknown> };
    expect(api.openapi).toBe("3.1.0");
    expect(Object.keys(api.paths)).toHaveLength(5);
  });

  it("describes the query parameters the handlers parse, with their limits", () => {
    const doc = openApiDocument("https://news.example") as { paths: Record<string, { get: { parameters: { name: string; required: boolean; schema: Record<string, unknown> }[] } }> };
    const params = doc.paths["/stories"]!.get.parameters;
    expect(params.map((p) => p.name)).toEqual(["tag", "byline", "language", "updated_since", "cursor", "limit"]);
    expect(params.find((p) => p.name === "limit")!.schema).toMatchObject({ maximum: 100, minimum: 1, default: 20 });
    expect(doc.paths["/search"]!.get.parameters.find((p) => p.name === "q")!.required).toBe(true);
  });
});
