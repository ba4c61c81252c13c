// Every entry of a deterministic sample of the 2024-05 OFAC SDN (every fifth entry), queried by its
// primary name with one typo, with its words reordered, and with its legal form written another way,
// is found first (no other entry scores higher). Variants are made as bench/screen.bench.mjs makes them.
import { describe, expect, it } from "vitest";
import { readListFiles } from "../../src/lists/index.js";
import { buildIndex, screen } from "../../src/screen/index.js";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";

const SDN = sharedPath("data/ofac-sdn-csv-2024-05/sdn.csv");
const SAMPLE_EVERY = 5;
/** Share of variants allowed to miss: short codes where one changed letter spells another listed code. */
const TOLERATED_MISSES = 0.01;

describe.skipIf(!HAS_SHARED)("finding SDN entries by changed names (needs ../shared)", () => {
  it("finds each sampled entry first by a typo, a reordering and another legal form", async () => {
    // @ts-expect-error: a plain ESM script without type declarations
    const { foundFirst, listedNames, queryVariants } = await import("../../bench/screen.bench.mjs");
    const entries = (await readListFiles([SDN])).flatMap((p) => p.entries);
    const index = buildIndex(entries);
    const listed = listedNames(entries);
    const sample = entries.filter((_, i) => i % SAMPLE_EVERY === 0);
    expect(sample.length).toBeGreaterThan(2500);
    const counts: Record<string, { found: number; all: number }> = {};
    const missed: string[] = [];
    for (const entry of sample) {
      for (const [kind, name] of Object.entries(queryVariants(entry, listed) as Record<string, string>)) {
        counts[kind] ??= { found: 0, all: 0 };
        counts[kind].all++;
        if (foundFirst(screen(index, { name }, { limit: 20 }), entry)) counts[kind].found++;
        else missed.push(`${kind}: ${name} (${entry.caption})`);
      }
    }
    expect(Object.keys(counts).sort()).toEqual(["legalForm", "reordered", "typo"]);
    for (const { found, all } of Object.values(counts))
      expect(found / all).toBeGreaterThanOrEqual(1 - TOLERATED_MISSES);
    const total = Object.values(counts).reduce((sum, c) => sum + c.all, 0);
    expect(missed.length / total, missed.slice(0, 20).join("\n")).toBeLessThan(TOLERATED_MISSES);
  });
});
