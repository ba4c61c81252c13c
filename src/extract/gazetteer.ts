// Text screening: finds known names (list entries, accepted entities) in new text through a trie over
// normalised tokens, scanned left to right with longest match (a token-level Aho–Corasick without
// failure links: names are anchored on token starts, so a restart per token suffices).
import anyAscii from "any-ascii";
import nlp from "compromise";
import type { EntityType, Span } from "../model/index.js";

/** A name to look for, and what it refers to (a list entry id, an entity id). */
export interface GazetteerItem {
  name: string;
  type: EntityType;
  ref: string;
}

/** A known name found in a text: the [start, end) span in the original text and what it refers to. */
export interface GazetteerHit extends Span {
  ref: string;
  type: EntityType;
  /** The known name that matched (as given to buildGazetteer). */
  name: string;
}

interface Payload {
  ref: string;
  type: EntityType;
  name: string;
  /** Short acronym: every text token must be in capitals. */
  upper: boolean;
  /** The name is only common words: it counts only next to a legal form in the text. */
  needsLegalForm: boolean;
  /**
   * One word that is a company's name without its legal form, or a vessel's or aircraft's name: alone
   * in the text it must not sit inside a longer capitalised name ("Cloud Element Company Limited").
   */
  alone: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  payloads: Payload[] | null;
}

/** An index of known names, built once by buildGazetteer and read by findInText. */
export interface Gazetteer {
  /** Name variants indexed. */
  readonly size: number;
  /** Names left out as too short or too common to find reliably, with the reason. */
  readonly skipped: ReadonlyArray<{ name: string; reason: string }>;
  /** The token trie (internal to this module). */
  readonly root: TrieNode;
}

/** Legal forms, as normalised token sequences; stripped from name edges and optional in text. */
const LEGAL_FORM_PHRASES = [
  "co|company|ltd|limited|llc|inc|incorporated|corp|corporation|plc|gmbh|ag|kg|sa|sas|sarl|srl|bv|nv|oy|ab|as",
  "jsc|ojsc|cjsc|pjsc|ooo|oao|zao|pao|ao|tov|too|fze|fzco|fzc|llp|lp|ltda|spa|kft|zrt|bhd|pte|pvt|pty|dmcc|se",
  "co ltd|company limited|limited company|limited liability company|limited liability partnership",
  "joint stock company|closed joint stock company|open joint stock company|public joint stock company",
  "private joint stock company|public limited company|private limited company|private limited",
  "sdn bhd|pte ltd|pvt ltd|pty ltd|s a|s a de c v|sa de cv|s r l|s p a|l l c|sp z o o|d o o|s r o|fz llc|fz co",
  "obshchestvo s ogranichennoy otvetstvennostyu|obshchestvo s ogranichennoi otvetstvennostyu",
  "aktsionernoe obshchestvo|otkrytoe aktsionernoe obshchestvo|zakrytoe aktsionernoe obshchestvo",
  "publichnoe aktsionernoe obshchestvo|tovarystvo z obmezhenoyu vidpovidalnistyu",
]
  .join("|")
  .split("|")
  .map((phrase) => phrase.split(" "));
