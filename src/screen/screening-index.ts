// The in-memory candidate index over list entries: every name's words, joined forms and acronyms are
// keys to posting lists, and single-edit neighbours are found through a deletion index (after
// SymSpell's symmetric delete), so a query touches only names sharing a (nearly) equal word.
import type { ListEntry } from "../model/index.js";
import type { EntryName } from "./feature.js";
import { type NormalisedName, normaliseName, skeletonOf } from "./normalise.js";

/** Options of `buildIndex`. */
export interface IndexOptions {
  /** Index the weak aliases as well (they are scored by weakAliasMatch). */
  weakAliases: boolean;
}

const INDEX_DEFAULTS: Readonly<IndexOptions> = Object.freeze({ weakAliases: true });
/** Words shorter than this are only looked up exactly. */
const FUZZY_MIN_LENGTH = 3;
/** A key found through one edit counts this much of an exact one (less for short words, which have many neighbours). */
const FUZZY_WEIGHT = 0.7;
const FUZZY_SHORT_WEIGHT = 0.55;
/** Words from this length count fully when found through one edit. */
const FUZZY_FULL_LENGTH = 5;
/** When the query word itself is indexed, its one-edit neighbours are likelier other words. */
const FUZZY_KNOWN_FACTOR = 0.7;
/** Words from this length the list does not hold are also looked up two edits away. */
const TWO_EDIT_MIN_LENGTH = 7;
const TWO_EDIT_WEIGHT = 0.45;
/** A deletion variant shared by more keys than this (short words) is too ambiguous to follow. */
const MAX_NEIGHBOURS = 64;
/** Acronyms are indexed from this many words (two letters match too much). */
const MIN_ACRONYM = 3;
/** Keys on more than this share of all names are skipped once rarer keys have found candidates. */
const COMMON_SHARE = 0.02;
const COMMON_MIN = 2000;
/** Particles ("al", "de") are looked up at this weight: they tell apart names sharing their words. */
const PARTICLE_WEIGHT = 0.3;
/** How much each word of a name beyond the first lowers its retrieval score. */
const LENGTH_NORM = 0.15;

/** Prefix of the key of a name's tokens in sorted order (no word starts with it). */
const BAG_PREFIX = "\u0001";
/** Prefix of the keys of a code and its one-deletion variants (with the position deleted). */
const CODE_PREFIX = "\u0002";
const POSITION_END = "\u0003";
/** A code key outweighs the words of a code, which as words meet many unrelated short words. */
const CODE_WEIGHT = 3;
/** Prefix of the key of the consonant skeleton of a word of a name from an abjad. */
const ABJAD_SKELETON_PREFIX = "\u0005";
/** A key that is a word (or words written together), not a code, a bag or a skeleton. */
const WORD_KEY = /^[a-z]+$/;
const NO_SLOTS: readonly number[] = [];
/** Words shorter than this have skeletons shared by too many words to be worth a key. */
const SKELETON_MIN_WORD = 3;
/** Skeletons meet words spelt with other vowels: they count less than the word itself. */
const SKELETON_WEIGHT = 0.6;
/** A name written together is looked up from this length; shorter runs are words of their own. */
const JOINED_MIN_LENGTH = 6;
/** A word the list lacks is tried as two written together from this length ("fridrichlindenberg"), … */
const SPLIT_MIN_WORD = 10;
/** … and each part must be this long to be looked up ("fridrich" + "lindenberg"). */
const SPLIT_MIN_PART = 4;

/**
 * The retrieval keys of a normalised name: its words, numbers and initials, the words joined, the
 * tokens in sorted order (any word order meets it) and (organisations) the acronym.
 */
