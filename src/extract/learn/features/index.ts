// The registry of feature families of the learned relation stage. Add a family: one file here and
// one line below, then bump FEATURE_SET_VERSION and retrain (`npm run train`).
import { between } from "./between.js";
import { compressedBetween } from "./compressed-between.js";
import { directionCues } from "./direction-cues.js";
import { distance } from "./distance.js";
import { edges } from "./edges.js";
import type { FeatureFamily } from "./family.js";
import { mentionTypes } from "./mention-types.js";
import { ruleVotes } from "./rule-votes.js";
import { structure } from "./structure.js";
import { triggers } from "./triggers.js";

export type { FeatureFamily } from "./family.js";

/**
 * The version of the feature set; a weights file trained with another version is refused, since its
 * buckets would mean other things.
 */
export const FEATURE_SET_VERSION = "skein-features-v3";

/** Every feature family, in a fixed order. */
export const FEATURE_FAMILIES: readonly FeatureFamily[] = [
  mentionTypes,
  between,
  compressedBetween,
  edges,
  distance,
  triggers,
  directionCues,
  structure,
  ruleVotes,
];
