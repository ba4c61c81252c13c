// Name similarity: tokens aligned across two names (typos, transliteration variants, joined and split
// words, reordering), then combined into one score in [0, 1] with a trace of what met what.
// The weighted edit distance follows Damerau–Levenshtein with cheaper costs for the variations that
// transliteration produces (vowels, doubled letters, silent h, voiced/unvoiced pairs).
import { isKoreanSyllables, koreanKey, sameKoreanSurname } from "./korean.js";
import { type NameToken, type NormalisedName, skeletonOf } from "./normalise.js";
import { soundKeyOf, soundKeysAlike } from "./sounds.js";
import { GENERIC_WORDS } from "./vocabulary.js";

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
  /** Similarity of two forms of one given name (a nickname, another script's spelling: "Bill" and "William"). */
  nameEquivalent: number;
  /** Factor for two names with different known names a few letters apart ("Sokolov" and "Sobolev"). */
  distinctNames: number;
  /** Factor for two names whose numbers disagree ("Ocean Star 7" and "Ocean Star 8"). */
  numbersDisagree: number;
  /** Factor for two organisation names whose distinctive words differ ("BTL Industries", "BCL Industries"). */
  distinctiveWordDiffers: number;
}

/** The default name-comparison tuning. */
export const NAME_DEFAULTS: Readonly<NameConfig> = Object.freeze({
  editSteepness: 1,
  editBase: 1.5,
  editPerChar: 0.15,
  initialMatch: 0.9,
  numberMismatch: 0.5,
  missingPenalty: 0.8,
  extraPersonPenalty: 0.9,
  extraOtherPenalty: 0.75,
  legalFormMismatch: 0.65,
  nameEquivalent: 0.92,
  distinctNames: 0.72,
  numbersDisagree: 0.72,
  distinctiveWordDiffers: 0.72,
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
  /** The name rules that fired (see NAME_RULES), each with what it compared; empty without a trace. */
  rules: string[];
}

const VOWELS = "aeiouy";
const GROUPS = ["bp", "dt", "gkcq", "szcx", "vwf", "jyi", "mn", "lr"];
const FLOOR = 0.05;
const MIN_PAIR = 0.45;
const MAX_SPAN = 3;
const MAX_ALIGN_TOKENS = 12;
const ACRONYM_MATCH = 0.9;
/** Acronyms of this many letters or fewer spell many names: they score below a one-letter typo of one. */
const SHORT_ACRONYM = 3;
const SHORT_ACRONYM_MATCH = 0.75;
/** Schemata whose names are mostly codes (registrations, hull numbers). */
const CRAFT_SCHEMATA = new Set(["Vessel", "Airplane"]);
/** The cheapest insertion or deletion (a doubled letter), for a lower bound on the distance. */
const MIN_INDEL = 0.4;

/** Substitution costs between ASCII letters and digits: vowels for vowels and related consonants are cheap. */
const SUBSTITUTION = buildSubstitution();

function buildSubstitution(): Float32Array {
  const table = new Float32Array(128 * 128).fill(1);
  for (let c = 0; c < 128; c++) table[c * 128 + c] = 0;
  const set = (a: string, b: string, cost: number) => {
    const x = a.charCodeAt(0);
    const y = b.charCodeAt(0);
    if (table[x * 128 + y] > cost) {
      table[x * 128 + y] = cost;
      table[y * 128 + x] = cost;
    }
  };
  for (const a of VOWELS) for (const b of VOWELS) if (a !== b) set(a, b, 0.5);
  for (const group of GROUPS) for (const a of group) for (const b of group) if (a !== b) set(a, b, 0.6);
  return table;
}

/** Vowel flags by character code. */
const IS_VOWEL = new Uint8Array(128);
for (const vowel of VOWELS) IS_VOWEL[vowel.charCodeAt(0)] = 1;
const H = "h".charCodeAt(0);

/** Fills `into` with the cost of inserting or deleting each letter: cheap for a doubled letter or an h after a consonant. */
function fillIndelCosts(s: string, into: Float64Array): void {
  const n = s.length;
  let previous = -1;
  let c = n > 0 ? s.charCodeAt(0) : -1;
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
    if (c === previous || c === next) into[i] = MIN_INDEL;
    else if (c === H && previous >= 0 && previous < 128 && !IS_VOWEL[previous]) into[i] = 0.5;
    else if (c < 128 && IS_VOWEL[c]) into[i] = 0.8;
    else into[i] = 1;
    previous = c;
    c = next;
  }
}

