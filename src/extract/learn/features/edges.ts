// Words just outside the pair: what introduces the first mention ("by", "from", "to", "of") and what
// follows the second ("-based", "is being designated"), which carry voice and direction.
import { mix, mix3, nameHash } from "../hashing.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";

// Hashes of the feature names, computed once.
const H_EDGE = nameHash("#edge");
const H_AFTER_FIRST = nameHash("after-first");
const H_AFTER_PARTY = nameHash("after-party");
const H_AFTER_PARTY2 = nameHash("after-party2");
const H_AFTER1 = nameHash("after1");
const H_AFTER1_TYPES = nameHash("after1-types");
const H_AFTER2 = nameHash("after2");
const H_BEFORE_SECOND = nameHash("before-second");
const H_BEFORE1 = nameHash("before1");
const H_BEFORE1_TYPES = nameHash("before1-types");
const H_BEFORE2 = nameHash("before2");

/** Two words before the first mention, two after the second, one after the first and one before the second. */
export const edges: FeatureFamily = {
  name: "edges",
  description:
    "the two words before the first mention, after the second, and next to each mention inside the pair",
  extract(pair, out) {
    const emit = prefixed("edges", out);
    const { tokens, firstAt, secondAt } = pair;
    const types = typePair(pair);
    const at = (i: number): number => (i >= 0 && i < tokens.length ? tokens[i].hash : H_EDGE);
    emit(mix(H_BEFORE1, at(firstAt - 1)));
    emit(mix3(H_BEFORE1_TYPES, at(firstAt - 1), types));
    emit(mix3(H_BEFORE2, at(firstAt - 2), at(firstAt - 1)));
    if (pair.authority) {
      // The authority stands after the sentence: the words after the party say whether it is designated.
      const from = pair.gapStart;
      for (let i = from; i < Math.min(tokens.length, from + 6); i++) emit(mix(H_AFTER_PARTY, tokens[i].stem));
      emit(mix3(H_AFTER_PARTY2, at(from), at(from + 1)));
      return;
    }
    emit(mix(H_AFTER1, at(secondAt + 1)));
    emit(mix3(H_AFTER1_TYPES, at(secondAt + 1), types));
    emit(mix3(H_AFTER2, at(secondAt + 1), at(secondAt + 2)));
    emit(mix(H_BEFORE_SECOND, at(pair.gapEnd - 1)));
    emit(mix(H_AFTER_FIRST, at(pair.gapStart)));
  },
};
