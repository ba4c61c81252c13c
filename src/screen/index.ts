// Screening stage: reads list entries (from src/lists) and names; writes nothing itself. Finds list
// entries for names through an in-memory index and scores them with named, versioned algorithms whose
// features explain every hit. Public: normaliseName, compareNames, buildIndex, screen, ALGORITHMS,
// plus the CSV helpers of `skein compare-names` and `skein screen`.
import type { ListEntry } from "../model/index.js";
import { normaliseName } from "./normalise.js";
import { type IndexOptions, ScreeningIndex } from "./screening-index.js";
import { compareNormalised } from "./similarity.js";

export {
  ALGORITHMS,
  type Algorithm,
  type AlgorithmConfig,
  type ConfigVariable,
  configOf,
  DEFAULT_ALGORITHM,
  findAlgorithm,
  type WeightedFeature,
} from "./algorithms.js";
export type { EntryName, Feature, FeatureInput, FeatureResult, PreparedQuery } from "./feature.js";
export { indexCacheDir, indexCacheKey, readCachedIndex, writeCachedIndex } from "./index-cache.js";
export { LEGAL_FORMS } from "./legal-forms.js";
export {
  type CsvTable,
  formatCsvRow,
  formatCsvTable,
  parseCsvTable,
  requireColumn,
  scoreNamePairs,
} from "./name-pairs.js";
export type { NameToken, NormalisedName, TokenKind } from "./normalise.js";
export { normaliseName } from "./normalise.js";
export {
  prepareQuery,
  type ScreenOptions,
  type ScreenQuery,
  type ScreenResult,
  screen,
  screenPrepared,
} from "./screen.js";
export type { IndexOptions, ScreeningIndex } from "./screening-index.js";
export {
  compareNormalised,
  NAME_DEFAULTS,
  type NameComparison,
  type NameConfig,
  plainEditDistance,
  type TokenPair,
} from "./similarity.js";

/** Similarity in [0, 1] of two names of the given FtM schema (what `skein compare-names` prints). */
export function compareNames(a: string, b: string, schema?: string): number {
  return compareNormalised(normaliseName(a, schema), normaliseName(b, schema)).score;
}

/** Builds the in-memory candidate index over list entries (all names, strong and weak). */
export function buildIndex(entries: ListEntry[], options: Partial<IndexOptions> = {}): ScreeningIndex {
  return new ScreeningIndex(entries, options);
}
