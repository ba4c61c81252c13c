// Loading the learned model's weights (the I/O rim of relation-model.ts): the file shipped in
// data/models, or one a user names; read once per process. A missing or damaged file is an error that
// names it, never a quiet fall-back to the rules alone.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SkeinError } from "../../model/index.js";
import { LEARNED_MODEL_NAME, type LearnedModel, parseModel } from "./learned-model.js";

/** The weights file shipped with Skein: data/models/skein-extract-v1.json beside dist/. */
export const DEFAULT_WEIGHTS_FILE = join(
  resolve(dirname(fileURLToPath(import.meta.url)), "../../.."),
  "data/models",
  `${LEARNED_MODEL_NAME}.json`,
);

const loaded = new Map<string, LearnedModel>();

/** Reads a weights file (the shipped one when `file` is undefined). */
export function loadLearnedModel(file: string | undefined): LearnedModel {
  const path = resolve(file ?? DEFAULT_WEIGHTS_FILE);
  const cached = loaded.get(path);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new SkeinError(
      "EXTRACT_MODEL_MISSING",
      `extract: cannot read the learned model's weights ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { file: path },
      { cause: error },
    );
  }
  const model = parseModel(text, path);
  loaded.set(path, model);
  return model;
}
