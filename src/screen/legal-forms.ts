// Company legal forms and their long forms mapped to one symbol each, so "OOO", "o.O.O.", "ООО" and
// "obshchestvo s ogranichennoi otvetstvennostyu" read alike (after nomenklatura's organisation-type symbols).
import { distance } from "fastest-levenshtein";

/** A legal form: its symbol, the written variants (lower-case ASCII words) and whether short variants are ambiguous. */
interface LegalForm {
  symbol: string;
  /** Generic forms (Ltd, Inc, Corp, Co, PLC) are interchangeable when two names are compared. */
  generic: boolean;
  variants: string[];
}

/** "Obshchestvo s ogranichennoi otvetstvennostyu" (ООО) in the romanisations lists use (BGN/PCGN, ISO 9, GOST, loose). */
const RUSSIAN_LLC = ["obshchestvo", "obshestvo", "obschestvo"].flatMap((society) =>
  ["ogranichennoi", "ogranichennoy", "ogranichennoj"].flatMap((limited) =>
    ["otvetstvennostyu", "otvetstvennostiu", "otvetstvennostju"].map(
      (liability) => `${society} s ${limited} ${liability}`,
    ),
  ),
);

/**
 * Every legal form Skein recognises. Variants are written as normalised tokens (lower case, no dots),
 * so "S.A.R.L." is "sarl" and "Sp. z o.o." is "sp z oo".
 */
export const LEGAL_FORMS: LegalForm[] = [
  {
    symbol: "LLC",
    generic: false,
    variants: [
      "llc",
      "limited liability company",
      "limited liability co",
      "ooo",
      "tov",
      "too",
      ...RUSSIAN_LLC,
      "tovarystvo z obmezhenoyu vidpovidalnistyu",
      "tovarystvo z obmezhenoiu vidpovidalnistiu",
      "tovarishchestvo s ogranichennoy otvetstvennostyu",
      "gmbh",
      "gesellschaft mit beschrankter haftung",
      "sarl",
      "societe a responsabilite limitee",
      "srl",
      "societatea cu raspundere limitata",
      "societa a responsabilita limitata",
      "sl",
      "sociedad limitada",
      "sociedad de responsabilidad limitada",
      "ltda",
      "limitada",
      "sp z oo",
      "spzoo",
      "spolka z ograniczona odpowiedzialnoscia",
      "sro",
      "spol s ro",
      "kft",
      "doo",
      "mchj",
      // Turkish, Persian, Chinese (pinyin) and Mexican forms.
      "limited sirketi",
      "ltd sti",
      "ba masuliyat mahdud",
      "ba masouliat mahdoud",
      "youxian zeren gongsi",
      "s de rl",
      "s de rl de cv",
      "sociedad de responsabilidad limitada de capital variable",
    ],
  },
  {
    symbol: "JSC",
    generic: false,
    variants: [
      "jsc",
      "ojsc",
      "cjsc",
      "pjsc",
      "ao",
      "oao",
      "zao",
      "pao",
      "nao",
      "jsco",
      "joint stock company",
      "joint stock co",
      "jointstock company",
      "open joint stock company",
      "closed joint stock company",
      "public joint stock company",
      "private joint stock company",
      "non public joint stock company",
      "aktsionernoe obshchestvo",
      "aktsionernoye obshchestvo",
      "otkrytoe aktsionernoe obshchestvo",
      "zakrytoe aktsionernoe obshchestvo",
      "publichnoe aktsionernoe obshchestvo",
      "nepublichnoe aktsionernoe obshchestvo",
      "aktsionerne tovarystvo",
      "pat",
      "prat",
      "at",
      "ag",
      "aktiengesellschaft",
      "sa",
      "societe anonyme",
      "sociedad anonima",
      "sa de cv",
      "sab de cv",
      "sas",
      "spa",
      "societa per azioni",
      "nv",
      "naamloze vennootschap",
      "se",
      "societas europaea",
      "ad",
      "as",
      "asa",
      "ab",
      "oyj",
      "aktiebolag",
      "aksjeselskap",
      "aktieselskab",
      "a s",
      "anonim sirketi",
      "sahami khas",
      "sahami aam",
      "sahami am",
      "sherkat sahami khas",
      "sherkat sahami aam",
      "gufen youxian gongsi",
      "sapi de cv",
    ],
  },
  {
    symbol: "LTD",
    generic: true,
    variants: [
      "ltd",
      "limited",
      "pvt ltd",
      "private limited",
      "pte",
      "pte ltd",
      "pty",
      "pty ltd",
      "bv",
      "besloten vennootschap",
      "bvba",
      "pt",
      "perseroan terbatas",
      "kk",
      "kabushiki kaisha",
      "youxian gongsi",
      "yk",
      "oy",
    ],
  },
  { symbol: "PLC", generic: true, variants: ["plc", "public limited company"] },
  { symbol: "INC", generic: true, variants: ["inc", "incorporated"] },
  { symbol: "CORP", generic: true, variants: ["corp", "corporation"] },
  {
    symbol: "CO",
    generic: true,
    variants: [
      "co",
      "company",
      "cie",
      "compagnie",
      "compania",
      "cia",
      "sirketi",
      "sherkat",
      "sherkat e",
      "shirkat",
      "gongsi",
    ],
  },
  {
    symbol: "LP",
    generic: false,
    variants: [
      "lp",
      "limited partnership",
      "kg",
      "kommanditgesellschaft",
      "scs",
      "s en c",
      "sociedad en comandita",
      "sociedad en comandita simple",
    ],
  },
  { symbol: "LLP", generic: false, variants: ["llp", "limited liability partnership"] },
  {
    symbol: "FZE",
    generic: false,
    variants: ["fze", "fzco", "fzc", "fz llc", "free zone establishment", "free zone company"],
  },
  {
    symbol: "ANO",
    generic: false,
    variants: ["ano", "avtonomnaya nekommercheskaya organizatsiya", "autonomous non profit organization"],
  },
  {
    symbol: "SUE",
    generic: false,
    variants: [
      "fgup",
      "gup",
      "mup",
      "fsue",
      "federal state unitary enterprise",
      "state unitary enterprise",
      "federalnoe gosudarstvennoe unitarnoe predpriyatie",
      "gosudarstvennoe unitarnoe predpriyatie",
    ],
  },
  { symbol: "NA", generic: false, variants: ["na", "national association"] },
];

