// Resolution of document-level entities into case entities (src/resolve, blocked comparison with
// union-find), against a naive peer that compares every pair of names with the same name similarity.
// A synthetic case: parties named from invented word stems, each reported in several documents with
// spelling and legal-form variants, plus persons; figures: entities per second and the peer ratio.
import { resolveEntities } from "../dist/resolve/index.js";
import { compareNames } from "../dist/screen/index.js";
import { seededRandom } from "./seeded-random.mjs";

const STEMS = [
  "vel",
  "kor",
  "tar",
  "min",
  "sol",
  "dar",
  "bren",
  "quo",
  "lun",
  "zef",
  "hal",
  "rik",
  "mor",
  "pex",
  "ulv",
  "gan",
];
/** Legal forms by family: a party keeps its form, written in any of its spellings, or leaves it out. */
const FORMS = [
  ["LLC", "OOO", "Limited Liability Company", ""],
  ["JSC", "AO", "Joint Stock Company", ""],
  ["Co., Ltd.", "Ltd", "Limited", ""],
];
const WORDS = [
  "Trading",
  "Technology",
  "Precision",
  "Components",
  "Logistics",
  "Avionics",
  "Machinery",
  "Systems",
];

/** `parties` real parties, each seen in 1–4 documents: about 2.5 document entities per party. */
function buildCase(parties) {
  const rnd = seededRandom(7);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const entities = [];
  const links = [];
  for (let p = 0; p < parties; p++) {
    const person = rnd() < 0.3;
    const stem = `${pick(STEMS)}${pick(STEMS)}${pick(STEMS)}`;
    const base = person
      ? `${stem[0].toUpperCase()}${stem.slice(1)} ${pick(STEMS)}${pick(STEMS)}ov`
      : `${stem[0].toUpperCase()}${stem.slice(1)} ${pick(WORDS)}`;
    const family = pick(FORMS);
    const copies = 1 + Math.floor(rnd() * 4);
    for (let c = 0; c < copies; c++) {
      const name = person ? base : `${base} ${pick(family)}`.trim();
      const id = `ent_${p}_${c}`;
      entities.push({
        id,
        sourceId: `src_${Math.floor(rnd() * parties)}`,
        type: person ? "Person" : "Company",
        caption: name,
        names: [name],
        country: null,
        identifiers: {},
      });
      if (entities.length > 1) links.push([id, entities[Math.floor(rnd() * entities.length)].id]);
    }
  }
  return { entities, links, listed: [], constraints: { together: [], apart: [] } };
}

/** Pair precision and recall of a clustering (entity id → cluster) against the parties that made the case. */
function pairScores(entities, clusterOf) {
  const party = (id) => id.split("_")[1];
  let together = 0;
  let right = 0;
  let truth = 0;
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      const same = party(entities[i].id) === party(entities[j].id);
      const joined = clusterOf(entities[i].id) === clusterOf(entities[j].id);
      if (same) truth++;
      if (joined) together++;
      if (same && joined) right++;
    }
  }
  return { precision: right / Math.max(together, 1), recall: right / Math.max(truth, 1) };
}

/** The peer: every pair of same-type names compared, joined at the same threshold. */
function naiveResolve(input, threshold) {
  const parent = input.entities.map((_, i) => i);
  const find = (i) => {
    while (parent[i] !== i) i = parent[i];
    return i;
  };
  const es = input.entities;
  for (let i = 0; i < es.length; i++) {
    for (let j = i + 1; j < es.length; j++) {
      if (es[i].type !== es[j].type) continue;
      if (compareNames(es[i].caption, es[j].caption, es[i].type) >= threshold) parent[find(i)] = find(j);
    }
  }
  const index = new Map(es.map((e, i) => [e.id, i]));
  return (id) => find(index.get(id));
}

export async function run() {
  const big = buildCase(40_000);
  let started = performance.now();
  const resolved = resolveEntities(big);
  const seconds = (performance.now() - started) / 1000;
  const perSecond = Math.round(big.entities.length / seconds);
  console.log(
    `skein resolve: ${big.entities.length} document entities → ${resolved.length} case entities in ${seconds.toFixed(2)} s (${perSecond}/s)`,
  );

  const small = buildCase(400);
  started = performance.now();
  const clusters = resolveEntities(small);
  const oursMs = performance.now() - started;
  const caseOf = new Map(clusters.flatMap((c) => c.memberIds.map((m) => [m, c.id])));
  const ours = pairScores(small.entities, (id) => caseOf.get(id));
  started = performance.now();
  const peerOf = naiveResolve(small, 0.92);
  const peerMs = performance.now() - started;
  const peer = pairScores(small.entities, peerOf);
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `same ${small.entities.length} entities: skein ${oursMs.toFixed(0)} ms (pair precision ${pct(ours.precision)}, recall ${pct(ours.recall)}), ` +
      `naive all-pairs peer ${peerMs.toFixed(0)} ms (precision ${pct(peer.precision)}, recall ${pct(peer.recall)}): ${(peerMs / oursMs).toFixed(1)}× faster`,
  );
  return {
    documentEntities: big.entities.length,
    caseEntities: resolved.length,
    seconds,
    perSecond,
    peerRatio: peerMs / oursMs,
    precision: ours.precision,
    recall: ours.recall,
    peerPrecision: peer.precision,
    peerRecall: peer.recall,
  };
}
