// The shape of a feature family of the learned relation stage: one file each, listed in FEATURE_FAMILIES.
import { mix, nameHash } from "../hashing.js";
import type { FeatureToken, PairCandidate } from "../pairs.js";

/** A family of features over a candidate pair; it emits hashed feature ids. */
export interface FeatureFamily {
  name: string;
  /** What the family captures, shown in the model card. */
  description: string;
  extract(pair: PairCandidate, emit: (feature: number) => void): void;
}

/** An emitter that prefixes every feature with the family's name, so families never collide by design. */
export function prefixed(name: string, emit: (feature: number) => void): (feature: number) => void {
  const prefix = nameHash(name);
  return (feature) => emit(mix(prefix, feature));
}

/** Hash of the pair's ordered entity types, the usual conjunct of lexical features (computed once per pair). */
export function typePair(pair: PairCandidate): number {
  if (pair.typesHash === 0)
    pair.typesHash = nameHash(`${pair.firstType}|${pair.authority ? "AUTHORITY" : pair.secondType}`) || 1;
  return pair.typesHash;
}

/** Facts about a sentence that every pair in it shares, computed once per sentence. */
export interface SentenceFacts {
  mentions: number;
  /** Position of the first colon, or -1. */
  colon: number;
  pursuant: boolean;
}

const sentenceFacts = new WeakMap<FeatureToken[], SentenceFacts>();

/** The shared facts of the sentence a pair's tokens come from. */
export function factsOf(tokens: FeatureToken[]): SentenceFacts {
  let facts = sentenceFacts.get(tokens);
  if (!facts) {
    facts = {
      mentions: tokens.filter((t) => t.slot >= 0).length,
      colon: tokens.findIndex((t) => t.text === ":"),
      pursuant: tokens.some((t) => t.text === "pursuant"),
    };
    sentenceFacts.set(tokens, facts);
  }
  return facts;
}