let rowA = new Float64Array(64);
let rowB = new Float64Array(64);
let rowC = new Float64Array(64);
let indelA = new Float64Array(64);
let indelB = new Float64Array(64);

/**
 * Weighted optimal-string-alignment distance between two words (related-letter costs for ASCII). Once
 * every alignment costs more than `limit`, it stops and returns that lower bound instead.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.max(n, m) + 1 > rowA.length) {
    const size = Math.max(n, m) + 1;
    rowA = new Float64Array(size);
    rowB = new Float64Array(size);
    rowC = new Float64Array(size);
    indelA = new Float64Array(size);
    indelB = new Float64Array(size);
  }
  const ia = indelA;
  const ib = indelB;
  fillIndelCosts(a, ia);
  fillIndelCosts(b, ib);
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + ib[j - 1];
  let previousMin = 0;
  for (let i = 1; i <= n; i++) {
    const del = ia[i - 1];
    cur[0] = prev[0] + del;
    let rowMin = cur[0];
    const x = a.charCodeAt(i - 1);
    const row = x * 128;
    for (let j = 1; j <= m; j++) {
      const y = b.charCodeAt(j - 1);
      let best = prev[j - 1] + (x < 128 && y < 128 ? SUBSTITUTION[row + y] : x === y ? 0 : 1);
      const d = prev[j] + del;
      if (d < best) best = d;
      const ins = cur[j - 1] + ib[j - 1];
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && x === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === y) {
        const t = prev2[j - 2] + 0.6;
        if (t < best) best = t;
      }
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every alignment passes through this row or the one before (a transposition skips one row).
    const bound = Math.min(rowMin, previousMin);
    if (bound > limit) return bound;
    previousMin = rowMin;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[m];
}

let plainRows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Optimal-string-alignment distance with every edit costing one: letters of codes are not sounds. */
export function plainEditDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = b.length;
  if (m + 1 > plainRows[0].length) plainRows = plainRows.map(() => new Int32Array(2 * (m + 1)));
  let [prev2, prev, cur] = plainRows;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      let best = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, prev2[j - 2] + 1);
      cur[j] = best;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/** Whether two names are compared as codes: both written as one, and one of them has a digit or names a craft. */
function comparedAsCodes(a: NormalisedName, b: NormalisedName): boolean {
  if (a.code === null || b.code === null) return false;
  return (
    /\d/.test(a.code + b.code) || CRAFT_SCHEMATA.has(a.schema ?? "") || CRAFT_SCHEMATA.has(b.schema ?? "")
  );
}

/**
 * Similarity of two codes from their plain edit distance, relative to the edits the shorter allows
 * (so a code one letter longer is no nearer than one with a letter changed).
 */
function codeSimilarity(a: string, b: string, config: NameConfig): number {
  const allowance = config.editBase + config.editPerChar * Math.min(a.length, b.length);
  const ratio = plainEditDistance(a, b) / allowance;
  return Math.exp(-config.editSteepness * ratio * ratio);
}

/** Similarity of two words from their weighted edit distance, relative to the edits their length allows. */
export function wordSimilarity(a: string, b: string, config: NameConfig): number {
  if (a === b) return 1;
  const allowance = config.editBase + config.editPerChar * Math.max(a.length, b.length);
  // The length difference alone bounds the distance from below: skip the table when it already fails.
  const least = (MIN_INDEL * Math.abs(a.length - b.length)) / allowance;
  if (Math.exp(-config.editSteepness * least * least) < MIN_PAIR * 0.5) return 0;
  // Words further apart than this score below MIN_PAIR, where alignment ignores them anyway.
  const limit = allowance * Math.sqrt(-Math.log(MIN_PAIR * 0.5) / config.editSteepness);
  const ratio = editDistance(a, b, limit) / allowance;
  return Math.exp(-config.editSteepness * ratio * ratio);
}

/** Word similarity, for names from an abjad also by consonant skeleton (their vowels are mostly unwritten). */
function abjadAwareSimilarity(a: string, b: string, abjad: boolean, config: NameConfig): number {
  let score = wordSimilarity(a, b, config);
  if (abjad && score < 1) {
    const sa = skeletonOf(a);
    const sb = skeletonOf(b);
    if (sa.length > 0 && sb.length > 0) score = Math.max(score, 0.9 * wordSimilarity(sa, sb, config));
  }
  return score;
}