export function keysOf(name: NormalisedName): string[] {
  const keys = new Set<string>();
  const words: string[] = [];
  for (const token of name.tokens) {
    keys.add(token.text);
    if (token.kind !== "particle") words.push(token.text);
  }
  // A Korean given name's syllables apart too, so a misspelt one ("Kwbng Hyok") still meets it, and a
  // Thai name's words as respelt.
  for (const token of name.apart ?? []) keys.add(token.text);
  for (const token of name.respelt ?? []) keys.add(token.text);
  // Joined with its particles too, so "van der Bilt" meets "Vanderbilt" and "al-Hashimi" "Alhashimi".
  if (name.tokens.length >= 2) keys.add(name.tokens.map((t) => t.text).join(""));
  for (let i = 0; i + 1 < name.tokens.length; i++)
    if (name.tokens[i].kind === "particle" && name.tokens[i + 1].kind === "word")
      keys.add(name.tokens[i].text + name.tokens[i + 1].text);
  // Joined with its legal form, so "VardenholmAG" meets "Vardenholm AG".
  if (name.compact.length >= JOINED_MIN_LENGTH) keys.add(name.compact);
  // Letters apart, so "H Metalform H" meets "HH Metalform".
  const bag = (name.letterTokens ?? name.tokens).map((t) => t.text).sort();
  if (bag.length >= 2) keys.add(BAG_PREFIX + bag.join(" "));
  if (name.code !== null) {
    keys.add(CODE_PREFIX + name.code);
    const variants = deletions(name.code);
    for (let at = 0; at < variants.length; at++) keys.add(deletedAt(at, variants[at]));
  }
  if (words.length >= 2) {
    keys.add(words.join(""));
    if (name.schema !== "Person" && words.length >= MIN_ACRONYM) keys.add(words.map((w) => w[0]).join(""));
  }
  // The initials with the legal form's, so "TMC" meets "Tavrida Machinery Company".
  if (name.initials.length >= MIN_ACRONYM) keys.add(name.initials);
  return [...keys];
}

/**
 * The consonant-skeleton keys of a name from an abjad, so a Latin query meets it by its vowelled spelling
 * ("Mohammed" and "mhmd"); a query from an abjad meets Latin names through `#wordsBySkeleton`.
 */
function abjadKeysOf(name: NormalisedName): string[] {
  const keys: string[] = [];
  if (!name.abjad) return keys;
  for (const token of name.tokens)
    if (token.kind === "word" && token.text.length >= SKELETON_MIN_WORD)
      keys.push(ABJAD_SKELETON_PREFIX + skeletonOf(token.text));
  return keys;
}

/** The key of a code with the character at `at` deleted. */
function deletedAt(at: number, variant: string): string {
  return `${CODE_PREFIX}${at}${POSITION_END}${variant}`;
}

/**
 * The keys under which codes one edit from `code` are indexed, beyond its own: with one character
 * more or less, or two neighbours swapped. (The same position deleted from both, a changed character,
 * is among its own keys.) Codes are short, so there are few.
 */
function codeNeighbourKeys(code: string): string[] {
  const keys = deletions(code).map((variant) => CODE_PREFIX + variant);
  for (let at = 0; at <= code.length; at++) keys.push(deletedAt(at, code));
  for (let at = 0; at + 1 < code.length; at++) {
    if (code[at] !== code[at + 1])
      keys.push(CODE_PREFIX + code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2));
  }
  return keys;
}

/** Every string made by deleting one character of `word`. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Letters a part of a name must have to be an alias of its own ("M/V", "A/S" and "d/b/a" are not). */
const ALIAS_MIN_LETTERS = 4;

/**
 * A listed name and the aliases written into it, joined by ";" or "/" ("Taveta Shipping Ltd / Orlen
 * Marine Ltd", "Al-Qa'ida/Islamic Army"): the whole, then each part long enough to be a name.
 */
export function aliasesIn(name: string): string[] {
  if (!name.includes("/") && !name.includes(";")) return [name];
  const parts = name
    .split(/[;/]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).length;
  if (parts.length < 2 || parts.some((p) => letters(p) < ALIAS_MIN_LETTERS)) return [name];
  return [name, ...parts];
}

