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
    // The words between the pair, read in one pass for the flags that look at them.
    const from = pair.gapStart;
    const end = Math.min(pair.gapEnd, to);
    let list = from < end;
    let parenOpen = false;
    let parenClose = false;
    let relative = false;
    let colonBetween = false;
    let dash = false;
    let negation = false;
    let by = -1;
    for (let i = from; i < end; i++) {
      const { text, slot } = tokens[i];
      if (slot < 0 && !LIST_WORDS.has(text)) list = false;
      if (text === "(") parenOpen = true;
      else if (text === ")") parenClose = true;
      else if (text === ":" || text === ";") colonBetween = true;
      else if (text === "—" || text === "–") dash = true;
      else if (text === "not" || text === "never" || text === "no") negation = true;
      else if (RELATIVE.has(text)) relative = true;
      else if (text === "by" && by < 0) by = i;
    }
    if (list) flag("list");
    if (parenOpen) flag("paren-open");
    if (parenClose) flag("paren-close");
    if (tokens[firstAt + 1]?.text === "'s") flag("possessive-first");
    if (tokens[to - 1]?.text === "'s" || tokens[to + 1]?.text === "'s") flag("possessive-second");
    if (
      tokens[firstAt + 1]?.text === "," &&
      tokens[firstAt + 2] &&
      /^(?:a|an|the)$/.test(tokens[firstAt + 2].text)
    )
      flag("apposition-first");
    if (relative) flag("relative");
    if (colonBetween) flag("colon");
    if (dash) flag("dash");
    if (by > from && /(?:ed|en|wn)$/.test(tokens[by - 1].text)) flag("passive-by");
    if (negation) flag("negation");
    if (tokens.length > 1 && tokens[1].text === ":" && tokens[0].slot < 0) emit(mix(H_LABEL, tokens[0].hash));
    const { colon, pursuant } = factsOf(tokens);
    if (colon > 0 && colon < 4 && colon < firstAt) emit(mix(H_LABEL_LINE, tokens[0].hash));
    if (pair.authority && pursuant) flag("authority-pursuant");
  },
};
