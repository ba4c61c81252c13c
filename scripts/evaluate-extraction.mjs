#!/usr/bin/env node
// Measures extraction the way it is judged: on texts it did not learn from.
//   npm run evaluate                                  (= --cv 5: cross-validation over data/annotated)
//   node scripts/evaluate-extraction.mjs --cv 5 [--json] [--errors] [--quick] [--corpus DIR] [--train-share S]
//   node scripts/evaluate-extraction.mjs             (the four texts of ../shared/eval: the shipped model and the rules)
// With --cv K the corpus is split into K folds by document (stratified by genre); for each fold a model
// is trained on the other folds (its decoding chosen inside them) and the fold is scored, for the rules
// alone, the model without rule features, and the model with them. Then a model trained on the whole
// corpus scores the four development texts of ../shared/eval, which it never saw.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.SKEIN_SHARED ?? resolve(root, "../shared");
const x = await import(pathToFileURL(join(root, "dist/extract/index.js")).href);
const sharedScorer = existsSync(join(shared, "tools/score-extraction.mjs"))
  ? (await import(pathToFileURL(join(shared, "tools/score-extraction.mjs")).href)).score
  : null;

/** The training configuration `npm run train` uses, over the defaults. */
export function readConfig() {
  const file = join(root, "data/models/relation-config.json");
  return { ...x.TRAINING_DEFAULTS, ...(existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}) };
}

const argv = process.argv.slice(2);
/** The corpus folder: data/annotated, or --corpus DIR. */
const corpusDir = argv.includes("--corpus")
  ? resolve(argv[argv.indexOf("--corpus") + 1])
  : join(root, "data/annotated");

/** With --quick, only the rules and the full model are scored, and the development texts are skipped. */
const quick = argv.includes("--quick");
/**
 * With --train-share S (0 < S ≤ 1), each fold's model learns from that share of its training documents
 * (the same ones whatever the fold, chosen by a hash of their ids): a learning curve, to tell whether
 * more annotated texts would still raise the figures.
 */
const trainShare = argv.includes("--train-share") ? Number(argv[argv.indexOf("--train-share") + 1]) : 1;
if (!(trainShare > 0 && trainShare <= 1)) {
  console.error("evaluate: --train-share must be a number above 0 and at most 1");
  process.exit(2);
}
const inShare = (id) =>
  trainShare === 1 || createHash("sha256").update(id).digest().readUInt32BE(0) / 2 ** 32 < trainShare;
const SYSTEMS = quick ? ["rules", "both"] : ["rules", "model", "both"];
const ABLATED = x.FEATURE_FAMILIES.filter((f) => f.name !== "ruleVotes");

/** Scores one prediction with Skein's scorer, checked against the shared scorer when it is present. */
function scoreOne(gold, predicted) {
  const own = x.scoreDocument(gold, predicted);
  if (sharedScorer) {
    const theirs = sharedScorer(gold, predicted);
    for (const k of ["entities", "entitiesTyped", "relationsPair", "relationsTyped"])
      if (theirs[k].tp !== own[k].tp || theirs[k].fp !== own[k].fp)
        throw new Error(`scorer mismatch on ${k}: ${JSON.stringify(theirs[k])} vs ${JSON.stringify(own[k])}`);
  }
  return own;
}

