// Roles: "X is the general director and beneficial owner of Y", "X serves as Y’s managing director",
// "X, Y’s chief executive", "X, head of Y’s drone department", "As director of Y, X", "Y is operated by X".
// The role word decides the predicate (lexicons/words.ts ROLES): directs, owns, member_of or employs.
import type { Predicate } from "../../model/index.js";
import { ROLES } from "../lexicons/index.js";
import {
  type ClaimRule,
  E,
  eachMatch,
  HEAD,
  LIST,
  MODS,
  type ProposedClaim,
  pairs,
  slotOf,
  slotsIn,
  typeOf,
} from "./rule.js";

const ROLE = `(?:${ROLES.map((r) => r.pattern).join("|")})`;
const ROLE_LIST = `${ROLE}(?:,? (?:and|or) (?:as )?(?:an? |the )?(?:current |former )?${ROLE})*`;
const BE =
  "(?:is|was|are|were|serves as|served as|acts as|acted as|has been|have been|became|remains|who (?:also )?(?:is|was|acts as|serves as)|(?:also )?acts as)";
const ROLE_OF = new RegExp(
  `(${LIST}),? ${BE} (?:both )?(?:[a-z-]+ ){0,4}?(?:the |an? )?(?:current |former |acting |de facto )?(${ROLE_LIST}) (?:of|at|for|in|with) (?:the )?(?:board(?: of directors)? of )?${MODS}(?:(${E})’s )?(${E})`,
  "i",
);
const ROLE_POSSESSIVE = new RegExp(
  `(${LIST}),? ${BE} (?:the |an? )?(?:${MODS})?(${E})’s (?:current |former |acting )?(${ROLE_LIST})`,
  "i",
);
const APPOSITIVE = new RegExp(
  `(${E}), (?:an? |the )?(?:[a-z-]+ ){0,3}?(${ROLE}) (?:of|at|with|for) (?:the )?(${E})(’s [a-z -]*?(?:department|division|unit|team|office|section|branch))?`,
  "i",
);
const APPOSITIVE_POSSESSIVE = new RegExp(`(${E}), (${E})’s (?:current |former |acting )?(${ROLE_LIST})`, "i");
const POSSESSIVE_ROLE = new RegExp(
  `(${E})’s (?:current |former |acting |sole |new |then )?(${ROLE_LIST}),? (${E})`,
  "i",
);
const ITS_ROLE = new RegExp(
  `(${E}),? (?:who|and) (?:is|was|serves as|acts as|has been) (?:also )?(?:its|their) (?:current |former |sole )?(${ROLE_LIST})\\b`,
  "i",
);
const NAMED_ROLE = new RegExp(`(${HEAD})(?:’s)? (?:[a-z]+ )?(${ROLE}) (${E})`, "i");
const ROLE_AS = new RegExp(
  `(${E})[^⟨.]{0,60}? (?:role|position|post|job) as (?:the |an? )?(${ROLE_LIST}) (?:at|of|for|with|in) (?:the )?${MODS}(${HEAD})`,
  "i",
);
const FOUNDED_BY = new RegExp(
  `(${E}) (?:was |is )?(?:founded|established|set up|created|incorporated|registered)\\b[^⟨]{0,30}? by (${E})`,
);
const AS_ROLE = new RegExp(
  `\\bAs (?:the )?(${ROLE_LIST}) of (?:the )?${MODS}(${HEAD}), ${MODS}(${HEAD})`,
  "i",
);
const WHOSE_ROLE = new RegExp(
  `(${E}),? whose (?:sole |main |majority |ultimate |current |former )?(${ROLE_LIST}) (?:is|was|has been) (?:an? [^⟨,]{0,40},? )?(${E})`,
  "i",
);
const WORKS_FOR = new RegExp(
  `(${E}),? (?:who |which )?(?:also |previously |formerly |now |later )?(?:works|worked|working|is employed|was employed|has been employed) (?:for|at|by) (?:the )?${MODS}(${HEAD})`,
);
const JOINED_AS = new RegExp(
  `(${E}) (?:joined|rejoined) (?:the )?${MODS}(${HEAD}) as (?:its |an? |the )?(${ROLE_LIST})`,
  "i",
);
const WHO_HEADS = new RegExp(
  `(${E}),? (?:who|which) (?:also )?(?:heads|headed|runs|ran|leads|led|manages|managed|directs|directed|chairs|chaired) (?:the )?${MODS}(${HEAD})`,
);
const OPERATED_BY = new RegExp(
  `(${E}) (?:is|was) (?:operated|run|managed|headed|led|directed|controlled) by (?:${E}-[a-z]+ )?(?:${E} [a-z]+ )?(${E})`,
);

