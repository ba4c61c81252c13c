// Associations: "X has worked in collaboration with Y", "X was involved in an effort with Y and Z",
// "X is a Y-affiliated company", "A and B … flying together", "a partner network that has included Y".
import { type ClaimRule, E, eachMatch, isParty, LIST, pairs, slotOf, slotsIn, typeOf } from "./rule.js";

const WITH = new RegExp(
  `(${E})[^⟨.]{0,40}? (?:worked|works|working|cooperated|cooperates|collaborated|collaborates|partnered|partners|teamed up) (?:in collaboration |in cooperation |in partnership |closely |together )?with (?:the )?(?:${E}-[a-z]+ )?(?:[A-Za-z-]+ ){0,4}?(${E})`,
);
const EFFORT = new RegExp(
  `(${E})[^⟨.]{0,40}? involved in an? (?:[a-z-]+ )?(?:effort|project|venture|scheme|plan|partnership|joint venture) with (?:the )?(${LIST})`,
);
const AFFILIATED = new RegExp(`(${E}) (?:is|was|are|were) an? (${E})-affiliated`);
const TOGETHER = new RegExp(
  `(${LIST})[^⟨]{0,30}? (?:flying|flew|travell?ing|travell?ed|met|meeting|appeared) together`,
);
const SHARED = new RegExp(
  `(${E}) and (${E}) (?:share|shared|have|had) (?:an? |the same |a common )(?:address|director|owner|shareholder|phone number|telephone number|email address|website|office)`,
);
const SHARES_WITH = new RegExp(
  `(${E}) (?:shares|shared) (?:an? |the same |a common )?(?:address|director|owner|shareholder|phone number|telephone number|email address|website|office) with (?:the )?(${E})`,
);
const PARTNERS = new RegExp(
  `(${E}) and a (?:close )?partner(?:s| network)?[^⟨]{0,30}?(?:included|includes|including) (${E})`,
);

/** Association phrase: two parties work together without a more specific link. */
export const associationPhrase: ClaimRule = {
  name: "associationPhrase",
  version: 1,
  cue: /share|work|cooperat|collaborat|partner|teamed|involved|affiliated|together/,
  description: "The text says two parties work, travel or are affiliated together.",
  apply(view) {
    const rule = "associationPhrase";
    const parties = (ks: number[]): number[] => ks.filter((k) => isParty(view, k));
    return [
      ...eachMatch(
        view,
        WITH,
        (m) => pairs(view, parties([slotOf(m[1])]), "associate", parties([slotOf(m[2])])),
        rule,
      ),
      ...eachMatch(
        view,
        EFFORT,
        (m) => pairs(view, parties([slotOf(m[1])]), "associate", parties(slotsIn(view, m[2]))),
        rule,
      ),
      ...eachMatch(view, AFFILIATED, (m) => pairs(view, [slotOf(m[1])], "associate", [slotOf(m[2])]), rule),
      ...eachMatch(
        view,
        TOGETHER,
        (m) => {
          const people = slotsIn(view, view.template.slice(0, m.index + m[0].length)).filter(
            (k) => typeOf(view, k) === "Person",
          );
          return people.slice(1).flatMap((b, i) => pairs(view, [people[i]], "associate", [b]));
        },
        rule,
      ),
      ...eachMatch(view, SHARED, (m) => pairs(view, [slotOf(m[1])], "associate", [slotOf(m[2])]), rule),
      ...eachMatch(view, SHARES_WITH, (m) => pairs(view, [slotOf(m[1])], "associate", [slotOf(m[2])]), rule),
      ...eachMatch(view, PARTNERS, (m) => pairs(view, [slotOf(m[1])], "associate", [slotOf(m[2])]), rule),
    ];
  },
};
