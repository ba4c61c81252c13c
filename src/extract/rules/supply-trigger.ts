// Supply and payment: trigger verbs and nouns between a supplier and a recipient — "supplied … to",
// "facilitated the sale and shipment of … to", "received … from", "billed", "has contracts with",
// "a supplier of … for", designation bases "goods or services … in support of".
import type { SentenceView } from "../template.js";
import {
  type ClaimRule,
  clauseSubjects,
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
  typeOf,
} from "./rule.js";

const GIVE =
  "(?:supplied|supplies|supply|sold|sells|shipped|ships|delivered|delivers|exported|exports|provided|provides|furnished|transferred|transfers|sent|sends)";
const GIVE_TO = new RegExp(
  `(${LIST})(?:’s)?,?[^⟨.]{0,60}? (?:has |have |had )?(?:also )?${GIVE}\\b((?:[^⟨]|${E}){0,100}?) to (?:the )?${MODS}(${LIST})`,
);
const FACILITATE_TO = new RegExp(
  `(${LIST})[^⟨]{0,40}? (?:has |have |had )?(?:facilitated|facilitate|facilitating|arranged|handled|coordinated|conducted|performed) (?:the )?[^⟨]{0,30}?(?:sale|supply|shipment|shipments|delivery|deliveries|export|exports|transfer|procurement|tests|testing|services|work)\\b[^⟨]{0,120}? (?:to|for) (?:the )?${MODS}(${HEAD})`,
);
const RECEIVE_FROM = new RegExp(
  `(${E}) (?:has |have |had )?(?:also )?(?:received|receives|imported|imports|bought|buys|purchased|purchases|acquired|obtained|ordered)\\b[^⟨]{0,100}? from (?:the )?${MODS}(${LIST})`,
);
const PRODUCED_BILLED = new RegExp(
  `(?:produced|made|manufactured|supplied|sold) by (${E})[^⟨]{0,40}? (?:billed|delivered|shipped|sold|supplied|invoiced) to (?:the )?(${E})`,
);
const BILLED = new RegExp(`(${E}) (?:billed|invoiced|charged) (?:the )?(${E})`);
/** Money moving ("transferred $2 million to …") makes a payment, not a supply. */
const MONEY =
  /[$€£¥]|\b(?:USD|EUR|GBP|CNY|RUB|AED|dollars?|euros?|pounds?|rubles?|roubles?|yuan|dirhams?|rials?|funds|money|payments?)\b/;
/** "… where they were delivered to Y": the goods are the subject, so no giver is named. */
const PASSIVE =
  / (?:was|were|been|being|is|are) (?:[a-z]+ly )?(?:supplied|sold|shipped|delivered|exported|provided|furnished|transferred|sent)\b/;
