// Name similarity: tokens aligned across two names (typos, transliteration variants, joined and split
// words, reordering), then combined into one score in [0, 1] with a trace of what met what.
// The weighted edit distance follows Damerau–Levenshtein with cheaper costs for the variations that
// transliteration produces (vowels, doubled letters, silent h, voiced/unvoiced pairs).
import type { NameToken, NormalisedName } from "./normalise.js";

/** Tuning of the name comparison; copied and frozen into each algorithm version. */
export interface NameConfig {
  /** Steepness of word similarity as the edit distance d grows: exp(-k·(d / (base + perChar·length))²). */
  editSteepness: number;
  /** Edits every word may carry regardless of its length. */
  editBase: number;
  /** Edits allowed per letter of the longer word. */
  editPerChar: number;
  /** Similarity of an initial to a word starting with that letter ("J." and "John"). */
  initialMatch: number;
  /** Similarity of two different numbers ("Fund IV" and "Fund V"). */
  numberMismatch: number;
  /** Factor for each word of the shorter name that found no counterpart. */
  missingPenalty: number;
  /** Factor per unit of weight of each extra word in the longer name of a person. */
  extraPersonPenalty: number;
  /** Factor per unit of weight of each extra word in the longer name of an organisation or craft. */
  extraOtherPenalty: number;
  /** Factor when both names carry legal forms and none agree (AG and GmbH). */
  legalFormMismatch: number;
}

/** The default name-comparison tuning. */
export const NAME_DEFAULTS: Readonly<NameConfig> = Object.freeze({
  editSteepness: 1,
  editBase: 1.5,
  editPerChar: 0.15,
  initialMatch: 0.9,
  numberMismatch: 0.5,
  missingPenalty: 0.8,
  extraPersonPenalty: 0.92,
  extraOtherPenalty: 0.75,
  legalFormMismatch: 0.7,
});

/** Two aligned parts of the names, with their similarity. */
export interface TokenPair {
  query: string;
  candidate: string;
  score: number;
}

/** The outcome of comparing two names. */
export interface NameComparison {
  score: number;
  pairs: TokenPair[];
  /** Words of the first name without a counterpart. */
  queryOnly: string[];
  /** Words of the second name without a counterpart. */
  candidateOnly: string[];
  /** Legal forms compared, when both names have some. */
  legalForms: string | null;
}

const VOWELS = new Set("aeiouy");
const GROUPS = ["bp", "dt", "gkcq", "szcx", "vwf", "jyi", "mn", "lr"];
const GROUP_OF = new Map<string, string[]>();
for (const group of GROUPS)
  for (const char of group) GROUP_OF.set(char, [...(GROUP_OF.get(char) ?? []), group]);
const FLOOR = 0.05;
const MIN_PAIR = 0.45;
const MAX_SPAN = 3;
const MAX_ALIGN_TOKENS = 12;
const ACRONYM_MATCH = 0.9;

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (VOWELS.has(a) && VOWELS.has(b)) return 0.5;
  const groups = GROUP_OF.get(a);
  if (groups?.some((g) => g.includes(b))) return 0.6;
  return 1;
}

/** Cost of inserting or deleting s[i]: cheap for a doubled letter or an h after a consonant. */
function indelCost(s: string, i: number): number {
  const c = s[i];
  if (c === s[i - 1] || c === s[i + 1]) return 0.4;
  if (c === "h" && i > 0 && !VOWELS.has(s[i - 1])) return 0.5;
  if (VOWELS.has(c)) return 0.8;
  return 1;
}

let rowA = new Float64Array(64);
let rowB = new Float64Array(64);
let rowC = new Float64Array(64);

/** Weighted optimal-string-alignment distance between two words. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (m + 1 > rowA.length) {
    rowA = new Float64Array(m + 1);
    rowB = new Float64Array(m + 1);
    rowC = new Float64Array(m + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + indelCost(b, j - 1);
  for (let i = 1; i <= n; i++) {
    cur[0] = prev[0] + indelCost(a, i - 1);
    const ca = a[i - 1];
    const del = indelCost(a, i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b[j - 1];
      let best = prev[j - 1] + substitutionCost(ca, cb);
      const d = prev[j] + del;
      if (d < best) best = d;
      const ins = cur[j - 1] + indelCost(b, j - 1);
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb) {
        const t = prev2[j - 2] + 0.6;
        if (t < best) best = t;
      }
      cur[j] = best;
    }
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[m];
}

/** Consonant skeleton of a word, for names transliterated from an abjad. */
function skeleton(word: string): string {
  return word.replace(/[aeiouwy]/g, "").replace(/(.)\1+/g, "$1");
}

