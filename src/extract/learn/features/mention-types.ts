// The types of the two ends and how they were found: which predicates are possible at all
// (a place is located_in's object; a product is develops's) and which way they run.
import { mix, nameHash } from "../hashing.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";

// Hashes of the feature names, computed once.
const H_AUTHORITY = nameHash("authority");
const H_LISTED = nameHash("listed");
const H_CITED = nameHash("cited");
const H_BIAS = nameHash("bias");
const H_FIRST = nameHash("first");
const H_PRONOUN = nameHash("pronoun");
const H_PLACE_KINDS = nameHash("place-kinds");
const H_SECOND = nameHash("second");

/** The pair's types, each end's type, a pronoun first end, an authority second end, and a bias. */
export const mentionTypes: FeatureFamily = {
  name: "mentionTypes",
  description:
    "the entity types of the two ends in order, what kind of place each is (country, capital, city, region), a pronoun standing for the first, the notice's authority as the second",
  extract(pair, out) {
    const emit = prefixed("types", out);
    emit(H_BIAS);
    emit(typePair(pair));
    emit(mix(H_FIRST, nameHash(pair.firstType)));
    emit(mix(H_SECOND, nameHash(pair.authority ? "AUTHORITY" : pair.secondType)));
    if (pair.placeKinds && pair.placeKinds !== "-|-") emit(mix(H_PLACE_KINDS, nameHash(pair.placeKinds)));
    if (pair.pronoun) emit(mix(H_PRONOUN, typePair(pair)));
    if (pair.authority) emit(mix(H_AUTHORITY, nameHash(pair.firstType)));
    if (pair.listed) emit(mix(H_LISTED, nameHash(pair.firstType)));
    // A party the text cites as its source (a newspaper, an analyst) is rarely a party to what it reports.
    if (pair.cited) emit(mix(mix(H_CITED, pair.cited), typePair(pair)));
  },
};
