// The words between the mentions with asides taken out: parentheses, an apposition or relative clause
// after the first mention ("⟨A⟩, a Dubai broker that …, supplied ⟨B⟩"), attributions ("…, according to
// customs data, …", "…, officials said, …") and clauses set off by dashes. What is left is usually the
// verb phrase that relates the two, as a dependency path would give it.
import { mix, mix3, nameHash } from "../hashing.js";
import type { FeatureToken } from "../pairs.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";

// Hashes of the feature names, computed once.
const H_BAG_TYPES = nameHash("bag-types");
const H_EMPTY = nameHash("empty");
const H_FIRST = nameHash("first");
const H_LAST = nameHash("last");
const H_REMOVED = nameHash("removed");
const H_SEQ = nameHash("seq");

const OPENERS = new Set([
  "a",
  "an",
  "the",
  "which",
  "who",
  "whose",
  "whom",
  "that",
  "based",
  "one",
  "its",
  "his",
  "her",
  "their",
  "now",
  "formerly",
  "also",
  "itself",
  "according",
  "officials",
  "people",
  "said",
  "says",
  "in",
  "on",
  "since",
  "after",
  "before",
  "during",
  "until",
  "when",
  "where",
  "as",
  "including",
]);

/** Tokens between from and to with parentheses, dash clauses and comma asides removed. */
export function compress(tokens: FeatureToken[], from: number, to: number): FeatureToken[] {
  const kept: FeatureToken[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (t.text === "(") {
      let depth = 1;
      let j = i + 1;
      while (j < to && depth > 0) {
        if (tokens[j].text === "(") depth++;
        else if (tokens[j].text === ")") depth--;
        j++;
      }
      i = j;
      continue;
    }
    if (
      (t.text === "," || t.text === "—" || t.text === "–") &&
      i + 1 < to &&
      OPENERS.has(tokens[i + 1].text)
    ) {
      // An aside runs to the matching comma or dash; it is dropped only when something follows it.
      let j = i + 1;
      while (
        j < to &&
        tokens[j].text !== t.text &&
        !(t.text !== "," && (tokens[j].text === "—" || tokens[j].text === "–"))
      )
        j++;
      if (j < to) {
        i = j + 1;
        continue;
      }
    }
    kept.push(t);
    i++;
  }
  return kept;
}

/** The compressed words between the mentions: the sequence when short, each stem, the first and last, with types. */
export const compressedBetween: FeatureFamily = {
  name: "compressedBetween",
  description:
    "the words between the mentions once parentheses, appositions, relative clauses and attributions are taken out",
  extract(pair, out) {
    if (pair.authority) return;
    const emit = prefixed("compressed", out);
    const inside = compress(pair.tokens, pair.gapStart, Math.min(pair.gapEnd, pair.tokens.length));
    const types = typePair(pair);
    const removed = Math.min(pair.gapEnd, pair.tokens.length) - pair.gapStart - inside.length;
    if (removed <= 0) return;
    emit(mix(H_REMOVED, types));
    if (inside.length === 0) {
      emit(mix(H_EMPTY, types));
      return;
    }
    let sequence = H_SEQ;
    for (const t of inside.slice(0, 8)) {
      emit(mix3(H_BAG_TYPES, t.stem, types));
      sequence = mix(sequence, t.hash);
    }
    emit(mix3(H_FIRST, inside[0].hash, types));
    emit(mix3(H_LAST, inside[inside.length - 1].hash, types));
    if (inside.length <= 5) emit(mix(sequence, types));
  },
};
