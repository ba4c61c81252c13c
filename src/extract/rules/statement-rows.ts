// Bank statements: the rows of an account's statement are payments to or from its holder. The holder
// is the record's "Account holder:" (or "Customer:") field; each row names a counterparty, in a
// "Counterparty" (Payee, Beneficiary …) column or after "Beneficiary:" / "Ordering customer:", and the
// way the money went, by a Dr/Cr column, the Debit / Paid out or Credit / Paid in column holding the
// amount, or "IN" / "OUT" in the row's type; "on behalf of X" names the principal behind the payer,
// "FFC X" the final beneficiary behind the payee.
import { bars, perText } from "../text-facts.js";
import { type ClaimRule, type DocumentFacts, isParty, type ProposedClaim } from "./rule.js";

/** Labels of the field naming whose account a statement is. */
const HOLDER = ["account holder", "account name", "account owner", "customer", "client"];

/** Column names: a Dr/Cr marker, amounts out of and into the account, the counterparty and its bank. */
const MARKER_COLUMN = /^dr\s*\/\s*cr$/;
const OUT_COLUMN = /^(?:debit|dr|withdrawals?|paid out|money out|outgoing|payments)\b/;
const IN_COLUMN = /^(?:credit|cr|deposits?|paid in|money in|incoming|receipts)\b/;
const PARTY_COLUMN = /^(?:counterparty|beneficiary|payee|payer|remitter)\b/;

/** Labels inside a row naming who is paid (out) and who pays (in). */
const PAID_LABEL = /\b(?:beneficiary|payee|paid to|credit to)\s*:\s*$/i;
const PAYER_LABEL =
  /\b(?:ordering customer|ordering party|remitter|payer|by order of|received from)\s*:\s*$/i;