/** How the two names are read when their words are compared. */
interface Reading {
  person: boolean;
  abjad: boolean;
  /** Both names read as Korean: family names by the Korean table, given names by their Korean key. */
  korean: boolean;
  /** One name read from kanji through the dictionary, whose readings are exact: two apart are two names. */
  japanese: boolean;
  /** Both names written in scripts whose consonants are as spelt, not one transliteration of several. */
  consonantsSpelt: boolean;
}

/** The reading rule (NAME_RULES) that makes two different words one name, or null. */
function readingRule(a: NameToken, b: NameToken, reading: Reading): string | null {
  if (reading.korean) {
    if (sameKoreanSurname(a.text, b.text)) return "koreanSurnameSpelling";
    const spelt = a.hangul ?? b.hangul;
    if (spelt && !(a.hangul && b.hangul))
      return spelt.test(a.hangul ? b.text : a.text) ? "koreanRomanisation" : null;
    if (isKoreanSyllables(a.text) && isKoreanSyllables(b.text) && koreanKey(a.text) === koreanKey(b.text))
      return "koreanRomanisation";
  }
  if (reading.person && a.known && b.known)
    for (const group of a.known.groups) if (b.known.groups.includes(group)) return "nameEquivalent";
  return null;
}

/** The guard (NAME_RULES) that finds two different words different names, or null; `plain` is their similarity. */
function guardRule(a: NameToken, b: NameToken, reading: Reading, plain: number): string | null {
  if (reading.korean) {
    const spelt = a.hangul ?? b.hangul;
    const latin = spelt && !(a.hangul && b.hangul) ? (a.hangul ? b.text : a.text) : null;
    // One letter apart may be a typo of the same syllables ("Soog Chol"); more is another given name.
    const syllables = isKoreanSyllables(a.text) && isKoreanSyllables(b.text);
    if (latin !== null ? isKoreanSyllables(latin) : syllables)
      if (plainEditDistance(a.text, b.text) > 1) return "koreanGivenNameDiffers";
    if (latin !== null || syllables) return null;
  }
  // Readings from the dictionary vary only in long vowels ("Satou", "Sato"): more is another name.
  if (reading.japanese && plainEditDistance(a.text, b.text) > 1) return "japaneseNameDiffers";
  if (reading.person && a.known && b.known) {
    // A given name one letter off another may still be a typo ("Tim", "Tom"); a family name may not.
    const given = a.known.given || b.known.given;
    if (plain < SPELLING_VARIANT && (!given || plainEditDistance(a.text, b.text) > 1))
      return "distinctKnownNames";
  }
  return null;
}

/** The name rule (NAME_RULES) that decides how two words compare, or null when edits alone decide. */
function wordRule(a: NameToken, b: NameToken, reading: Reading, plain: number): string | null {
  if (a.text === b.text) return null;
  return readingRule(a, b, reading) ?? guardRule(a, b, reading, plain);
}

/**
 * Whether two aligned words are known to be different names (a guard of NAME_RULES fires), given the
 * similarity they were aligned with (a reading only raises it when no guard can fire).
 */
function isGuard(a: NameToken, b: NameToken, reading: Reading, similarity: number): boolean {
  const rule = wordRule(a, b, reading, similarity);
  return rule === "distinctKnownNames" || rule === "koreanGivenNameDiffers" || rule === "japaneseNameDiffers";
}

/** Words this similar are one name spelt two ways, even when the tables list both. */
const SPELLING_VARIANT = 0.95;

/** Two words' similarity with the reading that decides it applied (guards act on whole names). */
function wordScore(a: NameToken, b: NameToken, reading: Reading, config: NameConfig): number {
  const plain = abjadAwareSimilarity(a.text, b.text, reading.abjad, config);
  if (a.text === b.text || (!reading.korean && !(reading.person && a.known && b.known))) return plain;
  switch (readingRule(a, b, reading)) {
    case "koreanSurnameSpelling":
    case "koreanRomanisation":
      return 1;
    case "nameEquivalent":
      return Math.max(plain, config.nameEquivalent);
    default:
      return plain;
  }
}