/** Single words shorter than this are also ordinary words or name parts ("as", "at", "sa"). */
const SHORT = 3;
/** Short forms that are written before the name ("AO Aviakor", "PT Astra"); other short forms only end a name. */
const SHORT_PREFIXES = new Set(["ao", "pt"]);

/** Legal forms written in Han at the end of a name (有限公司), read before the name is romanised as one word. */
const HAN_FORMS: readonly { suffix: string; form: LegalForm }[] = [
  ["股份有限公司", "JSC"],
  ["有限责任公司", "LLC"],
  ["有限責任公司", "LLC"],
  ["有限公司", "LTD"],
  ["公司", "CO"],
].map(([suffix, symbol]) => ({ suffix, form: LEGAL_FORMS.find((f) => f.symbol === symbol)! }));

/** A name in Han without its legal form at the end ("上海扎列沃有限公司" → "上海扎列沃", LTD); the name itself when it has none. */
export function withoutHanForm(name: string): { name: string; forms: LegalFormHit[] } {
  const trimmed = name.trim();
  for (const { suffix, form } of HAN_FORMS)
    if (trimmed.length > suffix.length && trimmed.endsWith(suffix))
      return {
        name: trimmed.slice(0, -suffix.length),
        forms: [{ symbol: form.symbol, generic: form.generic, length: 1 }],
      };
  return { name, forms: [] };
}

/** A legal form found in a name. */
export interface LegalFormHit {
  symbol: string;
  generic: boolean;
  /** Number of tokens it spans. */
  length: number;
}

interface Trie {
  next: Map<string, Trie>;
  form: LegalForm | null;
  /** Words already looked up fuzzily at this node, and what they led to. */
  fuzzy: Map<string, Trie | null>;
  /** The long words of `next` by first letter, each with its place in `next`; built when first needed. */
  byInitial: Map<string, LongWord[]> | null;
}

