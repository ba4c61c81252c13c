// Visits and voyages: "X regularly transits the Caspian Sea", "X visited Y", "the tanker X arrived at
// Sohar", "A and B flying together from Novosibirsk", and craft used by a party ("the ministry used the
// vessel X").
import { type ClaimRule, E, eachMatch, isParty, LIST, pairs, slotOf, slotsIn, typeOf } from "./rule.js";

const TRANSIT = new RegExp(
  `(${LIST}) (?:regularly |also |often |repeatedly )?(?:transits?|transited|sails?|sailed|calls? at|called at|docks? at|docked at|visits?|visited|travell?ed to|flew to|travels to) (?:the )?(${E})`,
);
/** What may stand between a traveller and its verb: "has", "then", "reportedly", a date. */
const BEFORE_VERB =
  "(?:(?:has|have|had|was|were|then|later|also|reportedly|repeatedly|regularly|again|twice|subsequently|previously) )*";
/** "arrived at Sohar", "loaded at the port of Asaluyeh", "landed in Sharjah", "flown to Russia". */
const ARRIVAL = new RegExp(
  `(${LIST}),? ${BEFORE_VERB}(?:arrived|arriving|landed|landing|berthed|anchored|moored|loaded|loading|discharged|discharging|docked|docking|called|calling|flown|travell?ing|sailing|headed|bound|delivered [^⟨.;]{0,40}?|made [a-z]+ (?:voyages|calls|trips|visits|port calls)) (?:at|in|to|into|off|for) (?:the (?:port|ports|airport|city|island|coast) of |the )?(${E})`,
);
const FLYING = new RegExp(
  `(${LIST})[^⟨]{0,40}? (?:flying|flew|travell?ing|travell?ed|returning|returned) (?:together )?(?:from|to) (${E})`,
);
const USED = new RegExp(`(${E}) used (?:the )?(?:vessel |aircraft |ship )?(${E})`);

/** Visit phrase: a person, vessel or aircraft goes to a place; a party uses a craft. */
export const visitPhrase: ClaimRule = {
  name: "visitPhrase",
  version: 1,
  cue: /transit|sail|call|dock|visit|travel|flew|flying|flown|return|used|arriv|\bland[ei]|berth|anchor|moor|\bload[ei]|discharg|headed|bound|deliver|voyages|trips/,
  description: "A person, vessel or aircraft visits or passes through a place.",
  apply(view) {
    const rule = "visitPhrase";
    const place = (k: number): boolean => typeOf(view, k) === "Place";
    const travels = (k: number): boolean => {
      const type = typeOf(view, k);
      return type === "Person" || type === "Vessel" || type === "Aircraft";
    };
    return [
      ...eachMatch(
        view,
        TRANSIT,
        (m) =>
          place(slotOf(m[2]))
            ? pairs(
                view,
                slotsIn(view, m[1]).filter((k) => isParty(view, k)),
                "visits",
                [slotOf(m[2])],
              )
            : [],
        rule,
      ),
      // A traveller or a craft, not a firm: "Kestrel Trading loaded at" is its cargo's port.
      ...eachMatch(
        view,
        ARRIVAL,
        (m) =>
          place(slotOf(m[2]))
            ? pairs(view, slotsIn(view, m[1]).filter(travels), "visits", [slotOf(m[2])])
            : [],
        rule,
      ),
      ...eachMatch(
        view,
        FLYING,
        (m) => {
          if (!place(slotOf(m[2]))) return [];
          // "A, X’s chief executive, and B, head of Y’s department, flying together": the people travel.
          const people = slotsIn(view, view.template.slice(0, m.index + m[0].length)).filter(
            (k) => typeOf(view, k) === "Person",
          );
          return pairs(view, people, "visits", [slotOf(m[2])]);
        },
        rule,
      ),
      ...eachMatch(
        view,
        USED,
        (m) =>
          typeOf(view, slotOf(m[2])) === "Vessel" || typeOf(view, slotOf(m[2])) === "Aircraft"
            ? pairs(view, [slotOf(m[1])], "other", [slotOf(m[2])])
            : [],
        rule,
      ),
    ];
  },
};