/** Similarity of two tokens, by kind: words by edit distance, initials by first letter, numbers exactly. */
function tokenSimilarity(a: NameToken, b: NameToken, reading: Reading, config: NameConfig): number {
  const person = reading.person;
  if (a.kind === "glyph" || b.kind === "glyph") return a.text === b.text ? 1 : 0;
  if (a.kind === "number" || b.kind === "number") {
    if (a.kind !== b.kind) return 0;
    return a.text === b.text ? 1 : config.numberMismatch;
  }
  if (a.kind === "initial" || b.kind === "initial") {
    if (a.text === b.text) return 1;
    if (!person || a.kind === "particle" || b.kind === "particle") return 0;
    return a.text[0] === b.text[0] ? config.initialMatch : 0;
  }
  if (a.country && b.country) return a.country === b.country ? 1 : 0;
  return wordScore(a, b, reading, config);
}

/**
 * Candidate pairs of the alignment in reusable typed arrays (spans [a0, a1) and [b0, b1), score), so
 * comparing names allocates next to nothing; `chosen` lists the pairs kept, in order.
 */
const pairsOf = {
  a0: new Uint16Array(256),
  a1: new Uint16Array(256),
  b0: new Uint16Array(256),
  b1: new Uint16Array(256),
  score: new Float64Array(256),
  order: new Uint16Array(256),
  chosen: new Uint16Array(256),
  count: 0,
  chosenCount: 0,
};

function addPair(a0: number, a1: number, b0: number, b1: number, score: number): void {
  const p = pairsOf;
  if (p.count === p.a0.length) {
    const size = p.count * 2;
    const grow16 = (from: Uint16Array) => {
      const to = new Uint16Array(size);
      to.set(from);
      return to;
    };
    p.a0 = grow16(p.a0);
    p.a1 = grow16(p.a1);
    p.b0 = grow16(p.b0);
    p.b1 = grow16(p.b1);
    p.order = new Uint16Array(size);
    p.chosen = new Uint16Array(size);
    const scores = new Float64Array(size);
    scores.set(p.score);
    p.score = scores;
  }
  const k = p.count++;
  p.a0[k] = a0;
  p.a1[k] = a1;
  p.b0[k] = b0;
  p.b1[k] = b1;
  p.score[k] = score;
}

/** Whether pair x goes before pair y: higher score first, then the smaller spans. */
function before(x: number, y: number): boolean {
  const p = pairsOf;
  if (p.score[x] !== p.score[y]) return p.score[x] > p.score[y];
  return p.a1[x] - p.a0[x] + p.b1[x] - p.b0[x] < p.a1[y] - p.a0[y] + p.b1[y] - p.b0[y];
}

/** The words of tokens[start, end) written together, or null when a number is among them. */
function spanText(tokens: NameToken[], start: number, end: number): string | null {
  let text = "";
  for (let i = start; i < end; i++) {
    if (tokens[i].kind === "number") return null;
    text += tokens[i].text;
  }
  return text;
}

/** Whether words written apart may be one word written together: same first letter, similar length. */
function mayJoin(joined: string, word: string): boolean {
  return (
    joined[0] === word[0] && joined.length * 4 <= word.length * 5 && word.length * 4 <= joined.length * 5
  );
}

/** Greedy alignment of the two token lists (into `pairsOf.chosen`); spans of up to three adjacent words may meet one word. */
function align(a: NameToken[], b: NameToken[], reading: Reading, config: NameConfig): void {
  const abjad = reading.abjad;
  const p = pairsOf;
  p.count = 0;
  p.chosenCount = 0;
  const spans = a.length <= MAX_ALIGN_TOKENS && b.length <= MAX_ALIGN_TOKENS ? MAX_SPAN : 1;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const score = tokenSimilarity(a[i], b[j], reading, config);
      if (score >= MIN_PAIR) addPair(i, i + 1, j, j + 1, score);
    }
  }
  for (let len = 2; len <= spans; len++) {
    for (let i = 0; i + len <= a.length; i++) {
      const merged = spanText(a, i, i + len);
      if (merged === null) continue;
      for (let j = 0; j < b.length; j++) {
        if (b[j].kind !== "word" || !mayJoin(merged, b[j].text)) continue;
        const score = abjadAwareSimilarity(merged, b[j].text, abjad, config);
        if (score >= MIN_PAIR) addPair(i, i + len, j, j + 1, score);
      }
    }
    for (let j = 0; j + len <= b.length; j++) {
      const merged = spanText(b, j, j + len);
      if (merged === null) continue;
      for (let i = 0; i < a.length; i++) {
        if (a[i].kind !== "word" || !mayJoin(merged, a[i].text)) continue;
        const score = abjadAwareSimilarity(a[i].text, merged, abjad, config);
        if (score >= MIN_PAIR) addPair(i, i + 1, j, j + len, score);
      }
    }
  }
  // Insertion sort: there are few pairs, and it allocates nothing.
  const order = p.order;
  for (let k = 0; k < p.count; k++) {
    let at = k;
    while (at > 0 && before(k, order[at - 1])) {
      order[at] = order[at - 1];
      at--;
    }
    order[at] = k;
  }
  let usedA = 0;
  let usedB = 0;
  for (let n = 0; n < p.count; n++) {
    const k = order[n];
    // Token positions as bit masks (alignment is limited to MAX_ALIGN_TOKENS words for spans; singles beyond 31 are rare).
    const maskA = spanMask(p.a0[k], p.a1[k]);
    const maskB = spanMask(p.b0[k], p.b1[k]);
    if (usedA & maskA || usedB & maskB) continue;
    usedA |= maskA;
    usedB |= maskB;
    p.chosen[p.chosenCount++] = k;
  }
}

