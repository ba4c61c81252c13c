// Extraction benchmark: the whole extraction (sentences, mentions, coreference, claims with the learned
// model, dates, amounts) over the 553 Treasury releases in ../shared/corpus on one core, in MB of text
// per second, beside the rules alone and compromise's own people/organizations/places run over the same
// texts as the peer; and the entity F1 of Skein and the peer on the development set in ../shared/eval,
// scored with the shared scorer.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import nlp from "compromise";
import { extractText, loadLearnedModel, toContractDocument } from "../dist/extract/index.js";
import { normaliseText } from "../dist/model/index.js";

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared");
const CORPUS = join(SHARED, "corpus/treasury-press-releases");
const EVAL = join(SHARED, "eval");

/** compromise's named entities of a text, in the contract shape (no relations). */
export function compromiseDocument(text) {
  const doc = nlp(text);
  const seen = new Set();
  const entities = [];
  for (const [list, type] of [
    [doc.people().out("array"), "Person"],
    [doc.organizations().out("array"), "Organization"],
    [doc.places().out("array"), "Place"],
  ]) {
    for (const raw of list) {
      const name = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, "");
      if (!name || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      entities.push({ id: `c${entities.length + 1}`, name, aliases: [], type, country: null });
    }
  }
  return { entities, relations: [] };
}

function time(texts, fn) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  for (const text of texts) fn(text);
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Runs the benchmark; returns its figures. */
export async function run() {
  if (!existsSync(CORPUS) || !existsSync(EVAL)) {
    console.log(`extract: ${SHARED} not found, benchmark skipped`);
    return { skipped: true };
  }
  const texts = readdirSync(CORPUS)
    .sort()
    .map((f) => normaliseText(readFileSync(join(CORPUS, f), "utf8")));
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const learned = loadLearnedModel(undefined);
  const extract = (model) => (text) =>
    extractText(text, { sourceId: "bench", published: "2024-01-01", gazetteer: undefined, learned: model });
  const skein = extract(learned);
  for (const text of texts.slice(0, 20)) skein(text);
  const ours = time(texts, skein);
  const rules = time(texts, extract(undefined));
  const peer = time(texts, compromiseDocument);

  const { score } = await import(pathToFileURL(join(SHARED, "tools/score-extraction.mjs")).href);
  const golds = readdirSync(EVAL)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(EVAL, f), "utf8")));
  const macro = (make) => golds.reduce((n, g) => n + score(g, make(g)).entities.f1, 0) / golds.length;
  const skeinF1 = macro((g) =>
    toContractDocument(
      extractText(g.text, {
        sourceId: g.id ?? "gold",
        published: g.source?.date ?? null,
        gazetteer: undefined,
        learned,
      }),
    ),
  );
  const peerF1 = macro((g) => compromiseDocument(g.text));

  const figures = {
    corpusMB: Number(megabytes.toFixed(2)),
    skeinMBps: Number((megabytes / ours.seconds).toFixed(2)),
    skeinCpuMBps: Number((megabytes / ours.cpuSeconds).toFixed(2)),
    rulesOnlyMBps: Number((megabytes / rules.seconds).toFixed(2)),
    compromiseMBps: Number((megabytes / peer.seconds).toFixed(2)),
    speedRatio: Number((peer.seconds / ours.seconds).toFixed(2)),
    skeinEntityF1: Number(skeinF1.toFixed(3)),
    compromiseEntityF1: Number(peerF1.toFixed(3)),
  };
  console.log(`corpus: ${texts.length} Treasury releases, ${figures.corpusMB} MB`);
  console.log(
    `skein extraction (whole pipeline, learned model): ${figures.skeinMBps} MB/s wall, ${figures.skeinCpuMBps} MB/s CPU; rules alone ${figures.rulesOnlyMBps} MB/s`,
  );
  console.log(
    `compromise people/organizations/places: ${figures.compromiseMBps} MB/s (skein is ${figures.speedRatio}× its speed)`,
  );
  console.log(
    `development-set macro entity F1: skein ${figures.skeinEntityF1}, compromise ${figures.compromiseEntityF1}`,
  );
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await run();
