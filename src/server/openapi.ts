import { z } from "zod";
import { eventsQuery, exportQuery, listQuery, searchQuery, timelineQuery } from "./params.js";

/** The OpenAPI 3.1 document of the API, generated from the same zod schemas that validate requests. */
function parameters(schema: z.ZodObject): Array<Record<string, unknown>> {
  const json = z.toJSONSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

export function openApiDocument(): Record<string, unknown> {
  const ok = (description: string) => ({
    200: { description },
    400: { description: "a parameter is invalid; the message names it" },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "marsad API",
      version: "0.1.0",
      description: "Arabic news → political event data (CAMEO/PLOVER)",
    },
    paths: {
      "/api/events": {
        get: {
          summary: "Events with filters, cursor pagination; JSON or CSV",
          parameters: parameters(eventsQuery),
          responses: ok("{ items, next }"),
        },
      },
      "/api/articles/{id}": {
        get: {
          summary: "One article's full document",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            200: { description: "the article document" },
            404: { description: "no such article" },
          },
        },
      },
      "/api/actors": {
        get: {
          summary: "Actors with event counts",
          parameters: parameters(listQuery),
          responses: ok("actor counts"),
        },
      },
      "/api/graph": {
        get: {
          summary: "Actor graph: nodes and weighted directed edges with cooperation/conflict",
          parameters: parameters(listQuery),
          responses: ok("{ nodes, edges }"),
        },
      },
      "/api/timeline": {
        get: {
          summary: "Event counts per day/week/month by CAMEO root or quad class",
          parameters: parameters(timelineQuery),
          responses: ok("buckets"),
        },
      },
      "/api/search": {
        get: {
          summary: "Full-text search over sentences (normalised Arabic)",
          parameters: parameters(searchQuery),
          responses: ok("hits with highlighted snippets"),
        },
      },
      "/api/export": {
        get: {
          summary: "Export the events of a filter as JSON Lines, CSV or GDELT 2.0 rows",
          parameters: parameters(exportQuery),
          responses: ok("a file"),
        },
      },
    },
  };
}
