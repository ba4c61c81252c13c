// The learned model's weights file: read back exactly as written, and refused with a clear error
// naming the file when it is missing, damaged or of another feature set.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_WEIGHTS_FILE,
  FEATURE_SET_VERSION,
  loadLearnedModel,
  parseModel,
  serialiseModel,
} from "../../../src/extract/index.js";

const dir = mkdtempSync(join(tmpdir(), "skein-model-"));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe("the shipped weights", () => {
  const model = loadLearnedModel(undefined);

  it("are of this feature set and were trained on the corpus", () => {
    expect(model.featureSet).toBe(FEATURE_SET_VERSION);
    expect(model.header.trainedOn.documents).toBeGreaterThanOrEqual(60);
    expect(model.header.trainedOn.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(model.relations.classes.length).toBe(30);
  });

  it("read back from their own serialisation unchanged", () => {
    const text = serialiseModel(model);
    const again = parseModel(text, "memory");
    expect(serialiseModel(again)).toBe(text);
    expect(again.relations.decoding).toEqual(model.relations.decoding);
  });
});

describe("a weights file that cannot be used", () => {
  const good = JSON.parse(serialiseModel(loadLearnedModel(undefined)));

  it.each([
    ["missing", () => join(dir, "nowhere.json"), "EXTRACT_MODEL_MISSING"],
    ["not JSON", () => write("text.json", "weights, honestly"), "EXTRACT_MODEL_CORRUPT"],
    [
      "without its header",
      () => write("bare.json", JSON.stringify({ relations: good.relations })),
      "EXTRACT_MODEL_CORRUPT",
    ],
    [
      "of another feature set",
      () => write("stale.json", JSON.stringify({ ...good, featureSet: "skein-features-v0" })),
      "EXTRACT_MODEL_STALE",
    ],
    [
      "with its weights cut short",
      () =>
        write(
          "cut.json",
          JSON.stringify({
            ...good,
            relations: { ...good.relations, values: good.relations.values.slice(0, 100) },
          }),
        ),
      "EXTRACT_MODEL_CORRUPT",
    ],
    [
      "without its decoding",
      () =>
        write(
          "nodecoding.json",
          JSON.stringify({ ...good, entities: { ...good.entities, decoding: undefined } }),
        ),
      "EXTRACT_MODEL_CORRUPT",
    ],
  ])("is refused when %s, naming the file", (_, make, code) => {
    const file = make();
    let caught: unknown;
    try {
      loadLearnedModel(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code });
    expect((caught as Error).message).toContain(file);
  });

  it("is never replaced by the rules in silence: the default file is where the package says", () => {
    expect(DEFAULT_WEIGHTS_FILE).toMatch(/data\/models\/skein-extract-v1\.json$/);
  });
});
