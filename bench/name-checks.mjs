// Whole-entity name checks: a query entity against one candidate list entry, each marked match or no
// match (the shape screening projects keep as their source of truth), scored through Skein's screening
// door — the candidate indexed alone, the query screened against it — so retrieval counts as well as the
// score. Prints the share of checks right and the precision and recall of "match", for the development
// part and for a held-out part chosen by a hash of each check (never inspected while writing rules).
// Run alone: node bench/name-checks.mjs [--misses] [--heldout-misses]
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIndex, screen } from "../dist/screen/index.js";

const HERE = join(dirname(fileURLToPath(import.meta.url)), "name-checks");

/** The check sets, each a JSON Lines file in bench/name-checks (provenance in its PROVENANCE.md). */
export const CHECK_SETS = [
  { name: "nomenklatura entity checks", file: "nomenklatura-entity-checks.jsonl" },
  { name: "invented entity checks", file: "invented-entity-checks.jsonl" },
  { name: "cross-script pairs", file: "cross-script-pairs.jsonl" },
];

/** Every third check (by an FNV-1a hash of its content) is held out. */
const HELD_OUT_MODULUS = 3;

function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** "dev" or "heldout", fixed by the check's schema, query and candidate. */
export function splitOf(check) {
  const key = JSON.stringify([check.schema, check.query, check.candidate]);
  return fnv1a(key) % HELD_OUT_MODULUS === 0 ? "heldout" : "dev";
}

/** Reads one check set. */
export function readChecks(file) {
  return readFileSync(join(HERE, file), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => ({ ...JSON.parse(line), line: i + 1 }));
}

const PART_ORDER = ["firstName", "secondName", "middleName", "fatherName", "lastName"];

/** The whole name of an FtM-shaped party: its `name`, else its name parts in written order. */
function wholeName(party) {
  if (party.name) return party.name;
  return PART_ORDER.map((p) => party[p])
    .filter(Boolean)
    .join(" ");
}

/** The name parts given (firstName, lastName …), or undefined. */
function nameParts(party) {
  const parts = Object.fromEntries(PART_ORDER.filter((p) => party[p]).map((p) => [p, party[p]]));
  return Object.keys(parts).length ? parts : undefined;
}

function entryOf(check) {
  const name = wholeName(check.candidate);
  return {
    id: `check-${check.line}`,
    schema: check.schema === "LegalEntity" ? "Company" : check.schema,
    caption: name,
    names: [name],
    nameParts: nameParts(check.candidate),
    weakAliases: [],
    authority: "check",
    list: "check",
    authorityId: String(check.line),
    programs: [],
    countries: [],
    birthDates: [],
    identifiers: [],
    addresses: [],
    listingDate: null,
    remarks: null,
    linkedTo: [],
  };
}

/** Screens one check: the top score found for the candidate (0 when the index does not retrieve it). */
export function scoreCheck(check) {
  const index = buildIndex([entryOf(check)]);
  const query = { name: wholeName(check.query), schema: check.schema, nameParts: nameParts(check.query) };
  const results = screen(index, query, { limit: 1 });
  return { score: results[0]?.score ?? 0, match: results[0]?.match ?? false };
}

/** Checks right, and precision and recall of "match", over scored checks. */
export function tally(scored) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  for (const { check, match } of scored) {
    if (match === check.match) right++;
    if (match && check.match) tp++;
    else if (match) fp++;
    else if (check.match) fn++;
  }
  return {
    checks: scored.length,
    right,
    accuracy: scored.length ? right / scored.length : 0,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
  };
}

function describe(check, score) {
  return `${check.match ? "missed" : "false alarm"} ${score.toFixed(2)}: ${wholeName(check.query)} ~ ${wholeName(check.candidate)} (${check.schema})`;
}

/** Scores every set; returns per set and split the tallies, and the dev misses (held-out misses on request). */
export function runChecks({ heldOutMisses = false } = {}) {
  const sets = [];
  for (const set of CHECK_SETS) {
    const scored = readChecks(set.file).map((check) => ({ check, ...scoreCheck(check) }));
    const part = (split) => scored.filter((s) => splitOf(s.check) === split);
    const misses = (list) =>
      list.filter((s) => s.match !== s.check.match).map((s) => describe(s.check, s.score));
    sets.push({
      name: set.name,
      scored,
      all: tally(scored),
      dev: tally(part("dev")),
      heldout: tally(part("heldout")),
      devMisses: misses(part("dev")),
      heldoutMisses: heldOutMisses ? misses(part("heldout")) : undefined,
    });
  }
  return sets;
}

/** One line of figures. */
export function formatTally(t) {
  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  return `${t.right}/${t.checks} right (${pct(t.accuracy)}), match precision ${t.precision.toFixed(3)}, recall ${t.recall.toFixed(3)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  for (const set of runChecks({ heldOutMisses: args.includes("--heldout-misses") })) {
    console.log(`${set.name}: all ${formatTally(set.all)}`);
    console.log(`  development ${formatTally(set.dev)}`);
    console.log(`  held out    ${formatTally(set.heldout)}`);
    if (args.includes("--misses")) for (const miss of set.devMisses) console.log(`    dev ${miss}`);
    for (const miss of set.heldoutMisses ?? []) console.log(`    held out ${miss}`);
  }
}
