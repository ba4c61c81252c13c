// Screening one query against an index: candidates from the index, each candidate entry scored by the
// algorithm's features (the best weighted main feature plus the qualifiers), explanations kept.
import { countryCode } from "../lists/index.js";
import type { FeatureExplanation, ListEntry, NameParts } from "../model/index.js";
import { type Algorithm, type AlgorithmConfig, configOf, findAlgorithm, nameConfigOf } from "./algorithms.js";
import type { EntryName, FeatureInput, PreparedQuery } from "./feature.js";
import { type NormalisedName, normaliseName } from "./normalise.js";
import type { ScreeningIndex } from "./screening-index.js";
import type { NameConfig } from "./similarity.js";

/** A name to screen, with what else is known about the party. */
export interface ScreenQuery {
  id?: string;
  name: string;
  /** FtM schema: Person, Company, Organization, LegalEntity, Vessel, Airplane. */
  schema?: string;
  /** Country name or ISO code. */
  country?: string;
  /** More countries, names or ISO codes. */
  countries?: string[];
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  birthDate?: string;
  identifiers?: string[];
  /** The parts of a person's name by role (FtM firstName, lastName …), compared role by role. */
  nameParts?: NameParts;
}

/** Options of `screen`. */
export interface ScreenOptions {
  /** Score at or above which a result is a match (default: the algorithm's, 0.7). */
  threshold?: number;
  /** Results returned at most (default 5). */
  limit?: number;
  /** Algorithm name (default: the newest in ALGORITHMS). */
  algorithm?: string;
  /** Values for the algorithm's other config variables. */
  config?: Record<string, number>;
}

/** One list entry found for a query. */
export interface ScreenResult {
  entry: ListEntry;
  score: number;
  /** True at or above the threshold. */
  match: boolean;
  /** The algorithm (name) that scored it, so the score can be reproduced. */
  algorithm: string;
  /** Per feature that fired or has something to say. */
  explanations: Record<string, FeatureExplanation>;
}

const SCREEN_DEFAULTS = Object.freeze({ limit: 5 });
/** Checked configurations by algorithm and options, so screening many names checks them once. */
const configs = new Map<string, AlgorithmConfig>();
const CONFIG_CACHE_LIMIT = 100;
/** Candidates sharing less than this share of the best candidate's retrieval weight are not scored. */
const RETRIEVAL_SHARE = 0.35;

/** The query as the features read it: normalised name, country codes, dates and identifiers. */
export function prepareQuery(query: ScreenQuery): PreparedQuery {
  const countries = new Set<string>();
  for (const raw of [query.country, ...(query.countries ?? [])]) {
    if (!raw) continue;
    const code = countryCode(raw) ?? (/^[a-z]{2}$/i.test(raw.trim()) ? raw.trim().toLowerCase() : null);
    if (code) countries.add(code);
  }
  const normalised = normaliseName(query.name, query.schema || undefined);
  let asPerson: NormalisedName | undefined = query.schema ? normalised : undefined;
  return {
    name: query.name,
    schema: query.schema || null,
    normalised,
    // Normalised as a person's only when a person is among the candidates.
    get asPerson() {
      asPerson ??= normaliseName(query.name, "Person");
      return asPerson;
    },
    countries: [...countries],
    birthDates: query.birthDate ? [query.birthDate] : [],
    identifiers: query.identifiers ?? [],
    nameParts: query.nameParts ?? null,
  };
}

/**
 * Scores one entry for a prepared query: the best weighted main feature plus the weighted qualifiers,
 * in [0, 1]. Without `explain` the features skip their details and no explanations are returned.
 */
export function scoreEntry(
  algorithm: Algorithm,
  nameConfig: NameConfig,
  query: PreparedQuery,
  entry: ListEntry,
  names: EntryName[],
  explain = true,
): { score: number; explanations: Record<string, FeatureExplanation> } {
  const input: FeatureInput = { query, entry, names, config: nameConfig, explain };
  const explanations: Record<string, FeatureExplanation> = {};
  let main = 0;
  let qualifiers = 0;
  for (const { feature, weight } of algorithm.features) {
    const result = feature.compute(input);
    if (explain && (result.score > 0 || result.detail)) {
      explanations[feature.name] = { score: round(result.score), weight, ...pick(result) };
    }
    if (feature.kind === "main") main = Math.max(main, result.score * weight);
    else qualifiers += result.score * weight;
  }
  return { score: round(Math.min(1, Math.max(0, main + (main > 0 ? qualifiers : 0)))), explanations };
}

function pick(result: { detail: string; query: string | null; candidate: string | null }) {
  return { detail: result.detail, query: result.query, candidate: result.candidate };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** Scores the index's candidates for one query and returns the best entries, highest score first. */
export function screenPrepared(
  index: ScreeningIndex,
  query: PreparedQuery,
  algorithm: Algorithm,
  config: AlgorithmConfig,
  limit: number,
): ScreenResult[] {
  const nameConfig = nameConfigOf(config);
  const seen = new Set<number>();
  const results: ScreenResult[] = [];
  const positions: number[] = [];
  // Without a schema the name may be a person's, whose reading keeps words taken for legal forms.
  const alsoAs = query.schema || query.normalised.legalForms.length === 0 ? undefined : query.asPerson;
  const candidates = index.candidates(query.normalised, config.candidates, alsoAs);
  const floor = (candidates[0]?.retrieval ?? 0) * RETRIEVAL_SHARE;
  for (const candidate of candidates) {
    if (candidate.retrieval < floor) break;
    const e = index.entryOf(candidate.nameId);
    if (seen.has(e)) continue;
    seen.add(e);
    const entry = index.entries[e];
    // Scores first; only the results returned are explained (the same features, run again with details).
    const { score } = scoreEntry(algorithm, nameConfig, query, entry, index.namesOf(e), false);
    if (score < config.cutoff) continue;
    results.push({
      entry,
      score,
      match: score >= config.threshold,
      algorithm: algorithm.name,
      explanations: {},
    });
    positions.push(e);
  }
  const order = results.map((_, i) => i);
  order.sort((x, y) => {
    const a = results[x];
    const b = results[y];
    return b.score - a.score || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0);
  });
  return order.slice(0, limit).map((i) => {
    const result = results[i];
    const names = index.namesOf(positions[i]);
    result.explanations = scoreEntry(algorithm, nameConfig, query, result.entry, names, true).explanations;
    return result;
  });
}

/** Screens one name against the index: the best list entries, highest score first, each with its explanation. */
export function screen(
  index: ScreeningIndex,
  query: ScreenQuery,
  options: ScreenOptions = {},
): ScreenResult[] {
  const algorithm = findAlgorithm(options.algorithm);
  const key = `${algorithm.name}\u0000${options.threshold}\u0000${options.config ? JSON.stringify(options.config) : ""}`;
  let config = configs.get(key);
  if (!config) {
    config = configOf(algorithm, { ...options.config, threshold: options.threshold });
    if (configs.size > CONFIG_CACHE_LIMIT) configs.clear();
    configs.set(key, config);
  }
  return screenPrepared(
    index,
    prepareQuery(query),
    algorithm,
    config,
    options.limit ?? SCREEN_DEFAULTS.limit,
  );
}
