// Locations: "Russia-based X", "X, based in the PRC", "X operates out of Y", "A in Russia’s B region",
// "the Izhevsk facility … X".
import { spanOf } from "../template.js";
import { type ClaimRule, E, eachMatch, pairs, slotOf, slotsIn, typeOf } from "./rule.js";

const BASED = new RegExp(`(${E})-(?:based|headquartered|registered) (?:[a-z-]+ ){0,3}?(?:the )?(?=⟨)`);
const LIST_AT = new RegExp(`(?:${E}(?!-)(?:(?:,? and |, |,? or )(?=${E}(?!-)))?)+`, "y");
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
  cue: /based|headquartered|registered|located|incorporated|situated|operat| in ⟨|facility|plant|factory|site|premises|office/,
  description: "The text places a party or place in a country, city or region (X-based, based in, in).",
  apply(view) {
    const rule = "locationPhrase";
    const place = (k: number): boolean => typeOf(view, k) === "Place";
    return [
      ...eachMatch(
        view,
        BASED,
        (m) =>
          place(slotOf(m[1]))
            ? pairs(
                view,
                slotsIn(view, m[2]).filter((k) => !place(k)),
                "located_in",
                [slotOf(m[1])],
              )
            : [],
        rule,
      ),
      ...eachMatch(
        view,
        BASED_IN,
        (m) => (place(slotOf(m[2])) ? pairs(view, [slotOf(m[1])], "located_in", [slotOf(m[2])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        OPERATES_IN,
        (m) => (place(slotOf(m[2])) ? pairs(view, [slotOf(m[1])], "located_in", [slotOf(m[2])]) : []),
        rule,
      ),
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
