// Ownership: "X, a subsidiary of Y", "X’s parent company, Y", "owned or controlled by Y",
// "X owns Y", "vessels owned and operated by Y", "property in which Y has an interest".
import {
  type ClaimRule,
  designatedSubjects,
  E,
  eachMatch,
  HEAD,
  LIST,
  MODS,
  pairs,
  slotOf,
  slotsIn,
} from "./rule.js";

const SUBSIDIARY = new RegExp(
  `(${E}),? (?:is )?an? (?:[a-z-]+ ){0,3}?(?:subsidiary|subordinate (?:organization|entity|unit|company)|affiliate|front company|branch|division) of (?:the )?(?:${E}-[a-z]+ |${E}’s |[A-Za-z-]+ ){0,6}?(${HEAD})`,
);
const STAKE = new RegExp(
  `(${E}) (?:holds|held|has|had|owns|owned|acquired|bought|took|retains) an? (?:\\d+(?:\\.\\d+)? ?(?:%|percent|per cent) |majority |minority |controlling |significant |indirect )?(?:stake|share|shareholding|interest|holding) in (?:the )?${MODS}(${HEAD})`,
);
const PARENT = new RegExp(`(${E})’s (?:parent(?: company)?|owner|holding company|shareholder),? (${E})`);
const OWNED_BY = new RegExp(
  `\\bowned(?:,? (?:or |and )?(?:controlled|operated|managed|directed))*(?: by)?,? (?:or [^⟨]{0,80}?,? )?(?:directly or indirectly,? )?(?:by,? )?(?:the )?${MODS}(?:${E} (?:national|citizen|resident) [*_]*)?(${HEAD})`,
);
const OWNS = new RegExp(
  `(${E})(?:, an? [^⟨,]{0,50})?,? (?:who |which |that )?(?:also )?(?:(directs) and )?(?:owns|owned|controls|controlled)(?: and (directs))?(?: or controls)? (?:the )?${MODS}(${HEAD})`,
);
const VESSELS_OWNED = new RegExp(
  `(${LIST}) (?:are|is) (?:a )?vessels? (?:that (?:are|is) )?owned (?:and operated |and managed )?by (${E})`,
);
// The words between the list and "as property" hold no emphasis and no capitalised word but a month's:
// "OFAC identified the *X*as property" names an identifier, not the property, when X was not read.
const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b";
const INTEREST = new RegExp(
  `(${LIST}),? (?:are being |is being |were |was )?(?:identified )?(?:(?![*_]|(?!${MONTH})[A-Z][a-z])[^⟨]){0,40}?as (?:blocked )?property in which (${E})`,
);

// "the X, which OFAC previously identified as property in which Y has an interest": X is the property.
const WHICH_INTEREST = new RegExp(
  `(${E}),? (?:which|that) ${E} (?:[a-z]+ ){0,2}?identified as (?:blocked )?property in which (${E})`,
);

/** Ownership phrase: a subsidiary, parent, "owned or controlled by", "owns", or blocked-property interest. */
export const ownershipPhrase: ClaimRule = {
  name: "ownershipPhrase",
  version: 1,
  cue: /stake|share|interest|holding|subsidiar|subordinate|affiliate|front company|branch|division|parent|owner|holding|shareholder|owned|owns|controls|property/,
  description: "The text says one party owns or controls another (subsidiary, parent, owned by, owns).",
  apply(view) {
    const rule = "ownershipPhrase";
    const out = [
      ...eachMatch(view, SUBSIDIARY, (m) => pairs(view, [slotOf(m[2])], "owns", [slotOf(m[1])]), rule),
      ...eachMatch(view, STAKE, (m) => pairs(view, [slotOf(m[1])], "owns", [slotOf(m[2])]), rule),
      ...eachMatch(view, PARENT, (m) => pairs(view, [slotOf(m[2])], "owns", [slotOf(m[1])]), rule),
      ...eachMatch(
        view,
        OWNS,
        (m) => [
          ...pairs(view, [slotOf(m[1])], "owns", [slotOf(m[4])]),
          ...(m[2] || m[3] ? pairs(view, [slotOf(m[1])], "directs", [slotOf(m[4])]) : []),
        ],
        rule,
      ),
      ...eachMatch(
        view,
        VESSELS_OWNED,
        (m) => pairs(view, [slotOf(m[2])], "owns", slotsIn(view, m[1])),
        rule,
      ),
    ];
    const interest = new RegExp(
      `identified (?:the )?${MODS}(${LIST}) as (?:blocked )?property in which (${E})`,
    );
    out.push(
      ...eachMatch(view, interest, (m) => pairs(view, [slotOf(m[2])], "owns", slotsIn(view, m[1])), rule),
    );
    out.push(
      ...eachMatch(
        view,
        INTEREST,
        // A list right after "which" is who identified the property, not the property.
        (m) =>
          /\b(?:which|that) $/.test(view.template.slice(0, m.index))
            ? []
            : pairs(view, [slotOf(m[2])], "owns", slotsIn(view, m[1])),
        rule,
      ),
      ...eachMatch(view, WHICH_INTEREST, (m) => pairs(view, [slotOf(m[2])], "owns", [slotOf(m[1])]), rule),
    );
    const subjects = designatedSubjects(view);
    out.push(
      ...eachMatch(
        view,
        OWNED_BY,
        (m, evidence) => {
          // "X owned Y" is active: only "owned … by Y" names an owner.
          if (!/\bby\b/.test(m[0])) return [];
          // "owned or controlled by, or for having acted … on behalf of, … Y": a list of legal bases
          // offered as alternatives does not say that Y owns the party.
          if (/\bby,? or\b/.test(m[0])) return [];
          const owner = slotOf(m[1]);
          const before = view.template.slice(0, m.index);
          const near = [...before.matchAll(/⟨(\d+)⟩(?!-)/g)].map((x) => Number(x[1]));
          // "OFAC identified the following vessels, all of which are owned by Y": when the last party named
          // is followed by its own verb and then "which", the owned things are that verb's object, not the
          // name ("X, a firm that is owned by Y" and "X, which is owned by Y" still name X).
          const parties = [...before.matchAll(/⟨(\d+)⟩/g)].filter(
            (x) => view.slots[Number(x[1])]?.type !== "Place",
          );
          const lastParty = parties[parties.length - 1];
          const gap = lastParty ? before.slice(lastParty.index + lastParty[0].length) : "";
          if (/\b(?:which|that|who)\b/.test(gap) && /^\s+[a-z]/.test(gap)) return [];
          // The owned party is a company or body, never the country a sentence mentions last.
          const owned = (subjects.length > 0 ? subjects : near.slice(-1)).filter(
            (k) => view.slots[k]?.type !== "Place",
          );
          return pairs(
            view,
            [owner],
            "owns",
            owned.filter((k) => k !== owner),
          ).map((c) => ({ ...c, evidence }));
        },
        rule,
      ),
    );
    return out;
  },
};
