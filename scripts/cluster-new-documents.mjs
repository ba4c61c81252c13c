#!/usr/bin/env node
// Adds the entities of corpus documents that resolution.json does not list yet to its clusters: an
// entity joins the cluster of the same type one of whose members shares a name or alias with it (the
// scorer's normalisation) and none of whose members is of another stated country ("Ministry of
// Defence" of Serbia is not Russia's), else it starts a cluster of its own. Joins it proposes are printed for review;
// a namesake (two people of one name) must be split by hand afterwards, with a `note`.
//   npm run build && node scripts/cluster-new-documents.mjs [--dry-run]
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const x = await import(pathToFileURL(join(root, "dist/extract/index.js")).href);
const file = join(root, "data/annotated/resolution.json");
const resolution = JSON.parse(readFileSync(file, "utf8"));
const listed = new Set(resolution.documents);
const documents = x.readCorpus(join(root, "data/annotated")).documents;
const fresh = documents.filter((d) => !listed.has(d.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
const countryOf = new Map(documents.flatMap((d) => d.entities.map((e) => [`${d.id}/${e.id}`, e.country])));
const otherCountry = (cluster, country) =>
  country !== null &&
  cluster.members.some((m) => {
    const c = countryOf.get(`${m.doc}/${m.entity}`);
    return c !== null && c !== undefined && c !== country;
  });

const namesOf = (m) => [m.name, ...(m.aliases ?? [])].map(x.normaliseForScoring).filter((n) => n.length > 0);
/** type|name → cluster, over every member so far. */
const index = new Map();
const remember = (cluster, member) => {
  for (const n of namesOf(member))
    if (!index.has(`${cluster.type}|${n}`)) index.set(`${cluster.type}|${n}`, cluster);
};
for (const c of resolution.clusters) for (const m of c.members) remember(c, m);
const ids = new Set(resolution.clusters.map((c) => c.cluster));
const slug = (name) => {
  const base =
    x
      .normaliseForScoring(name)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "entity";
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
};

let joined = 0;
let created = 0;
for (const doc of fresh) {
  for (const e of doc.entities) {
    const member = { doc: doc.id, entity: e.id, name: e.name, aliases: e.aliases };
    const cluster = namesOf(member)
      .map((n) => index.get(`${e.type}|${n}`))
      .find(
        (c) => c !== undefined && !c.members.some((m) => m.doc === doc.id) && !otherCountry(c, e.country),
      );
    if (cluster) {
      cluster.members.push(member);
      joined++;
      console.log(`join  ${doc.id}/${e.id} ${JSON.stringify(e.name)} → ${cluster.cluster}`);
      remember(cluster, member);
    } else {
      const own = { cluster: slug(e.name), canonical: e.name, type: e.type, members: [member] };
      resolution.clusters.push(own);
      created++;
      remember(own, member);
    }
  }
  resolution.documents.push(doc.id);
}
console.log(
  `${fresh.length} document(s): ${joined} entities joined existing clusters, ${created} new clusters`,
);
const problems = x.validateClusters(resolution, documents);
if (problems.length > 0) {
  for (const p of problems.slice(0, 20)) console.error(`${p.path}: ${p.message}`);
  process.exit(1);
}
if (!process.argv.includes("--dry-run")) {
  // Written beside and renamed, so a failure halfway leaves the file as it was.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(resolution, null, 1)}\n`);
  renameSync(`${file}.tmp`, file);
}
