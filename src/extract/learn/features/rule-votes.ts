// The hand-written rules as features: which rule proposed which predicate on this pair and in which
// direction, and which rules fired on either end with a third party. The model learns when to trust them.
import { mix, mix3, nameHash } from "../hashing.js";
import { type FeatureFamily, prefixed } from "./family.js";

// Hashes of the feature names, computed once.
const H_NONE = nameHash("none");
const H_OTHER = nameHash("other");

/** Rule proposals on the pair (rule, predicate, direction) and on either end with another party. */
export const ruleVotes: FeatureFamily = {
  name: "ruleVotes",
  description:
    "the claim rules that proposed a predicate for this pair, with the direction, and rules that linked either end to a third party",
  extract(pair, out) {
    const emit = prefixed("rules", out);
    if (pair.rules.length === 0) emit(H_NONE);
    for (const vote of pair.rules) {
      const predicate = nameHash(`${vote.predicate}${vote.forward ? ">" : "<"}`);
      emit(predicate);
      emit(mix(nameHash(vote.rule), predicate));
    }
    for (const other of pair.otherRules) emit(mix3(H_OTHER, nameHash(other.rule), other.side));
  },
};