/** Per-predicate typed counts: gold and predicted relations of one type matched with direction. */
function byPredicate(gold, predicted, into) {
  const toGold = new Map();
  const goldNames = gold.entities.map(
    (e) => new Set([e.name, ...(e.aliases ?? [])].map(x.normaliseForScoring)),
  );
  for (const e of predicted.entities) {
    const names = [e.name, ...(e.aliases ?? [])].map(x.normaliseForScoring);
    const hit = goldNames.findIndex((g) => names.some((n) => g.has(n)));
    if (hit >= 0) toGold.set(e.id, hit);
  }
  const goldIndex = new Map(gold.entities.map((e, i) => [e.id, i]));
  const g = gold.relations.map((r) => ({
    s: goldIndex.get(r.source),
    t: goldIndex.get(r.target),
    type: r.type,
  }));
  const p = predicted.relations.map((r) => ({
    s: toGold.get(r.source),
    t: toGold.get(r.target),
    type: r.type,
  }));
  for (const type of new Set([...g.map((r) => r.type), ...p.map((r) => r.type)])) {
    const gi = g.filter((r) => r.type === type);
    const pi = p.filter((r) => r.type === type);
    const typed = x.matchRelations(gi, pi, true);
    const pairFound = x.matchRelations(gi, p, false);
    into[type] ??= { tp: 0, fp: 0, fn: 0, pairTp: 0, gold: 0 };
    const slot = into[type];
    slot.tp += typed.tp;
    slot.fp += typed.fp;
    slot.fn += typed.fn;
    slot.pairTp += pairFound.tp;
    slot.gold += gi.length;
  }
}

function mean(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
function sd(values) {
  const m = mean(values);
  return values.length > 1
    ? Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1))
    : 0;
}

/** Cross-validates over the corpus; returns per-system figures overall, per genre, per predicate and per fold. */
export function crossValidate(k, { errors = false } = {}) {
  const config = readConfig();
  const corpus = x.readCorpus(corpusDir);
  const documents = corpus.documents;
  const full = documents.map((d) => x.prepareDocument(d, config.buckets));
  const ablated = quick ? [] : documents.map((d) => x.prepareDocument(d, config.buckets, ABLATED));
  const folds = x.foldsOf(documents, k, config.seed);
  const rows = [];
  const decodings = [];
  for (let fold = 0; fold < k; fold++) {
    const train = (list) => list.filter((_, i) => folds[i] !== fold && inShare(documents[i].id));
    const both = x.trainLearnedModel(train(full), config);
    const alone = quick ? both : x.trainLearnedModel(train(ablated), { ...config, combinations: ["model"] });
    decodings.push({
      fold,
      both: both.relations.decoding,
      model: alone.relations.decoding,
      entities: both.entities.decoding,
    });
    documents.forEach((doc, i) => {
      if (folds[i] !== fold) return;
      const predictions = {
        rules: x.toContractDocument(x.extractPrepared(full[i], undefined)),
        ...(quick ? {} : { model: x.toContractDocument(x.extractPrepared(ablated[i], alone)) }),
        both: x.toContractDocument(x.extractPrepared(full[i], both)),
      };
      const row = { id: doc.id, genre: doc.genre, fold, scores: {}, predicates: {} };
      for (const system of SYSTEMS) {
        row.scores[system] = scoreOne(doc, predictions[system]);
        row.predicates[system] = {};
        byPredicate(doc, predictions[system], row.predicates[system]);
      }
      if (errors) printErrors(doc, predictions.both);
      rows.push(row);
    });
  }
  return { config, documents: documents.length, skipped: corpus.skipped, rows, decodings, folds: k };
}

/** Pooled and per-document figures of a set of rows for one system. */
export function summarise(rows, system) {
  const pick = (key) => x.sumScores(rows.map((r) => r.scores[system][key]));
  const macro = (key) => mean(rows.map((r) => r.scores[system][key].f1));
  return {
    documents: rows.length,
    entities: pick("entities"),
    entitiesTyped: pick("entitiesTyped"),
    pair: pick("relationsPair"),
    typed: pick("relationsTyped"),
    macroEntities: macro("entities"),
    macroPair: macro("relationsPair"),
    macroTyped: macro("relationsTyped"),
  };
}