/** Words before the party a payment is made for: the principal behind the payer. */
const PRINCIPAL =
  /\b(?:on behalf of|for account of|for the account of)\s+(?:(?:its|the|their)\s+)?(?:principal\s+)?(?:(?:OOO|AO|ZAO|PAO|TOO)\s+)?["'«“]?$/i;

/** Words before the final beneficiary of a wire the counterparty passes on ("FFC X", for further credit). */
const FURTHER_CREDIT = /\b(?:FFC|for further credit (?:to|of))\s*:?\s*$/i;

/** How far above a row its table's header may stand. */
const HEADER_REACH = 20_000;

/** A statement's header line: where it ends and its lower-case cells. */
interface Header {
  end: number;
  cells: string[];
}

/** Every statement header of a text, in order: cells between bars, no figures, one naming a direction. */
function findHeaders(text: string): Header[] {
  const headers: Header[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    if (bars(line) >= 2 && !/\d{2}/.test(line)) {
      const cells = line.split("|").map((c) => c.trim().toLowerCase());
      if (cells.some((c) => MARKER_COLUMN.test(c) || OUT_COLUMN.test(c) || IN_COLUMN.test(c)))
        headers.push({ end, cells });
    }
    start = end + 1;
  }
  return headers;
}

/** The headers of the text being read, found once for all its rows. */
const headersOf = perText(findHeaders);

/** The cells of the nearest statement header above `lineStart` (within HEADER_REACH), or null. */
function headerAbove(text: string, lineStart: number): string[] | null {
  const headers = headersOf(text);
  for (let i = headers.length - 1; i >= 0; i--) {
    const { end, cells } = headers[i];
    if (end >= lineStart) continue;
    return end > lineStart - HEADER_REACH ? cells : null;
  }
  return null;
}

/** Which way a row's money went: "in" to the holder, "out" from it, or null when the row does not say. */
function directionOf(cells: string[], header: string[]): "in" | "out" | null {
  for (let i = 0; i < header.length; i++) {
    const cell = (cells[i] ?? "").trim();
    if (MARKER_COLUMN.test(header[i])) {
      if (/^(?:dr|debit)\b/i.test(cell)) return "out";
      if (/^(?:cr|credit)\b/i.test(cell)) return "in";
    }
  }
  const amountIn = (pattern: RegExp): boolean =>
    header.some((name, i) => pattern.test(name) && /\d/.test(cells[i] ?? ""));
  const debit = amountIn(OUT_COLUMN);
  const credit = amountIn(IN_COLUMN);
  if (debit !== credit) return debit ? "out" : "in";
  const words = cells.join(" ");
  const inward = /\b(?:IN|INWARD|INCOMING)\b/.test(words);
  const outward = /\b(?:OUT|OUTWARD|OUTGOING)\b/.test(words);
  if (inward !== outward) return inward ? "in" : "out";
  return null;
}

/** The account holder: the first party of the first holder field the record has. */
function holderOf(facts: DocumentFacts): number | undefined {
  for (const label of HOLDER) {
    const field = facts.fields.get(label);
    const k = field?.types.findIndex((t) => t !== "Place" && t !== "Product") ?? -1;
    if (field && k >= 0) return field.entities[k];
  }
  return undefined;
}

/**
 * Statement rows: the holder pays a row's counterparty when the money went out, the counterparty pays
 * the holder when it came in; the counterparty's bank, in a column of its own, acts for it; a payment
 * "on behalf of" a principal makes its payer the principal's intermediary.
 */
export const statementRows: ClaimRule = {
  name: "statementRows",
  version: 1,
  cue: /\|/,
  description:
    "A bank statement's rows: money out pays the counterparty, money in is paid by it; its bank, and a payer on behalf of a principal, act for them.",
  apply(view, facts) {
    const holder = holderOf(facts);
    if (holder === undefined) return [];
    const { text, sentence } = view;
    const lineStart = text.lastIndexOf("\n", sentence.start - 1) + 1;
    const header = headerAbove(text, lineStart);
    if (!header) return [];
    const lineEnd = text.indexOf("\n", sentence.end - 1);
    const cells = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).split("|");
    const rule = "statementRows";
    const evidence = { start: sentence.start, end: sentence.end };
    const out: ProposedClaim[] = [];
    let counterparty: number | undefined;
    let bank: number | undefined;
    let principal: number | undefined;
    let finalBeneficiary: number | undefined;
    let labelled: "in" | "out" | null = null;
    view.slots.forEach((slot, k) => {
      if (!isParty(view, k) || slot.entity === holder) return;
      const column = header[bars(text, lineStart, slot.start)] ?? "";
      const before = text.slice(Math.max(lineStart, slot.start - 40), slot.start);
      if (PRINCIPAL.test(before)) {
        principal ??= slot.entity;
        return;
      }
      if (FURTHER_CREDIT.test(before)) {
        finalBeneficiary ??= slot.entity;
        return;
      }
      // A column's party opens its cell: "BHD., Bayan Lepas" is the rest of a name cut off before it.
      const cellStart = Math.max(lineStart, text.lastIndexOf("|", slot.start - 1) + 1);
      const opensCell = text.slice(cellStart, slot.start).trim() === "";
      if (counterparty === undefined && PAID_LABEL.test(before)) {
        counterparty = slot.entity;
        labelled = "out";
      } else if (counterparty === undefined && PAYER_LABEL.test(before)) {
        counterparty = slot.entity;
        labelled = "in";
      } else if (!opensCell) {
        return;
      } else if (PARTY_COLUMN.test(column)) {
        if (!/\bbank\b/.test(column)) counterparty ??= slot.entity;
        else bank ??= slot.entity;
      }
    });
    const direction = labelled ?? directionOf(cells, header);
    // Money out on behalf of a principal: the holder pays for it. Money in on behalf of one: the
    // principal pays the holder, through the counterparty.
    if (principal !== undefined && direction === "out")
      out.push({ subject: holder, predicate: "intermediary_for", object: principal, evidence, rule });
    if (principal !== undefined && direction === "in") {
      out.push({ subject: principal, predicate: "pays", object: holder, evidence, rule });
      if (counterparty !== undefined && counterparty !== principal)
        out.push({ subject: counterparty, predicate: "intermediary_for", object: principal, evidence, rule });
    }
    if (counterparty === undefined) return out;
    // Money out for further credit: the counterparty passes it on to the final beneficiary.
    if (finalBeneficiary !== undefined && direction === "out" && finalBeneficiary !== counterparty) {
      out.push({ subject: holder, predicate: "pays", object: finalBeneficiary, evidence, rule });
      out.push({
        subject: counterparty,
        predicate: "intermediary_for",
        object: finalBeneficiary,
        evidence,
        rule,
      });
    }
    if (direction === "out")
      out.push({ subject: holder, predicate: "pays", object: counterparty, evidence, rule });
    if (direction === "in")
      out.push({ subject: counterparty, predicate: "pays", object: holder, evidence, rule });
    if (bank !== undefined && bank !== counterparty)
      out.push({ subject: bank, predicate: "intermediary_for", object: counterparty, evidence, rule });
    return out;
  },
};
