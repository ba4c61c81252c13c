// Sentence splitting: abbreviations and initials do not end a sentence; headings and record fields are told apart.
import { describe, expect, it } from "vitest";
import { MAX_SENTENCE_CHARS, splitSentences } from "../../src/extract/sentences.js";

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it.each([
    [
      "Acme Co., Ltd. (Acme) ships parts. It is based in Xiamen.",
      ["Acme Co., Ltd. (Acme) ships parts.", "It is based in Xiamen."],
    ],
    [
      "said Under Secretary Jane Q. Public. Next sentence here.",
      ["said Under Secretary Jane Q. Public.", "Next sentence here."],
    ],
    ["The U.S. Department acted. E.O. 14024 applies.", ["The U.S. Department acted.", "E.O. 14024 applies."]],
    ["One line\nSecond line.", ["One line", "Second line."]],
  ])("%s", (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it("reads a front-matter block as headings and ends it at its closing line", () => {
    const text =
      '---\ntitle: "Treasury Targets Orlan Avia and Kestrel Trading Networks"\ndate: 2026-01-16\n---\nOrlan Avia LLC ships parts. Kestrel acts.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.heading)).toEqual([true, true, false, false]);
    expect(texts(text).slice(2)).toEqual(["Orlan Avia LLC ships parts.", "Kestrel acts."]);
    expect(texts("---\nOrlan Avia LLC ships parts.")).toEqual(["---", "Orlan Avia LLC ships parts."]);
  });

  it("marks short unpunctuated lines as headings but not record fields", () => {
    const text = "RUSSIA-BASED SUPPLIERS\nSeller: Acme Trading FZE\nAcme ships parts.";
    expect(splitSentences(text).map((s) => s.heading)).toEqual([true, false, false]);
  });

  it("marks long title-case lines as headings", () => {
    const text =
      "Treasury Sanctions Network Supplying Engines to Drone Makers for Their War Effort Against Neighbouring States Today\nBody.";
    expect(splitSentences(text)[0].heading).toBe(true);
  });

  it("cuts a run with no sentence break at a space before MAX_SENTENCE_CHARS, offsets exact", () => {
    const text = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(" ");
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(s.start, s.end)).toMatch(/^word\d+( word\d+)*$/);
    }
    expect(sentences.map((s) => text.slice(s.start, s.end)).join(" ")).toBe(text);
  });
});
