// The shape of a screening feature and of what it is given: a prepared query and one list entry
// (after nomenklatura's matching features: a name, a doc, and a function returning a score and a detail).
import type { ListEntry, NameParts } from "../model/index.js";
import type { NormalisedName } from "./normalise.js";
import type { NameConfig } from "./similarity.js";

/** A query as the features see it: normalised names, country codes, birth years, identifiers. */
export interface PreparedQuery {
  name: string;
  schema: string | null;
  /** The name normalised for its schema. */
  normalised: NormalisedName;
  /** Without a schema, the name normalised as a person's too, for comparing it with persons. */
  asPerson: NormalisedName;
  countries: string[];
  birthDates: string[];
  identifiers: string[];
  /** The parts of a person's name by role, when the query gives them. */
  nameParts: NameParts | null;
}

/** A list entry's name as the index holds it. */
export interface EntryName {
  text: string;
  weak: boolean;
  normalised: NormalisedName;
}

/** Everything a feature may read about the candidate. */
export interface FeatureInput {
  query: PreparedQuery;
  entry: ListEntry;
  names: EntryName[];
  config: NameConfig;
  /** False while candidates are only being ranked: details may be left empty. */
  explain: boolean;
}

/** What a feature found: a score in [0, 1], a one-line detail, and the two values compared. */
export interface FeatureResult {
  score: number;
  detail: string;
  query: string | null;
  candidate: string | null;
}

/** A screening feature. Its doc comment is the explanation analysts read. */
export interface Feature {
  /** Stable name, saying when it fires (`countryMismatch`). */
  name: string;
  /** One sentence for analysts. */
  description: string;
  /** Main features find the match; qualifiers adjust it. */
  kind: "main" | "qualifier";
  compute(input: FeatureInput): FeatureResult;
}

/** The query name normalised the way the entry's names were (as a person's for a person). */
export function queryNameFor(query: PreparedQuery, entry: ListEntry): NormalisedName {
  return entry.schema === "Person" ? query.asPerson : query.normalised;
}

/** A result for a feature that does not fire; with an empty detail it stays out of the explanations. */
export function notCompared(detail: string): FeatureResult {
  return { score: 0, detail, query: null, candidate: null };
}
