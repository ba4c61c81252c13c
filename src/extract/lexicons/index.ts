// Lookups over the lexicons: place names (ours plus compromise's cities, regions and countries), first
// names and common English words (compromise's lexicon), all cached as plain maps for speed.
import nlp from "compromise";
import { INTERNATIONAL_BODIES, PLACES, type PlaceEntry } from "./places.js";
import { CHINESE_SURNAMES, GIVEN_NAMES } from "./words.js";

export * from "./places.js";
export * from "./words.js";

/** What a place name points at. */
export interface PlaceHit {
  /** Canonical name: the first name of its lexicon entry. */
  canonical: string;
  country: string | null;
  kind: PlaceEntry["kind"] | "city";
}

const compromiseLexicon = (
  nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }
).model().one.lexicon;

const PLACE_BY_NAME = new Map<string, PlaceHit>();
const PLACE_BY_DEMONYM = new Map<string, PlaceHit>();
const IN_CAPITALS: Array<[string, PlaceHit]> = [];
for (const entry of PLACES) {
  const hit: PlaceHit = { canonical: entry.names[0], country: entry.country, kind: entry.kind };
  for (const name of entry.names) {
    PLACE_BY_NAME.set(name.replace(/'/g, "’"), hit);
    IN_CAPITALS.push([name.replace(/'/g, "’").toUpperCase(), hit]);
  }
  for (const demonym of entry.demonyms) PLACE_BY_DEMONYM.set(demonym, hit);
}
// Records write places in capitals ("RUSSIAN FEDERATION", "REPUBLIC OF KAZAKHSTAN"); a name written
// otherwise keeps its own entry.
for (const [name, hit] of IN_CAPITALS) if (!PLACE_BY_NAME.has(name)) PLACE_BY_NAME.set(name, hit);
const BODY_BY_NAME = new Map<string, string>();
for (const body of INTERNATIONAL_BODIES) for (const name of body.names) BODY_BY_NAME.set(name, body.names[0]);

const NO_TAGS: readonly string[] = [];
// Mention finding asks about the same words again and again: each word's tags are looked up once.
const tagsByWord = new Map<string, readonly string[]>();

function tagsOf(word: string): readonly string[] {
  let tags = tagsByWord.get(word);
  if (tags === undefined) {
    const value = compromiseLexicon[word.toLowerCase()];
    tags = value === undefined ? NO_TAGS : Array.isArray(value) ? value : [value];
    if (tagsByWord.size < 100_000) tagsByWord.set(word, tags);
  }
  return tags;
}

/** The place a written name points at, or undefined. Cities and regions come from compromise's lexicon. */
export function findPlace(name: string): PlaceHit | undefined {
  const own = PLACE_BY_NAME.get(name.replace(/'/g, "’"));
  if (own) return own;
  const tags = tagsOf(name);
  if (tags.includes("City") || tags.includes("Region") || tags.includes("Country")) {
    return { canonical: name, country: null, kind: tags.includes("Country") ? "country" : "city" };
  }
  return undefined;
}

/** The country a demonym ("Russian") means, or undefined. */
export function findDemonym(word: string): PlaceHit | undefined {
  return PLACE_BY_DEMONYM.get(word);
}

/** True for demonyms and nationality adjectives ("Chinese", "European"). */
export function isDemonym(word: string): boolean {
  if (word.includes("-")) return word.split("-").every((part) => isDemonym(part));
  return PLACE_BY_DEMONYM.has(word) || tagsOf(word).includes("Demonym");
}

/** The canonical name of an international body ("EU" → "European Union"), or undefined. */
export function findInternationalBody(name: string): string | undefined {
  return BODY_BY_NAME.get(name);
}

/** True when the word is a known given name (compromise's lexicon or GIVEN_NAMES). */
export function isFirstName(word: string): boolean {
  return (
    GIVEN_NAMES.has(word) ||
    tagsOf(word).some((t) => t === "FirstName" || t === "MaleName" || t === "FemaleName")
  );
}

/** True when the word is a known family name. */
export function isLastName(word: string): boolean {
  return tagsOf(word).includes("LastName");
}

/** One pinyin syllable: an initial (or none) and a final, tones unmarked. */
const PINYIN_SYLLABLE =
  "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)";
const PINYIN_ONE_OR_TWO = new RegExp(`^${PINYIN_SYLLABLE}(?:-?${PINYIN_SYLLABLE})?$`);
const PINYIN_TWO = new RegExp(`^${PINYIN_SYLLABLE}-?${PINYIN_SYLLABLE}$`);

/** A capitalised word, hyphened or not, whose syllables are pinyin by `syllables`. */
const pinyinGiven = (word: string, syllables: RegExp): boolean =>
  /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u.test(word) && syllables.test(word.toLowerCase());

/** True for a given name of one or two pinyin syllables ("Wei", "Liang", "Haolin", "Wei-ming"). */
export function isPinyinGivenName(word: string): boolean {
  return pinyinGiven(word, PINYIN_ONE_OR_TWO);
}

/**
 * True for a Chinese name written in pinyin, family name first ("Wen Haolin", "Li Wei") or, with a
 * two-syllable given name, last ("Haolin Wen"): a common family name and a given name that reads as pinyin.
 */
export function isPinyinName(words: string[]): boolean {
  if (words.length !== 2 || findPlace(words.join(" ")) || words.some((w) => findPlace(w))) return false;
  return (
    (CHINESE_SURNAMES.has(words[0]) && pinyinGiven(words[1], PINYIN_ONE_OR_TWO)) ||
    (CHINESE_SURNAMES.has(words[1]) && pinyinGiven(words[0], PINYIN_TWO))
  );
}

/** True when compromise knows the word as a verb form ("denied", "ships"). */
export function isVerb(word: string): boolean {
  const tags = tagsOf(word);
  return tags.some(
    (t) => t === "PastTense" || t === "PresentTense" || t === "Infinitive" || t === "Copula" || t === "Modal",
  );
}

/** True when the lower-cased word is an ordinary English word in compromise's lexicon (not a name). */
export function isCommonWord(word: string): boolean {
  const tags = tagsOf(word);
  if (tags.length === 0) return false;
  return !tags.some((t) => NAME_TAGS.has(t));
}

/** compromise's tags of names and places: a word with one is no common word. */
const NAME_TAGS = new Set([
  "FirstName",
  "MaleName",
  "FemaleName",
  "LastName",
  "City",
  "Region",
  "Country",
  "Place",
  "Organization",
  "ProperNoun",
]);
