// Name keys for resolution: each name reduced by the screening engine's normaliser (script, case,
// diacritics, legal forms, titles), so "X OOO" and "Limited Liability Company X" share a key.
import type { EntityType } from "../model/index.js";
import { ENTITY_TYPES } from "../model/index.js";
import { LEGAL_FORMS, type NormalisedName, normaliseName } from "../screen/index.js";

/** A name reduced for comparison, with its tokens. */
export interface NameKey {
  /** The original surface form. */
  name: string;
  /** Tokens without legal forms, sorted. */
  tokens: string[];
  /** `tokens` joined by a space: equal keys mean the same name. */
  key: string;
  /** The normaliser's full result, kept for fuzzy comparison without normalising again. */
  normalised: NormalisedName;
}

/** The FtM schema used when normalising a name of this entity type. */
export function schemaOf(type: EntityType): string {
  return ENTITY_TYPES[type].ftm;
}

/** The key of one name: its normalised tokens (legal forms and titles dropped) in sorted order. */
export function keyOfName(name: string, type: EntityType): NameKey {
  return keyOfSchemaName(name, schemaOf(type));
}

/** The key of one name read under an FtM schema (list entries carry schemas, not entity types). */
export function keyOfSchemaName(name: string, schema: string): NameKey {
  const normalised = normaliseName(name, schema);
  // Particles ("of", "de") as the normaliser marks them carry no identity: "Ministry of Defense" and
  // "Defense Ministry" are one name. Sorted, so "Chen Wei" and "Wei Chen" share a key.
  const words = normalised.tokens.filter((t) => t.kind !== "particle");
  const tokens = (words.length > 0 ? words : normalised.tokens).map((t) => t.text).sort();
  return { name, tokens, key: tokens.join(" "), normalised };
}

/** Every written legal form, as lists of lower-case words, longest first. */
const LEGAL_FORM_WORDS: string[][] = LEGAL_FORMS.flatMap((form) =>
  form.variants.map((v) => v.split(" ")),
).sort((a, b) => b.length - a.length);

/**
 * True when the name is nothing but legal forms and articles ("Joint Stock Company", "the Company"):
 * extraction can take such a phrase for a name, but it names no one.
 */
export function isOnlyLegalForm(name: string): boolean {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && w !== "the");
  if (words.length === 0) return false;
  let i = 0;
  while (i < words.length) {
    const form = LEGAL_FORM_WORDS.find((f) => f.every((w, k) => words[i + k] === w));
    if (!form) return false;
    i += form.length;
  }
  return true;
}

/** The key of every name, in order (empty keys and bare legal forms dropped; equal keys kept). */
export function namesWithKeys(names: string[], type: EntityType): NameKey[] {
  return names
    .filter((name) => type === "Person" || !isOnlyLegalForm(name))
    .map((name) => keyOfName(name, type))
    .filter((key) => key.key !== "");
}

/** The distinct keys of a list of names (empty keys and bare legal forms dropped). */
export function keysOfNames(names: string[], type: EntityType): NameKey[] {
  return distinctKeys(namesWithKeys(names, type));
}

/** The first name of each key, in order. */
export function distinctKeys(keys: NameKey[]): NameKey[] {
  const seen = new Map<string, NameKey>();
  for (const k of keys) if (!seen.has(k.key)) seen.set(k.key, k);
  return [...seen.values()];
}
