// Intermediaries: "X serves as an intermediary between Y and …", "X assists with procurement on behalf of
// Y", "X is Y’s point of contact", "represented on Z’s board by X", financial facilitators, and the
// designation basis "acting for or on behalf of Y".
import {
  type ClaimRule,
  designatedSubjects,
  E,
  eachMatch,
  HEAD,
  isParty,
  LIST,
  leadingSubjects,
  MODS,
  pairs,
  slotOf,
  slotsIn,
} from "./rule.js";

const BETWEEN = new RegExp(
  `(${E})(?: (?:of|in|from) (?:the )?${E})?,? (?:which |who )?(?:[a-z]+ ){0,3}?(?:serves|serve|acts|act|acted|served|operates|operated|functions) as (?:an? |the )?(?:[a-z]+ )?(?:intermediary|middleman|front|agent|broker|conduit|proxy|go-between)s? (?:between|for|of) (?:the )?${MODS}(${HEAD})`,
);
const ON_BEHALF = new RegExp(
  `(${E}),? (?:which|who) (?:[a-z]+ ){0,4}?(?:on behalf of|for) (?:the )?(${LIST})`,
);
const CONTACT = new RegExp(
  `(${E}) (?:is|was|serves as|has been) (?:the )?(${E})’s (?:point of contact|liaison|representative|agent)`,
);
const THROUGH = new RegExp(
  `(${E})[^⟨]{0,40}? (?:through|via) (?:an?|the) (?:[a-z]+ )?(?:intermediary|middleman|front company|agent|broker|conduit)(?: (?:in|from) (?:the )?${E})?,? (?:the )?${MODS}(${HEAD})`,
);
const DELIVERED_BY = new RegExp(
  `(?:to|for) (?:the )?${MODS}(${HEAD})[^⟨]{0,120}? (?:delivered|shipped|routed|forwarded|transported|handled) (?:[a-z]+ ){0,3}?(?:by|through|via) (?:the )?(?:[A-Za-z-]+ ){0,3}?(${HEAD})`,
);
const CONTACT_FOR = new RegExp(`(?:point of contact|liaison) (?:in ${E} )?for (?:the )?${MODS}(${HEAD})`);
const REPRESENTED = new RegExp(`represented (?:on|at) (?:(?:${E})’s |the )?board by (${E})`);
const FINANCE = new RegExp(
  `(${LIST}) (?:has |have |had )?(?:facilitated|processed|conducted|arranged)[^⟨]{0,120}?(?:financial )?(?:transactions|payments|transfers)[^⟨]{0,100}?(?:in support of|on behalf of|for) (?:the )?(${E})`,
);
const ACTING_FOR = new RegExp(
  `(?:acting|acted|act) (?:or purport(?:ing|ed) to act )?for or on behalf of,? (?:directly or indirectly,? )?(?:the )?(${E})`,
);

/** Intermediary phrase: a party acts for, or between, others. */
export const intermediaryPhrase: ClaimRule = {
  name: "intermediaryPhrase",
  version: 1,
  cue: /deliver|shipped|routed|forwarded|handled|through|via|intermediar|middleman|front|agent|broker|conduit|proxy|go-between|behalf|point of contact|liaison|representative|represented|transactions|payments|transfers/,
  description:
    "The text says a party acts for another or stands between parties (intermediary, on behalf of).",
  apply(view) {
    const rule = "intermediaryPhrase";
    const subjects = leadingSubjects(view);
    return [
      ...eachMatch(
        view,
        BETWEEN,
        (m) => pairs(view, [slotOf(m[1])], "intermediary_for", [slotOf(m[2])]),
        rule,
      ),
      ...eachMatch(
        view,
        ON_BEHALF,
        (m) =>
          /transport|shipping|cargo/.test(m[0])
            ? []
            : pairs(
                view,
                [slotOf(m[1])],
                "intermediary_for",
                slotsIn(view, m[2]).filter((k) => isParty(view, k)),
              ),
        rule,
      ),
      ...eachMatch(
        view,
        DELIVERED_BY,
        (m) =>
          isParty(view, slotOf(m[2])) ? pairs(view, [slotOf(m[2])], "intermediary_for", [slotOf(m[1])]) : [],
        rule,
      ),
      ...eachMatch(
        view,
        THROUGH,
        (m) => pairs(view, [slotOf(m[2])], "intermediary_for", [slotOf(m[1])]),
        rule,
      ),
      ...eachMatch(
        view,
        CONTACT,
        (m) => pairs(view, [slotOf(m[1])], "intermediary_for", [slotOf(m[2])]),
        rule,
      ),
      ...eachMatch(
        view,
        CONTACT_FOR,
        (m) => pairs(view, subjects.slice(0, 1), "intermediary_for", [slotOf(m[1])]),
        rule,
      ),
      ...eachMatch(
        view,
        REPRESENTED,
        (m) => pairs(view, [slotOf(m[1])], "intermediary_for", subjects.slice(0, 1)),
        rule,
      ),
      ...eachMatch(
        view,
        FINANCE,
        (m) => pairs(view, slotsIn(view, m[1]), "intermediary_for", [slotOf(m[2])]),
        rule,
      ),
      ...eachMatch(
        view,
        ACTING_FOR,
        (m) => pairs(view, designatedSubjects(view), "intermediary_for", [slotOf(m[1])]),
        "actingOnBehalf",
      ),
    ];
  },
};
