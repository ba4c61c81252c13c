// How far apart the two mentions are and what lies between: near pairs relate far more often, and a
// third party between them usually takes the relation for itself.
import { hashString, mix, mix3 } from "../hashing.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";

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
        emit(mix(hashString("between-type"), tokens[i].hash));
      }
    }
    const words = bucket(Math.max(0, to - gapStart));
    emit(mix3(hashString("lists"), pair.firstInList, pair.secondInList));
    emit(mix(mix3(hashString("lists-types"), pair.firstInList, pair.secondInList), types));
    emit(mix(hashString("words"), words));
    emit(mix3(hashString("words-types"), words, types));
    emit(mix(hashString("mentions"), Math.min(mentions, 4)));
    emit(mix3(hashString("mentions-types"), Math.min(mentions, 4), types));
    emit(mix(hashString("sentence-mentions"), bucket(tokens.filter((t) => t.slot >= 0).length)));
  },
};
