// Locations: "Russia-based X", "X, a Cyprus-based agent", "X is a UAE-based company", "X, based in the PRC", "X operates out of Y",
// "A in Russia’s B region", "the Tula facility … X".
import { spanOf } from "../template.js";
import { type ClaimRule, E, eachMatch, pairs, slotOf, slotsIn, typeOf } from "./rule.js";

const BASED = new RegExp(`(${E})-(?:based|headquartered|registered) (?:[a-z-]+ ){0,3}?(?:the )?(?=⟨)`);
const LIST_AT = new RegExp(`(?:${E}(?!-)(?:(?:,? and |, |,? or )(?=${E}(?!-)))?)+`, "y");
const SITE_IN = new RegExp(
  `(${E})’s (?:[a-z]+ )?(?:headquarters|head office|offices?|plants?|factor(?:y|ies)|facilit(?:y|ies)|warehouses?|branch(?:es)?) (?:is |are |was |were )?(?:located |based )?in (?:the )?(${E})`,
);
const HAS_SITE_IN = new RegExp(
  `(${E}) (?:has|had|operates|operated|maintains|maintained|opened|runs|ran) (?:an? |its |two |three |several )?(?:[a-z]+ )?(?:headquarters|head office|offices?|plants?|factor(?:y|ies)|facilit(?:y|ies)|warehouses?|branch(?:es)?) in (?:the )?(${E})`,
);
const COMPANY_OF = new RegExp(`(${E}) of (?:the )?(${E})(?!’s)`);
const APPOSITIVE_BASED = new RegExp(
  `(${E}),? (?:is |was |which is |that is )?an? (${E})-(?:based|headquartered|registered)`,
);
const BASED_IN = new RegExp(
  `(${E}),? (?:which is |that is |is |was )?(?:also )?(?:based|headquartered|registered|located|incorporated|situated) in (?:the )?(${E})`,
);
const OPERATES_IN = new RegExp(
  `(${E}),? (?:which |that )?(?:also )?(?:operates|operated|operating) (?:out of|from|in) (?:the )?(${E})`,
);
const PLACE_IN = new RegExp(`(${E}) in (?:(?:${E})’s )?(${E})`);
const FACILITY = new RegExp(
  `the (${E}) (?:facility|plant|factory|site|premises|headquarters|offices?)\\b[^⟨]{0,60}?(${E})`,
);

/** Location phrase: a party or place is located in a place. */
export const locationPhrase: ClaimRule = {
  name: "locationPhrase",
  version: 1,
  cue: / of ⟨|based|headquartered|registered|located|incorporated|situated|operat| in ⟨|facility|plant|factory|site|premises|office/,
  description: "The text places a party or place in a country, city or region (X-based, based in, in).",
  apply(view) {
    const rule = "locationPhrase";
    const place = (k: number): boolean => typeOf(view, k) === "Place";
    const inPlace = (m: RegExpExecArray) =>
      place(slotOf(m[2])) ? pairs(view, [slotOf(m[1])], "located_in", [slotOf(m[2])]) : [];
    return [
      ...eachMatch(
        view,
        BASED,
        (m) => {
          if (!place(slotOf(m[1]))) return [];
          // "Iran-based A, B, and C": every name of the list that follows is located there.
          LIST_AT.lastIndex = m.index + m[0].length;
          const list = LIST_AT.exec(view.template);
          if (!list) return [];
          const evidence = spanOf(view, m.index, list.index + list[0].length);
          const located = slotsIn(view, list[0]).filter((k) => !place(k));
          return pairs(view, located, "located_in", [slotOf(m[1])]).map((c) => ({ ...c, evidence }));
        },
        rule,
      ),
      ...eachMatch(view, APPOSITIVE_BASED, inPlace, rule),
      ...eachMatch(view, SITE_IN, inPlace, rule),
      ...eachMatch(view, HAS_SITE_IN, inPlace, rule),
      // "Orion Components Ltd of Hong Kong": a company "of" a place is seated there.
      ...eachMatch(
        view,
        COMPANY_OF,
        (m) => (typeOf(view, slotOf(m[1])) === "Company" ? inPlace(m) : []),
        rule,
      ),
      ...eachMatch(view, BASED_IN, inPlace, rule),
      ...eachMatch(view, OPERATES_IN, inPlace, rule),
      ...eachMatch(
        view,
        PLACE_IN,
        (m) =>
          place(slotOf(m[1])) && place(slotOf(m[2]))
            ? pairs(view, [slotOf(m[1])], "located_in", [slotOf(m[2])])
            : [],
        rule,
      ),
      ...eachMatch(
        view,
        FACILITY,
        (m) =>
          place(slotOf(m[1])) && !place(slotOf(m[2]))
            ? pairs(view, [slotOf(m[2])], "located_in", [slotOf(m[1])])
            : [],
        rule,
      ),
    ];
  },
};
