// How far apart the two mentions are and what lies between: near pairs relate far more often, and a
// third party between them usually takes the relation for itself.
import { mix, mix3, nameHash } from "../hashing.js";
import { type FeatureFamily, factsOf, prefixed, typePair } from "./family.js";

// Hashes of the feature names, computed once.
const H_BETWEEN_TYPE = nameHash("between-type");
const H_LISTS = nameHash("lists");
const H_LISTS_TYPES = nameHash("lists-types");
const H_MENTIONS = nameHash("mentions");
const H_MENTIONS_TYPES = nameHash("mentions-types");
const H_SENTENCE_MENTIONS = nameHash("sentence-mentions");
const H_WORDS = nameHash("words");
const H_WORDS_TYPES = nameHash("words-types");

const bucket = (n: number): number => (n <= 3 ? n : n <= 5 ? 4 : n <= 8 ? 5 : n <= 12 ? 6 : n <= 20 ? 7 : 8);

/** Token distance and the number and types of mentions between, bucketed. */
export const distance: FeatureFamily = {
  name: "distance",
  description: "the distance in words, the number of other mentions between the two and their types",
  extract(pair, out) {
    const emit = prefixed("distance", out);
    const { tokens, gapStart } = pair;
    const to = Math.min(pair.gapEnd, tokens.length);
    const types = typePair(pair);
    let mentions = 0;
    for (let i = gapStart; i < to; i++) {
      if (tokens[i].slot >= 0) {
        mentions++;
        emit(mix(H_BETWEEN_TYPE, tokens[i].hash));
      }
    }
    const words = bucket(Math.max(0, to - gapStart));
    emit(mix3(H_LISTS, pair.firstInList, pair.secondInList));
    emit(mix(mix3(H_LISTS_TYPES, pair.firstInList, pair.secondInList), types));
    emit(mix(H_WORDS, words));
    emit(mix3(H_WORDS_TYPES, words, types));
    emit(mix(H_MENTIONS, Math.min(mentions, 4)));
    emit(mix3(H_MENTIONS_TYPES, Math.min(mentions, 4), types));
    emit(mix(H_SENTENCE_MENTIONS, bucket(factsOf(tokens).mentions)));
  },
};
