// Products: who develops or makes a product ("X manufactures the A- and B-series UAVs", "X’s A-100",
// "X, whose A-100 drone"), variants ("assessed the A as a variant of B"), tests ("A … undergoing
// flight tests under the auspices of X"), use ("deployed by X") and components ("engine for the B").
import {
  type ClaimRule,
  E,
  eachMatch,
  LIST,
  leadingSubjects,
  opensWithAppositive,
  pairs,
  slotOf,
  slotsIn,
  typeOf,
} from "./rule.js";

const MAKE =
  "(?:manufactures|manufactured|produces|produced|develops|developed|designs|designed|builds|built|makes|made|assembles|assembled|coordinates the production of|work on|works on|working on|flight-test work on|test work on)";
const MAKES = new RegExp(`\\b${MAKE}\\b (?:the |a |an |new )?(?:[^⟨.]{0,60}? )?(?:(?:${E})’s )?(${LIST})`);
const MODELS = new RegExp(
  `(${E})(?:’s)? (?:[a-z-]+ ){0,2}(?:drones?|UAVs?|models?|missiles?|aircraft|products?|engines?|systems?),? (?:including|such as|like|notably)`,
);
const WHOSE = new RegExp(`(${E}), whose (${E})`);
const POSSESSIVE = new RegExp(`(${E})’s (?:new |latest |own )?(${E})`);
const FOR_ITS = new RegExp(`(${E}) for its (${E})`);
const WHICH_MADE = new RegExp(
  `(${E})[^⟨]{0,30}?, which (${E}) (?:has |had )?(?:outfitted|modified|upgraded|developed|built|produced|designed|adapted|converted)`,
);
const VARIANT = new RegExp(
  `(${E}) (?:as|is|was|to be) an? (?:[a-z-]+ )?(?:variant|version|copy|derivative|modification|clone|upgrade) of (?:[^⟨]{0,20}?)(?:(?:${E})’s )?(${E})`,
);
const STYLE = new RegExp(
  `(${E}),? (?:which|that) [^⟨]{0,60}?(?:is|was) an? (${E})-(?:style|type|class|based)`,
);
const TESTED = new RegExp(
  `(${E}) (?:has |have |had )?(?:tested|test-fired|trialled|trialed|evaluated|flight-tested) (?:the |a |an |its )?(?:[a-z-]+ )?(${E})`,
);
const TESTS = new RegExp(
  `(${E})[^⟨]{0,120}?(?:undergoing|underwent|undergo|during|in) [^⟨]{0,30}?tests? under the auspices of (${LIST})`,
);
const DEPLOYED = new RegExp(
  `(${E}) (?:has been |have been |was |were |is |are )?(?:deployed|used|operated|fielded|launched) by (${E})`,
);
const COMPONENT = new RegExp(
  `(${E}) [a-z ]{0,30}?(?:for (?:implementation|integration|installation|use) (?:into|in|on)|fitted (?:to|into|on)|installed (?:in|on)|integrated into) (?:the )?(${E})`,
);

/** Product phrase: makers, variants, tests, use and components of named products. */
export const productPhrase: ClaimRule = {
  name: "productPhrase",
  version: 1,
  cue: /manufactur|produc|develop|design|build|built|make|made|assembl|work on|drone|UAV|model|missile|aircraft|engine|system|whose|’s ⟨|for its|variant|version|copy|derivative|modification|clone|upgrade|style|type|class|test|deployed|used|operated|fielded|launched|fitted|installed|integrat|implementation/,
  description: "The text links a named product to its maker, tester, user, variant or host product.",
  apply(view) {
    const rule = "productPhrase";
    const product = (k: number): boolean => typeOf(view, k) === "Product";
    const maker = (k: number): boolean => typeOf(view, k) === "Company" || typeOf(view, k) === "Organization";
    const subjects = leadingSubjects(view);
    return [
      ...eachMatch(
        view,
        MAKES,
        (m) => {
          const products = slotsIn(view, m[1]).filter(product);
          if (products.length === 0) return [];
          const before = view.template.slice(0, m.index);
          const near = [...before.matchAll(/⟨(\d+)⟩(?!-)/g)].map((x) => Number(x[1])).filter(maker);
          const last = near[near.length - 1];
          const between = last === undefined ? "" : before.slice(before.lastIndexOf(`⟨${last}⟩`));
          // "X, a subsidiary of Y, coordinates …": the verb belongs to X, not to Y inside the appositive.
          const lead = subjects[0];
          const appositive =
            lead !== undefined &&
            lead !== last &&
            /^⟨\d+⟩, $/.test(between) &&
            opensWithAppositive(view, lead);
          const who = appositive ? lead : last;
          return who === undefined ? [] : pairs(view, [who], "develops", products);
        },
        rule,
      ),
      ...eachMatch(
        view,
        MODELS,
        (m) => {
          if (!maker(slotOf(m[1]))) return [];
          const rest = view.template.slice(m.index + m[0].length);
          return pairs(view, [slotOf(m[1])], "develops", slotsIn(view, rest).filter(product));
        },
        rule,
      ),
      ...eachMatch(
        view,
        WHOSE,
        (m) => (product(slotOf(m[2])) ? pairs(view, [slotOf(m[1])], "develops", [slotOf(m[2])]) : []),
        "productOwner",
      ),
      ...eachMatch(
        view,
        POSSESSIVE,
        (m) =>
          maker(slotOf(m[1])) && product(slotOf(m[2]))
            ? pairs(view, [slotOf(m[1])], "develops", [slotOf(m[2])])
            : [],
        rule,
      ),
      ...eachMatch(
        view,
        FOR_ITS,
        (m) => (product(slotOf(m[2])) ? pairs(view, [slotOf(m[1])], "develops", [slotOf(m[2])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        WHICH_MADE,
        (m) => (product(slotOf(m[1])) ? pairs(view, [slotOf(m[2])], "develops", [slotOf(m[1])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        VARIANT,
        (m) => (product(slotOf(m[1])) ? pairs(view, [slotOf(m[1])], "variant_of", [slotOf(m[2])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        STYLE,
        (m) => (product(slotOf(m[1])) ? pairs(view, [slotOf(m[1])], "variant_of", [slotOf(m[2])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        TESTED,
        (m) => (product(slotOf(m[2])) ? pairs(view, [slotOf(m[1])], "tests", [slotOf(m[2])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        TESTS,
        (m) => (product(slotOf(m[1])) ? pairs(view, slotsIn(view, m[2]), "tests", [slotOf(m[1])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        DEPLOYED,
        (m) => (product(slotOf(m[1])) ? pairs(view, [slotOf(m[2])], "other", [slotOf(m[1])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        COMPONENT,
        (m) =>
          product(slotOf(m[1])) && product(slotOf(m[2]))
            ? pairs(view, [slotOf(m[1])], "other", [slotOf(m[2])])
            : [],
        rule,
      ),
    ];
  },
};
