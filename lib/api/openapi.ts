/**
 * The content API's OpenAPI 3.1 document, generated from the zod schemas the handlers use
 * (lib/api/schemas.ts) with zod's own JSON Schema output (draft 2020-12, which OpenAPI 3.1
 * adopts: https://spec.openapis.org/oas/v3.1.0#schema-object). Pure.
 */
import { z } from "zod";
import { apiRegistry, MAX_LIMIT, PageQuery, SearchQuery, StoryListQuery } from "./schemas";

type JsonSchema = Record<string, unknown>;

/** Query parameters of an operation, from the zod object that parses them. */
function parameters(query: z.ZodObject): JsonSchema[] {
  const schema = z.toJSONSchema(query, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: "query", required: (schema.required ?? []).includes(name) && !("default" in s), ...(description ? { description } : {}), schema: rest };
  });
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { "application/json": { schema: ref(id) } } });
const errors = {
  "401": json("Error", "No API key, or one that is unknown or revoked."),
  "429": { ...json("Error", "Too many requests with this key; try again after Retry-After seconds."), headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds until the limit resets." } } },
  "304": { description: "Not modified: the If-None-Match ETag is current." },
};

/**
 * The document.
 * @param serverUrl the site's origin, e.g. "https://news.example".
 */
export function openApiDocument(serverUrl: string): JsonSchema {
  const components = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as { schemas: Record<string, JsonSchema> };
  // zod names the dialect on each schema; OpenAPI 3.1 sets it once (jsonSchemaDialect).
  for (const s of Object.values(components.schemas)) delete s.$schema;
  return {
    openapi: "3.1.0",
    info: {
      title: "Newsroom content API",
      version: "1.0.0",
      description: `Read-only access to the newsroom's public stories, tags and bylines. Send a key as \`Authorization: Bearer <key>\`. Lists are newest first and page by cursor (\`?cursor=\` with the \`next\` of the previous page; \`?limit=\` at most ${MAX_LIMIT}).`,
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    paths: {
      "/stories": {
        get: { operationId: "listStories", summary: "Public stories, newest first", parameters: parameters(StoryListQuery), responses: { "200": json("StoryList", "A page of stories."), "400": json("Error", "A bad parameter."), ...errors } },
      },
      "/stories/{slug}": {
        get: {
          operationId: "getStory",
          summary: "One public story",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": json("Story", "The story."),
            "308": { description: "An old slug: Location names the story's current address.", headers: { Location: { schema: { type: "string" } } } },
            "404": json("Error", "No public story has this slug."),
            "410": json("Error", "The story was published and has been removed."),
            ...errors,
          },
        },
      },
      "/tags": { get: { operationId: "listTags", summary: "Sections and tags of public stories", parameters: parameters(PageQuery), responses: { "200": json("TagList", "A page of tags."), "400": json("Error", "A bad parameter."), ...errors } } },
      "/bylines": { get: { operationId: "listBylines", summary: "Bylines of public stories", parameters: parameters(PageQuery), responses: { "200": json("BylineList", "A page of bylines."), "400": json("Error", "A bad parameter."), ...errors } } },
      "/search": { get: { operationId: "search", summary: "Public stories matching words, best first", parameters: parameters(SearchQuery), responses: { "200": json("SearchResult", "The best matches."), "400": json("Error", "A bad parameter."), ...errors } } },
    },
    components: { ...components, securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key made on the desk's API keys screen or with npm run apikey:create." } } },
  };
}
