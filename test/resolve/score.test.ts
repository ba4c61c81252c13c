// Scoring a clustering against gold clusters (pairwise and B-cubed), and resolution measured with it on
// the annotated corpus and the development texts, beside the exact-name baseline.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ClusteredItem, scoreClustering, scoreResolution } from "../../src/resolve/index.js";
import { HAS_SHARED, REPO_ROOT } from "../helpers/shared.js";

const item = (gold: string, predicted: string, type = "Company"): ClusteredItem => ({
  gold,
  predicted,
  type,
});

describe("scoreClustering", () => {
  it("counts pairs and per-item overlaps", () => {
    // Gold {a1, a2, a3} {b1}; predicted {a1, a2} {a3, b1}.
    const s = scoreClustering([item("a", "x"), item("a", "x"), item("a", "y"), item("b", "y")]);
    expect(s.pairwise.goldPairs).toBe(3);
    expect(s.pairwise.predictedPairs).toBe(2);
    expect(s.pairwise.truePairs).toBe(1);
    expect(s.pairwise.precision).toBeCloseTo(0.5);
    expect(s.pairwise.recall).toBeCloseTo(1 / 3);
    // B-cubed precision: a1, a2 1; a3, b1 1/2 → 0.75. Recall: a1, a2 2/3; a3 1/3; b1 1 → 2/3.
    expect(s.bcubed.precision).toBeCloseTo(0.75);
    expect(s.bcubed.recall).toBeCloseTo(2 / 3);
  });

  it("scores a perfect clustering 1 and leaves places out of the second figure", () => {
    const items = [item("a", "x"), item("a", "x"), item("p", "z", "Place"), item("q", "z", "Place")];
    const { all, withoutPlaces } = scoreResolution(items);
    expect(all.pairwise.precision).toBeCloseTo(0.5);
    expect(withoutPlaces.pairwise.f1).toBe(1);
    expect(withoutPlaces.items).toBe(2);
  });
});

/** The figures `scripts/evaluate-resolution.mjs` prints, read as JSON. */
function evaluate(...args: string[]) {
  const out = spawnSync("node", [join(REPO_ROOT, "scripts/evaluate-resolution.mjs"), ...args, "--json"], {
    encoding: "utf8",
    cwd: REPO_ROOT,
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}

describe("resolution over the annotated texts clustered by hand (gold entities)", () => {
  it("reaches pairwise F1 ≥ 0.95 at precision ≥ 0.97 without places, 0.06 above exact names", () => {
    const set = evaluate("--set", "corpus-by-hand", "--reading", "gold")["corpus-by-hand"];
    expect(set.gold.skein.all.items).toBeGreaterThan(3000);
    const skein = set.gold.skein.withoutPlaces.pairwise;
    const baseline = set.gold.exactNames.withoutPlaces.pairwise;
    expect(skein.precision).toBeGreaterThanOrEqual(0.97);
    expect(skein.f1).toBeGreaterThanOrEqual(0.95);
    expect(skein.f1 - baseline.f1).toBeGreaterThanOrEqual(0.06);
  });
});

describe.skipIf(!HAS_SHARED)("resolution over the development texts, as extracted", () => {
  it("joins every party the four texts share and nothing else", () => {
    const { development } = evaluate("--set", "development", "--reading", "extracted");
    const { pairwise } = development.extracted.skein.withoutPlaces;
    expect(pairwise.precision).toBe(1);
    expect(pairwise.recall).toBe(1);
  });
});
