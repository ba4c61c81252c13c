// Screening stage: reads list entries (from src/lists) and names, writes nothing itself; finds and
// explains matches. Public: normaliseName, compareNames, buildIndex, screen, ALGORITHMS.
import { normaliseName } from "./normalise.js";
import { compareNormalised } from "./similarity.js";

export type { NameToken, NormalisedName, TokenKind } from "./normalise.js";
export { normaliseName } from "./normalise.js";
export type { NameComparison, NameConfig, TokenPair } from "./similarity.js";

/** Similarity in [0, 1] of two names of the given FtM schema (what `skein compare-names` prints). */
export function compareNames(a: string, b: string, schema?: string): number {
  return compareNormalised(normaliseName(a, schema), normaliseName(b, schema)).score;
}
export {
  type CsvTable,
  formatCsvRow,
  formatCsvTable,
  parseCsvTable,
  requireColumn,
  scoreNamePairs,
} from "./name-pairs.js";
