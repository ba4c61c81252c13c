// The shape of the sentence around the pair: a coordinated list, a parenthesis, a possessive, an
// apposition, a relative clause, a passive "by", a colon, a "Label:" record line, a heading.
import { mix, nameHash } from "../hashing.js";
import { type FeatureFamily, factsOf, prefixed, typePair } from "./family.js";

// Hashes of the feature names, computed once.
const H_LABEL = nameHash("label");
const H_LABEL_LINE = nameHash("label-line");

const LIST_WORDS = new Set([",", "and", "or", "as", "well", "&"]);
const RELATIVE = new Set(["which", "who", "whose", "that", "whom", "where"]);

/** Structural flags of the pair, each also with the pair's types. */
export const structure: FeatureFamily = {
  name: "structure",
  description:
    "list coordination, parenthesis, possessive, apposition, relative pronoun, passive by, colon and record-label structure between or around the pair",
  extract(pair, out) {
    const emit = prefixed("structure", out);
    const { tokens, firstAt } = pair;
    const to = Math.min(pair.secondAt, tokens.length);
    const types = typePair(pair);
    const flag = (name: string): void => {
      const h = nameHash(name);
      emit(h);
      emit(mix(h, types));
    };
    const inside = tokens.slice(pair.gapStart, Math.min(pair.gapEnd, to));
    if (inside.length > 0 && inside.every((t) => LIST_WORDS.has(t.text) || t.slot >= 0)) flag("list");
    if (inside.some((t) => t.text === "(")) flag("paren-open");
    if (inside.some((t) => t.text === ")")) flag("paren-close");
    if (tokens[firstAt + 1]?.text === "'s") flag("possessive-first");
    if (tokens[to - 1]?.text === "'s" || tokens[to + 1]?.text === "'s") flag("possessive-second");
    if (
      tokens[firstAt + 1]?.text === "," &&
      tokens[firstAt + 2] &&
      /^(?:a|an|the)$/.test(tokens[firstAt + 2].text)
    )
      flag("apposition-first");
    if (inside.some((t) => RELATIVE.has(t.text))) flag("relative");
    if (inside.some((t) => t.text === ":" || t.text === ";")) flag("colon");
    if (inside.some((t) => t.text === "—" || t.text === "–")) flag("dash");
    const by = inside.findIndex((t) => t.text === "by");
    if (by > 0 && /(?:ed|en|wn)$/.test(inside[by - 1].text)) flag("passive-by");
    if (inside.some((t) => t.text === "not" || t.text === "never" || t.text === "no")) flag("negation");
    if (tokens.length > 1 && tokens[1].text === ":" && tokens[0].slot < 0) emit(mix(H_LABEL, tokens[0].hash));
    const { colon, pursuant } = factsOf(tokens);
    if (colon > 0 && colon < 4 && colon < firstAt) emit(mix(H_LABEL_LINE, tokens[0].hash));
    if (pair.authority && pursuant) flag("authority-pursuant");
  },
};