/** The predicate a role phrase gives. */
export function predicateOfRole(role: string): Predicate | undefined {
  const lower = role.toLowerCase().replace(/\s+/g, " ").trim();
  for (const r of ROLES) if (new RegExp(`^(?:${r.pattern})$`, "i").test(lower)) return r.predicate;
  return undefined;
}

function rolesIn(list: string): Predicate[] {
  const found: Predicate[] = [];
  const parts = list.split(/,? (?:and|or) (?:as )?(?:an? |the )?(?:current |former )?/i);
  for (const part of parts) {
    const p = predicateOfRole(part);
    if (p && !found.includes(p)) found.push(p);
    if (/ or /i.test(list)) break;
  }
  return found;
}

function claimsFor(
  view: Parameters<ClaimRule["apply"]>[0],
  people: number[],
  predicates: Predicate[],
  org: number,
) {
  const out: Array<Omit<ProposedClaim, "evidence" | "rule">> = [];
  for (const p of predicates) {
    for (const person of people) {
      // A company "agent" or "representative" of another acts for it; only people are employed.
      if (p === "employs" && typeOf(view, person) !== "Person")
        out.push(...pairs(view, [person], "intermediary_for", [org]));
      else
        out.push(
          ...(p === "employs" ? pairs(view, [org], "employs", [person]) : pairs(view, [person], p, [org])),
        );
    }
  }
  return out;
}

/** Later roles in the same sentence ("… and as a member of the firm’s board of directors"). */
function laterRoles(rest: string): Predicate[] {
  const found: Predicate[] = [];
  const masked = rest.replace(/board of directors/gi, "board");
  if (/⟨\d+⟩/.test(masked.replace(/⟨\d+⟩’s board/g, ""))) return found;
  if (/\bmember of (?:the |its |the firm’s |the company’s )?board\b/i.test(masked)) found.push("member_of");
  if (
    /\b(?:role|position|post) of (?:managing |general )?director\b|\b(?:managing|general) director\b/i.test(
      masked,
    )
  )
    found.push("directs");
  return found;
}