const PAYMENT_FROM_TO = new RegExp(
  `(?:payments?|transfers?|remittances?|wires?|funds) (?:of [^⟨]{0,60}? )?from (?:the )?${MODS}(${HEAD}) to (?:the )?${MODS}(${HEAD})`,
);
const FLOW_TO = new RegExp(
  `(${E})’s (?:[a-z]+ )?(?:shipments|exports|deliveries|sales|supplies) (?:of [^⟨]{0,60}? )?to (?:the )?${MODS}(${HEAD})`,
);
const FLOW_FROM_TO = new RegExp(
  `(?:shipments?|exports?|deliveries|sales|supplies|consignments?) (?:of [^⟨]{0,60}? )?from (?:the )?${MODS}(${HEAD})(?:’s [a-z ]+)? to (?:the )?${MODS}(${HEAD})`,
);
const EQUIPS = new RegExp(
  `(${E}) (?:has |have |had )?(?:also )?(?:supplied|supplies|supply|provided|provides|furnished|furnishes|equipped|equips|armed|arms) (?:the )?${MODS}(${HEAD}) with\\b`,
);
const CUSTOMERS = new RegExp(
  `(${E})’s (?:[a-z]+ )?(?:customers|clients|buyers) (?:include|included|are|were) (?:the )?(${LIST})`,
);
const SUPPLIERS = new RegExp(
  `(${E})’s (?:[a-z]+ )?(?:suppliers|vendors|providers|contractors) (?:include|included|are|were) (?:the )?(${LIST})`,
);
const CUSTOMER_OF = new RegExp(
  `(${E}),? (?:is|was|has been|became) (?:a |an |the )?(?:[a-z-]+ ){0,2}(?:customer|client|buyer) of (?:the )?${MODS}(${HEAD})`,
);
const PAID = new RegExp(
  `(${E}) (?:paid|pays|transferred (?:funds|money|payments?) to|wired (?:funds|money) to) (?:the )?(${E})`,
);
const CONTRACTS = new RegExp(
  `(${LIST}) (?:has|have|had|signed|holds|held) (?:a |several |multiple )?(?:contracts?|agreements?|deals?) with (?:the )?(${E})`,
);
const SUPPLIER_OF = new RegExp(
  `(${E})[^⟨]{0,40}? (?:a |an |the )?(?:[a-z-]+ ){0,2}(?:supplier|provider|vendor|source|contractor)s? of [^⟨]{0,80}?(?:to|for) (?:the )?(${E})`,
);
const SUPPLIER_TO_PARTY = new RegExp(
  `(${E}),? (?:is|was|has been|became|remains) (?:a |an |the )?(?:[a-z-]+ ){0,3}(?:supplier|provider|vendor|contractor|subcontractor)s? (?:of|to|for) (?:the )?${MODS}(${HEAD})`,
);
const SUPPLIER_IN = new RegExp(`supplier [^⟨]{0,30}?(?:to|for|in|of) (${E})’s [^⟨]{0,40}?: (${E})`);
const NAMED_SUPPLIER = new RegExp(`(${E}) (?:supplier|vendor|contractor|provider) (${E})`);
const TRANSPORT = new RegExp(
  `(${E})[^⟨]{0,60}? (?:transporting|transported|transports|carrying|carried|conducts|conducted|provides|provided) [^⟨]{0,60}?(?:goods|cargo|weapons|arms|operations|services|shipments)[^⟨]{0,40}? (?:on behalf of|for) (?:the )?(${LIST})`,
);
const USED_BY = new RegExp(
  `(${E})[^⟨]{0,80}? (?:produces|manufactures|makes|supplies|builds)\\b[^⟨]{0,80}? (?:used|operated) by (?:${E}’s )?(${E})`,
);
const PLANT_FOR = new RegExp(
  `(${E}),? (?:which|that) (?:has been|is|was) [^⟨]{0,50}?(?:plants?|producers?|manufacturers?|suppliers?|contractors?|factories) [^⟨]{0,30}?for (?:the )?(${E})`,
);
const TRANSFER_TO = new RegExp(
  `(?:transfer|delivery|supply|shipment)s? of [^⟨]{0,40}? to (?:${E}-[a-z]+ )?(?:[A-Z][a-z]+ )?(${E})`,
);
const BASIS = new RegExp(
  `(?:materially assisted|provided|providing|having provided)[^⟨]{0,160}?(?:goods or services|support)[^⟨]{0,40}?(?:to|for|of),? (?:the )?${MODS}(${HEAD})`,
);

/**
 * Who gave, in a GIVE_TO match: the names before the verb, the sentence's subject when they close an
 * appositive, or the company a person speaks for ("X’s director, Y, said the company had sold …").
 */
function giverOf(view: SentenceView, m: RegExpExecArray): number[] {
  const named = slotsIn(view, m[1]);
  if (
    /\b(?:the company|the firm|the group)\b/.test(m[0]) &&
    named.every((k) => typeOf(view, k) === "Person")
  ) {
    const before = slotsIn(view, view.template.slice(0, m.index + m[1].length));
    const company = before
      .reverse()
      .find((k) => typeOf(view, k) === "Company" || typeOf(view, k) === "Organization");
    return company === undefined ? [] : [company];
  }
  return clauseSubjects(view, named, m.index, m[0]).filter((k) => typeOf(view, k) !== "Product");
}