/** The legal-form phrases by their first and by their last token. */
const LEGAL_FORMS_BY_FIRST = new Map<string, string[][]>();
const LEGAL_FORMS_BY_LAST = new Map<string, string[][]>();
for (const phrase of LEGAL_FORM_PHRASES) {
  for (const [map, token] of [
    [LEGAL_FORMS_BY_FIRST, phrase[0]],
    [LEGAL_FORMS_BY_LAST, phrase[phrase.length - 1]],
  ] as const) {
    const list = map.get(token) ?? [];
    list.push(phrase);
    map.set(token, list);
  }
}
/** Words that may stay lower case inside a name ("Bank of the Republic", "Abu al Qasim"). */
const FUNCTION_WORDS = new Set(
  "of the and for de del la le les el al bin ibn bint von van der den y da do dos das du des di e i a".split(
    " ",
  ),
);
/** Generic words of organisation names that compromise's lexicon does not list. */
const GENERIC_WORDS = new Set(
  (
    "group international trading trade general global national united new first central company industries " +
    "industrial services service holding holdings investment investments development import export petroleum " +
    "oil gas energy shipping marine maritime star sun golden royal state republic ministry government army navy " +
    "force forces police council committee party front movement brigade battalion organization organisation " +
    "foundation association network center centre institute university school hospital technology technologies " +
    "tech systems solutions electronics engineering construction logistics transport airlines air aviation cargo " +
    "express commercial finance financial capital exchange market security defense defence military islamic " +
    "sea ocean river delta alpha omega titan union victory eagle dragon falcon lion tiger freedom liberty " +
    "infinity horizon skyline leadership forum integral unity glory harmony fortune pioneer progress future " +
    "vision zenith summit atlas orbit galaxy nova apex prime elite premier crystal diamond pearl jade emerald " +
    "silver platinum rainbow paradise queen king princess prince crown empire legend spirit destiny grace " +
    "blessing miracle success triumph supreme noble faith peace light wind storm thunder wave breeze coral " +
    "dolphin phoenix griffin aurora polaris neptune mercury venus jupiter saturn mars titanic oasis tango bueno " +
    "max mega ultra super smart best top gold green blue red black white"
  ).split(" "),
);
/** Compromise's lexicon (English words, given names, places) as a set: a name made of one is common. */
const LEXICON = new Set(
  Object.keys(
    (nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } }).model().one.lexicon,
  ),
);
const MIN_NAME_CHARS = 4;
const MIN_ACRONYM_CHARS = 3;

/** Tokens of a text as parallel arrays (no object per token: the scan is a hot path). */
interface TokenList {
  starts: number[];
  ends: number[];
  norms: string[];
}

/** Character classes for the tokeniser: 1 = letter or digit (starts a token), 2 = mark (continues one). */
const CHAR_CLASS = new Uint8Array(65536);
for (let code = 0; code < 65536; code++) {
  const char = String.fromCharCode(code);
  CHAR_CLASS[code] = /[\p{L}\p{N}]/u.test(char) ? 1 : /\p{M}/u.test(char) ? 2 : 0;
}
const AMPERSAND = 38;

const transliterated = new Map<string, string>();

/** Lower case, diacritics and scripts to ASCII ("Ştefan" → "stefan", "Москва" → "moskva"), "&" → "and". */
function normaliseToken(raw: string, ascii: boolean): string {
  if (ascii) return raw === "&" ? "and" : raw.toLowerCase();
  let norm = transliterated.get(raw);
  if (norm === undefined) {
    norm = anyAscii(raw)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
    // Bounded: a long-running process reading many scripts must not grow without limit.
    if (transliterated.size > 100_000) transliterated.clear();
    transliterated.set(raw, norm);
  }
  return norm;
}

/** Splits text into runs of letters, digits and marks (and lone "&"), each with its normalised form. */
function tokenise(text: string): TokenList {
  const list: TokenList = { starts: [], ends: [], norms: [] };
  const length = text.length;
  for (let i = 0; i < length; ) {
    const code = text.charCodeAt(i);
    if (CHAR_CLASS[code] !== 1 && code !== AMPERSAND) {
      i++;
      continue;
    }
    let j = i + 1;
    let ascii = code < 128;
    if (code !== AMPERSAND) {
      for (; j < length; j++) {
        const next = text.charCodeAt(j);
        if (CHAR_CLASS[next] === 0) break;
        if (next >= 128) ascii = false;
      }
    }
    const norm = normaliseToken(text.slice(i, j), ascii);
    if (norm) {
      list.starts.push(i);
      list.ends.push(j);
      list.norms.push(norm);
    }
    i = j;
  }
  return list;
}