/** Role phrase: a person's role at an organisation, read as directs, owns, member_of or employs. */
export const rolePhrase: ClaimRule = {
  name: "rolePhrase",
  version: 1,
  cue: /work|employ|joined|whose|heads|runs|leads|manages|chairs|analyst|its |their |founded|established|set up|registered|incorporated|created|director|chief|ceo|president|founder|chair|commander|head|leader|principal|manager|owner|shareholder|stockholder|member|fellow|official|representative|partner|employee|engineer|accountant|officer|agent|staff|specialist|researcher|scientist|deputy|advis|operated|run by|managed|led by|directed|controlled/i,
  description: "The text gives a person's role (director, owner, board member, employee) at an organisation.",
  apply(view) {
    const rule = "rolePhrase";
    const isOrg = (k: number): boolean => typeOf(view, k) !== "Place" && typeOf(view, k) !== "Product";
    return [
      ...eachMatch(
        view,
        ROLE_OF,
        (m) => {
          const org = slotOf(m[4]);
          if (!isOrg(org)) return [];
          const people = slotsIn(view, m[1]).filter((k) => k !== org);
          const tail = view.template.slice(m.index + m[0].length);
          return claimsFor(view, people, [...rolesIn(m[2]), ...laterRoles(tail)], org);
        },
        rule,
      ),
      ...eachMatch(
        view,
        ROLE_POSSESSIVE,
        (m) => {
          const org = slotOf(m[2]);
          if (!isOrg(org)) return [];
          const tail = view.template.slice(m.index + m[0].length);
          return claimsFor(view, slotsIn(view, m[1]), [...rolesIn(m[3]), ...laterRoles(tail)], org);
        },
        rule,
      ),
      ...eachMatch(
        view,
        APPOSITIVE,
        (m) => {
          const org = slotOf(m[3]);
          if (!isOrg(org) || typeOf(view, slotOf(m[1])) !== "Person") return [];
          const predicate = m[4] ? "employs" : predicateOfRole(m[2]);
          return predicate ? claimsFor(view, [slotOf(m[1])], [predicate], org) : [];
        },
        "roleAppositive",
      ),
      ...eachMatch(
        view,
        APPOSITIVE_POSSESSIVE,
        (m) => (isOrg(slotOf(m[2])) ? claimsFor(view, [slotOf(m[1])], rolesIn(m[3]), slotOf(m[2])) : []),
        "roleAppositive",
      ),
      ...eachMatch(
        view,
        POSSESSIVE_ROLE,
        (m) =>
          isOrg(slotOf(m[1])) && typeOf(view, slotOf(m[3])) === "Person"
            ? claimsFor(view, [slotOf(m[3])], rolesIn(m[2]), slotOf(m[1]))
            : [],
        "roleAppositive",
      ),
      ...eachMatch(
        view,
        ITS_ROLE,
        (m) => {
          // "its general director": the company named last before the person.
          const before = slotsIn(view, view.template.slice(0, m.index + m[1].length));
          const org = before
            .reverse()
            .find((k) => typeOf(view, k) === "Company" || typeOf(view, k) === "Organization");
          return org === undefined ? [] : claimsFor(view, [slotOf(m[1])], rolesIn(m[2]), org);
        },
        rule,
      ),
      ...eachMatch(
        view,
        NAMED_ROLE,
        (m) =>
          isOrg(slotOf(m[1])) && typeOf(view, slotOf(m[3])) === "Person"
            ? claimsFor(view, [slotOf(m[3])], rolesIn(m[2]), slotOf(m[1]))
            : [],
        rule,
      ),
      ...eachMatch(
        view,
        ROLE_AS,
        (m) => (isOrg(slotOf(m[3])) ? claimsFor(view, [slotOf(m[1])], rolesIn(m[2]), slotOf(m[3])) : []),
        rule,
      ),
      ...eachMatch(view, FOUNDED_BY, (m) => pairs(view, [slotOf(m[2])], "other", [slotOf(m[1])]), rule),
      ...eachMatch(view, AS_ROLE, (m) => claimsFor(view, [slotOf(m[3])], rolesIn(m[1]), slotOf(m[2])), rule),
      ...eachMatch(
        view,
        WHOSE_ROLE,
        (m) =>
          isOrg(slotOf(m[1])) && isOrg(slotOf(m[3]))
            ? claimsFor(view, [slotOf(m[3])], rolesIn(m[2]), slotOf(m[1]))
            : [],
        "roleAppositive",
      ),
      ...eachMatch(
        view,
        WORKS_FOR,
        (m) =>
          typeOf(view, slotOf(m[1])) === "Person" && isOrg(slotOf(m[2]))
            ? pairs(view, [slotOf(m[2])], "employs", [slotOf(m[1])])
            : [],
        rule,
      ),
      ...eachMatch(
        view,
        JOINED_AS,
        (m) => (isOrg(slotOf(m[2])) ? claimsFor(view, [slotOf(m[1])], rolesIn(m[3]), slotOf(m[2])) : []),
        rule,
      ),
      ...eachMatch(
        view,
        WHO_HEADS,
        (m) => (isOrg(slotOf(m[2])) ? pairs(view, [slotOf(m[1])], "directs", [slotOf(m[2])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        OPERATED_BY,
        (m) =>
          typeOf(view, slotOf(m[2])) === "Person"
            ? pairs(view, [slotOf(m[2])], "directs", [slotOf(m[1])])
            : [],
        rule,
      ),
    ];
  },
};
