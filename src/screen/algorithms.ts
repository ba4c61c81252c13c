// Screening algorithms: named, versioned lists of weighted features plus typed config variables, so a
// stored match can be reproduced by its algorithm's name (after nomenklatura's logic-v1/logic-v2).
import { SkeinError } from "../model/index.js";
import type { Feature } from "./feature.js";
import { birthDateMismatch } from "./features/birth-date-mismatch.js";
import { birthYearDisjoint } from "./features/birth-year-disjoint.js";
import { countryMismatch } from "./features/country-mismatch.js";
import { identifierMatch } from "./features/identifier-match.js";
import { nameMatch } from "./features/name-match.js";
import { schemaMismatch } from "./features/schema-mismatch.js";
import { weakAliasMatch } from "./features/weak-alias-match.js";
import { NAME_RULES, type NameRule } from "./name-rules.js";
import { NAME_DEFAULTS, type NameConfig } from "./similarity.js";

/** A named setting of an algorithm, with its type, meaning and default. */
export interface ConfigVariable {
  type: "number" | "integer";
  description: string;
  default: number;
}

/** A feature and its weight in an algorithm; qualifiers carry negative weights. */
export interface WeightedFeature {
  feature: Feature;
  weight: number;
}

/** A screening algorithm: main features find the match (the best weighted one counts), qualifiers adjust it. */
export interface Algorithm {
  name: string;
  description: string;
  features: readonly WeightedFeature[];
  /** The rules of its name comparison beyond edit distance, each named in explanations. */
  nameRules: readonly NameRule[];
  config: Readonly<Record<string, ConfigVariable>>;
}

/** The settings of an algorithm run: its config variables with values. */
export type AlgorithmConfig = Readonly<Record<string, number>>;

const NAME_VARIABLES: Record<keyof NameConfig, string> = {
  editSteepness: "steepness of word similarity as edits grow",
  editBase: "edits every word may carry regardless of length",
  editPerChar: "edits allowed per letter of the longer word",
  initialMatch: "similarity of an initial to a word starting with that letter",
  numberMismatch: "similarity of two different numbers in names",
  missingPenalty: "factor for each word of the shorter name left without a counterpart",
  extraPersonPenalty: "factor per extra word in the longer name of a person",
  extraOtherPenalty: "factor per extra word in the longer name of an organisation or craft",
  legalFormMismatch: "factor when both names have legal forms and none agree",
  nameEquivalent: "similarity of two forms of one given name (nickname, another script's spelling)",
  distinctNames: "factor for names with two different names the tables know, a few letters apart",
  numbersDisagree: "factor for organisation or craft names whose numbers disagree",
  distinctiveWordDiffers: "factor for organisation names whose distinctive words differ",
};

/**
 * Name similarity with weak aliases and identifiers, four qualifiers. Version 2 compared codes by plain
 * edits, letters written apart, short acronyms and misspelt legal forms, and took a name with a legal
 * form for an organisation's. Version 3 reads names across scripts (Korean, Japanese, Arabic name
 * elements, given-name equivalents) and guards against namesakes (NAME_RULES).
 */
const SKEIN_V3: Algorithm = Object.freeze({
  name: "skein-v3",
  description:
    "Token-aligned name similarity (typos, transliteration, order, legal forms, codes, name equivalents, " +
    "Korean and Japanese readings) with namesake guards and identifier agreement; " +
    "penalties for schema, country and birth-date disagreement.",
  features: Object.freeze([
    { feature: nameMatch, weight: 1 },
    { feature: weakAliasMatch, weight: 0.8 },
    { feature: identifierMatch, weight: 0.95 },
    { feature: schemaMismatch, weight: -0.4 },
    { feature: countryMismatch, weight: -0.1 },
    { feature: birthYearDisjoint, weight: -0.15 },
    { feature: birthDateMismatch, weight: -0.05 },
  ]),
  nameRules: NAME_RULES,
  config: Object.freeze({
    threshold: { type: "number", description: "score at or above which a result is a match", default: 0.7 },
    cutoff: { type: "number", description: "lowest score returned as a result", default: 0.5 },
    candidates: {
      type: "integer",
      description: "names taken from the index per query for full scoring",
      default: 15,
    },
    ...Object.fromEntries(
      Object.entries(NAME_VARIABLES).map(([key, description]) => [
        key,
        { type: "number", description, default: NAME_DEFAULTS[key as keyof NameConfig] },
      ]),
    ),
  }) as Record<string, ConfigVariable>,
});

/**
 * Every screening algorithm, oldest first; the last is the default. Released versions stay so stored
 * matches stay reproducible; skein-v1 and skein-v2 were revised into skein-v3 before Skein's first release.
 */
export const ALGORITHMS: readonly Algorithm[] = Object.freeze([SKEIN_V3]);

/** The default algorithm's name. */
export const DEFAULT_ALGORITHM = ALGORITHMS[ALGORITHMS.length - 1].name;

/** Looks an algorithm up by name; an unknown name is SCREEN_UNKNOWN_ALGORITHM listing the known ones. */
export function findAlgorithm(name: string = DEFAULT_ALGORITHM): Algorithm {
  const algorithm = ALGORITHMS.find((a) => a.name === name);
  if (!algorithm) {
    throw new SkeinError(
      "SCREEN_UNKNOWN_ALGORITHM",
      `unknown screening algorithm "${name}"; known: ${ALGORITHMS.map((a) => a.name).join(", ")}`,
      { field: "algorithm", received: name },
    );
  }
  return algorithm;
}

/** The algorithm's config with `overrides` merged in, checked and frozen; a bad value is SCREEN_BAD_OPTION. */
export function configOf(
  algorithm: Algorithm,
  overrides: Record<string, number | undefined> = {},
): AlgorithmConfig {
  const config: Record<string, number> = {};
  for (const [key, variable] of Object.entries(algorithm.config)) {
    const value = overrides[key] ?? variable.default;
    const valid =
      Number.isFinite(value) && value >= 0 && (variable.type === "number" || Number.isInteger(value));
    if (!valid || (key === "threshold" && value > 1)) {
      throw new SkeinError(
        "SCREEN_BAD_OPTION",
        `${key} must be ${variable.type === "integer" ? "a whole number ≥ 0" : "a number ≥ 0"}${key === "threshold" ? " and ≤ 1" : ""}, e.g. ${variable.default}`,
        { field: key, received: String(overrides[key]) },
      );
    }
    config[key] = value;
  }
  return Object.freeze(config);
}

/** The name-comparison part of a config. */
export function nameConfigOf(config: AlgorithmConfig): NameConfig {
  const out = {} as Record<keyof NameConfig, number>;
  for (const key of Object.keys(NAME_VARIABLES) as Array<keyof NameConfig>) out[key] = config[key];
  return Object.freeze(out);
}
