// The shape of a feature family of the learned relation stage: one file each, listed in FEATURE_FAMILIES.
import { hashString, mix } from "../hashing.js";
import type { PairCandidate } from "../pairs.js";

/** A family of features over a candidate pair; it emits hashed feature ids. */
export interface FeatureFamily {
  name: string;
  /** What the family captures, shown in the model card. */
  description: string;
  extract(pair: PairCandidate, emit: (feature: number) => void): void;
}

/** An emitter that prefixes every feature with the family's name, so families never collide by design. */
export function prefixed(name: string, emit: (feature: number) => void): (feature: number) => void {
  const prefix = hashString(name);
  return (feature) => emit(mix(prefix, feature));
}

/** Hash of the pair's ordered entity types, the usual conjunct of lexical features. */
export function typePair(pair: PairCandidate): number {
  return hashString(`${pair.firstType}|${pair.authority ? "AUTHORITY" : pair.secondType}`);
}
