// A bounded fuzzing pass over extraction: random text, and sentences built from the words the rules
// and the learned model react to. Extraction never throws, ends promptly, and every span it returns
// quotes the text exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractText, loadLearnedModel } from "../../src/extract/index.js";
import { normaliseText } from "../../src/model/index.js";

const WORDS = [
  "Omega Trading LLC",
  "Sigma OOO",
  "Mr. Ivan Petrov",
  "supplied",
  "shipped",
  "owns",
  "director of",
  "visited",
  "Moscow",
  "in March 2023",
  "on 12 May 2024",
  "USD 4.5 million",
  "according to",
  "allegedly",
  "not",
  "(",
  ")",
  ",",
  ".",
  "\n\n",
  "\u201c",
  "\u201d",
  "-",
  "50%",
  "via",
  "and",
  "its subsidiary",
  "Ltd.",
  "Inc",
  "\u00e9",
  "\t",
];

const sentences = fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }).map((words) => words.join(" "));
const learned = loadLearnedModel(undefined);

describe("extraction under fuzzing", () => {
  it("random and rule-shaped text: no throw, and every quoted span is exact", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: "binary", maxLength: 200 }), sentences),
        fc.boolean(),
        (raw, useModel) => {
          const text = normaliseText(raw);
          const extraction = extractText(text, {
            sourceId: "src_fuzz",
            published: "2024-06-01",
            gazetteer: undefined,
            learned: useModel ? learned : undefined,
          });
          for (const mention of extraction.mentions) {
            expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          }
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  }, 120_000);
});