/** Similarity of two words from their weighted edit distance, relative to the edits their length allows. */
export function wordSimilarity(a: string, b: string, config: NameConfig): number {
  if (a === b) return 1;
  const length = Math.max(a.length, b.length);
  const ratio = editDistance(a, b) / (config.editBase + config.editPerChar * length);
  return Math.exp(-config.editSteepness * ratio * ratio);
}

const pairCache = new Map<string, number>();
const configKeys = new WeakMap<NameConfig, string>();

/** A short key for a configuration, so cached word similarities never cross configurations. */
function configKey(config: NameConfig): string {
  let key = configKeys.get(config);
  if (key === undefined) {
    key = `${config.editSteepness}/${config.editBase}/${config.editPerChar}`;
    configKeys.set(config, key);
  }
  return key;
}
const CACHE_LIMIT = 200_000;

function cachedWordSimilarity(a: string, b: string, abjad: boolean, config: NameConfig): number {
  const key = `${a}\u0000${b}\u0000${abjad ? 1 : 0}\u0000${configKey(config)}`;
  const hit = pairCache.get(key);
  if (hit !== undefined) return hit;
  let score = wordSimilarity(a, b, config);
  if (abjad && score < 1) {
    const sa = skeleton(a);
    const sb = skeleton(b);
    if (sa.length > 0 && sb.length > 0) score = Math.max(score, 0.9 * wordSimilarity(sa, sb, config));
  }
  if (pairCache.size >= CACHE_LIMIT) pairCache.clear();
  pairCache.set(key, score);
  return score;
}

/** Similarity of two tokens, by kind: words by edit distance, initials by first letter, numbers exactly. */
function tokenSimilarity(
  a: NameToken,
  b: NameToken,
  person: boolean,
  abjad: boolean,
  config: NameConfig,
): number {
  if (a.kind === "number" || b.kind === "number") {
    if (a.kind !== b.kind) return 0;
    return a.text === b.text ? 1 : config.numberMismatch;
  }
  if (a.kind === "initial" || b.kind === "initial") {
    if (a.text === b.text) return 1;
    if (!person) return 0;
    return a.text[0] === b.text[0] ? config.initialMatch : 0;
  }
  if (a.country && b.country && a.text !== b.text) return 0;
  return cachedWordSimilarity(a.text, b.text, abjad, config);
}

interface Candidate {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  score: number;
}

function spanToken(tokens: NameToken[], start: number, end: number): NameToken | null {
  if (end - start === 1) return tokens[start];
  let text = "";
  for (let i = start; i < end; i++) {
    if (tokens[i].kind === "number") return null;
    text += tokens[i].text;
  }
  return { text, kind: "word", weight: 1, country: false };
}

/** Greedy alignment of the two token lists; spans of up to three adjacent words may meet one word. */
function align(
  a: NameToken[],
  b: NameToken[],
  person: boolean,
  abjad: boolean,
  config: NameConfig,
): Candidate[] {
  const candidates: Candidate[] = [];
  const spans = a.length <= MAX_ALIGN_TOKENS && b.length <= MAX_ALIGN_TOKENS ? MAX_SPAN : 1;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const score = tokenSimilarity(a[i], b[j], person, abjad, config);
      if (score >= MIN_PAIR) candidates.push({ a0: i, a1: i + 1, b0: j, b1: j + 1, score });
    }
  }
  for (let len = 2; len <= spans; len++) {
    for (let i = 0; i + len <= a.length; i++) {
      const merged = spanToken(a, i, i + len);
      if (!merged) continue;
      for (let j = 0; j < b.length; j++) {
        if (b[j].kind !== "word") continue;
        const score = cachedWordSimilarity(merged.text, b[j].text, abjad, config);
        if (score >= MIN_PAIR) candidates.push({ a0: i, a1: i + len, b0: j, b1: j + 1, score });
      }
    }
    for (let j = 0; j + len <= b.length; j++) {
      const merged = spanToken(b, j, j + len);
      if (!merged) continue;
      for (let i = 0; i < a.length; i++) {
        if (a[i].kind !== "word") continue;
        const score = cachedWordSimilarity(a[i].text, merged.text, abjad, config);
        if (score >= MIN_PAIR) candidates.push({ a0: i, a1: i + 1, b0: j, b1: j + len, score });
      }
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.a1 - x.a0 + x.b1 - x.b0 - (y.a1 - y.a0 + y.b1 - y.b0));
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.a0; i < c.a1 && free; i++) if (usedA[i]) free = false;
    for (let j = c.b0; j < c.b1 && free; j++) if (usedB[j]) free = false;
    if (!free) continue;
    for (let i = c.a0; i < c.a1; i++) usedA[i] = 1;
    for (let j = c.b0; j < c.b1; j++) usedB[j] = 1;
    chosen.push(c);
  }
  return chosen;
}

