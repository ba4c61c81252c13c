// Words just outside the pair: what introduces the first mention ("by", "from", "to", "of") and what
// follows the second ("-based", "is being designated"), which carry voice and direction.
import { hashString, mix, mix3 } from "../hashing.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";

/** Two words before the first mention, two after the second, one after the first and one before the second. */
export const edges: FeatureFamily = {
  name: "edges",
  description:
    "the two words before the first mention, after the second, and next to each mention inside the pair",
  extract(pair, out) {
    const emit = prefixed("edges", out);
    const { tokens, firstAt, secondAt } = pair;
    const types = typePair(pair);
    const at = (i: number): number => (i >= 0 && i < tokens.length ? tokens[i].hash : hashString("#edge"));
    emit(mix(hashString("before1"), at(firstAt - 1)));
    emit(mix3(hashString("before1-types"), at(firstAt - 1), types));
    emit(mix3(hashString("before2"), at(firstAt - 2), at(firstAt - 1)));
    if (pair.authority) {
      // The authority stands after the sentence: the words after the party say whether it is designated.
      const from = pair.gapStart;
      for (let i = from; i < Math.min(tokens.length, from + 6); i++)
        emit(mix(hashString("after-party"), tokens[i].stem));
      emit(mix3(hashString("after-party2"), at(from), at(from + 1)));
      return;
    }
    emit(mix(hashString("after1"), at(secondAt + 1)));
    emit(mix3(hashString("after1-types"), at(secondAt + 1), types));
    emit(mix3(hashString("after2"), at(secondAt + 1), at(secondAt + 2)));
    emit(mix(hashString("before-second"), at(pair.gapEnd - 1)));
    emit(mix(hashString("after-first"), at(pair.gapStart)));
  },
};
