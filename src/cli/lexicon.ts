import type { Command } from "commander";
import { z } from "zod";
import { loadLexicon } from "../lexicon/load.js";
import { createPipeline } from "../pipeline/index.js";
import { isoDate, parseOptions } from "./options.js";

/**
 * `marsad lexicon lookup <text> [--date YYYY-MM-DD]`: what each span of the
 * text resolves to and why (entry, file and line, rule); `marsad lexicon stats`:
 * counts per category.
 */
const lookupSchema = z.object({ date: isoDate.optional(), format: z.enum(["text", "json"]).default("text") });

export function registerLexicon(program: Command): void {
  const lexicon = program
    .command("lexicon")
    .description("inspect the lexicon: lookup a text, or show counts");

  lexicon
    .command("lookup")
    .description("show what each span of an Arabic text resolves to, and which entry or rule says so")
    .argument("<text...>", "Arabic text")
    .option("--date <date>", "resolve people's offices on this date (default: today)")
    .option("--format <format>", "text or json", "text")
    .action((words: string[], raw: unknown) => {
      const opts = parseOptions(lookupSchema, raw);
      const text = words.join(" ");
      const published = opts.date ?? new Date().toISOString().slice(0, 10);
      const doc = createPipeline().analyse({ id: "lookup", text, published });
      const rows = (doc.actors ?? []).map((a) => {
        const entry = a.pieces.map((p) => `${p.resolved.entry.file}:${p.resolved.entry.line}`).join(", ");
        return { text: a.text, code: a.code, name: a.name, head: a.head, rules: a.rules, entries: entry };
      });
      if (opts.format === "json") {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      if (!rows.length) process.stdout.write("no lexicon match\n");
      for (const r of rows) {
        process.stdout.write(
          `${r.text}\t→ ${r.code ?? "(no code)"}\t${r.name ?? ""}\n    rules: ${r.rules.join(", ")}${r.entries ? `\n    from: ${r.entries}` : ""}\n`,
        );
      }
    });

  lexicon
    .command("stats")
    .description("count entries per category")
    .option("--format <format>", "text or json", "text")
    .action((raw: { format?: string }) => {
      const lex = loadLexicon();
      const counts: Record<string, number> = {};
      for (const e of lex.entries) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
      const people = new Set(lex.entries.filter((e) => e.kind === "person").map((e) => e.en)).size;
      const codes = new Set(lex.patterns.map((p) => p.cameo));
      const roots = new Set(lex.patterns.map((p) => p.cameo.slice(0, 2)));
      const stats = {
        countries: counts.country ?? 0,
        capitals: counts.capital ?? 0,
        nationalities: counts.nationality ?? 0,
        places: counts.place ?? 0,
        "people (distinct)": people,
        "people offices": counts.person ?? 0,
        organisations: counts.org ?? 0,
        agents: counts.agent ?? 0,
        "event patterns": lex.patterns.length,
        "CAMEO codes with patterns": codes.size,
        "CAMEO roots with patterns": roots.size,
        "CAMEO codebook entries": lex.codes.cameo.size,
        "role/region codes": lex.codes.roles.size,
        "group codes": lex.codes.groups.size,
        topics: lex.topics.length,
        cues: lex.cues.length,
        "surface forms": lex.entities.size,
        "load ms": Math.round(lex.loadMs),
      };
      if (raw.format === "json") process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
      else for (const [k, v] of Object.entries(stats)) process.stdout.write(`${k.padEnd(28)} ${v}\n`);
    });
}
