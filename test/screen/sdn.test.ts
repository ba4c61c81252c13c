// Every entry of a deterministic sample of the 2024-05 OFAC SDN (every fifth entry), queried by its
// primary name with one typo, with its words reordered, and with its legal form written another way,
// is found first (no other entry scores higher). The one exception allowed: another entry ranked first
// has a name at least as few plain edits from the query as the entry's own, so either is a fair answer
// ("Sonia" is one letter from both "Somia" and "Sania"). Variants are made as bench/screen.bench.mjs makes them.
import { describe, expect, it } from "vitest";
import { readListFiles } from "../../src/lists/index.js";
import { buildIndex, screen } from "../../src/screen/index.js";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";

const SDN = sharedPath("data/ofac-sdn-csv-2024-05/sdn.csv");
const SAMPLE_EVERY = 5;
/** Share of variants that may rank another entry first when it is as few edits away. */
const TOLERATED_TIES = 0.002;

describe.skipIf(!HAS_SHARED)("finding SDN entries by changed names (needs ../shared)", () => {
  it("finds each sampled entry first by a typo, a reordering and another legal form", async () => {
    // @ts-expect-error: a plain ESM script without type declarations
    const { listedNames, outcome, queryVariants } = await import("../../bench/screen.bench.mjs");
    const entries = (await readListFiles([SDN])).flatMap((p) => p.entries);
    const index = buildIndex(entries);
    const listed = listedNames(entries);
    const sample = entries.filter((_, i) => i % SAMPLE_EVERY === 0);
    expect(sample.length).toBeGreaterThan(2500);
    const counts: Record<string, { all: number; found: number; tied: number; missed: number }> = {};
    const notFirst: string[] = [];
    for (const entry of sample) {
      for (const [kind, name] of Object.entries(queryVariants(entry, listed) as Record<string, string>)) {
        counts[kind] ??= { all: 0, found: 0, tied: 0, missed: 0 };
        const result: "found" | "tied" | "missed" = outcome(
          screen(index, { name }, { limit: 20 }),
          entry,
          name,
        );
        counts[kind].all++;
        counts[kind][result]++;
        if (result === "missed") notFirst.push(`${kind}: ${name} (${entry.caption})`);
      }
    }
    expect(Object.keys(counts).sort()).toEqual(["legalForm", "reordered", "typo"]);
    expect(notFirst).toEqual([]);
    for (const { all, found, tied } of Object.values(counts)) {
      expect(found + tied).toBe(all);
      expect(tied / all).toBeLessThanOrEqual(TOLERATED_TIES);
    }
  });
});