/**
 * An index as kept on disk (see index-cache.ts): the entries' name texts and the retrieval keys with
 * their posting lists, so an index is rebuilt without normalising every name again. Names are
 * normalised when a query first scores their entry.
 */
export interface StoredIndex {
  /** Per entry, its names and whether each is a weak alias, as JSON (read faster than structured data). */
  names: string;
  /** The retrieval keys, joined by NUL (no key holds one). */
  keys: string;
  /** The posting lists of the keys, one after another; key i's is postings[offsets[i] … offsets[i + 1]). */
  postings: Int32Array;
  offsets: Int32Array;
  /** The deletion variants, joined by NUL, and what each comes from (as `#deleteOf` holds it). */
  deleteVariants: string;
  deleteFrom: Int32Array;
  /** The keys of the variants that come from several, packed as the posting lists are. */
  deleteKeys: Int32Array;
  deleteOffsets: Int32Array;
  nameEntry: Int32Array;
  nameLength: Uint8Array;
  hasAbjad: boolean;
}

/** What one word meets in the index: itself, keys one edit away (at one weight), and keys two edits away. */
interface WordNeighbours {
  exact: boolean;
  near: string[];
  nearWeight: number;
  /** Null until a lookup asks for them (only long words the list does not hold have any). */
  far: string[] | null;
}

/** Query words whose neighbours are kept at most; the cache starts again when full. */
const NEIGHBOUR_CACHE_LIMIT = 50_000;

/** Candidate names for a query, best retrieval score first. */
export interface Candidate {
  nameId: number;
  retrieval: number;
}

/** Lists of numbers packed into one array: list i is values[offsets[i] … offsets[i + 1]). */
function pack(lists: number[][]): { values: Int32Array; offsets: Int32Array } {
  const offsets = new Int32Array(lists.length + 1);
  let total = 0;
  for (let i = 0; i < lists.length; i++) {
    offsets[i] = total;
    total += lists[i].length;
  }
  offsets[lists.length] = total;
  const values = new Int32Array(total);
  for (let i = 0; i < lists.length; i++) values.set(lists[i], offsets[i]);
  return { values, offsets };
}

/** The position of every key. */
function slots(keys: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let k = 0; k < keys.length; k++) out.set(keys[k], k);
  return out;
}

/** Names of list entries, indexed for candidate retrieval. Built by `buildIndex`. */
export class ScreeningIndex {
  /** The entries, in the order given. */
  readonly entries: readonly ListEntry[];
  /** Names of each entry (same order as `entries`), normalised when first asked for. */
  #namesOf: (EntryName[] | undefined)[];
  /** Names of each entry and whether each is weak, as kept on disk, until they are normalised (read indexes only). */
  #nameTexts: Array<Array<[string, boolean]>> | null = null;
  #nameEntry: Int32Array;
  /** Words per name (for length normalisation), capped at 255. */
  #nameLength: Uint8Array;
  /** Retrieval keys, their positions, and their posting lists (name ids) packed. */
  #keys: string[];
  #slot: Map<string, number>;
  #postings: Int32Array;
  #offsets: Int32Array;
  /**
   * Deletion variant → the key it comes from (its position, ≥ 0), or, when it comes from several, -1 -
   * the position of their list in the packed `#deleteKeys` (most come from one: no array for them).
   */
  #deleteOf: Map<string, number>;
  #deleteKeys: Int32Array;
  #deleteOffsets: Int32Array;
  #scores: Float32Array;
  #touched: Int32Array;
  #commonLimit: number;
  /** Whether any name came from an abjad: then Latin queries are looked up by skeleton as well. */
  #hasAbjad = false;
  /**
   * The positions of the word keys by their consonant skeleton, for queries from an abjad ("mhmd" meets
   * "mohammed", "muhammad"); worked out from the keys when the first such query comes, since few do.
   */
  #wordsBySkeleton: Map<string, number[]> | null = null;
  /** What query words met in the index, by word (see `#neighboursOf`). */
  #neighbourCache = new Map<string, WordNeighbours>();