function printErrors(gold, predicted) {
  const names = (e) => new Set([e.name, ...(e.aliases ?? [])].map(x.normaliseForScoring));
  const gNames = gold.entities.map(names);
  const p2g = new Map();
  for (const pe of predicted.entities) {
    const hit = gNames.findIndex((g) => [...names(pe)].some((n) => g.has(n)));
    if (hit >= 0) p2g.set(pe.id, hit);
  }
  const gIndex = new Map(gold.entities.map((e, i) => [e.id, i]));
  const pred = predicted.relations.map((r) => ({ ...r, s: p2g.get(r.source), t: p2g.get(r.target) }));
  const used = new Set();
  console.log(`== ${gold.id}`);
  for (const gr of gold.relations) {
    const s = gIndex.get(gr.source);
    const t = gIndex.get(gr.target);
    const hit = pred.findIndex(
      (p, i) => !used.has(i) && p.s !== undefined && ((p.s === s && p.t === t) || (p.s === t && p.t === s)),
    );
    if (hit >= 0) used.add(hit);
    else
      console.log(
        `  FN ${gold.entities[s].name} ${gr.type} ${gold.entities[t].name} | ${gr.evidence.slice(0, 110)}`,
      );
  }
  const pname = new Map(predicted.entities.map((e) => [e.id, e.name]));
  pred.forEach((p, i) => {
    if (!used.has(i))
      console.log(
        `  FP ${pname.get(p.source)} ${p.type} ${pname.get(p.target)} | ${p.evidence.slice(0, 110)}`,
      );
  });
}

/** Scores the development texts of ../shared/eval with the given model (undefined: rules alone). */
export function scoreDevelopment(model) {
  const dir = join(shared, "eval");
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((file) => {
      const gold = JSON.parse(readFileSync(join(dir, file), "utf8"));
      const extraction = x.extractText(gold.text, {
        sourceId: file,
        published: gold.source?.date ?? null,
        gazetteer: undefined,
        learned: model,
      });
      return { file, scores: scoreOne(gold, x.toContractDocument(extraction)) };
    });
}

const f3 = (n) => n.toFixed(3);
const prf = (s) => `${f3(s.precision)} ${f3(s.recall)} ${f3(s.f1)}`;

