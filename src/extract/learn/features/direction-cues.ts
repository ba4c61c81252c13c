// Direction cues: a trigger word between the mentions together with the word that introduces the second
// mention and the word after the first ("subsidiary of ⟨B⟩" against "⟨A⟩ subsidiary ⟨B⟩", "bought from"
// against "sold to", "owned by"). A linear model cannot form these conjunctions itself.
import { mix, mix3, nameHash } from "../hashing.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";
import { groupsOfToken } from "./triggers.js";

// Hashes of the feature names, computed once.
const H_AFTER_FIRST = nameHash("after-first");
const H_BEFORE_SECOND = nameHash("before-second");
const H_BEFORE_SECOND_TYPES = nameHash("before-second-types");
const H_NEAREST_FIRST = nameHash("nearest-first");
const H_NEAREST_SECOND = nameHash("nearest-second");
const H_PASSIVE = nameHash("passive");

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
      const groups = groupsOfToken(tokens[i]);
      if (groups.length === 0) {
        if (tokens[i].text === "by" && nearestSecond !== null) passive = true;
        continue;
      }
      for (const g of groups) {
        emit(mix3(H_BEFORE_SECOND, g, beforeSecond));
        emit(mix3(mix(H_BEFORE_SECOND_TYPES, g), beforeSecond, types));
        emit(mix3(H_AFTER_FIRST, g, afterFirst));
        if (nearestFirst === null) nearestFirst = g;
        nearestSecond = g;
      }
    }
    if (nearestFirst !== null) emit(mix3(H_NEAREST_FIRST, nearestFirst, types));
    if (nearestSecond !== null) {
      emit(mix3(H_NEAREST_SECOND, nearestSecond, types));
      if (passive) emit(mix3(H_PASSIVE, nearestSecond, types));
    }
  },
};