/** Bits start..end-1 set (positions past 31 share the top bit, so long names stay correct but conservative). */
function spanMask(start: number, end: number): number {
  let mask = 0;
  for (let i = start; i < end; i++) mask |= 1 << Math.min(i, 31);
  return mask;
}

const scratches = [new Float64Array(32), new Float64Array(32), new Float64Array(32), new Float64Array(32)];

/** A zeroed reusable array of `length` numbers (scores, then weights, one of each per name). */
function scratch(which: 0 | 1 | 2 | 3, length: number): Float64Array {
  if (scratches[which].length < length) scratches[which] = new Float64Array(length * 2);
  const array = scratches[which];
  array.fill(0, 0, length);
  return array;
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
  reading: Reading,
  config: NameConfig,
  trace: boolean,
): Omit<NameComparison, "legalForms"> {
  if (a.length === 0 || b.length === 0)
    return { score: 0, pairs: [], queryOnly: [], candidateOnly: [], rules: [] };
  align(a, b, reading, config);
  const scoreA = scratch(0, a.length);
  const scoreB = scratch(1, b.length);
  // Words written apart that meet one word count as that one word ("Patr ushev", "Patrushev").
  const countA = scratch(2, a.length);
  const countB = scratch(3, b.length);
  for (let i = 0; i < a.length; i++) countA[i] = a[i].weight;
  for (let j = 0; j < b.length; j++) countB[j] = b[j].weight;
  // Pairs and rules are only listed for a trace: untraced comparisons share empty lists, never added to.
  const pairs: TokenPair[] = trace ? [] : UNTRACED_PAIRS;
  const rules: string[] = trace ? [] : UNTRACED;
  const p = pairsOf;
  let distinctiveDiffers = false;
  // The distinctive word decides only where the rest of the names agree ("BTL Industries", "BCL Industries")
  // or where it is all of both names besides their legal forms ("N.A.B.C. Company", "A.B.C. Company").
  const alone = a.length === 1 && b.length === 1;
  let restAgrees = alone;
  let namesDiffer = false;
  // A person's last word (the family name, most often) that sounds different, two letters or more
  // off, where another word sounds alike ("Niels Oscar Rost", "Niels Oscar Troost"); one letter off
  // may be a typo.
  let soundDiffers: string | null = null;
  let soundAgrees = false;
  for (let n = 0; n < p.chosenCount; n++) {
    const k = p.chosen[n];
    const score = p.score[k];
    for (let i = p.a0[k]; i < p.a1[k]; i++) {
      scoreA[i] = score;
      countA[i] /= p.a1[k] - p.a0[k];
    }
    for (let j = p.b0[k]; j < p.b1[k]; j++) {
      scoreB[j] = score;
      countB[j] /= p.b1[k] - p.b0[k];
    }
    const single = p.a1[k] - p.a0[k] === 1 && p.b1[k] - p.b0[k] === 1;
    if (score === 1) restAgrees = true;
    else if (single) {
      const x = a[p.a0[k]];
      const y = b[p.b0[k]];
      if (!reading.person && differsDistinctively(x, y, alone)) distinctiveDiffers = true;
      if (
        (reading.korean || reading.japanese || (reading.person && x.known && y.known)) &&
        isGuard(x, y, reading, score)
      )
        namesDiffer = true;
    }
    if (single && reading.person && reading.consonantsSpelt && !reading.korean) {
      const x = a[p.a0[k]];
      const y = b[p.b0[k]];
      if (x.kind === "word" && y.kind === "word") {
        if (score === 1 || soundAlike(x, y, reading.abjad)) soundAgrees = true;
        else if (
          (p.a0[k] === a.length - 1 || p.b0[k] === b.length - 1) &&
          Math.min(x.text.length, y.text.length) >= SOUND_MIN_LENGTH &&
          readingRule(x, y, reading) === null &&
          plainEditDistance(x.text, y.text) > 1
        )
          soundDiffers = `${x.text}~${y.text}`;
      }
    }
    if (!trace) continue;
    pairs.push({ query: textOf(a, p.a0[k], p.a1[k]), candidate: textOf(b, p.b0[k], p.b1[k]), score });
    if (single && a[p.a0[k]].kind === "word" && b[p.b0[k]].kind === "word") {
      const x = a[p.a0[k]];
      const y = b[p.b0[k]];
      const rule = wordRule(x, y, reading, abjadAwareSimilarity(x.text, y.text, reading.abjad, config));
      if (rule) rules.push(`${rule} ${x.text}~${y.text}`);
      if (x.written || y.written)
        rules.push(`arabicNameElements ${x.written ?? x.text}~${y.written ?? y.text}`);
    }
  }
  let weightA = 0;
  let weightB = 0;
  for (let i = 0; i < a.length; i++) weightA += countA[i];
  for (let j = 0; j < b.length; j++) weightB += countB[j];
  const aIsShort = weightA <= weightB;
  const [short, shortScores, shortCounts, shortWeight] = aIsShort
    ? [a, scoreA, countA, weightA]
    : [b, scoreB, countB, weightB];
  const [long, longScores] = aIsShort ? [b, scoreB] : [a, scoreA];
  let shortHasCountry = false;
  for (const token of short) if (token.country) shortHasCountry = true;
  let logSum = 0;
  let factor = 1;
  for (let i = 0; i < short.length; i++) {
    const s = Math.max(shortScores[i], FLOOR);
    logSum += shortCounts[i] * Math.log(s);
    if (shortScores[i] === 0 && short[i].kind !== "particle") factor *= config.missingPenalty;
  }
  const extraPenalty = reading.person ? config.extraPersonPenalty : config.extraOtherPenalty;
  for (let j = 0; j < long.length; j++) {
    if (longScores[j] > 0) continue;
    // A branch the other name does not place ("Faberlic Europe", "Bank (Schweiz) AG") weighs half a word,
    // however short the other name; other places weigh double. A word naming a line of business
    // ("Deutsche Bank Trust") names another company of the group: it weighs more than a word of no
    // meaning to the name. A one-word name meeting a longer one is weak evidence: its extras weigh double.
    const token = long[j];
    const importance = token.country
      ? 2
      : !reading.person && GENERIC_WORDS.has(token.text)
        ? BUSINESS_LINE_WEIGHT
        : 1;
    const weight =
      token.branch && !shortHasCountry
        ? BRANCH_WEIGHT
        : token.weight * importance * (shortWeight < 2 ? 2 / shortWeight : 1);
    factor *= extraPenalty ** weight;
  }
  let score = Math.exp(logSum / shortWeight) * factor;
  if (namesDiffer) score = guarded(score, config.distinctNames);
  if (soundDiffers !== null && soundAgrees) {
    score = guarded(score, config.distinctNames);
    if (trace) rules.push(`nameSoundDiffers ${soundDiffers}`);
  }
  if (distinctiveDiffers && restAgrees) {
    score = guarded(score, config.distinctiveWordDiffers);
    if (trace) rules.push("distinctiveWordDiffers");
  }
  if (!trace) return { score, pairs, queryOnly: UNTRACED, candidateOnly: UNTRACED, rules };
  const queryOnly = a.filter((_, i) => scoreA[i] === 0).map((t) => t.text);
  const candidateOnly = b.filter((_, j) => scoreB[j] === 0).map((t) => t.text);
  return { score, pairs, queryOnly, candidateOnly, rules };
}

