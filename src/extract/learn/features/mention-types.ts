// The types of the two ends and how they were found: which predicates are possible at all
// (a place is located_in's object; a product is develops's) and which way they run.
import { hashString, mix } from "../hashing.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";

/** The pair's types, each end's type, a pronoun first end, an authority second end, and a bias. */
export const mentionTypes: FeatureFamily = {
  name: "mentionTypes",
  description:
    "the entity types of the two ends in order, a pronoun standing for the first, the notice's authority as the second",
  extract(pair, out) {
    const emit = prefixed("types", out);
    emit(hashString("bias"));
    emit(typePair(pair));
    emit(mix(hashString("first"), hashString(pair.firstType)));
    emit(mix(hashString("second"), hashString(pair.authority ? "AUTHORITY" : pair.secondType)));
    if (pair.pronoun) emit(mix(hashString("pronoun"), typePair(pair)));
    if (pair.authority) emit(mix(hashString("authority"), hashString(pair.firstType)));
  },
};
