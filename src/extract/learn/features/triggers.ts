// Trigger lexicons as features, not rules: words that signal each kind of link, seen between the
// mentions, before the first or after the second, each with the pair's types. The model learns how much
// each deserves, and where.
import { mix, mix3, nameHash } from "../hashing.js";
import type { FeatureToken } from "../pairs.js";
import { type FeatureFamily, prefixed, typePair } from "./family.js";

// Hashes of the feature names, computed once.
const H_BETWEEN = nameHash("between");
const H_LEFT = nameHash("left");
const H_RIGHT = nameHash("right");

/** Stems (matched as word prefixes) that signal a kind of link, by group. */
export const TRIGGERS: Record<string, string[]> = Object.fromEntries(
  Object.entries({
    supply:
      "suppl ship deliver export import sell sold sale provid procur transport send sent furnish sourc consign carg goods component equip vendor dispatch trad",
    pay: "pay paid fund financ wire transfer remit invoic bill loan launder purchas buy bought credit revenue donat proceeds",
    own: "own subsidiar parent sharehold stake control holding acquir beneficial portfolio property interest",
    direct:
      "director ceo chief head chair manag command leader lead president founder run oversee oversaw general executive principal boss",
    employ: "employ staff engineer work officer official worker specialist hire personnel accountant",
    member:
      "member board unit department branch division part office bureau wing deputy secretary spokes minister",
    visit:
      "visit travel flew fly flight trip call arriv port dock transit sail berth anchor vessel voyage route loaded discharg",
    test: "test trial evaluat demonstrat launch",
    develop: "develop produc design build built make made manufactur assembl engineer model series",
    agent: "behalf intermediar broker front conduit agent facilitat proxy represent act point shell cover",
    associate:
      "associat partner collabor link tie affiliat relat brother son daughter wife husband cooperat close joint together family",
    located: "based locat headquarter regist incorporat seat in of address province city region",
    variant: "variant version copy derivat modif upgrad clone analog",
    sanction: "designat sanction pursuant block list identif e.o penalt",
    denial: "deni deny reject dismiss refut not never no without",
    hedge: "allege alleg reportedly likely appear suggest believ assess accord said claim unverifi could",
  }).map(([group, stems]) => [group, stems.split(" ")]),
);

const STEMS: Array<{ stem: string; group: number }> = Object.entries(TRIGGERS).flatMap(([group, stems]) =>
  stems.map((stem) => ({ stem, group: nameHash(group) })),
);

const groupCache = new Map<string, number[]>();
/** The trigger groups of a token, computed once per token (pairs of a sentence share its tokens). */
export function groupsOfToken(token: FeatureToken): number[] {
  if (token.groups === null) token.groups = token.slot >= 0 || token.punct ? [] : groupsOf(token.text);
  return token.groups;
}

/** The trigger groups a word belongs to (hashes of the group names). */
export function groupsOf(word: string): number[] {
  let found = groupCache.get(word);
  if (!found) {
    found = [];
    for (const { stem, group } of STEMS) {
      // Short stems ("in", "of", "no") must be the whole word.
      if (stem.length <= 3 ? word === stem : word.startsWith(stem)) {
        if (!found.includes(group)) found.push(group);
      }
    }
    if (groupCache.size < 50_000) groupCache.set(word, found);
  }
  return found;
}

/** Trigger-lexicon hits between the mentions, before the first and after the second, with the pair's types. */
export const triggers: FeatureFamily = {
  name: "triggers",
  description:
    "words of the trigger lexicons (supply, pay, own, direct, employ, member, visit, test, develop, agent, associate, located, variant, sanction, denial, hedge) by where they stand",
  extract(pair, out) {
    const emit = prefixed("triggers", out);
    const { tokens, firstAt } = pair;
    const to = Math.min(pair.gapEnd, tokens.length);
    const types = typePair(pair);
    const where = [H_LEFT, H_BETWEEN, H_RIGHT];
    const seen = new Set<number>();
    const note = (place: number, group: number): void => {
      const key = mix(place, group);
      if (seen.has(key)) return;
      seen.add(key);
      emit(key);
      emit(mix3(key, types, 1));
    };
    for (let i = Math.max(0, firstAt - 8); i < firstAt; i++)
      for (const g of groupsOfToken(tokens[i])) note(where[0], g);
    for (let i = pair.gapStart; i < to; i++) for (const g of groupsOfToken(tokens[i])) note(where[1], g);
    for (let i = to + 1; i < Math.min(tokens.length, to + 8); i++)
      for (const g of groupsOfToken(tokens[i])) note(where[2], g);
  },
};