/** The rules and leftover words of an untraced comparison, and its pairs: always empty. */
const UNTRACED: string[] = [];
const UNTRACED_PAIRS: TokenPair[] = [];

/** Guarded scores stay below this, whatever their names share: the guard found different parties. */
const GUARD_CEILING = 0.69;

/** A score lowered by a guard's factor and kept below the match threshold, its order among others kept. */
export function guarded(score: number, factor: number): number {
  return Math.min(score * factor, GUARD_CEILING);
}

/**
 * Latin (null) and Arabic, which write every consonant: their Latin letters are the name's consonants,
 * where transliterations of Greek, Cyrillic or Thai spell some in several ways (γ as g or y, ช as ch or sh).
 */
const CONSONANTS_SPELT: ReadonlySet<string | null> = new Set([null, "Arabic"]);

/** Whether two words sound alike; words from an abjad by their skeletons, whose w and y are mostly vowels. */
function soundAlike(a: NameToken, b: NameToken, abjad: boolean): boolean {
  if (abjad) return soundKeysAlike(soundKeyOf(skeletonOf(a.text)), soundKeyOf(skeletonOf(b.text)));
  // Kept on the token: a listed name's words are compared with many queries.
  a.sound ??= soundKeyOf(a.text);
  b.sound ??= soundKeyOf(b.text);
  return soundKeysAlike(a.sound, b.sound);
}