/** Length of the legal-form phrase starting at `from` (reading forwards) or ending at it (backwards). */
function legalFormLength(norms: string[], from: number, direction: 1 | -1): number {
  if (from < 0 || from >= norms.length) return 0;
  const phrases = (direction === 1 ? LEGAL_FORMS_BY_FIRST : LEGAL_FORMS_BY_LAST).get(norms[from]);
  if (!phrases) return 0;
  let best = 0;
  for (const phrase of phrases) {
    if (phrase.length <= best) continue;
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) {
      const index = direction === 1 ? from + k : from - (phrase.length - 1) + k;
      ok = index >= 0 && index < norms.length && norms[index] === phrase[k];
    }
    if (ok) best = phrase.length;
  }
  return best;
}

function isCommon(norm: string): boolean {
  return GENERIC_WORDS.has(norm) || FUNCTION_WORDS.has(norm) || LEXICON.has(norm) || /^\d+$/.test(norm);
}

/** "PULIDO ORTIZ, Bayardo De Jesus" → "Bayardo De Jesus PULIDO ORTIZ": how texts write a listed person. */
function personVariants(name: string): string[] {
  const parts = name.split(",");
  if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) return [name];
  return [name, `${parts[1].trim()} ${parts[0].trim()}`];
}

/**
 * Builds the index over the known names. Each name is tokenised and normalised (case, diacritics and
 * scripts folded, punctuation dropped); legal forms at its edges are made optional; a listed person's
 * "SURNAME, Given" is also indexed as "Given SURNAME", and a hyphenated name also joined. Names too
 * short (under 4 letters, unless an acronym of 3+ capitals) or made of one common word are left out and
 * listed in `skipped`; a name of common words listed with a legal form ("Global Trading LLC") counts
 * only beside a legal form in the text.
 */
