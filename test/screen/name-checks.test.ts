// The whole-entity check sets of bench/name-checks (nomenklatura's entity checks, invented checks and
// cross-script pairs), scored through the screening door by the bench's own scorer: the targets of the
// name-comparison issue, ≥ 95 % of checks right with precision and recall of "match" ≥ 0.95, and every
// cross-script pair marked a match found at or above the threshold.
import { describe, expect, it } from "vitest";

// @ts-expect-error: a plain ESM script without type declarations
const { runChecks, tally } = await import("../../bench/name-checks.mjs");

interface Scored {
  check: { match: boolean };
  match: boolean;
}

describe("whole-entity name checks", () => {
  const sets: Array<{ name: string; scored: Scored[] }> = runChecks();

  it("gets ≥ 95 % of all checks right, with precision and recall of match ≥ 0.95", () => {
    const all = tally(sets.flatMap((set) => set.scored));
    expect(all.checks).toBe(372);
    expect(all.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.95);
  });

  it("finds every cross-script pair marked a match", () => {
    const crossScript = sets.find((set) => set.name === "cross-script pairs")!;
    const missed = crossScript.scored.filter((s) => s.check.match && !s.match);
    expect(missed).toEqual([]);
  });
});