/** Words shorter than this sound alike too often ("Xi", "Shi") for their sounds to tell people apart. */
const SOUND_MIN_LENGTH = 4;

/** A branch's place in one organisation's name, when the other names none, counts this much of a word. */
const BRANCH_WEIGHT = 0.5;
/** A word naming a line of business that one organisation's name adds counts this much of a word. */
const BUSINESS_LINE_WEIGHT = 1.5;
/** Distinctive words this short are codes or acronyms: any changed letter makes another name. */
const SHORT_DISTINCTIVE = 3;

/**
 * Whether two aligned, unequal words of organisation names make different organisations: distinctive
 * words (not "industries", "trading" …) of three letters or fewer, or that differ in their first letter
 * and sound different ("BTL"/"BCL", "Polaris"/"Solaris"). A misspelt long word keeps its first letter or
 * its sound ("Cencora"/"Sencora") and stays a typo; so does a short word when it is `alone`, all of both
 * names, since it may be a typo of a listed code ("SBT", "SCT"; "KMA", "LMA").
 */
function differsDistinctively(a: NameToken, b: NameToken, alone: boolean): boolean {
  if (a.kind !== "word" || b.kind !== "word" || a.text === b.text) return false;
  if (GENERIC_WORDS.has(a.text) || GENERIC_WORDS.has(b.text)) return false;
  const short = Math.max(a.text.length, b.text.length) <= SHORT_DISTINCTIVE;
  if (short) return !alone;
  return a.text[0] !== b.text[0] && !soundAlike(a, b, false);
}

/** An acronym with a country word beside it ("PLA China") keeps this much of the acronym's score. */
const ACRONYM_WITH_COUNTRY = 0.95;

/**
 * Similarity when `short` is one word spelling the initials of the words of `long`, with or without its
 * legal form ("PLA", "PLA China", "TMC" for "Tavrida Machinery Company").
 */
function acronymScore(short: NormalisedName, long: NormalisedName): number {
  if (long.tokens.length < 2 || short.tokens.length > 2) return 0;
  // Counted without allocating: this runs for every pair of organisation names scored.
  let acronym: NameToken | null = null;
  for (const token of short.tokens) {
    if (token.country) continue;
    if (acronym) return 0;
    acronym = token;
  }
  if (!acronym) return 0;
  const factor = short.tokens.length > 1 ? ACRONYM_WITH_COUNTRY : 1;
  const word = acronym.text;
  if (word.length < 2 || word.length > 8) return 0;
  let initials = "";
  for (const token of long.tokens) if (token.kind !== "particle") initials += token.text[0];
  if (initials !== word && long.initials !== word) return 0;
  return factor * (word.length <= SHORT_ACRONYM ? SHORT_ACRONYM_MATCH : ACRONYM_MATCH);
}

/** The name with its last word read as the legal form it may be, or null when it may be none. */
function withLooseForm(name: NormalisedName): NormalisedName | null {
  if (name.looseForm === null) return null;
  return {
    ...name,
    tokens: name.tokens.slice(0, -1),
    legalForms: [...name.legalForms, name.looseForm],
    looseForm: null,
  };
}