  constructor(entries: ListEntry[], options: Partial<IndexOptions> = {}, stored?: StoredIndex) {
    this.entries = entries;
    if (stored) {
      this.#nameTexts = JSON.parse(stored.names);
      this.#namesOf = new Array(entries.length);
      this.#nameEntry = stored.nameEntry;
      this.#nameLength = stored.nameLength;
      this.#hasAbjad = stored.hasAbjad;
      this.#keys = stored.keys.split("\0");
      this.#slot = slots(this.#keys);
      this.#postings = stored.postings;
      this.#offsets = stored.offsets;
      this.#deleteOf = new Map();
      const variants = stored.deleteVariants.split("\0");
      for (let i = 0; i < variants.length; i++) this.#deleteOf.set(variants[i], stored.deleteFrom[i]);
      this.#deleteKeys = stored.deleteKeys;
      this.#deleteOffsets = stored.deleteOffsets;
    } else {
      const built = this.#build(entries, { ...INDEX_DEFAULTS, ...options });
      this.#namesOf = built.namesOf;
      this.#nameEntry = built.nameEntry;
      this.#nameLength = built.nameLength;
      this.#keys = built.keys;
      this.#slot = built.slot;
      ({ values: this.#postings, offsets: this.#offsets } = pack(built.postings));
      this.#deleteOf = built.deleteOf;
      ({ values: this.#deleteKeys, offsets: this.#deleteOffsets } = pack(built.deletes));
    }
    const count = this.#nameEntry.length;
    this.#scores = new Float32Array(count);
    this.#touched = new Int32Array(count);
    this.#commonLimit = Math.max(COMMON_MIN, Math.ceil(count * COMMON_SHARE));
  }

  /** The index as kept on disk, to be given back to the constructor with the same entries. */
  stored(): StoredIndex {
    return {
      names: JSON.stringify(this.entries.map((_, e) => this.namesOf(e).map((n) => [n.text, n.weak]))),
      keys: this.#keys.join("\0"),
      postings: this.#postings,
      offsets: this.#offsets,
      deleteVariants: [...this.#deleteOf.keys()].join("\0"),
      deleteFrom: Int32Array.from(this.#deleteOf.values()),
      deleteKeys: this.#deleteKeys,
      deleteOffsets: this.#deleteOffsets,
      nameEntry: this.#nameEntry,
      nameLength: this.#nameLength,
      hasAbjad: this.#hasAbjad,
    };
  }

  /** The names of the entry at `e`, normalised. */
  namesOf(e: number): EntryName[] {
    let names = this.#namesOf[e];
    if (names === undefined) {
      const schema = this.entries[e].schema;
      names = this.#nameTexts![e].map(([text, weak]) => ({
        text,
        weak,
        normalised: normaliseName(text, schema),
      }));
      this.#namesOf[e] = names;
    }
    return names;
  }

  #build(entries: ListEntry[], config: IndexOptions) {
    const namesOf: EntryName[][] = [];
    const keys: string[] = [];
    const slot = new Map<string, number>();
    const postings: number[][] = [];
    const owner: number[] = [];
    const lengths: number[] = [];
    const words = new Set<string>();
    let nameId = 0;
    const post = (key: string) => {
      const at = slot.get(key);
      if (at === undefined) {
        slot.set(key, keys.length);
        keys.push(key);
        postings.push([nameId]);
      } else {
        const list = postings[at];
        if (list[list.length - 1] !== nameId) list.push(nameId);
      }
    };
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e];
      const names: EntryName[] = [];
      const seen = new Set<string>();
      const add = (text: string, weak: boolean) => {
        if (!text || seen.has(text)) return;
        seen.add(text);
        const normalised = normaliseName(text, entry.schema);
        if (normalised.abjad) this.#hasAbjad = true;
        names.push({ text, weak, normalised });
        for (const key of keysOf(normalised)) post(key);
        for (const key of abjadKeysOf(normalised)) post(key);
        for (const token of normalised.tokens) if (token.kind === "word") words.add(token.text);
        owner.push(e);
        lengths.push(Math.min(255, Math.max(1, normalised.tokens.length)));
        nameId++;
      };
      for (const name of entry.names.length ? entry.names : [entry.caption])
        for (const part of aliasesIn(name)) add(part, false);
      if (config.weakAliases)
        for (const name of entry.weakAliases) for (const part of aliasesIn(name)) add(part, true);
      namesOf.push(names);
    }
    // Only words get one-edit neighbours: joined forms and acronyms are looked up exactly.
    const deleteOf = new Map<string, number>();
    const deletes: number[][] = [];
    for (const key of words) {
      if (key.length < FUZZY_MIN_LENGTH) continue;
      const at = slot.get(key)!;
      for (let i = 0; i < key.length; i++) {
        const variant = key.slice(0, i) + key.slice(i + 1);
        const known = deleteOf.get(variant);
        if (known === undefined) deleteOf.set(variant, at);
        else if (known >= 0) {
          if (known !== at) {
            deleteOf.set(variant, -1 - deletes.length);
            deletes.push([known, at]);
          }
        } else {
          const group = deletes[-1 - known];
          if (group[group.length - 1] !== at) group.push(at);
        }
      }
    }
    return {
      namesOf,
      keys,
      slot,
      postings,
      deleteOf,
      deletes,
      nameEntry: Int32Array.from(owner),
      nameLength: Uint8Array.from(lengths),
    };
  }

