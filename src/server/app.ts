import { existsSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { csvHeader, csvRow } from "../export/formats.js";
import { CONTENT_TYPES, exportEvents } from "../export/stream.js";
import { PACKAGE_ROOT } from "../paths.js";
import { createPipeline, type Pipeline } from "../pipeline/index.js";
import type { Store } from "../store/types.js";
import { requireToken } from "./auth.js";
import { openApiDocument } from "./openapi.js";
import {
  BadRequest,
  eventsQuery,
  exportQuery,
  filterOf,
  listQuery,
  parseQuery,
  searchQuery,
  timelineQuery,
} from "./params.js";
import { registerWriteRoutes } from "./write.js";

/**
 * The HTTP API (Fastify) and the web UI it serves. Read endpoints only; every
 * query parameter validated (400 naming it), security headers, rate limiting,
 * small request limits.
 */

export interface ServerOptions {
  store: Store;
  /** Folder of the built web UI (web/dist). */
  webRoot?: string;
  logger?: boolean;
  /** Requests per minute per client. */
  rateLimit?: number;
  /** Token for write endpoints (default: $MARSAD_TOKEN); without one, writes are refused. */
  token?: string;
  /** Require the token for reads as well. */
  authRead?: boolean;
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { store } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 200 },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(rateLimit, { max: opts.rateLimit ?? 6000, timeWindow: "1 minute" });

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof BadRequest) return reply.code(400).send({ error: err.message });
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) app.log.error(err);
    return reply.code(status).send({ error: status >= 500 ? "internal error" : (err as Error).message });
  });

  const token = opts.token ?? process.env.MARSAD_TOKEN ?? undefined;
  if (opts.authRead) {
    const readAuth = requireToken(token, "reads");
    app.addHook("onRequest", async (req, reply) => {
      if (req.method === "GET" && req.url.startsWith("/api/") && !req.url.startsWith("/api/openapi.json"))
        return readAuth(req, reply);
    });
  }
  let pipeline: Pipeline | null = null;
  registerWriteRoutes(
    app,
    store,
    () => {
      pipeline ??= createPipeline();
      return pipeline;
    },
    token,
  );

  app.get("/api/openapi.json", async () => openApiDocument());

  app.get("/api/events", async (req, reply) => {
    const q = parseQuery(eventsQuery, req.query);
    try {
      if (q.format === "csv") {
        const page = await store.events(filterOf(q), q.limit, q.cursor ?? null);
        reply.header("content-type", CONTENT_TYPES.csv);
        if (page.next) reply.header("x-next-cursor", page.next);
        return csvHeader() + page.items.map(csvRow).join("");
      }
      // the store's JSON text as it is: each event's entry is kept ready-made (event_listings)
      const json = await store.eventsJson(filterOf(q), q.limit, q.cursor ?? null);
      return reply.type("application/json; charset=utf-8").send(json);
    } catch (err) {
      if ((err as { code?: string }).code === "E_USAGE")
        throw new BadRequest(`parameter "cursor" is not valid`);
      throw err;
    }
  });

  app.get<{ Params: { id: string } }>("/api/events/:id", async (req, reply) => {
    if (!/^\d{1,12}$/.test(req.params.id)) throw new BadRequest(`parameter "id" must be an event number`);
    const event = await store.event(Number(req.params.id));
    if (!event) return reply.code(404).send({ error: `no event ${req.params.id}` });
    return event;
  });

  app.get<{ Params: { id: string } }>("/api/articles/:id", async (req, reply) => {
    const doc = await store.getArticle(req.params.id);
    if (!doc) return reply.code(404).send({ error: `no article "${req.params.id}"` });
    return doc;
  });

  app.get("/api/actors", async (req) => {
    const q = parseQuery(listQuery, req.query);
    return store.actors(filterOf(q), q.limit);
  });

  app.get("/api/graph", async (req) => {
    const q = parseQuery(listQuery, req.query);
    const edges = await store.graph(filterOf(q), q.limit);
    const actors = await store.actors(filterOf(q), 5000);
    const names = new Map(actors.map((a) => [a.code, a]));
    const nodes = [...new Set(edges.flatMap((e) => [e.source, e.target]))].map((id) => ({
      id,
      name: names.get(id)?.name ?? id,
      count: (names.get(id)?.as_source ?? 0) + (names.get(id)?.as_target ?? 0),
    }));
    return { nodes, edges };
  });

  app.get("/api/timeline", async (req) => {
    const q = parseQuery(timelineQuery, req.query);
    return store.timeline(filterOf(q), q.bucket, q.by);
  });

  app.get("/api/search", async (req) => {
    const q = parseQuery(searchQuery, req.query);
    return store.search(q.q, q.limit);
  });

  app.get("/api/export", async (req, reply) => {
    const q = parseQuery(exportQuery, req.query);
    const ext = q.format === "gdelt" ? "tsv" : q.format;
    reply.header("content-type", CONTENT_TYPES[q.format]);
    reply.header("content-disposition", `attachment; filename="marsad-events.${ext}"`);
    return reply.send(Readable.from(exportEvents(store, filterOf(q), q.format)));
  });

  const webRoot = opts.webRoot ?? join(PACKAGE_ROOT, "web", "dist");
  if (existsSync(join(webRoot, "index.html"))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", index: ["index.html"] });
  } else {
    app.get("/", async (_req, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .send("marsad API is running; the web UI is not built (npm run build:web). See /api/openapi.json\n"),
    );
  }
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: `no route ${req.method} ${req.url.split("?")[0]}` }),
  );
  return app;
}