export function buildGazetteer(items: GazetteerItem[]): Gazetteer {
  const root: TrieNode = { next: null, payloads: null };
  const skipped: Array<{ name: string; reason: string }> = [];
  const seen = new Set<string>();
  let size = 0;
  for (const item of items) {
    const written = item.type === "Person" ? personVariants(item.name) : [item.name];
    // "AERO-CARIBBEAN" is also written "Aerocaribbean": index the hyphen-joined form too.
    const variants = written.flatMap((name) => {
      const joined = name.replace(/(\p{L})-(\p{L})/gu, "$1$2");
      return joined === name ? [name] : [name, joined];
    });
    for (const variant of variants) {
      const tokens = tokenise(variant);
      let norms = tokens.norms;
      let raws = tokens.starts.map((start, k) => variant.slice(start, tokens.ends[k]));
      let hadLegalForm = false;
      for (let changed = true; changed && norms.length > 0; ) {
        const tail = legalFormLength(norms, norms.length - 1, -1);
        const head = tail === norms.length ? 0 : legalFormLength(norms, 0, 1);
        changed = (tail > 0 && tail < norms.length) || (head > 0 && head < norms.length);
        if (tail > 0 && tail < norms.length) {
          norms = norms.slice(0, -tail);
          raws = raws.slice(0, -tail);
          hadLegalForm = true;
        } else if (head > 0 && head < norms.length) {
          norms = norms.slice(head);
          raws = raws.slice(head);
          hadLegalForm = true;
        }
      }
      const letters = norms.join("").length;
      const upper = letters < MIN_NAME_CHARS;
      if (norms.length === 0) {
        skipped.push({ name: variant, reason: "no name besides punctuation or a legal form" });
        continue;
      }
      if (
        upper &&
        !(norms.length === 1 && letters >= MIN_ACRONYM_CHARS && raws[0] === raws[0].toUpperCase())
      ) {
        skipped.push({ name: variant, reason: `shorter than ${MIN_NAME_CHARS} letters and not an acronym` });
        continue;
      }
      const distinctive = norms.filter((norm) => !FUNCTION_WORDS.has(norm));
      // Common words ("Patriot", "Gas LLC", "Global Trading LLC") name too much else: such a name counts
      // only beside a legal form, and a single common word without one is left out.
      const allCommon = distinctive.every(isCommon);
      const needsLegalForm = allCommon && (distinctive.length < 2 || hadLegalForm);
      if (allCommon && distinctive.length < 2 && !hadLegalForm) {
        skipped.push({ name: variant, reason: "a single common word" });
        continue;
      }
      const key = `${norms.join(" ")}\u001f${item.ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let node = root;
      for (const norm of norms) {
        node.next ??= new Map();
        let child = node.next.get(norm);
        if (!child) {
          child = { next: null, payloads: null };
          node.next.set(norm, child);
        }
        node = child;
      }
      node.payloads ??= [];
      const alone =
        distinctive.length === 1 && (hadLegalForm || item.type === "Vessel" || item.type === "Aircraft");
      node.payloads.push({ ref: item.ref, type: item.type, name: item.name, upper, needsLegalForm, alone });
      size++;
    }
  }
  return { size, skipped, root };
}

/** True when a text token may stand for a name token: capitalised (or caseless), or a function word. */
function caseFits(text: string, tokens: TokenList, k: number, upper: boolean): boolean {
  const raw = text.slice(tokens.starts[k], tokens.ends[k]);
  if (upper) return raw === raw.toUpperCase() && raw !== raw.toLowerCase();
  return isCapitalised(raw) || FUNCTION_WORDS.has(tokens.norms[k]);
}

/** First character not a lower-case letter (capital, digit, or a script without case). */
function isCapitalised(raw: string): boolean {
  const first = raw[0];
  return first === first.toUpperCase();
}

function accepts(
  text: string,
  payload: Payload,
  tokens: TokenList,
  from: number,
  to: number,
  legalForm: boolean,
  inLowerCase: (word: string) => boolean,
): boolean {
  if (payload.needsLegalForm && !legalForm) return false;
  // A one-word name that the same text also writes in lower case is a common word there ("Horizon").
  if (from === to && !legalForm && !payload.upper && inLowerCase(tokens.norms[from])) return false;
  for (let k = from; k <= to; k++) if (!caseFits(text, tokens, k, payload.upper)) return false;
  if (
    payload.alone &&
    !legalForm &&
    (namePart(text, tokens, from - 1, from) || namePart(text, tokens, to + 1, to))
  ) {
    return false;
  }
  return true;
}

/** True when token `k`, next to `beside`, is a capitalised word of the same phrase (part of a name). */
function namePart(text: string, tokens: TokenList, k: number, beside: number): boolean {
  if (k < 0 || k >= tokens.norms.length || FUNCTION_WORDS.has(tokens.norms[k])) return false;
  if (!joins(text, tokens, Math.min(k, beside))) return false;
  const raw = text.slice(tokens.starts[k], tokens.ends[k]);
  return raw[0] !== raw[0].toLowerCase();
}

/**
 * True when tokens `k` and `k + 1` can belong to one name: a short gap of spaces, dots, commas, hyphens,
 * quotes or slashes, and no sentence end (a full stop after a word longer than an abbreviation).
 */
function joins(text: string, tokens: TokenList, k: number): boolean {
  const gapStart = tokens.ends[k];
  const gapEnd = tokens.starts[k + 1];
  if (gapEnd - gapStart > 3) return false;
  for (let c = gapStart; c < gapEnd; c++) {
    const code = text.charCodeAt(c);
    if (code === 46) {
      if (tokens.ends[k] - tokens.starts[k] > 3) return false;
    } else if (!JOINERS.has(code)) return false;
  }
  return true;
}

/** Space, no-break space, quotes, apostrophe, comma, hyphen, slash, dashes and guillemets. */
const JOINERS = new Set([
  32, 160, 34, 39, 44, 45, 47, 0x2010, 0x2011, 0x2013, 0x2019, 0x201c, 0x201d, 0xab, 0xbb,
]);

/** Extends a match over a capitalised legal form written right after (or before, down to `floor`) it. */
function legalFormAround(
  text: string,
  tokens: TokenList,
  from: number,
  to: number,
  floor: number,
): [number, number] {
  const fits = (a: number, b: number) => {
    if (a < floor || b >= tokens.norms.length) return false;
    for (let k = a; k <= b; k++)
      if (!isCapitalised(text.slice(tokens.starts[k], tokens.ends[k]))) return false;
    for (let k = a; k < b; k++) if (!joins(text, tokens, k)) return false;
    return true;
  };
  const after = legalFormLength(tokens.norms, to + 1, 1);
  const before = legalFormLength(tokens.norms, from - 1, -1);
  return [
    before > 0 && fits(from - before, from) ? from - before : from,
    after > 0 && fits(to, to + after) ? to + after : to,
  ];
}

/**
 * True when the text writes `word` (a normalised, lower-case token) in lower case in running prose:
 * between spaces or before punctuation, so addresses and file names ("…/press/hamas-…") do not count.
 */
function writesInLowerCase(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at > 0 && !PROSE_BEFORE.has(text.charCodeAt(at - 1))) continue;
    const after = text.charCodeAt(at + word.length);
    if (Number.isNaN(after) || PROSE_AFTER.has(after)) return true;
  }
  return false;
}

/** Space, newline, opening bracket and quotes. */
const PROSE_BEFORE = new Set([32, 10, 40, 34, 0x201c, 0x2018]);
/** Space, newline, comma, full stop, colon, semicolon, closing bracket and quotes. */
const PROSE_AFTER = new Set([32, 10, 44, 46, 58, 59, 41, 34, 0x201d, 0x2019]);

const QUOTE_PAIRS: Array<[string, string]> = [
  ["«", "»"],
  ["“", "”"],
  ['"', '"'],
];
const CLOSING_QUOTES = new Set(QUOTE_PAIRS.map(([, close]) => close));

/** Takes in the closing quote of a name written in quotes after its legal form: ООО «Name». */
function closeQuote(text: string, start: number, end: number): number {
  if (!CLOSING_QUOTES.has(text[end])) return end;
  const words = text.slice(start, end);
  for (const [open, close] of QUOTE_PAIRS) {
    const opened = words.split(open).length - 1;
    const closed = open === close ? opened % 2 : words.split(close).length - 1;
    if ((open === close ? closed === 1 : opened > closed) && text[end] === close) return end + 1;
  }
  return end;
}

/**
 * Finds the known names in `text`: whole tokens only, leftmost-longest and without overlaps, tolerant
 * of case, diacritics, punctuation and legal-form variation; offsets are exact into `text`. A span that
 * several known items share gives one hit per item.
 */
export function findInText(gazetteer: Gazetteer, text: string): GazetteerHit[] {
  const hits: GazetteerHit[] = [];
  const rootNext = gazetteer.root.next;
  if (!rootNext) return hits;
  const tokens = tokenise(text);
  const { norms } = tokens;
  const count = norms.length;
  const lowerCache = new Map<string, boolean>();
  const inLowerCase = (word: string) => {
    let found = lowerCache.get(word);
    if (found === undefined) {
      found = writesInLowerCase(text, word);
      lowerCache.set(word, found);
    }
    return found;
  };
  let floor = 0;
  for (let i = 0; i < count; i++) {
    let node = rootNext.get(norms[i]);
    if (!node) continue;
    let bestPayloads: Payload[] | null = null;
    let bestSpan: [number, number] = [i, i];
    for (let j = i; node; ) {
      if (node.payloads) {
        const span = legalFormAround(text, tokens, i, j, floor);
        const withForm = span[0] !== i || span[1] !== j;
        const fitting = node.payloads.filter((payload) =>
          accepts(text, payload, tokens, i, j, withForm, inLowerCase),
        );
        if (fitting.length > 0) {
          bestPayloads = fitting;
          bestSpan = span;
        }
      }
      j++;
      node = j < count && node.next && joins(text, tokens, j - 1) ? node.next.get(norms[j]) : undefined;
    }
    if (!bestPayloads) continue;
    const start = tokens.starts[bestSpan[0]];
    const end = closeQuote(text, start, tokens.ends[bestSpan[1]]);
    for (const payload of bestPayloads) {
      hits.push({ start, end, ref: payload.ref, type: payload.type, name: payload.name });
    }
    i = bestSpan[1];
    floor = i + 1;
  }
  return hits;
}
