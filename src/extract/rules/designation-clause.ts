// Designations in sanctions notices: "X and Y are being designated", "X was designated … on <date>",
// "the Department of State designated X", "U.S.-designated X", "X, now under U.S. and EU sanctions".
import {
  type ClaimRule,
  E,
  eachMatch,
  HEAD,
  LIST,
  leadingSubjects,
  MODS,
  opensWithAppositive,
  type ProposedClaim,
  slotOf,
  slotsIn,
  typeOf,
} from "./rule.js";

const PRESENT = new RegExp(
  `(${LIST}),?(?: [^⟨.]{0,40}?,)? (?:is|are) (?:also |concurrently |today )?(?:being|hereby) (?:designated|identified|sanctioned|targeted|listed)`,
);
const PAST = new RegExp(
  `(${LIST})(?:[^⟨]{0,200}?| (?:––|—|–|--) [^–—]{0,300}? (?:––|—|–|--))? (?:was|were|had been|has been|have been) (?:previously |also |concurrently |first )?(?:designated|sanctioned|listed)\\b`,
);
const BY_BODY = new RegExp(
  `(${E}) (?:has |have |had |is |are )?(?:also |concurrently |previously |today )?(?:re-)?(?:designated|designating|sanctioned|sanctioning|identified|identifying) (?:the )?${MODS}(${LIST})`,
);
const SANCTIONED_BY = new RegExp(
  `(${LIST})[^⟨.]{0,60}? (?:was|were|has been|have been|is|are|had been) (?:[a-z]+ )?(?:sanctioned|designated|blacklisted|listed|added to [^⟨]{0,40}?) by (?:the )?${MODS}(${HEAD})`,
);
const US_DESIGNATED = new RegExp(`(${E})-designated (?:[A-Za-z-]+ ){0,6}?(${E})`);
const HAS_BEEN_UNDER = new RegExp(
  `\\b(?:has been|have been|is|are|was|were|remains?) (?:also )?(?:now )?under (${LIST}) sanctions`,
);
const UNDER_SANCTIONS = new RegExp(
  `(${E}),? (?:now |currently |also |is |was |remains |an? |the |[a-z-]+ |[A-Z][a-z]+ ){0,6}?under (${LIST}) sanctions`,
);

/**
 * Designation clause: a party named in a designation sentence is sanctioned by the body that
 * announces it (present tense: this notice's authority, dated with the notice; past tense: dated
 * with the date the sentence gives), by the body the sentence names, or by the United States for
 * "U.S.-designated" parties.
 */
export const designationClause: ClaimRule = {
  name: "designationClause",
  version: 1,
  cue: /designat|sanction|identif/,
  description: "A designation sentence names the party and the body that sanctioned it.",
  apply(view, facts) {
    const out: ProposedClaim[] = [];
    const isBody = (k: number): boolean =>
      typeOf(view, k) === "Organization" || typeOf(view, k) === "PublicBody";
    // Every party of `listed` sanctioned by `body`: a body ("the Department of State designated X") or
    // a state ("the United States sanctioned X").
    const sanctionedBy = (listed: string, body: number) => {
      if (!isBody(body) && typeOf(view, body) !== "Place") return [];
      return slotsIn(view, listed)
        .filter((k) => k !== body && typeOf(view, k) !== "Place")
        .map((k) => ({
          subject: view.slots[k].entity,
          predicate: "sanctioned_by" as const,
          object: view.slots[body].entity,
        }));
    };
    const byBody = eachMatch(view, BY_BODY, (m) => sanctionedBy(m[2], slotOf(m[1])), "designationClause");
    out.push(...eachMatch(view, SANCTIONED_BY, (m) => sanctionedBy(m[1], slotOf(m[2])), "designationClause"));
    out.push(...byBody);
    const named = new Set(byBody.map((c) => c.subject));
    if (facts.authority !== null) {
      for (const [pattern, present] of [
        [PRESENT, true],
        [PAST, false],
      ] as const) {
        out.push(
          ...eachMatch(
            view,
            pattern,
            (m) =>
              // "X, a firm that … used by Y, was designated": the designated party is the sentence's subject.
              (m.index > 0 &&
              leadingSubjects(view).length > 0 &&
              opensWithAppositive(view, leadingSubjects(view)[0])
                ? leadingSubjects(view)
                : slotsIn(view, m[1])
              )
                .filter((k) => typeOf(view, k) !== "Place" && typeOf(view, k) !== "Product")
                .filter((k) => !named.has(view.slots[k].entity))
                .map((k) => ({
                  subject: view.slots[k].entity,
                  predicate: "sanctioned_by" as const,
                  object: facts.authority as number,
                  date: present ? facts.published : undefined,
                })),
            present ? "designationClause" : "pastDesignation",
          ),
        );
      }
    }
    out.push(
      ...eachMatch(
        view,
        US_DESIGNATED,
        (m) => {
          const us = slotOf(m[1]);
          const target = slotOf(m[2]);
          if (typeOf(view, us) !== "Place" || typeOf(view, target) === "Place") return [];
          return [
            { subject: view.slots[target].entity, predicate: "sanctioned_by", object: view.slots[us].entity },
          ];
        },
        "usDesignated",
      ),
      ...eachMatch(
        view,
        UNDER_SANCTIONS,
        (m) =>
          slotsIn(view, m[2]).map((k) => ({
            subject: view.slots[slotOf(m[1])].entity,
            predicate: "sanctioned_by" as const,
            object: view.slots[k].entity,
          })),
        "underSanctions",
      ),
      ...eachMatch(
        view,
        HAS_BEEN_UNDER,
        (m) => {
          const subjects = leadingSubjects(view);
          return subjects.flatMap((s) =>
            slotsIn(view, m[1]).map((k) => ({
              subject: view.slots[s].entity,
              predicate: "sanctioned_by" as const,
              object: view.slots[k].entity,
            })),
          );
        },
        "underSanctions",
      ),
    );
    return out;
  },
};
