// Name normalisation for screening and resolution: script, case, diacritics, punctuation, legal forms,
// titles, particles and numbers, giving comparable tokens (after nomenklatura's name fingerprints).

import { readJapanese } from "./japanese.js";
import { isKoreanSurname, isKoreanSyllables, readHangulName } from "./korean.js";
import { extractLegalForms, nearLegalForm, withoutHanForm } from "./legal-forms.js";
import { type KnownName, knownName } from "./name-tables.js";
import { isAbjad, isSyllabic, latinise } from "./transliterate.js";
import {
  COUNTRY_ABBREVIATIONS,
  COUNTRY_WORDS,
  CRAFT_PREFIXES,
  DROPPED_WORDS,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  PARTICLES,
  REGION_CODES,
  ROMAN_NUMERALS,
  SPELLINGS,
  TITLES,
} from "./vocabulary.js";

/** What a token is: a name word, a particle ("al", "de"), an initial, a number, or one character of a syllabic script. */
export type TokenKind = "word" | "particle" | "initial" | "number" | "glyph";

/** One comparable part of a name. */
export interface NameToken {
  text: string;
  kind: TokenKind;
  /** Share of the name's identity this token carries (a word 1, a particle 0.3 …). */
  weight: number;
  /** The ISO code of the country the token names ("china" → "cn") inside an organisation's name, else null. */
  country: string | null;
  /** In a person's name, what the name tables know of the word (its equivalents), else undefined. */
  known?: KnownName;
  /**
   * A place naming a branch of the organisation: a country in brackets ("Deutsche Bank (Schweiz) AG")
   * or a region ("Faberlic Europe").
   */
  branch: boolean;
  /** A Korean given name read from Hangul: every Latin spelling it may take, written together. */
  hangul?: RegExp;
  /** The element "abd" of an Arabic name, as the name wrote it ("Abdul", "Abdulrahman"). */
  written?: string;
  /** The word's consonant key (see sounds.ts), worked out when the comparison first needs it. */
  sound?: string;
}

/** A name ready for comparison. */
export interface NormalisedName {
  original: string;
  schema: string | null;
  /** Name parts in written order, without legal forms, titles and articles. */
  tokens: NameToken[];
  /** Legal-form symbols found (LLC, JSC, LTD …). */
  legalForms: string[];
  /** True when every legal form found is a generic one (Ltd, Inc, Corp, Co, PLC). */
  genericFormsOnly: boolean;
  /** Every Latin token, legal forms included, joined without spaces ("siemensag"). */
  compact: string;
  /**
   * An organisation's initials as its name is written, legal forms included, particles not ("tmc" for
   * "Tavrida Machinery Company"), for acronyms that spell them; empty for a person's name.
   */
  initials: string;
  /**
   * The tokens with runs of single letters kept apart ("h", "h", "metalform" for "H & H Metalform"),
   * for names whose letters are written elsewhere in the name; null when no letters were joined.
   */
  letterTokens: NameToken[] | null;
  /** The legal form the last word may be, misspelt ("11420 Cosp." may be CORP), when it was not read as one; else null. */
  looseForm: string | null;
  /** A name written as one code (a registration or serial number: "EP-MNH", "P-532") in lower-case letters and digits, else null. */
  code: string | null;
  /** The transliteration came from an abjad (Arabic, Hebrew), which writes few vowels. */
  abjad: boolean;
  /** The name's own script when not Latin (Cyrillic, Han …), and its tokens in that script. */
  script: string | null;
  nativeTokens: NameToken[] | null;
  /** A person's name read as Korean (a Korean family name and a given name of Korean syllables, joined). */
  korean: boolean;
  /** A name read as Korean with its given name's syllables apart, for names not read so; else null. */
  apart: NameToken[] | null;
  /** The numbers of the name, sorted and joined by spaces ("Fund IV" and "Fund 4" have "4"), for guards. */
  numbers: string;
  /** A name in Japanese script read in Hepburn romanisation ("sato kenichi"), else null. */
  japanese: string | null;
  /**
   * A Thai name with จ: its tokens with จ spelt ch, as the Royal Thai General System spells it (`tokens`
   * spell it j); else null.
   */
  respelt: NameToken[] | null;
}

