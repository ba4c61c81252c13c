// Words between the two mentions: the strongest single cue to a relation and its direction
// (Zhou et al., ACL 2005: bag of words, first and last word, bigrams, the whole short sequence).
import { hashString, mix, mix3 } from "../hashing.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";

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
      emit(hashString("adjacent"));
      emit(mix(hashString("adjacent"), types));
      return;
    }
    if (count > NEAR) {
      emit(hashString("far"));
      for (let i = from; i < from + 3; i++) emit(mix(hashString("head"), tokens[i].stem));
      for (let i = to - 3; i < to; i++) emit(mix(hashString("tail"), tokens[i].stem));
      for (let i = from; i < to; i++) emit(mix(hashString("farbag"), tokens[i].stem));
      return;
    }
    let sequence = hashString("seq");
    for (let i = from; i < to; i++) {
      const t = tokens[i];
      emit(mix(hashString("bag"), t.stem));
      emit(mix3(hashString("bag-types"), t.stem, types));
      if (i + 1 < to) emit(mix3(hashString("bigram"), t.stem, tokens[i + 1].stem));
      sequence = mix(sequence, t.hash);
    }
    emit(mix(hashString("first"), tokens[from].hash));
    emit(mix(hashString("last"), tokens[to - 1].hash));
    emit(mix3(hashString("first-types"), tokens[from].hash, types));
    emit(mix3(hashString("last-types"), tokens[to - 1].hash, types));
    if (count <= SHORT) {
      emit(sequence);
      emit(mix(sequence, types));
    }
  },
};