/** Supply trigger: goods or services pass from a supplier to a recipient, or money the other way. */
export const supplyTrigger: ClaimRule = {
  name: "supplyTrigger",
  version: 1,
  cue: /equip|arms|armed|customer|client|buyer|consign|suppl|sold|sell|ship|deliver|export|provid|furnish|transfer|sent |sends|facilitat|arrang|handl|coordinat|conduct|perform|receiv|import|bought|buy|purchas|acqui|obtain|order|bill|invoic|charg|paid|pays|wired|contract|agreement|deal|vendor|source|transport|carr|plant|factor|produc|manufactur|build|makes|made|materially|support/,
  description: "A supply verb or noun links a supplier to its customer (supplied to, received from, billed).",
  apply(view) {
    const rule = "supplyTrigger";
    const parties = (ks: number[]): number[] => ks.filter((k) => typeOf(view, k) !== "Product");
    const subjects = leadingSubjects(view);
    return [
      ...eachMatch(
        view,
        GIVE_TO,
        // "X’s chief executive denied that …": the possessed noun, not X, is the subject.
        (m) =>
          // What was given may be named ("shipped KX-310 engines to …"); any other name breaks the link.
          /^(?:⟨\d+⟩(?:, | and )?)+’s/.test(m[0]) ||
          PASSIVE.test(m[0]) ||
          slotsIn(view, m[2]).some((k) => typeOf(view, k) !== "Product")
            ? []
            : MONEY.test(m[2])
              ? pairs(view, giverOf(view, m), "pays", parties(slotsIn(view, m[3])))
              : pairs(view, giverOf(view, m), "supplies", parties(slotsIn(view, m[3]))),
        rule,
      ),
      ...eachMatch(
        view,
        FACILITATE_TO,
        (m) => pairs(view, parties(slotsIn(view, m[1])), "supplies", parties([slotOf(m[2])])),
        rule,
      ),
      ...eachMatch(
        view,
        RECEIVE_FROM,
        (m) => pairs(view, parties(slotsIn(view, m[2])), "supplies", [slotOf(m[1])]),
        rule,
      ),
      ...eachMatch(
        view,
        PRODUCED_BILLED,
        (m) => pairs(view, [slotOf(m[1])], "supplies", [slotOf(m[2])]),
        rule,
      ),
      ...eachMatch(
        view,
        BILLED,
        (m) => [
          ...pairs(view, [slotOf(m[1])], "supplies", [slotOf(m[2])]),
          ...pairs(view, [slotOf(m[2])], "pays", [slotOf(m[1])]),
        ],
        rule,
      ),
      ...eachMatch(
        view,
        EQUIPS,
        (m) => (isParty(view, slotOf(m[2])) ? pairs(view, [slotOf(m[1])], "supplies", [slotOf(m[2])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        CUSTOMERS,
        (m) => pairs(view, [slotOf(m[1])], "supplies", parties(slotsIn(view, m[2]))),
        rule,
      ),
      ...eachMatch(
        view,
        SUPPLIERS,
        (m) => pairs(view, parties(slotsIn(view, m[2])), "supplies", [slotOf(m[1])]),
        rule,
      ),
      ...eachMatch(view, CUSTOMER_OF, (m) => pairs(view, [slotOf(m[2])], "supplies", [slotOf(m[1])]), rule),
      ...eachMatch(view, PAYMENT_FROM_TO, (m) => pairs(view, [slotOf(m[1])], "pays", [slotOf(m[2])]), rule),
      ...eachMatch(view, FLOW_TO, (m) => pairs(view, [slotOf(m[1])], "supplies", [slotOf(m[2])]), rule),
      ...eachMatch(view, FLOW_FROM_TO, (m) => pairs(view, [slotOf(m[1])], "supplies", [slotOf(m[2])]), rule),
      ...eachMatch(view, PAID, (m) => pairs(view, [slotOf(m[1])], "pays", [slotOf(m[2])]), rule),
      ...eachMatch(
        view,
        CONTRACTS,
        (m) => pairs(view, slotsIn(view, m[1]), "supplies", [slotOf(m[2])]),
        rule,
      ),
      ...eachMatch(view, SUPPLIER_OF, (m) => pairs(view, [slotOf(m[1])], "supplies", [slotOf(m[2])]), rule),
      ...eachMatch(
        view,
        SUPPLIER_TO_PARTY,
        (m) => (isParty(view, slotOf(m[2])) ? pairs(view, [slotOf(m[1])], "supplies", [slotOf(m[2])]) : []),
        rule,
      ),
      ...eachMatch(view, SUPPLIER_IN, (m) => pairs(view, [slotOf(m[2])], "supplies", [slotOf(m[1])]), rule),
      ...eachMatch(
        view,
        NAMED_SUPPLIER,
        (m) => (isParty(view, slotOf(m[2])) ? pairs(view, [slotOf(m[2])], "supplies", [slotOf(m[1])]) : []),
        rule,
      ),
      ...eachMatch(
        view,
        TRANSPORT,
        (m) => pairs(view, [slotOf(m[1])], "supplies", slotsIn(view, m[2])),
        rule,
      ),
      ...eachMatch(view, USED_BY, (m) => pairs(view, [slotOf(m[1])], "supplies", [slotOf(m[2])]), rule),
      ...eachMatch(view, PLANT_FOR, (m) => pairs(view, [slotOf(m[1])], "supplies", [slotOf(m[2])]), rule),
      ...eachMatch(
        view,
        TRANSFER_TO,
        (m) => pairs(view, subjects.slice(0, 1), "supplies", [slotOf(m[1])]),
        rule,
      ),
      ...eachMatch(
        view,
        BASIS,
        (m) =>
          /designat/.test(view.template)
            ? pairs(view, designatedSubjects(view), "supplies", [slotOf(m[1])])
            : [],
        rule,
      ),
    ];
  },
};
