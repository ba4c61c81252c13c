#!/usr/bin/env node
// Runs the built extractor on every gold file in ../shared/eval (text = gold.text, published =
// gold.source.date) and prints per-file and macro entity and relation-pair F1, using the shared scorer.
//   npm run build && node scripts/evaluate-extraction.mjs [--json] [--verbose]
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.SKEIN_SHARED ?? resolve(root, "../shared");
const { extractText, toContractDocument } = await import(
  pathToFileURL(join(root, "dist/extract/index.js")).href
);
const { score } = await import(pathToFileURL(join(shared, "tools/score-extraction.mjs")).href);

/** Scores every gold file; returns per-file and macro figures. */
export function evaluate(verbose = false) {
  const dir = join(shared, "eval");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort();
  const rows = [];
  for (const file of files) {
    const gold = JSON.parse(readFileSync(join(dir, file), "utf8"));
    const extraction = extractText(gold.text, {
      sourceId: file,
      published: gold.source?.date ?? null,
      gazetteer: undefined,
    });
    const predicted = toContractDocument(extraction);
    const s = score(gold, predicted);
    rows.push({
      file,
      entities: s.entities,
      entitiesTyped: s.entitiesTyped,
      relationsPair: s.relationsPair,
      relationsTyped: s.relationsTyped,
    });
    if (verbose) report(gold, predicted);
  }
  const mean = (key) => rows.reduce((n, r) => n + r[key].f1, 0) / rows.length;
  return {
    files: rows,
    macro: {
      entities: mean("entities"),
      entitiesTyped: mean("entitiesTyped"),
      relationsPair: mean("relationsPair"),
      relationsTyped: mean("relationsTyped"),
    },
  };
}

function norm(name) {
  return String(name)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

function report(gold, predicted) {
  const names = (e) => new Set([e.name, ...(e.aliases ?? [])].map(norm));
  const gNames = gold.entities.map(names);
  const p2g = new Map();
  for (const pe of predicted.entities) {
    const pn = names(pe);
    const gi = gNames.findIndex((gn) => [...pn].some((n) => gn.has(n)));
    if (gi >= 0) p2g.set(pe.id, gi);
  }
  const credited = new Set();
  for (const pe of predicted.entities) {
    const gi = p2g.get(pe.id);
    if (gi === undefined || credited.has(gi))
      console.log(
        `  FP entity ${pe.type} ${JSON.stringify(pe.name)} ${JSON.stringify(pe.aliases)}${gi !== undefined ? " (duplicate)" : ""}`,
      );
    else credited.add(gi);
  }
  gold.entities.forEach((g, i) => {
    if (!credited.has(i)) console.log(`  FN entity ${g.type} ${JSON.stringify(g.name)}`);
  });
  const gIndex = new Map(gold.entities.map((e, i) => [e.id, i]));
  const pred = predicted.relations.map((r) => ({ ...r, s: p2g.get(r.source), t: p2g.get(r.target) }));
  const used = new Set();
  for (const gr of gold.relations) {
    const s = gIndex.get(gr.source);
    const t = gIndex.get(gr.target);
    const hit = pred.findIndex(
      (p, i) => !used.has(i) && p.s !== undefined && ((p.s === s && p.t === t) || (p.s === t && p.t === s)),
    );
    if (hit >= 0) used.add(hit);
    else
      console.log(
        `  FN rel ${gold.entities[s].name} ${gr.type} ${gold.entities[t].name} | ${gr.evidence.slice(0, 100)}`,
      );
  }
  const pname = new Map(predicted.entities.map((e) => [e.id, e.name]));
  pred.forEach((p, i) => {
    if (!used.has(i))
      console.log(
        `  FP rel ${pname.get(p.source)} ${p.type} ${pname.get(p.target)} | ${p.evidence.slice(0, 100)}`,
      );
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const verbose = process.argv.includes("--verbose");
  const result = evaluate(verbose);
  if (process.argv.includes("--json")) console.log(JSON.stringify(result, null, 2));
  else {
    const f = (x) => x.f1.toFixed(3);
    console.log("file                                                   entity  typed  rel-pair  rel-typed");
    for (const r of result.files)
      console.log(
        `${r.file.padEnd(55)}${f(r.entities)}  ${f(r.entitiesTyped)}  ${f(r.relationsPair)}     ${f(r.relationsTyped)}`,
      );
    const m = result.macro;
    console.log(
      `${"macro".padEnd(55)}${m.entities.toFixed(3)}  ${m.entitiesTyped.toFixed(3)}  ${m.relationsPair.toFixed(3)}     ${m.relationsTyped.toFixed(3)}`,
    );
  }
}
