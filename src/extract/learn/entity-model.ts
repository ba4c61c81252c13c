// Learned entity typing: a logistic regression over each document-level entity (its names, how its
// mentions were found, the words around them) that says whether it is a party, place, product or craft
// a reader would mark at all, and of which type. It drops what the mention rules misread as names
// ("Consignee", "Telegram", a form label) and retypes what they typed wrongly (a person typed as a
// company). It runs after the rules' analysis and before claims are decided.
import { ENTITY_TYPE_NAMES, type EntityType } from "../../model/index.js";
import type { Analysis } from "../extract.js";
import {
  COMMON_ACRONYMS,
  COMPANY_HEADS,
  findPlace,
  isCommonWord,
  isDemonym,
  isFirstName,
  LEGAL_FORMS,
  ORGANIZATION_HEADS,
  PRODUCT_NOUNS,
} from "../lexicons/index.js";
import { hashString, mix, mix3, nameHash } from "./hashing.js";
import { predictSparse, type SoftmaxWeights, toBuckets } from "./softmax.js";

/** The heads of the entity model: "keep" (a reader would mark it), then one per type. */
export const ENTITY_CLASSES: readonly string[] = [
  "keep",
  ...ENTITY_TYPE_NAMES.filter((t) => t !== "PublicBody"),
];

/** How entity probabilities become decisions. */
export interface EntityDecoding {
  /** An entity whose keep probability is below this is dropped. */
  keep: number;
  /** An entity takes the model's type when that type's probability reaches this. */
  retype: number;
}

/** A trained entity model. */
export interface EntityModel {
  classes: string[];
  weights: SoftmaxWeights;
  decoding: EntityDecoding;
}

/** What the entity model decided for a text: entities to leave out and new types. */
export interface EntityDecisions {
  dropped: Set<number>;
  types: Map<number, EntityType>;
  /** Each entity's keep probability. */
  keep: number[];
}

const WORD = /[\p{L}\p{N}]+/gu;

function shapeOf(name: string): string {
  return name
    .replace(/\p{Lu}+/gu, "A")
    .replace(/\p{Ll}+/gu, "a")
    .replace(/\p{N}+/gu, "9")
    .replace(/\s+/g, " ")
    .slice(0, 12);
}

// Whether each UTF-16 code unit is a word character (a letter, digit, apostrophe or dot), filled on first
// use: the context words of every mention are read one character at a time.
const WORD_CHAR = /[\p{L}\p{N}’'.]/u;
const wordCharCodes = new Int8Array(0x10000);
const isWordChar = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  if (wordCharCodes[code] === 0) wordCharCodes[code] = WORD_CHAR.test(text[i]) ? 1 : -1;
  return wordCharCodes[code] === 1;
};

/** The two words before an offset, nearest first, lower case ("^" where there is none). */
function wordsBefore(text: string, at: number): [string, string] {
  const words: string[] = [];
  let i = at - 1;
  const floor = Math.max(0, at - 60);
  while (words.length < 2 && i >= floor) {
    while (i >= floor && !isWordChar(text, i)) i--;
    const end = i + 1;
    while (i >= floor && isWordChar(text, i)) i--;
    if (end > i + 1) words.push(text.slice(i + 1, end).toLowerCase());
  }
  return [words[0] ?? "^", words[1] ?? "^"];
}

/** The word after an offset, lower case ("$" where there is none). */
function wordAfter(text: string, at: number): string {
  let i = at;
  const ceiling = Math.min(text.length, at + 40);
  while (i < ceiling && !isWordChar(text, i)) i++;
  const start = i;
  while (i < ceiling && isWordChar(text, i)) i++;
  return i > start ? text.slice(start, i).toLowerCase() : "$";
}