  /** Number of names indexed (strong and weak). */
  get size(): number {
    return this.#nameEntry.length;
  }

  /** Number of distinct retrieval keys. */
  get keyCount(): number {
    return this.#keys.length;
  }

  /** The entry index a name belongs to. */
  entryOf(nameId: number): number {
    return this.#nameEntry[nameId];
  }

  /** Calls `visit` with every indexed key that becomes `variant` when one character is deleted. */
  #eachDeleted(variant: string, visit: (key: string) => void): void {
    const known = this.#deleteOf.get(variant);
    if (known === undefined) return;
    if (known >= 0) {
      visit(this.#keys[known]);
      return;
    }
    const from = this.#deleteOffsets[-1 - known];
    const to = this.#deleteOffsets[-known];
    if (to - from > MAX_NEIGHBOURS) return;
    for (let i = from; i < to; i++) visit(this.#keys[this.#deleteKeys[i]]);
  }

  /** The positions of the word keys whose consonant skeleton is `skeleton`. */
  #wordsWithSkeleton(skeleton: string): readonly number[] {
    if (this.#wordsBySkeleton === null) {
      this.#wordsBySkeleton = new Map();
      for (let k = 0; k < this.#keys.length; k++) {
        const key = this.#keys[k];
        if (key.length < SKELETON_MIN_WORD || !WORD_KEY.test(key)) continue;
        const of = skeletonOf(key);
        const slots = this.#wordsBySkeleton.get(of);
        if (slots) slots.push(k);
        else this.#wordsBySkeleton.set(of, [k]);
      }
    }
    return this.#wordsBySkeleton.get(skeleton) ?? NO_SLOTS;
  }

