// Korean names: Hangul read as the Revised Romanization of Korean (2000), a family name split off and
// spelt as lists spell it, and a phonetic key under which the national system, McCune–Reischauer
// (as North Korean names are listed) and the spellings of passports ("Young", "Soo", "Choi") agree.
import { koreanSurnameSpellings, koreanSurnamesSpelt } from "./name-tables.js";

const HANGUL_BASE = 0xac00;
const HANGUL_LAST = 0xd7a3;
const INITIALS = [
  "g",
  "kk",
  "n",
  "d",
  "tt",
  "r",
  "m",
  "b",
  "pp",
  "s",
  "ss",
  "",
  "j",
  "jj",
  "ch",
  "k",
  "t",
  "p",
  "h",
];
const MEDIALS = [
  "a",
  "ae",
  "ya",
  "yae",
  "eo",
  "e",
  "yeo",
  "ye",
  "o",
  "wa",
  "wae",
  "oe",
  "yo",
  "u",
  "wo",
  "we",
  "wi",
  "yu",
  "eu",
  "ui",
  "i",
];
const FINALS = [
  "",
  "k",
  "k",
  "k",
  "n",
  "n",
  "n",
  "t",
  "l",
  "k",
  "m",
  "l",
  "l",
  "l",
  "p",
  "l",
  "m",
  "p",
  "p",
  "t",
  "t",
  "ng",
  "t",
  "t",
  "k",
  "t",
  "p",
  "t",
];

/**
 * How each letter (jamo) is spelt in Latin script by the national system, McCune–Reischauer (without its
 * breves and apostrophes) and passports and the press ("Young" for 영, "Soo" for 수, "Choi" for 최).
 */
const INITIAL_SPELLINGS = [
  "g|k",
  "kk|gg|k",
  "n",
  "d|t",
  "tt|dd|t",
  "r|l|n",
  "m",
  "b|p",
  "pp|bb|p",
  "s|sh",
  "ss|s",
  "",
  "j|ch|dj",
  "jj|tch|ch",
  "ch|c",
  "k|kh",
  "t|th",
  "p|ph|f",
  "h",
];
const MEDIAL_SPELLINGS = [
  "a",
  "ae|ai|e",
  "ya",
  "yae|ye",
  "eo|o|u|ou",
  "e",
  "yeo|yo|you|yu|ye",
  "ye",
  "o|oh",
  "wa",
  "wae|we",
  "oe|oi|we|wae",
  "yo",
  "u|oo|ou",
  "wo|weo|wu",
  "we",
  "wi|wee",
  "yu|yoo|you",
  "eu|u|oo|ue",
  "ui|eui|i|ee",
  "i|ee|y",
];
const FINAL_SPELLINGS = [
  "",
  "k|g",
  "k|kk",
  "k",
  "n",
  "n",
  "n",
  "t|d",
  "l|r",
  "k",
  "m",
  "l",
  "l",
  "l",
  "p",
  "l",
  "m",
  "p|b",
  "p",
  "t|s",
  "t",
  "ng",
  "t",
  "t",
  "k",
  "t",
  "p",
  "t",
];

/** A Hangul syllable's jamo indices, or null for any other character. */
function jamoOf(char: string): [number, number, number] | null {
  const code = char.codePointAt(0) ?? 0;
  if (code < HANGUL_BASE || code > HANGUL_LAST) return null;
  const index = code - HANGUL_BASE;
  return [Math.floor(index / (21 * 28)), Math.floor((index % (21 * 28)) / 28), index % 28];
}

/** The Revised Romanization of one Hangul syllable, or the character itself when it is none. */
function romaniseSyllable(char: string): string {
  const jamo = jamoOf(char);
  if (!jamo) return char;
  return INITIALS[jamo[0]] + MEDIALS[jamo[1]] + FINALS[jamo[2]];
}

/** Every Latin spelling of Hangul syllables, as one pattern over lower-case letters written together. */
function spellingPattern(syllables: string): RegExp | null {
  let source = "";
  for (const char of syllables) {
    const jamo = jamoOf(char);
    if (!jamo) return null;
    source += `(?:${INITIAL_SPELLINGS[jamo[0]]})(?:${MEDIAL_SPELLINGS[jamo[1]]})(?:${FINAL_SPELLINGS[jamo[2]]})`;
  }
  return new RegExp(`^${source}$`);
}

