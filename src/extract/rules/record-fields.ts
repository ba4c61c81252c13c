// Records laid out as labelled fields — invoices and bills of lading ("Seller: …", "Buyer: …", "Total: …")
// and travel records ("Passenger: …", "Employer: …", "Route: A – B", "Purpose: visit to …").
import type { Span } from "../../model/index.js";
import { PARTY_ROLES } from "../lexicons/index.js";
import {
  type ClaimRule,
  type DocumentFacts,
  type ProposedClaim,
  type RecordField,
  readField,
} from "./rule.js";

const SELLER = [...PARTY_ROLES.seller, "sold by", "issued by", "from"];
/** Who buys, and so pays unless the total names another payer. */
const BUYER = [...PARTY_ROLES.buyer, "bill to", "billed to", "sold to"];
/** Who receives the goods without being said to buy them; a notify party is only told of the arrival. */
const RECEIVER = [...PARTY_ROLES.receiver, "ship to", "deliver to", "delivery to"];
const AMOUNT = ["total", "amount", "amount due", "total amount", "invoice total", "value", "price"];
const TRAVELLER = [
  "traveller",
  "traveler",
  "passenger",
  "passenger name",
  "name",
  "visitor",
  "guest",
  "crew member",
];
const EMPLOYER = ["employer", "company", "organisation", "organization", "affiliation", "employed by"];
const DESTINATION = [
  "destination",
  "to",
  "arrival",
  "route",
  "itinerary",
  "place of visit",
  "visited",
  "host",
  "purpose",
];

function first(facts: DocumentFacts, labels: string[]): RecordField | undefined {
  for (const label of labels) {
    const field = facts.fields.get(label);
    if (field && field.entities.length > 0) return field;
  }
  return undefined;
}

const cover = (a: Span, b: Span): Span => ({
  start: Math.min(a.start, b.start),
  end: Math.max(a.end, b.end),
});

/**
 * What a destination field says was visited: a route "A – B" its last place, a host or purpose the party
 * named; a round trip "A to B; B to C; C to A", every stop but the home it starts and ends at.
 */
function visited(entities: number[]): number[] {
  const last = entities[entities.length - 1];
  if (entities.length > 2 && last === entities[0]) return [...new Set(entities.filter((e) => e !== last))];
  return [last];
}

/**
 * Record fields: an invoice's seller supplies its buyer (who pays it when the record states a total); a
 * travel record's traveller visits the destination, route end or host named, and is employed by the
 * employer named. Fires on the buyer's or traveller's line, with the lines it read as evidence.
 */
export const recordFields: ClaimRule = {
  name: "recordFields",
  version: 1,
  // A field's line has a colon, or opens with a name under a label line.
  cue: /:|^⟨0⟩/,
  description:
    "A record's labelled fields link its parties (seller → buyer, traveller → destination, employer).",
  apply(view, facts) {
    const own = readField(view);
    if (!own || own.field.entities.length === 0) return [];
    const out: ProposedClaim[] = [];
    const rule = "recordFields";
    const party = own.field.entities.find(
      (_, i) => own.field.types[i] !== "Place" && own.field.types[i] !== "Product",
    );
    if ((BUYER.includes(own.label) || RECEIVER.includes(own.label)) && party !== undefined) {
      const seller = first(facts, SELLER);
      const sellerParty = seller?.entities.find(
        (_, i) => seller.types[i] !== "Place" && seller.types[i] !== "Product",
      );
      if (seller && sellerParty !== undefined && sellerParty !== party) {
        out.push({
          subject: sellerParty,
          predicate: "supplies",
          object: party,
          evidence: cover(seller.span, own.field.span),
          rule,
        });
        const total = AMOUNT.map((l) => facts.fields.get(l)).find((f) => f && /\d/.test(f.value));
        // "Total: CNY 3,017,500, payable by X": the total names who pays; else the buyer does.
        const payer = total?.entities.find(
          (_, i) => total.types[i] !== "Place" && total.types[i] !== "Product",
        );
        if (total && payer !== undefined && payer === party && payer !== sellerParty) {
          out.push({ subject: payer, predicate: "pays", object: sellerParty, evidence: total.span, rule });
        } else if (total && payer === undefined && BUYER.includes(own.label)) {
          out.push({
            subject: party,
            predicate: "pays",
            object: sellerParty,
            evidence: cover(own.field.span, total.span),
            rule,
          });
        }
      }
    }
    if (TRAVELLER.includes(own.label) && party !== undefined) {
      const employer = first(facts, EMPLOYER);
      const employerParty = employer?.entities.find((_, i) => employer.types[i] !== "Place");
      if (employer && employerParty !== undefined && employerParty !== party) {
        out.push({
          subject: employerParty,
          predicate: "employs",
          object: party,
          evidence: cover(own.field.span, employer.span),
          rule,
        });
      }
      for (const label of DESTINATION) {
        const field = facts.fields.get(label);
        if (!field || field.entities.length === 0) continue;
        for (const target of visited(field.entities)) {
          if (target === party) continue;
          out.push({
            subject: party,
            predicate: "visits",
            object: target,
            evidence: cover(own.field.span, field.span),
            rule,
          });
        }
      }
    }
    return out;
  },
};
