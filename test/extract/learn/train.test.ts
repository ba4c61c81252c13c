// Training: labels read from the gold evidence, and the same corpus and config give the same weights
// file byte for byte (fixed seed, fixed example order).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CLASSES,
  type PreparedDocument,
  prepareDocument,
  readCorpus,
  serialiseModel,
  TRAINING_DEFAULTS,
  trainLearnedModel,
} from "../../../src/extract/index.js";
import { REPO_ROOT } from "../../helpers/shared.js";

const corpus = readCorpus(join(REPO_ROOT, "data/annotated"));
const small = {
  ...TRAINING_DEFAULTS,
  buckets: 1 << 14,
  epochs: 2,
  decodingFolds: 2,
  thresholds: [0.3, 0.5],
  secondThresholds: [0.6, 1.01],
};

const labelled = (p: PreparedDocument, first: string, second: string): string[] => {
  const found: string[] = [];
  p.pairs.forEach((pair, i) => {
    const names = [p.analysis.entities[pair.first].caption, p.analysis.entities[pair.second].caption];
    if (names[0] === first && names[1] === second) for (const c of p.labels[i] ?? []) found.push(CLASSES[c]);
  });
  return found;
};

describe("prepareDocument", () => {
  it("labels a pair with the gold relation whose evidence is in its sentence, in its direction", () => {
    const text =
      "Kestrel Trading Ltd supplied engines to Orlan Avia LLC. Orlan Avia LLC is a Minsk-based firm.";
    const p = prepareDocument(
      {
        id: "t",
        genre: "news",
        invented: true,
        provenance: { origin: "invented", licence: "CC0-1.0", annotators: ["a"], notes: "" },
        source: { title: null, publisher: null, date: null, url: null, kind: "news" },
        text,
        entities: [
          {
            id: "e1",
            name: "Kestrel Trading Ltd",
            aliases: [],
            type: "Company",
            country: null,
            sanctioned_per_text: null,
          },
          {
            id: "e2",
            name: "Orlan Avia LLC",
            aliases: [],
            type: "Company",
            country: null,
            sanctioned_per_text: null,
          },
          { id: "e3", name: "Minsk", aliases: [], type: "Place", country: "by", sanctioned_per_text: null },
        ],
        relations: [
          {
            source: "e1",
            target: "e2",
            type: "supplies",
            date: null,
            evidence: "Kestrel Trading Ltd supplied engines to Orlan Avia LLC",
            certainty: "stated",
          },
          {
            source: "e2",
            target: "e3",
            type: "located_in",
            date: null,
            evidence: "Orlan Avia LLC is a Minsk-based firm",
            certainty: "stated",
          },
        ],
      },
      small.buckets,
    );
    expect(labelled(p, "Kestrel Trading Ltd", "Orlan Avia LLC")).toEqual(["supplies>"]);
    expect(labelled(p, "Orlan Avia LLC", "Minsk")).toEqual(["located_in>"]);
    expect(p.toGold.filter((g) => g !== undefined).length).toBe(3);
  });
});

describe("trainLearnedModel", () => {
  it("gives the same weights file twice from the same documents", () => {
    const documents = corpus.documents.filter((_, i) => i % 12 === 0);
    const run = (): string =>
      serialiseModel(
        trainLearnedModel(
          documents.map((d) => prepareDocument(d, small.buckets)),
          small,
        ),
      );
    const first = run();
    expect(run()).toBe(first);
    expect(JSON.parse(first).relations.decoding.threshold).toBeGreaterThan(0);
  });
});