/** A word of FUZZY_MIN letters or more leading from a node, its child, and its place among the node's words. */
interface LongWord {
  key: string;
  child: Trie;
  order: number;
}

/**
 * The node's long words a misspelling of `word` may stand for, in the node's order: those with its first
 * letter, or with its first two letters swapped.
 */
function longWordsFor(node: Trie, word: string): LongWord[] {
  if (node.byInitial === null) {
    node.byInitial = new Map();
    let order = 0;
    for (const [key, child] of node.next) {
      order++;
      if (key.length < FUZZY_MIN) continue;
      const bucket = node.byInitial.get(key[0]);
      if (bucket) bucket.push({ key, child, order });
      else node.byInitial.set(key[0], [{ key, child, order }]);
    }
  }
  const same = node.byInitial.get(word[0]) ?? NO_WORDS;
  if (word[1] === word[0]) return same;
  const swapped = (node.byInitial.get(word[1]) ?? NO_WORDS).filter((w) => w.key[1] === word[0]);
  if (swapped.length === 0) return same;
  return [...same, ...swapped].sort((a, b) => a.order - b.order);
}

const NO_WORDS: LongWord[] = [];

function newNode(): Trie {
  return { next: new Map(), form: null, fuzzy: new Map(), byInitial: null };
}

function buildTrie(): Trie {
  const root = newNode();
  for (const form of LEGAL_FORMS) {
    for (const variant of form.variants) {
      let node = root;
      for (const word of variant.split(" ")) {
        let child = node.next.get(word);
        if (!child) {
          child = newNode();
          node.next.set(word, child);
        }
        node = child;
      }
      node.form = form;
    }
  }
  return root;
}

const TRIE = buildTrie();
const MAX_WORDS = Math.max(...LEGAL_FORMS.flatMap((f) => f.variants.map((v) => v.split(" ").length)));

/** Words of legal forms long enough to be recognised misspelt or cut short ("Aktiengeselschaft", "compan"). */
const FUZZY_MIN = 5;
/** Words of legal forms from this length are recognised two edits away ("otvetsvfnnostyu"). */
const FUZZY_TWO_EDITS = 12;
const FUZZY_CACHE_LIMIT = 50_000;

/** One-word forms of three letters with two neighbouring letters swapped ("ldt", "lcl"), when that is no form itself. */
const SWAPPED_SHORT_FORMS = new Map(
  [...TRIE.next].flatMap(([key, child]) =>
    key.length !== SHORT
      ? []
      : [key[1] + key[0] + key[2], key[0] + key[2] + key[1]]
          .filter((swap) => swap !== key && !TRIE.next.has(swap))
          .map((swap) => [swap, child] as const),
  ),
);

/** Whether `a` is `b` with two neighbouring letters swapped ("joitn", "joint"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let at = 0;
  while (a[at] === b[at]) at++;
  return a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/**
 * The child for `word`: exact, else a long form word within one edit (two for the longest; a swap of
 * neighbouring letters is one), or cut short at the name's end. Inside a form of several words, and
 * for three-letter forms when `swaps`, a short word with two neighbouring letters swapped ("sa ed cv",
 * "lcl") is read as the form word too, and inside a form one with a letter changed.
 */
function childFor(node: Trie, word: string, last: boolean, swaps: boolean): Trie | undefined {
  const exact = node.next.get(word);
  const inside = node !== TRIE;
  if (exact) return exact;
  const short = word.length < FUZZY_MIN;
  if (short && !inside) return swaps ? SWAPPED_SHORT_FORMS.get(word) : undefined;
  if (short && word.length < 2) return undefined;
  const cacheKey = last ? `${word}$` : word;
  const cached = node.fuzzy.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  let found: Trie | null = null;
  if (short) {
    for (const [key, child] of node.next) {
      // Inside a form the words around fix it: one letter changed counts too ("s df rl de cv").
      if (swapped(word, key) || (inside && key.length === word.length && distance(key, word) === 1)) {
        found = child;
        break;
      }
    }
  } else {
    // Misspellings keep the first letter, or swap it with the second: only such words are compared.
    for (const { key, child } of longWordsFor(node, word)) {
      const edits = key.length >= FUZZY_TWO_EDITS ? 2 : 1;
      if (
        (last && key.length > word.length && key.startsWith(word)) ||
        (Math.abs(key.length - word.length) <= edits && (swapped(word, key) || distance(key, word) <= edits))
      ) {
        found = child;
        break;
      }
    }
  }
  if (node.fuzzy.size > FUZZY_CACHE_LIMIT) node.fuzzy.clear();
  node.fuzzy.set(cacheKey, found);
  return found ?? undefined;
}