function report(result) {
  const { rows } = result;
  console.log(
    `${result.documents} documents, ${result.folds}-fold cross-validation by document (stratified by genre)`,
  );
  if (result.skipped.length) console.log(`(${result.skipped.length} unannotated skeletons skipped)`);
  console.log(
    "\nsystem  entity F1 (typed)  | relation pair P R F1 | typed P R F1        | macro pair  | pair F1 by fold (mean ± sd)",
  );
  for (const system of SYSTEMS) {
    const s = summarise(rows, system);
    const byFold = [...new Set(rows.map((r) => r.fold))].map(
      (f) =>
        summarise(
          rows.filter((r) => r.fold === f),
          system,
        ).pair.f1,
    );
    console.log(
      `${system.padEnd(7)} ${f3(s.macroEntities)} (${f3(summarise(rows, system).entitiesTyped.f1)})    | ${prf(s.pair)}    | ${prf(s.typed)}   | ${f3(s.macroPair)}       | ${f3(mean(byFold))} ± ${f3(sd(byFold))}`,
    );
  }
  console.log("\nby genre: docs, macro entity F1, then relation pair F1 / typed F1 for rules | model | both");
  for (const genre of [...new Set(rows.map((r) => r.genre))].sort()) {
    const subset = rows.filter((r) => r.genre === genre);
    const cells = SYSTEMS.map((s) => {
      const v = summarise(subset, s);
      return `${f3(v.pair.f1)} / ${f3(v.typed.f1)}`;
    });
    console.log(
      `  ${genre.padEnd(12)} ${String(subset.length).padStart(3)}  ${f3(summarise(subset, "both").macroEntities)}  ${cells.join(" | ")}`,
    );
  }
  console.log("\nby predicate (gold count): typed P R F1 and pair recall, rules | both");
  const totals = {};
  for (const system of ["rules", "both"]) {
    totals[system] = {};
    for (const r of rows)
      for (const [type, c] of Object.entries(r.predicates[system])) {
        totals[system][type] ??= { tp: 0, fp: 0, fn: 0, pairTp: 0, gold: 0 };
        const t = totals[system][type];
        for (const key of Object.keys(t)) t[key] += c[key];
      }
  }
  const types = Object.keys(totals.both).sort(
    (a, b) => (totals.both[b].gold ?? 0) - (totals.both[a].gold ?? 0),
  );
  for (const type of types) {
    const cells = ["rules", "both"].map((system) => {
      const t = totals[system][type] ?? { tp: 0, fp: 0, fn: 0, pairTp: 0, gold: 0 };
      const s = x.scoreOf(t.tp, t.fp, t.fn);
      return `${prf(s)}  ${f3(t.gold ? t.pairTp / t.gold : 0)}`;
    });
    console.log(`  ${type.padEnd(17)} (${String(totals.both[type].gold).padStart(4)})  ${cells.join(" | ")}`);
  }
  console.log("\ndecodings chosen per fold:");
  for (const d of result.decodings)
    console.log(`  fold ${d.fold}: both ${JSON.stringify(d.both)}  model ${JSON.stringify(d.model)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const cv = args.includes("--cv") ? Number(args[args.indexOf("--cv") + 1] ?? 5) : 0;
  const json = args.includes("--json");
  if (cv > 1) {
    const result = crossValidate(cv, { errors: args.includes("--errors") });
    if (quick) {
      report(result);
      process.exit(0);
    }
    const config = readConfig();
    const corpus = x.readCorpus(corpusDir);
    const model = x.trainLearnedModel(
      corpus.documents.map((d) => x.prepareDocument(d, config.buckets)),
      config,
    );
    const development = { rules: scoreDevelopment(undefined), both: scoreDevelopment(model) };
    if (json) {
      console.log(
        JSON.stringify(
          {
            ...result,
            summary: Object.fromEntries(SYSTEMS.map((s) => [s, summarise(result.rows, s)])),
            development,
          },
          null,
          1,
        ),
      );
    } else {
      report(result);
      if (development.rules) {
        console.log("\ndevelopment texts (../shared/eval), model trained on the whole corpus without them:");
        console.log(
          "file                                                  entity  | pair F1 rules  both | typed F1 rules  both",
        );
        development.rules.forEach((r, i) => {
          const b = development.both[i];
          console.log(
            `  ${r.file.padEnd(52)} ${f3(b.scores.entities.f1)}  |   ${f3(r.scores.relationsPair.f1)}  ${f3(b.scores.relationsPair.f1)} |   ${f3(r.scores.relationsTyped.f1)}  ${f3(b.scores.relationsTyped.f1)}`,
          );
        });
        const m = (list, key) => f3(mean(list.map((r) => r.scores[key].f1)));
        console.log(
          `  ${"macro".padEnd(52)} ${m(development.both, "entities")}  |   ${m(development.rules, "relationsPair")}  ${m(development.both, "relationsPair")} |   ${m(development.rules, "relationsTyped")}  ${m(development.both, "relationsTyped")}`,
        );
      }
    }
  } else {
    const rules = scoreDevelopment(undefined);
    if (!rules) {
      console.error(
        `evaluate: ${join(shared, "eval")} is absent; run with --cv 5 to cross-validate over data/annotated`,
      );
      process.exit(1);
    }
    const learned = scoreDevelopment(x.loadLearnedModel(undefined));
    console.log(
      "the shipped model (never trained on these texts) and, in brackets, the rules alone (written on them)",
    );
    console.log(`${"file".padEnd(55)}entity         pair           typed`);
    const cell = (a, b) => `${f3(a.f1)} (${f3(b.f1)})`;
    rules.forEach((r, i) => {
      const l = learned[i].scores;
      console.log(
        `${r.file.padEnd(55)}${cell(l.entities, r.scores.entities)}  ${cell(l.relationsPair, r.scores.relationsPair)}  ${cell(l.relationsTyped, r.scores.relationsTyped)}`,
      );
    });
    const m = (list, key) => f3(mean(list.map((r) => r.scores[key].f1)));
    console.log(
      `${"macro".padEnd(55)}${m(learned, "entities")} (${m(rules, "entities")})  ${m(learned, "relationsPair")} (${m(rules, "relationsPair")})  ${m(learned, "relationsTyped")} (${m(rules, "relationsTyped")})`,
    );
  }
}