/** Hashed features of one document-level entity. */
export function entityFeatures(analysis: Analysis, index: number, buckets: number): Int32Array {
  const out: number[] = [];
  const emit = (family: string, value: number): void => {
    out.push(mix(nameHash(family), value));
  };
  const group = analysis.groups[index];
  const type = nameHash(group.type);
  emit("bias", 0);
  emit("rule-type", type);
  const caption = group.caption;
  const words = caption.match(WORD) ?? [];
  const last = words[words.length - 1] ?? "";
  emit("words", Math.min(words.length, 6));
  // Words of the text are an open set: hashed directly (nameHash would only fill its cache with them).
  const lastHash = hashString(last.toLowerCase());
  emit("shape", hashString(shapeOf(caption)));
  emit("first", hashString(words[0]?.toLowerCase() ?? ""));
  emit("last", lastHash);
  emit("last-type", mix(lastHash, type));
  emit("suffix", hashString(last.slice(-3).toLowerCase()));
  for (const w of words) {
    emit("word", hashString(w.toLowerCase()));
    if (LEGAL_FORMS.has(w)) emit("legal-form", 1);
    if (COMPANY_HEADS.has(w)) emit("company-head", 1);
    if (ORGANIZATION_HEADS.has(w)) emit("organization-head", 1);
    if (PRODUCT_NOUNS.has(w.toLowerCase())) emit("product-noun", 1);
    if (isFirstName(w)) emit("first-name", 1);
    if (isDemonym(w)) emit("demonym", 1);
    if (COMMON_ACRONYMS.has(w)) emit("common-acronym", 1);
  }
  if (words.length === 1 && isCommonWord(caption.toLowerCase())) emit("common-word", type);
  if (findPlace(caption)) emit("place-lexicon", type);
  if (/\d/.test(caption)) emit("digit", type);
  if (/^[\p{Lu}\p{N}\s.&'’-]+$/u.test(caption) && /\p{Lu}{2}/u.test(caption))
    emit("all-caps", words.length > 1 ? 2 : 1);
  emit("names", Math.min(group.names.length, 4));
  const mentions = group.mentions.map((i) => analysis.candidates[i]);
  emit("mentions", Math.min(mentions.length, 6));
  emit("mentions-type", mix(Math.min(mentions.length, 6), type));
  const { text } = analysis;
  for (const m of mentions.slice(0, 6)) {
    emit("producer", nameHash(m.producer));
    emit("strength", mix(m.strength, type));
    if (m.cue) emit("cue", nameHash(m.cue));
    if (m.weak) emit("weak", 1);
    if (m.aliasOf !== null) emit("alias", 1);
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const after = text.slice(m.end, m.end + 40);
    const [prev, prev2] = wordsBefore(text, m.start);
    const next = wordAfter(text, m.end);
    const prevHash = hashString(prev);
    const nextHash = hashString(next);
    emit("before", prevHash);
    emit("before2", mix(hashString(prev2), prevHash));
    emit("after", nextHash);
    emit("before-type", mix(prevHash, type));
    emit("after-type", mix(nextHash, type));
    const lineStart = text.lastIndexOf("\n", m.start - 1) + 1;
    const label = /^\s*([\p{L} /.-]{1,30}):\s*$/u.exec(text.slice(lineStart, m.start));
    if (label) emit("label", hashString(label[1].toLowerCase().trim()));
    if (/^\s*$/.test(text.slice(lineStart, m.start))) emit("line-start", type);
    if (/\(\s*$/.test(before)) emit("in-parentheses", type);
    if (/^\s*\(/.test(after)) emit("before-parentheses", type);
    emit("punct-after", mix3(hashString(after.slice(0, 1)), type, 0));
  }
  return toBuckets(out, buckets);
}

/** Decides which entities to drop and retype. */
export function decideEntities(analysis: Analysis, model: EntityModel): EntityDecisions {
  const dropped = new Set<number>();
  const types = new Map<number, EntityType>();
  const keep: number[] = [];
  const p = new Float64Array(model.classes.length);
  analysis.groups.forEach((group, i) => {
    predictSparse(model.weights, entityFeatures(analysis, i, model.weights.buckets), p);
    keep.push(p[0]);
    if (p[0] < model.decoding.keep) {
      dropped.add(i);
      return;
    }
    let best = 1;
    for (let c = 2; c < model.classes.length; c++) if (p[c] > p[best]) best = c;
    const type = model.classes[best] as EntityType;
    const same = type === group.type || (type === "Organization" && group.type === "PublicBody");
    if (!same && p[best] >= model.decoding.retype) types.set(i, type);
  });
  return { dropped, types, keep };
}
