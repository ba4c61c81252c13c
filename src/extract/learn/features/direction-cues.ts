// Direction cues: a trigger word between the mentions together with the word that introduces the second
// mention and the word after the first ("subsidiary of ⟨B⟩" against "⟨A⟩ subsidiary ⟨B⟩", "bought from"
// against "sold to", "owned by"). A linear model cannot form these conjunctions itself.
import { hashString, mix, mix3 } from "../hashing.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";
import { groupsOf } from "./triggers.js";

/** Trigger groups between the mentions joined with the words next to each mention, and the trigger nearest each. */
export const directionCues: FeatureFamily = {
  name: "directionCues",
  description:
    "each trigger group between the mentions joined with the word before the second mention and the word after the first, the trigger nearest each mention, and a passive 'by' after a trigger",
  extract(pair, out) {
    if (pair.authority) return;
    const emit = prefixed("direction", out);
    const { tokens } = pair;
    const types = typePair(pair);
    const beforeSecond = tokens[pair.gapEnd - 1]?.hash ?? 0;
    const afterFirst = tokens[pair.gapStart]?.hash ?? 0;
    let nearestFirst: number | null = null;
    let nearestSecond: number | null = null;
    let passive = false;
    for (let i = pair.gapStart; i < Math.min(pair.gapEnd, tokens.length); i++) {
      const groups = groupsOf(tokens[i].text);
      if (groups.length === 0) {
        if (tokens[i].text === "by" && nearestSecond !== null) passive = true;
        continue;
      }
      for (const g of groups) {
        emit(mix3(hashString("before-second"), g, beforeSecond));
        emit(mix3(mix(hashString("before-second-types"), g), beforeSecond, types));
        emit(mix3(hashString("after-first"), g, afterFirst));
        if (nearestFirst === null) nearestFirst = g;
        nearestSecond = g;
      }
    }
    if (nearestFirst !== null) emit(mix3(hashString("nearest-first"), nearestFirst, types));
    if (nearestSecond !== null) {
      emit(mix3(hashString("nearest-second"), nearestSecond, types));
      if (passive) emit(mix3(hashString("passive"), nearestSecond, types));
    }
  },
};