/** A family name of two syllables comes first when the table knows it (남궁, 선우), else one syllable. */
function splitSurname(word: string): [string, string] {
  const chars = [...word];
  if (chars.length >= 3 && koreanSurnameSpellings(chars.slice(0, 2).join(""))) {
    return [chars.slice(0, 2).join(""), chars.slice(2).join("")];
  }
  return [chars[0], chars.slice(1).join("")];
}

/** A Korean name in Hangul read in Latin letters, and the spellings its given name may take. */
export interface HangulReading {
  /** The family name in its usual spelling ("박" as "park"), then the given name's syllables joined ("minjun"). */
  latin: string;
  /** Every Latin spelling of the given name, written together ("minjun", "minjoon"); null when not read. */
  given: RegExp | null;
}

/**
 * A Korean name in Hangul as lists write it in Latin letters. A name of one word is split after its
 * family name; words already apart stay apart (the first known family name among them taken as such).
 */
export function readHangulName(text: string): HangulReading {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 1 && [...words[0]].length >= 2 && [...words[0]].length <= 4) {
    const [surname, given] = splitSurname(words[0]);
    const spelling = koreanSurnameSpellings(surname)?.[0];
    if (spelling) {
      return {
        latin: `${spelling} ${[...given].map(romaniseSyllable).join("")}`,
        given: spellingPattern(given),
      };
    }
  }
  let given: RegExp | null = null;
  const parts = words.map((word) => {
    const spelling = koreanSurnameSpellings(word)?.[0];
    if (!spelling && words.length === 2) given = spellingPattern(word);
    return spelling ?? [...word].map(romaniseSyllable).join("");
  });
  return { latin: parts.join(" "), given };
}

/**
 * The phonetic key of a romanised Korean syllable run, under which McCune–Reischauer, the national
 * system and passport spellings of the same syllables agree: eo and o, eu and u, oo and u, ae and e,
 * ee and i, and the consonants the systems voice differently (g/k, d/t, b/p, j/ch, r/l, sh/s) fold
 * together; doubled letters count once. ("Cheol" and "Chol", "Soo" and "Su" meet; "Sok" and "Suk" do not.)
 */
export function koreanKey(romanised: string): string {
  let key = keys.get(romanised);
  if (key === undefined) {
    if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
    key = keyOf(romanised);
    keys.set(romanised, key);
  }
  return key;
}

/** Keys already worked out: names repeat few syllables, and a key takes a dozen replacements. */
const keys = new Map<string, string>();
const KEY_CACHE_LIMIT = 50_000;

function keyOf(romanised: string): string {
  return romanised
    .replace(/ng/g, "N")
    .replace(/tch|ch|jj|j/g, "c")
    .replace(/sh/g, "s")
    .replace(/eo|ou/g, "o")
    .replace(/eu|oo/g, "u")
    .replace(/ae|ai|oe|oi/g, "e")
    .replace(/ee/g, "i")
    .replace(/g/g, "k")
    .replace(/d/g, "t")
    .replace(/b/g, "p")
    .replace(/r/g, "l")
    .replace(/(.)\1+/g, "$1");
}

/** One keyed syllable: an initial, a glide, a vowel and a final (N is "ng", which ends syllables only). */
const SYLLABLE = "[kntlmpsch]?[yw]?[aeiou](?:[ktlmp]|N|n(?![aeiouyw]))?";
const KEYED_RUN = new RegExp(`^(?:${SYLLABLE}){1,3}$`);

/** Whether a romanised run reads as one to three Korean syllables (a given name: "chol-su", "myong"). */
export function isKoreanSyllables(romanised: string): boolean {
  return romanised.length > 0 && KEYED_RUN.test(koreanKey(romanised));
}

/** Whether a word is a usual Latin spelling of a Korean family name ("kim", "pak", "choe"). */
export function isKoreanSurname(word: string): boolean {
  return koreanSurnamesSpelt(word) !== undefined;
}

/** Whether two Latin spellings may be the same Korean family name ("park" and "pak", "lee" and "ri"). */
export function sameKoreanSurname(a: string, b: string): boolean {
  const ofA = koreanSurnamesSpelt(a);
  const ofB = koreanSurnamesSpelt(b);
  return ofA !== undefined && ofB !== undefined && ofA.some((s) => ofB.includes(s));
}