/**
 * The longest legal form starting at `start` in `tokens` (reading forwards), or null. `swaps` reads
 * three-letter forms with two letters swapped ("ldt"), for organisations at the ends of their names.
 */
function matchForward(tokens: string[], start: number, swaps = false): LegalFormHit | null {
  let node: Trie | undefined = TRIE;
  let best: LegalFormHit | null = null;
  for (let i = start; i < tokens.length && i < start + MAX_WORDS; i++) {
    node = childFor(node, tokens[i], i === tokens.length - 1, swaps);
    if (!node) break;
    if (node.form) best = { symbol: node.form.symbol, generic: node.form.generic, length: i - start + 1 };
  }
  return best;
}

/** Whether a one-word form is read as a legal form here: short ones only at their usual end, none ambiguous for persons. */
function allowed(hit: LegalFormHit, word: string, atHead: boolean, isPerson: boolean): boolean {
  if (hit.length > 1) return true;
  if (word.length < SHORT) return !isPerson && (atHead ? SHORT_PREFIXES.has(word) : true);
  return !(isPerson && (word === "too" || word === "pat" || word === "cia"));
}

/**
 * Peels legal forms off both ends of a token list (repeatedly, so "co ltd" yields CO and LTD) and
 * returns the remaining tokens and the symbols. At least one token is always left as the name.
 */
export function extractLegalForms(
  tokens: string[],
  isPerson: boolean,
): { rest: string[]; forms: LegalFormHit[] } {
  let start = 0;
  let end = tokens.length;
  const forms: LegalFormHit[] = [];
  let changed = true;
  while (changed && end - start > 1) {
    changed = false;
    const head = matchForward(tokens.slice(0, end), start, !isPerson);
    if (head && end - start - head.length >= 1 && allowed(head, tokens[start], true, isPerson)) {
      forms.push(head);
      start += head.length;
      changed = true;
      continue;
    }
    for (let length = Math.min(MAX_WORDS, end - start - 1); length >= 1; length--) {
      const tail = matchForward(tokens.slice(0, end), end - length, !isPerson);
      if (tail && tail.length === length && allowed(tail, tokens[end - length], false, isPerson)) {
        forms.push(tail);
        end -= length;
        changed = true;
        break;
      }
    }
  }
  let rest = tokens.slice(start, end);
  // Organisation names may carry a legal form inside too ("Trading Company Limited Al-Arabi" reordered);
  // only forms of three letters or more are read there, since shorter ones are ordinary words.
  if (!isPerson && rest.length > 2) {
    const kept: string[] = [];
    for (let i = 0; i < rest.length; ) {
      const hit = i > 0 && i < rest.length - 1 ? matchForward(rest, i) : null;
      if (hit && (hit.length > 1 || rest[i].length >= SHORT)) {
        forms.push(hit);
        i += hit.length;
      } else kept.push(rest[i++]);
    }
    rest = kept;
  }
  return { rest, forms };
}

/** One-word forms of four letters: too short to be read misspelt, but a name ending one letter off may mean them. */
const FOUR_LETTER_FORMS = LEGAL_FORMS.flatMap((form) =>
  form.variants.filter((v) => v.length === 4 && !v.includes(" ")).map((variant) => ({ variant, form })),
);

/** The symbol of the four-letter legal form `word` is one changed letter from ("cosp" → CORP), else null. */
export function nearLegalForm(word: string): string | null {
  if (word.length !== 4) return null;
  for (const { variant, form } of FOUR_LETTER_FORMS) {
    if (variant[0] === word[0] && distance(variant, word) === 1) return form.symbol;
  }
  return null;
}