const SCRIPTS = [
  "Cyrillic",
  "Greek",
  "Arabic",
  "Hebrew",
  "Han",
  "Hangul",
  "Hiragana",
  "Katakana",
  "Devanagari",
  "Bengali",
  "Thai",
  "Ethiopic",
  "Khmer",
  "Georgian",
  "Armenian",
  "Tamil",
  "Myanmar",
].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, "u") }));

const LETTER = /\p{L}/u;
const PERSON_SCHEMA = "Person";
const CRAFT_SCHEMATA = new Set(["Vessel", "Airplane"]);
const WEIGHTS: Record<TokenKind, number> = { word: 1, particle: 0.3, initial: 0.5, number: 0.5, glyph: 1 };
/** East Slavic and Turkic patronymic endings, on words long enough to be patronymics. */
const PATRONYMIC =
  /^[a-z]{3,}(?:ovich|evich|ovych|evych|ovitch|evitch|ovna|evna|ivna|ichna|oglu|ogly|kyzy|qizi)$/;
const PATRONYMIC_WEIGHT = 0.6;
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g" };

/** Consonant skeleton of a word (vowels and w, y dropped, doubled letters once), for names from an abjad. */
export function skeletonOf(word: string): string {
  // A loop, not two replacements: every word of every name indexed and every query word passes here.
  let skeleton = "";
  let last = "";
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (SKELETON_DROPS.includes(c) || c === last) continue;
    skeleton += c;
    last = c;
  }
  return skeleton;
}

const SKELETON_DROPS = "aeiouwy";

/** The first non-Latin script among the name's letters, or null for Latin (or no letters). */
function scriptOf(text: string): string | null {
  for (const char of text) {
    if (!LETTER.test(char) || char.charCodeAt(0) < 0x250) continue;
    for (const script of SCRIPTS) if (script.pattern.test(char)) return script.name;
  }
  return null;
}

/** Joins dotted initialisms ("A.B.C." → "abc", "G.m.b.H." → "gmbh") in organisation names. */
function joinInitialisms(text: string): string {
  return text.replace(/\b(?:[a-z]\.){1,}[a-z]\b\.?/g, (run) => run.replace(/\./g, ""));
}

/** Runs of single letters in organisation names are one initialism ("S C S" → "scs", like "S.C.S."). */
function joinLetters(words: string[]): string[] {
  const out: string[] = [];
  let run = "";
  for (const word of words) {
    if (word.length === 1 && /[a-z]/.test(word)) {
      run += word;
      continue;
    }
    if (run) out.push(run);
    run = "";
    out.push(word);
  }
  if (run) out.push(run);
  return out;
}

/** One code: letters and digits in parts joined by hyphens, slashes or dots, with a digit or a separator in it. */
const CODE_SHAPE = /^(?=.*[\d/.-])[a-z0-9]+(?:[/.-][a-z0-9]+)*\.?$/i;
const CODE_LENGTH = { min: 3, max: 12 };

function codeOf(original: string): string | null {
  if (!CODE_SHAPE.test(original)) return null;
  const code = original.toLowerCase().replace(/[^a-z0-9]/g, "");
  return code.length >= CODE_LENGTH.min && code.length <= CODE_LENGTH.max ? code : null;
}

/** Digits inside a word are letters typed as digits ("sech1n" → "sechin"). */
function undoLeet(token: string): string {
  if (!/[a-z]/.test(token) || !/\d/.test(token)) return token;
  return token.replace(/(?<=[a-z])[0134579](?=[a-z])|^[0134579](?=[a-z]{2})/g, (d) => LEET[d]);
}

