#!/usr/bin/env node
// Trains the learned relation stage from the annotated corpus, the same way every time: it reads only
// data/annotated and data/models/relation-config.json, fixes the seed and the example order, and writes
// data/models/skein-extract-v1.json with a header (feature-set version, corpus hash, date, figures).
//   npm run train                 (builds first)
//   node scripts/train.mjs [--out FILE] [--date YYYY-MM-DD] [--corpus DIR]
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const x = await import(pathToFileURL(join(root, "dist/extract/index.js")).href);

/** Trains on a corpus folder with a config file; returns the model and its serialised weights file. */
export function train({ corpusDir, configFile, date }) {
  const config = { ...x.TRAINING_DEFAULTS, ...JSON.parse(readFileSync(configFile, "utf8")) };
  const corpus = x.readCorpus(corpusDir);
  const prepared = corpus.documents.map((d) => x.prepareDocument(d, config.buckets));
  const started = process.hrtime.bigint();
  const model = x.trainLearnedModel(prepared, config);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  model.header.trainedOn = {
    documents: corpus.documents.length,
    relations: corpus.documents.reduce((n, d) => n + d.relations.length, 0),
    sha256: corpus.sha256,
    date,
  };
  model.header.config = config;
  return { model, text: x.serialiseModel(model), seconds, skipped: corpus.skipped };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const out = args.includes("--out") ? args[args.indexOf("--out") + 1] : x.DEFAULT_WEIGHTS_FILE;
  const corpusDir = args.includes("--corpus")
    ? resolve(args[args.indexOf("--corpus") + 1])
    : join(root, "data/annotated");
  const date = args.includes("--date")
    ? args[args.indexOf("--date") + 1]
    : new Date().toISOString().slice(0, 10);
  try {
    const { model, text, seconds, skipped } = train({
      corpusDir,
      configFile: join(root, "data/models/relation-config.json"),
      date,
    });
    // Written beside and renamed, so a crash never leaves half a weights file.
    writeFileSync(`${out}.tmp`, text);
    renameSync(`${out}.tmp`, out);
    const h = model.header;
    console.log(
      `trained ${model.name} on ${h.trainedOn.documents} documents (${h.trainedOn.relations} relations) in ${seconds.toFixed(1)} s` +
        (skipped.length ? `; ${skipped.length} unannotated file(s) skipped` : ""),
    );
    console.log(
      `relations: decoding ${JSON.stringify(model.relations.decoding)}, ${model.relations.weights.values.length / model.relations.weights.classes} weight rows; ` +
        `entities: decoding ${JSON.stringify(model.entities.decoding)}, ${model.entities.weights.values.length / model.entities.weights.classes} weight rows`,
    );
    const f = h.figures;
    console.log(
      `inner cross-validation: entity F1 ${f.innerEntities.f1} (typed ${f.innerEntitiesTyped.f1}), relation pair F1 ${f.innerPair.f1} (P ${f.innerPair.precision}, R ${f.innerPair.recall}), typed ${f.innerTyped.f1}`,
    );
    console.log(`wrote ${out} (${(text.length / 1e6).toFixed(2)} MB)`);
  } catch (error) {
    console.error(`train: ${error.message}`);
    process.exit(1);
  }
}
