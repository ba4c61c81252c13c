// Membership of bodies: "the Department’s Office of …" (a sub-unit of a body), "said Deputy Secretary of
// the Treasury Jane Doe" (an official of the body in her title), "X is a unit of Y".
import { type ClaimRule, E, eachMatch, pairs, slotOf, typeOf } from "./rule.js";

const SUB_UNIT = new RegExp(`(${E})’s (${E})`);
const TITLE = new RegExp(`\\bsaid,? (?:[A-Z][\\w.]* )*(?:of|at) (?:the )?(${E})[^⟨,.]{0,60}? (${E})`);
const UNIT_OF = new RegExp(
  `(${E}),? (?:is |was )?an? (?:[a-z-]+ )?(?:sub-?unit|unit|department|division|branch|directorate|subdivision|component|command) of (?:the )?(${E})`,
);

/** Membership phrase: a sub-unit of a body, or an official named with the body in the title. */
export const membershipPhrase: ClaimRule = {
  name: "membershipPhrase",
  version: 1,
  cue: /’s ⟨|said|unit|department|division|branch|directorate|component|command/,
  description: "A body's sub-unit or official is a member of the body.",
  apply(view) {
    const rule = "membershipPhrase";
    const body = (k: number): boolean =>
      typeOf(view, k) === "Organization" || typeOf(view, k) === "PublicBody";
    return [
      ...eachMatch(
        view,
        SUB_UNIT,
        (m) =>
          body(slotOf(m[1])) && body(slotOf(m[2]))
            ? pairs(view, [slotOf(m[2])], "member_of", [slotOf(m[1])])
            : [],
        rule,
      ),
      ...eachMatch(
        view,
        TITLE,
        (m) =>
          body(slotOf(m[1])) && typeOf(view, slotOf(m[2])) === "Person"
            ? pairs(view, [slotOf(m[2])], "member_of", [slotOf(m[1])])
            : [],
        "speakerTitle",
      ),
      ...eachMatch(
        view,
        UNIT_OF,
        (m) => (body(slotOf(m[2])) ? pairs(view, [slotOf(m[1])], "member_of", [slotOf(m[2])]) : []),
        rule,
      ),
    ];
  },
};