/** Lower-case ASCII words of a name, punctuation removed and symbols read as words ("&" and, "%" percent). */
function splitWords(latin: string, isPerson: boolean): string[] {
  let text = latin.toLowerCase().replace(/['’`ʼʻ]s\b/g, "");
  if (!isPerson) text = joinInitialisms(text);
  text = text
    .replace(/['’`ʼʻ"“”«»]/g, "")
    .replace(/[&+]/g, " and ")
    .replace(/%/g, " percent ")
    .replace(/\b(\d+)(?:st|nd|rd|th)\b/g, (_, n: string) => ORDINAL_WORDS[Number(n)] ?? n);
  return text
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(undoLeet);
}

/** "first" … "ninth" with their numbers. */
const ORDINAL_UNITS = new Map(ORDINAL_WORDS.slice(1, 10).map((word, i) => [word, i + 1]));

/** Number words of five letters or more with two neighbouring letters swapped ("seevn", "eihgty"), as typed. */
const SWAPPED_NUMBER_WORDS = new Map(
  [...NUMBER_WORDS].flatMap(([word, value]) =>
    word.length < 5
      ? []
      : [...word.slice(1)]
          .map((_, i) => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
          .filter((swapped) => swapped !== word && !NUMBER_WORDS.has(swapped))
          .map((swapped) => [swapped, value] as const),
  ),
);

/** Number words to digits, joining tens and units ("forty four" → "44"); one swap in a long number word is read too. */
function readNumbers(words: string[], isPerson: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    let value =
      word.length === 1 && word >= "0" && word <= "9"
        ? Number(word)
        : (NUMBER_WORDS.get(word) ?? SWAPPED_NUMBER_WORDS.get(word));
    // Roman numerals in the names of organisations and craft of two words or more ("Fund IV", "Dino I").
    if (value === undefined && !isPerson && words.length > 1) value = ROMAN_NUMERALS.get(word);
    // An ordinal unit after tens is a number ("Twenty First" as "21st" reads, 21).
    const unit = ORDINAL_UNITS.get(word);
    if (value === undefined && unit !== undefined && /^[2-9]0$/.test(out.at(-1) ?? "")) value = unit;
    if (value === undefined) {
      out.push(word);
      continue;
    }
    const previous = out.at(-1);
    if (previous !== undefined && /^[2-9]0$/.test(previous) && value < 10)
      out[out.length - 1] = String(Number(previous) + value);
    else out.push(String(value));
  }
  return out;
}

/**
 * A token with every field set, so all tokens share one shape and the comparison's hot loops stay
 * monomorphic (a field added to some tokens only slows every property read of all of them).
 */
function newToken(
  text: string,
  kind: TokenKind,
  weight: number,
  country: string | null = null,
  known: KnownName | undefined = undefined,
): NameToken {
  return {
    text,
    kind,
    weight,
    country,
    known,
    branch: false,
    hangul: undefined,
    written: undefined,
    sound: undefined,
  };
}

function makeToken(text: string, isPerson: boolean): NameToken {
  let kind: TokenKind = "word";
  if (/^\d+$/.test(text)) kind = "number";
  else if (text.length === 1) kind = "initial";
  else if (PARTICLES.has(text)) kind = "particle";
  // Patronymics ("Viktorovich", "Ivanovna", "Ogly") are often left out, so they carry less of the name.
  const patronymic = isPerson && kind === "word" && PATRONYMIC.test(text);
  return newToken(
    text,
    kind,
    patronymic ? PATRONYMIC_WEIGHT : WEIGHTS[kind],
    (!isPerson && kind === "word" && COUNTRY_WORDS.get(text)) || null,
    isPerson && kind === "word" ? knownName(text) : undefined,
  );
}

/** Two or three capitals without a vowel in a person's name written in mixed case are initials ("HP", "JC"). */
const JOINED_INITIALS = /\b[B-DF-HJ-NP-TV-XZ]{2,3}\b/g;

function splitInitials(words: string[], original: string): string[] {
  if (words.length < 2 || !/[a-z]/.test(original)) return words;
  // Not a word before a comma: that is a family name ("NG, Wai").
  const initials = new Set(
    (original.replace(/\S+,/g, " ").match(JOINED_INITIALS) ?? []).map((w) => w.toLowerCase()),
  );
  if (initials.size === 0) return words;
  return words.flatMap((w) => (initials.has(w) ? [...w] : [w]));
}

/** Marks the places that name a branch of the organisation: regions, and countries in brackets ("(Schweiz)"). */
function markBranches(tokens: NameToken[], latin: string): void {
  const bracketed = latin.includes("(")
    ? new Set(splitWords((latin.match(/\([^)]*\)/g) ?? []).join(" "), false))
    : null;
  for (const token of tokens)
    if (token.country && (REGION_CODES.has(token.country) || bracketed?.has(token.text))) token.branch = true;
}

/** Schemata whose names may be a person's, read from Hangul and kanji as persons' names are. */
const MAYBE_PERSON = new Set([PERSON_SCHEMA, "LegalEntity"]);

/**
 * A name of two to four words, a Korean family name at one end and Korean syllables for the rest
 * ("Kim Jong-un", "Ri Chol Su"), has its given name's syllables joined into one word, the given name
 * (so "Chol-su" and "Chol-ho" are two names, not one syllable in common); null when it is no such name.
 */
function readKorean(words: string[], surnameFirst: boolean): string[] | null {
  if (words.length < 2 || words.length > 4) return null;
  const last = words.length - 1;
  const first = isKoreanSurname(words[0]);
  const end = isKoreanSurname(words[last]);
  // A name with family names at both ends ("Hong Sop Ri") is read only when `surnameFirst` says which.
  const surnameAt = first && (!end || surnameFirst) ? 0 : end && !first && !surnameFirst ? last : -1;
  if (surnameAt < 0) return null;
  const given = words.filter((_, i) => i !== surnameAt);
  const joined = given.join("");
  if (!given.every(isKoreanSyllables) || !isKoreanSyllables(joined)) return null;
  return surnameAt === 0 ? [words[0], joined] : [joined, words[last]];
}

/** "Abd" as written alone ("Abd", "Abdul", "Abdel", "Abdur" …, "Adb" as often typed), the article assimilated or not. */
const ABD_WORD = /^(?:abd(?:u|e|a|o|ou|i)?(?:l|r|s|n|sh|z|d|t)?|adb)$/;
/** "Abd" written together with the name it serves ("Abdulrahman", "Abdelaziz", "Abdurrahman"). */
const ABD_JOINED = /^abd(?:u|e|a|o|ou|i)?(?:l|r|s|n|sh|z|d|t)?([a-z]{3,})$/;
/** How "Abd" is written once its spellings are folded. */
const ABD = "abdul";
/** The article between "Abd" and the name ("al", and its assimilated forms "ar", "as" …). */
const ABD_ARTICLE = /^(?:al|el|ul|ar|as|an|ash|az|ad|at|ur|us|ud)$/;

/**
 * Arabic names built on "Abd" ("servant of"), however written ("Abd al-Rahman", "Abdul Rahman",
 * "Abdulrahman", "Abdurrahman"), as the same two words: "abdul" (its most usual spelling) and the name
 * without its article ("abdul rahman"). Returns the words and how each "abdul" was written.
 */
function abdApart(words: string[]): { words: string[]; written: Map<string, string> } {
  const written = new Map<string, string>();
  if (!words.some((w) => w.startsWith("abd") || w === "adb")) return { words, written };
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const joined = ABD_WORD.test(word) ? null : ABD_JOINED.exec(word);
    if (joined) {
      out.push(ABD, joined[1].replace(/^(?:al|el|ul)(?=[a-z]{3})/, ""));
      written.set(ABD, word);
    } else if (ABD_WORD.test(word)) {
      out.push(ABD);
      if (word !== ABD) written.set(ABD, word);
      // The article after it is part of the element ("Abd al-Rahman", "Abd Alrahman").
      if (i + 2 < words.length && ABD_ARTICLE.test(words[i + 1])) i++;
      else if (i + 1 < words.length) words[i + 1] = words[i + 1].replace(/^(?:al|el|ul)(?=[a-z]{3})/, "");
    } else out.push(word);
  }
  return { words: out, written };
}

/** The first letters of the words that are not particles. */
function initialsOf(words: string[]): string {
  let initials = "";
  for (const word of words) if (!PARTICLES.has(word)) initials += word[0];
  return initials;
}

/** Tokens in the name's own script, for comparing two names written in the same non-Latin script. */
function nativeTokensOf(text: string): NameToken[] {
  const lower = text.toLowerCase().replace(/['’`ʼʻ"“”«»\u200c\u200d]/g, "");
  const words = lower.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  if (!isSyllabic(lower)) return words.map((text) => newToken(text, "word", 1));
  return words.flatMap((w) => [...w]).map((text) => newToken(text, "glyph", 1));
}

/** Tokens of the words; a word written twice ("Sergey Sergey Ivanov") is one part of the name, repeated initials stay. */
function tokensOf(words: string[], isPerson: boolean): NameToken[] {
  const seen = new Set<string>();
  const tokens: NameToken[] = [];
  for (const word of words) {
    if (seen.has(word) && word.length > 1) continue;
    seen.add(word);
    tokens.push(makeToken(word, isPerson));
  }
  return tokens;
}

/**
 * Normalises a name for comparison: transliterates it to Latin, folds case and diacritics, drops
 * punctuation, titles and articles, reads numbers, and maps legal forms to symbols. `schema` is the
 * FtM schema (Person, Company …); persons keep initials apart and lose titles.
 */
export function normaliseName(name: string, schema?: string): NormalisedName {
  const original = name.normalize("NFKC").trim();
  const isPerson = schema === PERSON_SCHEMA;
  const script = scriptOf(original);
  const maybePerson = schema === undefined || MAYBE_PERSON.has(schema);
  const hangul = script === "Hangul" && maybePerson ? readHangulName(original) : null;
  const japanese = hangul || script === null ? null : readJapanese(original, maybePerson);
  // A Han name is romanised as one word: its legal form is read off before.
  const han = script === "Han" && !isPerson && !japanese ? withoutHanForm(original) : null;
  const latin = hangul ? hangul.latin : (japanese ?? latinise(han ? han.name : original));
  let words = readNumbers(splitWords(latin, isPerson), isPerson);
  const compact = words.join("");
  const abd = abdApart(words);
  words = abd.words;
  words = words.filter((w) => !DROPPED_WORDS.has(w) || words.length === 1);
  words = words.map((w) => SPELLINGS.get(w) ?? w);
  const initials = isPerson ? "" : initialsOf(words);
  const { rest, forms } = extractLegalForms(words, isPerson);
  if (han) forms.push(...han.forms);
  words = rest;
  if (isPerson) {
    // A title after a particle is a family name ("al-Shaykh"), not a title.
    const untitled = words.filter((w, i) => !TITLES.has(w) || (i > 0 && PARTICLES.has(words[i - 1])));
    if (untitled.length > 0) words = untitled;
    if (script === null) words = splitInitials(words, original);
  } else {
    // A name that is only the abbreviation ("UAE") stays as written.
    if (words.length > 1) words = words.flatMap((w) => COUNTRY_ABBREVIATIONS.get(w) ?? [w]);
    if (schema && CRAFT_SCHEMATA.has(schema) && words.length > 1 && CRAFT_PREFIXES.has(words[0]))
      words = words.slice(1);
  }
  // A comma after the first word ("RI, Hong Sop") or a hyphen before the last ("Kim Myong-guk") puts the
  // family name first.
  const surnameFirst = /^[^,\s]+,|-\s*\S+$/.test(original);
  // An organisation's name without a legal form may be a person's filed as one (a list's Company entry
  // "Kim Yong-chun"): it is read as Korean when it looks it.
  const mayBeKorean = maybePerson || (forms.length === 0 && !CRAFT_SCHEMATA.has(schema ?? ""));
  const korean = mayBeKorean ? readKorean(words, surnameFirst) : null;
  const apart = korean ? tokensOf(words, isPerson) : null;
  if (korean) words = korean;
  const joined = isPerson ? words : joinLetters(words);
  const tokens = tokensOf(joined, isPerson);
  // The given name read from Hangul carries every Latin spelling it may take.
  if (korean && hangul?.given)
    for (const token of tokens) if (!isKoreanSurname(token.text)) token.hangul = hangul.given;
  if (!isPerson) markBranches(tokens, latin);
  if (abd.written.size > 0)
    for (const token of tokens) {
      const written = abd.written.get(token.text);
      if (written) token.written = written;
    }
  return {
    original,
    schema: schema ?? null,
    tokens,
    legalForms: [...new Set(forms.map((f) => f.symbol))],
    genericFormsOnly: forms.every((f) => f.generic),
    compact,
    initials,
    letterTokens: joined.length < words.length ? tokensOf(words, isPerson) : null,
    looseForm:
      !isPerson && tokens.length >= 2 && tokens[tokens.length - 1].kind === "word"
        ? nearLegalForm(tokens[tokens.length - 1].text)
        : null,
    code: codeOf(original),
    abjad: isAbjad(original),
    script,
    nativeTokens: script ? nativeTokensOf(original) : null,
    korean: korean !== null,
    apart,
    numbers: tokens.some((t) => t.kind === "number")
      ? tokens
          .filter((t) => t.kind === "number")
          .map((t) => t.text)
          .sort()
          .join(" ")
      : "",
    japanese,
    respelt:
      script === "Thai" && original.includes("จ")
        ? normaliseName(latinise(original, "ch"), schema).tokens
        : null,
  };
}
