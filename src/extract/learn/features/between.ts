// Words between the two mentions: the strongest single cue to a relation and its direction
// (Zhou et al., ACL 2005: bag of words, first and last word, bigrams, the whole short sequence).
import { mix, mix3, nameHash } from "../hashing.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";

// Hashes of the feature names, computed once.
const H_ADJACENT = nameHash("adjacent");
const H_BAG = nameHash("bag");
const H_BAG_TYPES = nameHash("bag-types");
const H_BIGRAM = nameHash("bigram");
const H_FAR = nameHash("far");
const H_FARBAG = nameHash("farbag");
const H_FIRST = nameHash("first");
const H_FIRST_TYPES = nameHash("first-types");
const H_HEAD = nameHash("head");
const H_LAST = nameHash("last");
const H_LAST_TYPES = nameHash("last-types");
const H_SEQ = nameHash("seq");
const H_TAIL = nameHash("tail");

const SHORT = 5;
const NEAR = 14;

/** Words and punctuation between the mentions, with other mentions written as their type. */
export const between: FeatureFamily = {
  name: "between",
  description:
    "the words between the two mentions: each stem, the first and last word, bigrams, the whole sequence when short, each stem with the pair's types",
  extract(pair, out) {
    const emit = prefixed("between", out);
    const { tokens } = pair;
    const from = pair.gapStart;
    const to = Math.min(pair.gapEnd, tokens.length);
    const count = to - from;
    const types = typePair(pair);
    if (count <= 0) {
      emit(H_ADJACENT);
      emit(mix(H_ADJACENT, types));
      return;
    }
    if (count > NEAR) {
      emit(H_FAR);
      for (let i = from; i < from + 3; i++) emit(mix(H_HEAD, tokens[i].stem));
      for (let i = to - 3; i < to; i++) emit(mix(H_TAIL, tokens[i].stem));
      // The ends of a long stretch carry its verbs and prepositions; its middle is mostly names and clauses.
      for (let i = from; i < Math.min(to, from + 8); i++) emit(mix(H_FARBAG, tokens[i].stem));
      for (let i = Math.max(from + 8, to - 8); i < to; i++) emit(mix(H_FARBAG, tokens[i].stem));
      return;
    }
    let sequence = H_SEQ;
    for (let i = from; i < to; i++) {
      const t = tokens[i];
      emit(mix(H_BAG, t.stem));
      emit(mix3(H_BAG_TYPES, t.stem, types));
      if (i + 1 < to) emit(mix3(H_BIGRAM, t.stem, tokens[i + 1].stem));
      sequence = mix(sequence, t.hash);
    }
    emit(mix(H_FIRST, tokens[from].hash));
    emit(mix(H_LAST, tokens[to - 1].hash));
    emit(mix3(H_FIRST_TYPES, tokens[from].hash, types));
    emit(mix3(H_LAST_TYPES, tokens[to - 1].hash, types));
    if (count <= SHORT) {
      emit(sequence);
      emit(mix(sequence, types));
    }
  },
};