  /**
   * Adds to `into` the indexed keys within one edit of `key` (and, with `twoEdits`, two edits of a long
   * word the list does not hold), each with the weight it counts for, unless it is there with more.
   */
  #neighbours(key: string, into: Map<string, number>, twoEdits = true): void {
    const found = this.#neighboursOf(key, twoEdits);
    if (found.exact) into.set(key, 1);
    for (const near of found.near)
      if ((into.get(near) ?? 0) < found.nearWeight) into.set(near, found.nearWeight);
    if (twoEdits && found.far)
      for (const far of found.far) if (!into.has(far)) into.set(far, TWO_EDIT_WEIGHT);
  }

  /** What `key` meets in the index, looked up once and kept: the same words recur across queries. */
  #neighboursOf(key: string, twoEdits: boolean): WordNeighbours {
    let found = this.#neighbourCache.get(key);
    if (found === undefined) {
      const exact = this.#slot.has(key);
      const near = new Set<string>();
      if (key.length >= FUZZY_MIN_LENGTH && !/^\d+$/.test(key)) {
        const add = (other: string) => {
          if (other !== key) near.add(other);
        };
        this.#eachDeleted(key, add);
        for (let i = 0; i < key.length; i++) {
          const variant = key.slice(0, i) + key.slice(i + 1);
          if (variant.length >= FUZZY_MIN_LENGTH && this.#slot.has(variant)) add(variant);
          this.#eachDeleted(variant, add);
        }
      }
      const nearWeight =
        (key.length >= FUZZY_FULL_LENGTH ? FUZZY_WEIGHT : FUZZY_SHORT_WEIGHT) *
        (exact ? FUZZY_KNOWN_FACTOR : 1);
      found = { exact, near: [...near], nearWeight, far: null };
      if (this.#neighbourCache.size >= NEIGHBOUR_CACHE_LIMIT) this.#neighbourCache.clear();
      this.#neighbourCache.set(key, found);
    }
    // A long word the list does not hold may be two edits away ("Ahmadinezhad", "Ahmadinejad"): two
    // deletions on the query side meet one on the list side, at a lower weight.
    if (twoEdits && found.far === null && !found.exact && key.length >= TWO_EDIT_MIN_LENGTH) {
      const far = new Set<string>();
      const near = new Set(found.near);
      const add = (other: string) => {
        if (other !== key && !near.has(other)) far.add(other);
      };
      // Deleting letters i and j (i < j) once each: the other order gives the same variant.
      for (let i = 0; i < key.length; i++)
        for (let j = i + 1; j < key.length; j++)
          this.#eachDeleted(key.slice(0, i) + key.slice(i + 1, j) + key.slice(j + 1), add);
      found.far = [...far];
    }
    return found;
  }

  /**
   * A word the list does not hold may be two written together ("FridrichLindenberg"): where one part
   * is a listed word, both parts are looked up as words, one edit away at most.
   */
  #splitWord(word: string, into: Map<string, number>): void {
    if (word.length < SPLIT_MIN_WORD) return;
    for (let at = SPLIT_MIN_PART; at <= word.length - SPLIT_MIN_PART; at++) {
      const head = word.slice(0, at);
      const tail = word.slice(at);
      if (!this.#slot.has(head) && !this.#slot.has(tail)) continue;
      this.#neighbours(head, into, false);
      this.#neighbours(tail, into, false);
    }
  }

  /**
   * The `limit` names that share the most (and rarest) keys with the query name. `alsoAs` is the same
   * name read another way (as a person's, when the schema is not known): its words the first reading
   * dropped ("Na" read as a legal form) are looked up too.
   */
  candidates(query: NormalisedName, limit: number, alsoAs?: NormalisedName): Candidate[] {
    const wanted = new Map<string, number>();
    const words: string[] = [];
    for (const token of query.tokens) {
      if (token.kind === "word") this.#neighbours(token.text, wanted);
      if (token.kind !== "particle") words.push(token.text);
      else if (this.#slot.has(token.text)) wanted.set(token.text, PARTICLE_WEIGHT);
    }
    for (const token of query.tokens) {
      if (token.kind !== "word") continue;
      if (token.text.length >= SKELETON_MIN_WORD && query.abjad) {
        for (const slot of this.#wordsWithSkeleton(skeletonOf(token.text))) {
          const key = this.#keys[slot];
          if ((wanted.get(key) ?? 0) < SKELETON_WEIGHT) wanted.set(key, SKELETON_WEIGHT);
        }
      } else if (token.text.length >= SKELETON_MIN_WORD && this.#hasAbjad) {
        const key = ABJAD_SKELETON_PREFIX + skeletonOf(token.text);
        if (this.#slot.has(key) && (wanted.get(key) ?? 0) < SKELETON_WEIGHT) wanted.set(key, SKELETON_WEIGHT);
      }
      if (!this.#slot.has(token.text)) this.#splitWord(token.text, wanted);
    }
    for (const token of query.apart ?? []) if (token.kind === "word") this.#neighbours(token.text, wanted);
    for (const token of query.respelt ?? []) if (token.kind === "word") this.#neighbours(token.text, wanted);
    for (const token of alsoAs?.tokens ?? []) {
      if (token.kind === "word" && !query.tokens.some((t) => t.text === token.text))
        this.#neighbours(token.text, wanted);
    }
    // Joined forms, neighbouring pairs and the acronym are looked up exactly.
    const exact = keysOf(query);
    if (query.code !== null) exact.push(...codeNeighbourKeys(query.code));
    for (let i = 0; i + 1 < words.length; i++) exact.push(words[i] + words[i + 1]);
    for (const key of exact)
      if (!wanted.has(key) && this.#slot.has(key)) wanted.set(key, key[0] === CODE_PREFIX ? CODE_WEIGHT : 1);
    const offsets = this.#offsets;
    const lookups = [...wanted].map(([key, weight]) => {
      const slot = this.#slot.get(key)!;
      return { from: offsets[slot], length: offsets[slot + 1] - offsets[slot], weight };
    });
    lookups.sort((a, b) => a.length - b.length);
    const postings = this.#postings;
    const total = this.size;
    const scores = this.#scores;
    const touched = this.#touched;
    let count = 0;
    for (const { from, length, weight } of lookups) {
      if (length > this.#commonLimit && count > 0) continue;
      const idf = weight * Math.log(1 + total / length);
      for (let i = from; i < from + length; i++) {
        const id = postings[i];
        if (scores[id] === 0) touched[count++] = id;
        scores[id] += idf;
      }
    }
    // Longer names share more words by chance: divide by their length (as BM25 normalises documents).
    const lengths = this.#nameLength;
    for (let i = 0; i < count; i++) {
      const id = touched[i];
      scores[id] /= 1 + LENGTH_NORM * (lengths[id] - 1);
    }
    const best = selectTop(touched, count, scores, limit);
    for (let i = 0; i < count; i++) scores[touched[i]] = 0;
    return best;
  }
}

/** The `limit` ids of highest score among the first `count` of `ids` (a bounded min-heap). */
function selectTop(ids: Int32Array, count: number, scores: Float32Array, limit: number): Candidate[] {
  const heap: Candidate[] = [];
  const less = (a: Candidate, b: Candidate) =>
    a.retrieval < b.retrieval || (a.retrieval === b.retrieval && a.nameId > b.nameId);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let i = 0; i < count; i++) {
    const nameId = ids[i];
    const retrieval = scores[nameId];
    if (heap.length >= limit) {
      // Most names lose to the heap's weakest: decide before allocating anything for them.
      const weakest = heap[0];
      if (limit === 0 || retrieval < weakest.retrieval) continue;
      if (retrieval === weakest.retrieval && nameId > weakest.nameId) continue;
    }
    const item = { nameId, retrieval };
    if (heap.length < limit) {
      heap.push(item);
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!less(heap[c], heap[p])) break;
        [heap[c], heap[p]] = [heap[p], heap[c]];
        c = p;
      }
    } else {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => b.retrieval - a.retrieval || a.nameId - b.nameId);
}
