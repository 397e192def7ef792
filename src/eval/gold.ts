import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { MarsadError } from "../errors.js";

/**
 * Gold files in the seed's format (`*.gold.json`): events as accepted source
 * and target code prefixes and CAMEO roots (optional events neither required
 * nor counted as false positives), entities with expected actors, and
 * attributions. The article text sits beside it (`NAME.txt`, or `text` inline).
 */

const goldEvent = z.object({
  source: z.array(z.string()),
  target: z.array(z.string()),
  root: z.array(z.string().regex(/^\d\d$/)),
  modality: z.array(z.enum(["asserted", "future", "negated", "hypothetical"])).optional(),
  date: z.string().nullable().optional(),
  optional: z.boolean().optional(),
  why: z.string().optional(),
});

export const goldSchema = z.object({
  id: z.string(),
  published: z.string().nullable().optional(),
  text: z.string().optional(),
  events: z.array(goldEvent),
  entities: z
    .array(z.object({ text: z.string(), type: z.string(), actor: z.string().optional() }))
    .default([]),
  attributions: z
    .array(z.object({ speaker: z.string(), speaker_text: z.string().optional(), why: z.string().optional() }))
    .default([]),
});

export type Gold = z.infer<typeof goldSchema>;
export type GoldEvent = z.infer<typeof goldEvent>;

export interface GoldArticle {
  gold: Gold;
  text: string;
  file: string;
}

function goldFiles(path: string): string[] {
  if (!existsSync(path)) throw new MarsadError("E_GOLD", "no such file or directory", path);
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => f.endsWith(".gold.json"))
      .sort()
      .map((f) => join(path, f));
  }
  return [path];
}

export function readGold(paths: string[]): GoldArticle[] {
  const out: GoldArticle[] = [];
  for (const file of paths.flatMap(goldFiles)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (err) {
      throw new MarsadError("E_GOLD", `not valid JSON (${(err as Error).message})`, file);
    }
    const parsed = goldSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MarsadError("E_GOLD", `field "${issue?.path.join(".")}": ${issue?.message}`, file);
    }
    const gold = parsed.data;
    let text = gold.text;
    if (text === undefined) {
      const txt = join(dirname(file), `${basename(file, ".gold.json")}.txt`);
      if (!existsSync(txt))
        throw new MarsadError("E_GOLD", `no "text" field and no article file ${txt}`, file);
      text = readFileSync(txt, "utf8");
    }
    out.push({ gold, text, file });
  }
  return out;
}
