// Text screening throughput: the gazetteer built from the full OFAC SDN name set (names and aliases)
// scans the Treasury press-release corpus; the peer is a naive per-name indexOf over lower-cased text.
// Run: npm run bench -- gazetteer   (needs ../shared; prints MB/s for both and the ratio)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { buildGazetteer, findInText } from "../dist/extract/index.js";

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared");
const SDN_DIR = join(SHARED, "data/ofac-sdn-csv-2023-12");
const CORPUS_DIR = join(SHARED, "corpus/treasury-press-releases");
const PEER_SAMPLE_CHARS = 100_000;
// Best of several rounds: the figure of the machine, not of its other jobs.
const ROUNDS = 5;
const TYPES = { individual: "Person", vessel: "Vessel", aircraft: "Aircraft" };

/** Reads an OFAC legacy CSV file (no header, `-0-` for null, a trailing Ctrl-Z). */
function readOfacCsv(file) {
  const text = readFileSync(file, "latin1").replace(/\u001a/g, "");
  return parse(text, { relax_quotes: true, relax_column_count: true, skip_empty_lines: true, trim: true });
}

/** The SDN names and aliases as gazetteer items. */
export function readSdnNames() {
  const items = [];
  const typeOf = new Map();
  for (const row of readOfacCsv(join(SDN_DIR, "sdn.csv"))) {
    const type = TYPES[row[2]] ?? "Company";
    typeOf.set(row[0], type);
    items.push({ name: row[1], type, ref: `ofac-sdn-${row[0]}` });
  }
  for (const row of readOfacCsv(join(SDN_DIR, "alt.csv"))) {
    if (row[3] && row[3] !== "-0-")
      items.push({ name: row[3], type: typeOf.get(row[0]) ?? "Company", ref: `ofac-sdn-${row[0]}` });
  }
  return items;
}

/** The corpus, one text per release (screening runs per source). */
function readCorpus() {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => readFileSync(join(CORPUS_DIR, file), "utf8"));
}

/** The naive peer: every name's lower-cased form searched with indexOf in the lower-cased text. */
function findNaive(names, text) {
  const lower = text.toLowerCase();
  let hits = 0;
  for (const name of names) {
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length)) hits++;
  }
  return hits;
}

export async function run() {
  if (!existsSync(SDN_DIR) || !existsSync(CORPUS_DIR)) {
    console.log(`skipped: ${SHARED} (SDN list and Treasury corpus) not found`);
    return { skipped: true };
  }
  const items = readSdnNames();
  let started = performance.now();
  const gazetteer = buildGazetteer(items);
  const buildMs = performance.now() - started;
  const texts = readCorpus();
  const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, "utf8"), 0) / 1e6;

  for (const text of texts.slice(0, 20)) findInText(gazetteer, text); // warm-up
  let best = Number.POSITIVE_INFINITY;
  let hits = [];
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    hits = texts.flatMap((text) => findInText(gazetteer, text));
    best = Math.min(best, performance.now() - started);
  }
  const mbPerSecond = megabytes / (best / 1000);

  const sample = texts.join("\n\n").slice(0, PEER_SAMPLE_CHARS);
  const names = [...new Set(items.map((item) => item.name.toLowerCase()))];
  started = performance.now();
  const naiveHits = findNaive(names, sample);
  const peerMs = performance.now() - started;
  const peerMbPerSecond = Buffer.byteLength(sample, "utf8") / 1e6 / (peerMs / 1000);

  const distinct = new Set(hits.map((hit) => hit.ref)).size;
  console.log(
    `SDN names and aliases: ${items.length}; indexed variants: ${gazetteer.size}; skipped: ${gazetteer.skipped.length}`,
  );
  console.log(`build: ${buildMs.toFixed(0)} ms`);
  console.log(
    `corpus: ${texts.length} releases, ${megabytes.toFixed(2)} MB; hits: ${hits.length} (${distinct} distinct list entries)`,
  );
  console.log(`gazetteer: ${mbPerSecond.toFixed(1)} MB/s (best of ${ROUNDS}: ${best.toFixed(0)} ms)`);
  console.log(
    `naive indexOf peer: ${peerMbPerSecond.toFixed(3)} MB/s on a ${PEER_SAMPLE_CHARS / 1000} k-char sample (${naiveHits} raw hits)`,
  );
  console.log(`ratio: ${(mbPerSecond / peerMbPerSecond).toFixed(0)}×`);
  return {
    names: items.length,
    indexed: gazetteer.size,
    buildMs: Math.round(buildMs),
    mbPerSecond: Number(mbPerSecond.toFixed(1)),
    peerMbPerSecond: Number(peerMbPerSecond.toFixed(3)),
    ratio: Math.round(mbPerSecond / peerMbPerSecond),
    hits: hits.length,
  };
}