function textOf(tokens: NameToken[], start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((t) => t.text)
    .join(" ");
}

/** Scores two token lists (Latin or native script) of names of the given kind. */
function compareTokens(
  a: NameToken[],
  b: NameToken[],
  person: boolean,
  abjad: boolean,
  config: NameConfig,
): Omit<NameComparison, "legalForms"> {
  if (a.length === 0 || b.length === 0) return { score: 0, pairs: [], queryOnly: [], candidateOnly: [] };
  const chosen = align(a, b, person, abjad, config);
  const scoreA = new Float64Array(a.length);
  const scoreB = new Float64Array(b.length);
  const pairs: TokenPair[] = [];
  for (const c of chosen) {
    for (let i = c.a0; i < c.a1; i++) scoreA[i] = c.score;
    for (let j = c.b0; j < c.b1; j++) scoreB[j] = c.score;
    pairs.push({ query: textOf(a, c.a0, c.a1), candidate: textOf(b, c.b0, c.b1), score: c.score });
  }
  const weightA = a.reduce((sum, t) => sum + t.weight, 0);
  const weightB = b.reduce((sum, t) => sum + t.weight, 0);
  const aIsShort = weightA <= weightB;
  const [short, shortScores, shortWeight] = aIsShort ? [a, scoreA, weightA] : [b, scoreB, weightB];
  const [long, longScores] = aIsShort ? [b, scoreB] : [a, scoreA];
  let logSum = 0;
  let factor = 1;
  for (let i = 0; i < short.length; i++) {
    const s = Math.max(shortScores[i], FLOOR);
    logSum += short[i].weight * Math.log(s);
    if (shortScores[i] === 0 && short[i].kind !== "particle") factor *= config.missingPenalty;
  }
  const extraPenalty = person ? config.extraPersonPenalty : config.extraOtherPenalty;
  for (let j = 0; j < long.length; j++) {
    if (longScores[j] > 0) continue;
    factor *= extraPenalty ** (long[j].weight * (long[j].country ? 2 : 1));
  }
  const score = Math.exp(logSum / shortWeight) * factor;
  const queryOnly = a.filter((_, i) => scoreA[i] === 0).map((t) => t.text);
  const candidateOnly = b.filter((_, j) => scoreB[j] === 0).map((t) => t.text);
  return { score, pairs, queryOnly, candidateOnly };
}

/** Similarity when `short` is one word spelling the initials of the words of `long` ("PLA"). */
function acronymScore(short: NormalisedName, long: NormalisedName): number {
  if (short.tokens.length !== 1 || long.tokens.length < 2) return 0;
  const word = short.tokens[0].text;
  if (word.length < 2 || word.length > 8) return 0;
  let initials = "";
  for (const token of long.tokens) if (token.kind !== "particle") initials += token.text[0];
  return initials === word ? ACRONYM_MATCH : 0;
}

/** Compares two normalised names: aligned tokens, legal forms, joined-word and same-script checks. */
export function compareNormalised(
  a: NormalisedName,
  b: NormalisedName,
  config: NameConfig = NAME_DEFAULTS,
): NameComparison {
  const person = a.schema === "Person" || b.schema === "Person";
  const abjad = a.abjad || b.abjad;
  const result = compareTokens(a.tokens, b.tokens, person, abjad, config);
  let score = result.score;
  let legalForms: string | null = null;
  if (a.legalForms.length > 0 && b.legalForms.length > 0) {
    const shared = a.legalForms.some((f) => b.legalForms.includes(f));
    legalForms = `${a.legalForms.join("/")} ~ ${b.legalForms.join("/")}`;
    if (!shared && !(a.genericFormsOnly && b.genericFormsOnly)) score *= config.legalFormMismatch;
  }
  // Written together or apart ("SiemensAG", "Siemens AG"): the same letters in the same order.
  if (a.compact.length > 0 && a.compact === b.compact) score = Math.max(score, 1);
  if (!person) score = Math.max(score, acronymScore(a, b), acronymScore(b, a));
  if (a.script !== null && a.script === b.script && a.nativeTokens && b.nativeTokens) {
    const native = compareTokens(a.nativeTokens, b.nativeTokens, person, false, config);
    score = Math.min(score, native.score);
  }
  return { ...result, score: Math.min(1, Math.max(0, score)), legalForms };
}
