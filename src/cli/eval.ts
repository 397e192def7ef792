import type { Command } from "commander";
import { z } from "zod";
import { MarsadError } from "../errors.js";
import { scoreConll } from "../eval/conll.js";
import { readGold } from "../eval/gold.js";
import { type ArticleScore, scoreArticle, totals } from "../eval/score.js";
import { createPipeline } from "../pipeline/index.js";
import { parseOptions } from "./options.js";

/**
 * `marsad eval GOLD...`: scores the coder against gold files in the seed's
 * format (files or folders of *.gold.json), or `--conll FILE` for entity
 * P/R/F1 per type on CoNLL NER data.
 */
const schema = z.object({
  conll: z.string().optional(),
  format: z.enum(["text", "json"]).default("text"),
  details: z.boolean().default(true),
});

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function describe(s: ArticleScore): string {
  const lines = [`  ${s.id}: tp ${s.tp} fp ${s.fp} fn ${s.fn}`];
  for (const g of s.missed)
    lines.push(
      `    missed   ${g.source.join("|")} → ${g.target.join("|")} [${g.root.join("|")}] ${g.why ?? ""}`,
    );
  for (const e of s.spurious)
    lines.push(
      `    spurious ${e.source?.code ?? "-"} → ${e.target?.code ?? "-"} ${e.cameo} "${e.evidence}" (${e.rules[0]})`,
    );
  for (const m of s.entityMissed) lines.push(`    entity missed ${m}`);
  return lines.join("\n");
}

export function registerEval(program: Command): void {
  program
    .command("eval")
    .description("score extraction against gold annotations (*.gold.json) or CoNLL NER data (--conll)")
    .argument("[gold...]", "gold files or folders")
    .option("--conll <file>", "CoNLL NER file: entity precision/recall/F1 per type")
    .option("--format <format>", "text or json", "text")
    .option("--no-details", "totals only, no per-article misses")
    .action((gold: string[], raw: unknown) => {
      const opts = parseOptions(schema, raw);
      const pipeline = createPipeline();
      const report: Record<string, unknown> = {};
      if (opts.conll) report.conll = scoreConll(opts.conll, pipeline);
      if (gold.length) {
        const scores = readGold(gold).map(({ gold: g, text }) =>
          scoreArticle(pipeline.run({ id: g.id, text, published: g.published ?? null }), g),
        );
        report.totals = totals(scores);
        report.articles = scores;
      }
      if (!opts.conll && !gold.length) throw new MarsadError("E_USAGE", "give gold files or --conll FILE");
      if (opts.format === "json") {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const t = report.totals as ReturnType<typeof totals> | undefined;
      if (t) {
        process.stdout.write(
          [
            `articles ${t.articles}`,
            `events     precision ${pct(t.precision)}  recall ${pct(t.recall)}  F1 ${pct(t.f1)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`,
            `entities   recall ${pct(t.entityRecall)}`,
            `actors     accuracy ${pct(t.actorAccuracy)}`,
            `attribution recall ${pct(t.attributionRecall)}  modality accuracy ${pct(t.modalityAccuracy)}  date accuracy ${pct(t.dateAccuracy)}`,
            "",
          ].join("\n"),
        );
        if (opts.details)
          for (const s of report.articles as ArticleScore[])
            if (s.fp || s.fn || s.entityMissed.length) process.stdout.write(`${describe(s)}\n`);
      }
      const conll = report.conll as ReturnType<typeof scoreConll> | undefined;
      if (conll) {
        process.stdout.write("type  precision  recall  F1      (tp/fp/fn)\n");
        for (const r of conll) {
          process.stdout.write(
            `${r.type.padEnd(5)} ${pct(r.precision).padStart(9)} ${pct(r.recall).padStart(7)} ${pct(r.f1).padStart(7)}  (${r.tp}/${r.fp}/${r.fn})\n`,
          );
        }
      }
    });
}
