// Name-comparison benchmark: nomenklatura's labelled name pairs (best F1, ROC-AUC and F1 at the default
// threshold, scored by compareNames as `skein compare-names` scores them) and the whole-entity check sets
// of bench/name-checks (checks right, precision and recall of "match", through the screening door).
// Run: npm run bench -- names   (the check sets alone: node bench/name-checks.mjs [--misses])
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compareNames, DEFAULT_ALGORITHM } from "../dist/screen/index.js";
import { bestF1, f1At, readScored, rocAuc } from "../scripts/evaluate-names.mjs";
import { formatTally, runChecks, tally } from "./name-checks.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PAIRS = resolve(ROOT, "../shared/data/name-matching-ground-truth/nomenklatura/name_bench_cases.csv");
const THRESHOLD = 0.7;

/** The labelled pairs scored in process; null when ../shared is absent. */
function labelledPairs() {
  if (!existsSync(PAIRS)) return null;
  const rows = readScored(readFileSync(PAIRS, "utf8")).map((row) => ({
    ...row,
    score: compareNames(row.name1, row.name2, row.schema || undefined),
  }));
  return { pairs: rows.length, best: bestF1(rows), auc: rocAuc(rows), atThreshold: f1At(rows, THRESHOLD) };
}

export async function run() {
  console.log(`algorithm ${DEFAULT_ALGORITHM}, threshold ${THRESHOLD}`);
  const pairs = labelledPairs();
  if (pairs === null) console.log(`labelled pairs: skipped (${PAIRS} absent)`);
  else {
    const { best, auc, atThreshold: at } = pairs;
    console.log(
      `labelled pairs (${pairs.pairs}): best F1 ${best.f1.toFixed(3)} at ${best.threshold.toFixed(3)}, ` +
        `ROC-AUC ${auc.toFixed(3)}, F1 at ${THRESHOLD} ${at.f1.toFixed(3)} ` +
        `(precision ${at.precision.toFixed(3)}, recall ${at.recall.toFixed(3)})`,
    );
  }
  const sets = runChecks();
  for (const set of sets) {
    console.log(`${set.name}: ${formatTally(set.all)}`);
    console.log(`  development ${formatTally(set.dev)}; held out ${formatTally(set.heldout)}`);
  }
  const all = tally(sets.flatMap((set) => set.scored));
  console.log(`every check: ${formatTally(all)}`);
  return {
    labelledPairs: pairs && {
      bestF1: pairs.best.f1,
      auc: pairs.auc,
      f1AtThreshold: pairs.atThreshold.f1,
    },
    checks: Object.fromEntries(sets.map((set) => [set.name, set.all])),
    allChecks: all,
  };
}
