// The development set in ../shared/eval, scored with the shared scorer: the targets of issue 4 (macro
// entity F1 ≥ 0.90, relation pair F1 ≥ 0.70), and a robustness run over the unlabelled Treasury corpus.
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { extractText, toContractDocument } from "../../src/extract/index.js";
import { normaliseText } from "../../src/model/index.js";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";

interface F1 {
  f1: number;
}

describe.skipIf(!HAS_SHARED)("development set (../shared/eval)", () => {
  it("meets macro entity F1 ≥ 0.90 and relation pair F1 ≥ 0.70", async () => {
    const { score } = (await import(pathToFileURL(sharedPath("tools/score-extraction.mjs")).href)) as {
      score(gold: unknown, predicted: unknown): { entities: F1; relationsPair: F1 };
    };
    const files = readdirSync(sharedPath("eval")).filter((f) => f.endsWith(".gold.json"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const scores = files.map((file) => {
      const gold = JSON.parse(readFileSync(sharedPath("eval", file), "utf8"));
      const extraction = extractText(gold.text, {
        sourceId: file,
        published: gold.source.date,
        gazetteer: undefined,
        learned: undefined,
      });
      for (const c of extraction.claims)
        expect(gold.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
      return score(gold, toContractDocument(extraction));
    });
    const mean = (pick: (s: (typeof scores)[number]) => F1) =>
      scores.reduce((n, s) => n + pick(s).f1, 0) / scores.length;
    expect(mean((s) => s.entities)).toBeGreaterThanOrEqual(0.9);
    expect(mean((s) => s.relationsPair)).toBeGreaterThanOrEqual(0.7);
  });
});

describe.skipIf(!HAS_SHARED)("robustness on the Treasury corpus (../shared/corpus)", () => {
  it("extracts every release without error or hang, with exact evidence spans", () => {
    const dir = sharedPath("corpus/treasury-press-releases");
    let slowest = 0;
    for (const file of readdirSync(dir)) {
      const text = normaliseText(readFileSync(`${dir}/${file}`, "utf8"));
      const started = performance.now();
      const x = extractText(text, {
        sourceId: file,
        published: null,
        gazetteer: undefined,
        learned: undefined,
      });
      slowest = Math.max(slowest, performance.now() - started);
      for (const c of x.claims) {
        if (text.slice(c.evidence.start, c.evidence.end) !== c.evidence.quote)
          throw new Error(`${file}: evidence span`);
      }
      for (const m of x.mentions)
        if (text.slice(m.start, m.end) !== m.text) throw new Error(`${file}: mention span`);
    }
    expect(slowest).toBeLessThan(5000);
  }, 180_000);
});
