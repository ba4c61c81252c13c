#!/usr/bin/env node
// Measures cross-document resolution against gold clusters, beside the exact-name baseline.
//   node scripts/evaluate-resolution.mjs [--corpus DIR] [--set corpus|development] [--reading extracted|gold]
//                                        [--json] [--errors N]
// Two readings of each gold set (data/annotated with its resolution.json, and its texts clustered by
// hand, clusters/by-hand.json; the four development texts of ../shared/eval with resolution-dev.json
// when present):
//   extracted  every text extracted by the shipped model, its entities resolved together as in a
//              workspace; a gold entity is the extracted entity that names it (the extraction scorer's
//              alignment), gold entities extraction missed are left out;
//   gold       the gold entities themselves resolved (what resolution does given perfect extraction).
// Scores: pairwise and B-cubed precision, recall and F1, over all entities and without places. The
// baseline joins entities that share a name exactly (the scorer's normalisation), whatever their type.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.SKEIN_SHARED ?? resolve(root, "../shared");
const x = await import(pathToFileURL(join(root, "dist/extract/index.js")).href);
const r = await import(pathToFileURL(join(root, "dist/resolve/index.js")).href);

const argv = process.argv.slice(2);
const flag = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const corpusDir = resolve(flag("--corpus") ?? join(root, "data/annotated"));
const errorsShown = Number(flag("--errors") ?? 0);
const onlySet = flag("--set");
const onlyReading = flag("--reading");

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The gold sets to score: the corpus, and the development texts when ../shared is beside the project. */
function goldSets() {
  const sets = [];
  const corpus = x.readCorpus(corpusDir);
  const clusters = JSON.parse(readFileSync(join(corpusDir, "resolution.json"), "utf8")).clusters;
  sets.push({ name: "corpus", documents: corpus.documents, clusters });
  // The texts whose clusters were made by hand: the later ones were joined by shared names, a gold that
  // leans toward the exact-name baseline.
  const byHandFile = join(corpusDir, "clusters/by-hand.json");
  if (existsSync(byHandFile)) {
    const byHand = new Set(JSON.parse(readFileSync(byHandFile, "utf8")).documents);
    sets.push({
      name: "corpus-by-hand",
      documents: corpus.documents.filter((d) => byHand.has(d.id)),
      clusters: clusters
        .map((c) => ({ ...c, members: c.members.filter((m) => byHand.has(m.doc)) }))
        .filter((c) => c.members.length > 0),
    });
  }
  const dev = join(shared, "eval/resolution-dev.json");
  if (existsSync(dev)) {
    const gold = JSON.parse(readFileSync(dev, "utf8"));
    const files = {
      "00-seed-kupol": "seed-kupol",
      "01-treasury-garpiya-drone-production": "01-treasury-garpiya-drone-production",
      "03-treasury-hesa-uav-procurement-network": "03-treasury-hesa-uav-procurement-network",
      "05-treasury-iran-lethal-aid-to-russia": "05-treasury-iran-lethal-aid-to-russia",
    };
    const documents = gold.documents.map((id) => ({
      ...JSON.parse(readFileSync(join(shared, "eval", `${files[id] ?? id}.gold.json`), "utf8")),
      id,
    }));
    sets.push({ name: "development", documents, clusters: gold.clusters });
  }
  return sets;
}

/** The document-level entities and claim links of every text, as extraction gives them. */
function extracted(documents, learned) {
  const entities = [];
  const links = [];
  const goldOf = new Map();
  for (const doc of documents) {
    const date = doc.source?.date;
    const extraction = x.extractText(doc.text, {
      sourceId: `src_${doc.id}`,
      published: date && FULL_DATE.test(date) ? date : null,
      gazetteer: undefined,
      learned,
    });
    const toGold = x.alignEntities(
      doc.entities,
      extraction.entities.map((e) => ({ name: e.caption, aliases: e.names })),
    );
    const seen = new Set();
    extraction.entities.forEach((e, i) => {
      const id = `${doc.id}#${e.id}`;
      entities.push({ ...e, id, sourceId: doc.id });
      const g = toGold[i];
      // A second extracted entity naming the same gold entity is a duplicate; the first stands for it.
      if (g !== undefined && !seen.has(g)) {
        seen.add(g);
        goldOf.set(`${doc.id}#${doc.entities[g].id}`, id);
      }
    });
    for (const c of extraction.claims) links.push([`${doc.id}#${c.subjectId}`, `${doc.id}#${c.objectId}`]);
  }
  return { entities, links, goldOf };
}

/** The gold entities as document-level entities, and the gold relations as links. */
function goldEntities(documents) {
  const entities = [];
  const links = [];
  const goldOf = new Map();
  for (const doc of documents) {
    for (const e of doc.entities) {
      const id = `${doc.id}#${e.id}`;
      entities.push({
        id,
        sourceId: doc.id,
        type: e.type,
        caption: e.name,
        names: [e.name, ...(e.aliases ?? [])],
        country: null,
        identifiers: {},
      });
      goldOf.set(id, id);
    }
    for (const rel of doc.relations) links.push([`${doc.id}#${rel.source}`, `${doc.id}#${rel.target}`]);
  }
  return { entities, links, goldOf };
}

/** Joins entities that share a name exactly, whatever their type: the baseline. */
function exactNames(entities) {
  const parent = new Map(entities.map((e) => [e.id, e.id]));
  const find = (id) => {
    while (parent.get(id) !== id) id = parent.get(id);
    return id;
  };
  const byName = new Map();
  for (const e of entities) {
    for (const name of new Set([e.caption, ...e.names].map(x.normaliseForScoring))) {
      if (!name) continue;
      const first = byName.get(name);
      if (first === undefined) byName.set(name, e.id);
      else parent.set(find(e.id), find(first));
    }
  }
  return new Map(entities.map((e) => [e.id, find(e.id)]));
}