/**
 * Compares two normalised names: aligned tokens, legal forms, joined-word and same-script checks.
 * Without `trace` only the score is worked out (the pairs and leftover words stay empty).
 */
export function compareNormalised(
  a: NormalisedName,
  b: NormalisedName,
  config: NameConfig = NAME_DEFAULTS,
  trace = true,
): NameComparison {
  // A last word one letter off the other name's legal form may be that form, misspelt.
  const looseA = a.looseForm !== null && b.legalForms.includes(a.looseForm) ? withLooseForm(a) : null;
  const looseB = b.looseForm !== null && a.legalForms.includes(b.looseForm) ? withLooseForm(b) : null;
  if (looseA || looseB) {
    const plain = compareReadings(a, b, config, trace);
    const loose = compareReadings(looseA ?? a, looseB ?? b, config, trace);
    return loose.score > plain.score ? loose : plain;
  }
  return compareReadings(a, b, config, trace);
}

/** A name read through the Japanese dictionary (kanji), not a transcription in kana ("バラク・オバマ"). */
function readFromKanji(name: NormalisedName): boolean {
  return name.japanese !== null && name.script === "Han";
}

/** Compares two names as read (see `compareNormalised`). */
function compareReadings(
  a: NormalisedName,
  b: NormalisedName,
  config: NameConfig,
  trace: boolean,
): NameComparison {
  if (comparedAsCodes(a, b)) {
    const score = codeSimilarity(a.code!, b.code!, config);
    const pairs = trace ? [{ query: a.code!, candidate: b.code!, score }] : [];
    return { score, pairs, queryOnly: [], candidateOnly: [], legalForms: null, rules: [] };
  }
  const person = a.schema === "Person" || b.schema === "Person";
  const reading: Reading = {
    person,
    abjad: a.abjad || b.abjad,
    korean: a.korean && b.korean,
    japanese: readFromKanji(a) !== readFromKanji(b),
    consonantsSpelt: CONSONANTS_SPELT.has(a.script) && CONSONANTS_SPELT.has(b.script),
  };
  let result = compareTokens(a.tokens, b.tokens, reading, config, trace);
  // A Korean given name joined in one name and not read as Korean in the other ("Joonng un"), or two
  // Latin names read as Korean, of as many words, with their family names at other ends ("Han Pak
  // Se", "PAK, Se Han").
  const reordered =
    a.script === null &&
    b.script === null &&
    result.score < 1 &&
    a.apart !== null &&
    a.apart.length === b.apart?.length;
  if (a.korean !== b.korean || reordered) {
    const apart = compareTokens(a.apart ?? a.tokens, b.apart ?? b.tokens, reading, config, trace);
    if (apart.score > result.score) result = apart;
  }
  // A Thai name spelt with ch for จ, as the Royal Thai General System spells it ("Chan-o-cha").
  if (a.respelt || b.respelt) {
    const respelt = compareTokens(a.respelt ?? a.tokens, b.respelt ?? b.tokens, reading, config, trace);
    if (respelt.score > result.score) result = respelt;
  }
  // Letters written apart in one name and together in the other ("H Metalform H", "HH Metalform").
  if (!person && (a.letterTokens || b.letterTokens)) {
    const apart = compareTokens(
      a.letterTokens ?? a.tokens,
      b.letterTokens ?? b.tokens,
      reading,
      config,
      trace,
    );
    if (apart.score > result.score) result = apart;
  }
  let score = result.score;
  const rules = result.rules;
  if (trace)
    for (const name of [a, b])
      if (name.japanese) rules.push(`japaneseReading ${name.original} as ${name.japanese}`);
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
    const native = compareTokens(a.nativeTokens, b.nativeTokens, { ...reading, abjad: false }, config, false);
    score = Math.min(score, native.score);
  }
  // Numbers tell apart vessels, funds and branches of one name ("Ocean Star 7", "Fund II"): they must agree.
  if (!person) {
    const numbers = a.numbers;
    const others = b.numbers;
    if (numbers !== others) {
      score = guarded(score, config.numbersDisagree);
      if (trace) rules.push(`numbersDisagree ${numbers.trim() || "none"}~${others.trim() || "none"}`);
    }
  }
  // Written out, not spread: this runs for every candidate scored.
  return {
    score: Math.min(1, Math.max(0, score)),
    pairs: result.pairs,
    queryOnly: result.queryOnly,
    candidateOnly: result.candidateOnly,
    legalForms,
    rules,
  };
}
