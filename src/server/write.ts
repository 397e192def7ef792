import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Pipeline } from "../pipeline/index.js";
import { contentHash } from "../store/text-index.js";
import type { Store } from "../store/types.js";
import { requireToken } from "./auth.js";
import { parseWith } from "./params.js";

/**
 * Write endpoints (token required): ingest an article, re-analyse stored
 * articles after a lexicon change, delete an article.
 */

const articleBody = z
  .object({
    id: z
      .string()
      .regex(/^[\w.:-]{1,200}$/, "must be 1 to 200 letters, digits or . _ : -")
      .optional(),
    text: z.string().min(1, "is required").max(5_000_000, "must be at most 5,000,000 characters"),
    title: z.string().max(1000).nullish(),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
      .nullish(),
    url: z.string().max(2000).nullish(),
    source: z.string().max(200).nullish(),
  })
  .strict();

const reanalyseBody = z.object({ ids: z.array(z.string().max(200)).max(10_000).optional() }).strict();

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  return parseWith(schema, body, "field");
}

export function registerWriteRoutes(
  app: FastifyInstance,
  store: Store,
  pipeline: () => Pipeline,
  token: string | undefined,
): void {
  const auth = requireToken(token, "write endpoints");

  app.post("/api/articles", { preHandler: auth, bodyLimit: 12_000_000 }, async (req, reply) => {
    const a = parseBody(articleBody, req.body);
    const article = { ...a, id: a.id ?? `api-${contentHash(a.text, a.title).slice(0, 16)}` };
    const status = await store.saveArticle(article, pipeline().run(article));
    return reply.code(status === "new" ? 201 : 200).send({ id: article.id, status });
  });

  app.post("/api/reanalyse", { preHandler: auth }, async (req) => {
    const { ids } = parseBody(reanalyseBody, req.body);
    let done = 0;
    for (const id of ids ?? (await store.listArticleIds())) {
      const input = await store.getArticleInput(id);
      if (!input) continue;
      await store.saveArticle(input, pipeline().run(input), { replace: true });
      done++;
    }
    return { reanalysed: done };
  });

  app.delete<{ Params: { id: string } }>("/api/articles/:id", { preHandler: auth }, async (req, reply) => {
    const found = await store.deleteArticle(req.params.id);
    return found
      ? { deleted: req.params.id }
      : reply.code(404).send({ error: `no article "${req.params.id}"` });
  });
}