/** Skein's clustering: the resolver over the entities and their claim links. */
function skein(entities, links) {
  const resolved = r.resolveEntities({
    entities,
    links,
    listed: [],
    constraints: { together: [], apart: [] },
  });
  const clusterOf = new Map();
  for (const entity of resolved) for (const m of entity.memberIds) clusterOf.set(m, entity.id);
  return clusterOf;
}

/** The scored items: each gold entity that has an entity of its own, with both clusters. */
function itemsOf(clusters, goldOf, clusterOf) {
  const items = [];
  for (const cluster of clusters)
    for (const m of cluster.members) {
      const entity = goldOf.get(`${m.doc}#${m.entity}`);
      if (entity === undefined) continue;
      items.push({ gold: cluster.cluster, predicted: clusterOf.get(entity), type: cluster.type, member: m });
    }
  return items;
}

/**
 * For reading: the gold clusters the clustering split (each part with its names), by missed pairs, and
 * the predicted clusters that join several gold clusters; places left out.
 */
function errorsOf(items, limit) {
  const group = (key) => {
    const out = new Map();
    for (const item of items.filter((i) => i.type !== "Place")) {
      const k = key(item);
      out.set(k, [...(out.get(k) ?? []), item]);
    }
    return out;
  };
  const partsOf = (list, key) => {
    const parts = new Map();
    for (const item of list) parts.set(key(item), [...(parts.get(key(item)) ?? []), item]);
    return [...parts.values()].sort((a, b) => b.length - a.length);
  };
  const describe = (part) =>
    `${part.length}× ${[...new Set(part.map((i) => i.member.name))].slice(0, 4).join(" | ")}`;
  const pairs = (parts) => {
    const n = parts.reduce((sum, p) => sum + p.length, 0);
    return (n * (n - 1) - parts.reduce((sum, p) => sum + p.length * (p.length - 1), 0)) / 2;
  };
  const split = [...group((i) => i.gold).entries()]
    .map(([gold, list]) => ({ gold, parts: partsOf(list, (i) => i.predicted) }))
    .filter((c) => c.parts.length > 1)
    .map((c) => ({ ...c, pairs: pairs(c.parts) }))
    .sort((a, b) => b.pairs - a.pairs);
  const merged = [...group((i) => i.predicted).values()]
    .map((list) => ({ parts: partsOf(list, (i) => i.gold) }))
    .filter((c) => c.parts.length > 1)
    .map((c) => ({ ...c, pairs: pairs(c.parts) }))
    .sort((a, b) => b.pairs - a.pairs);
  return {
    counts: [split.reduce((n, c) => n + c.pairs, 0), merged.reduce((n, c) => n + c.pairs, 0)],
    missed: split
      .slice(0, limit)
      .map((c) => `${c.gold} (${c.pairs} pairs): ${c.parts.map(describe).join("  //  ")}`),
    wrong: merged
      .slice(0, limit)
      .map((c) => `(${c.pairs} pairs): ${c.parts.map((p) => `${p[0].gold}: ${describe(p)}`).join("  //  ")}`),
  };
}

const f3 = (v) => v.toFixed(3);
const row = (label, s) =>
  `${label.padEnd(22)}${String(s.all.items).padStart(6)}  ` +
  `${f3(s.withoutPlaces.pairwise.precision)} ${f3(s.withoutPlaces.pairwise.recall)} ${f3(s.withoutPlaces.pairwise.f1)}   ` +
  `${f3(s.withoutPlaces.bcubed.f1)}   ${f3(s.all.pairwise.precision)} ${f3(s.all.pairwise.recall)} ${f3(s.all.pairwise.f1)}   ${f3(s.all.bcubed.f1)}`;

const learned = x.loadLearnedModel(undefined);
const results = {};
for (const set of goldSets().filter((s) => !onlySet || s.name === onlySet)) {
  results[set.name] = {};
  const readings = {
    extracted: () => extracted(set.documents, learned),
    gold: () => goldEntities(set.documents),
  };
  for (const [reading, read] of Object.entries(readings)) {
    if (onlyReading && reading !== onlyReading) continue;
    const input = read();
    const skeinItems = itemsOf(set.clusters, input.goldOf, skein(input.entities, input.links));
    const baselineItems = itemsOf(set.clusters, input.goldOf, exactNames(input.entities));
    results[set.name][reading] = {
      skein: r.scoreResolution(skeinItems),
      exactNames: r.scoreResolution(baselineItems),
      errors: errorsShown > 0 ? errorsOf(skeinItems, errorsShown) : undefined,
    };
  }
}

if (argv.includes("--json")) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const [set, readings] of Object.entries(results)) {
    console.log(`\n${set}: ${set.startsWith("corpus") ? corpusDir : join(shared, "eval")}`);
    console.log(
      `${"".padEnd(22)} items  without places: pairwise P R F1   B3 F1   all: pairwise P R F1   B3 F1`,
    );
    for (const [reading, scores] of Object.entries(readings)) {
      console.log(row(`${reading}: skein`, scores.skein));
      console.log(row(`${reading}: exact names`, scores.exactNames));
      if (scores.errors) {
        console.log(
          `  missed ${scores.errors.counts[0]} gold pairs, joined ${scores.errors.counts[1]} wrongly:`,
        );
        for (const line of scores.errors.missed) console.log(`    missed  ${line}`);
        for (const line of scores.errors.wrong) console.log(`    wrong   ${line}`);
      }
    }
  }
}
