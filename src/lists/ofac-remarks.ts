// Reads the Remarks field of OFAC's legacy CSV files, where OFAC packs an entry's particulars as
// `Key value (Country); …` segments: DOB, nationality, citizenship, identifiers, weak a.k.a.s and
// "Linked To:" relations (OFAC dat_spec.txt and the published sdn.csv).
import type { ListEntry } from "../model/index.js";
import { countryCode } from "./countries.js";
import { addCountry, addIdentifier, addUnique, clean, identifierType } from "./entry-builder.js";
import { parseListDates } from "./list-dates.js";

/** Labels whose values carry no digit but are still identifiers. */
const LETTER_LABELS = /^(SWIFT\/BIC|Website|Email Address|Call Sign)\s+(.+)$/;

/** Labels that look like identifiers (a number follows) but are dates, phones or legal citations. */
const NOT_IDENTIFIER =
  /^(DOB|POB|Organization Established Date|.*\bDate\b.*|Phone Number|Telephone|Fax|Executive Order|CAATSA Section|Secondary sanctions risk|Additional Sanctions Information|Transactions Prohibited|For more information|Vessel Year of Build|Aircraft Model|Aircraft Operator|Target Type|Organization Type|Vessel Type|Vessel Flag|Other Vessel Flag|Vessel Owner|Vessel Tonnage|Vessel Gross Registered Tonnage|Nationality of Registration|Aircraft Mode S Transponder Code|Previous Aircraft Tail Number|Gender|Title|Member|nationality|citizen|Additional)\b/i;

/** What the remarks add to an entry besides what is written on it directly. */
export interface RemarkFacts {
  /** Names after "Linked To:", resolved to ent_nums once the whole list is read. */
  linkedNames: string[];
}

/** Splits remarks into `;`-separated segments, keeping quoted a.k.a. names whole. */
function segments(remarks: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < remarks.length; i++) {
    const c = remarks[i];
    if (c === "'" && (i === 0 || /[\s.]/.test(remarks[i - 1]) || quoted)) {
      // An apostrophe inside a word (O'NEIL) is not a quote; one after a space or "a.k.a." opens one.
      if (quoted && /[a-z]/i.test(remarks[i + 1] ?? "")) {
        current += c;
        continue;
      }
      quoted = !quoted;
    }
    if (c === ";" && !quoted) {
      out.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  out.push(current);
  return out.map((s) => s.trim().replace(/\.$/, "").trim()).filter(Boolean);
}

/** Applies the particulars stated in OFAC remarks to `entry`; returns what needs the whole list. */
export function applyOfacRemarks(entry: ListEntry, remarks: string): RemarkFacts {
  const facts: RemarkFacts = { linkedNames: [] };
  for (const raw of segments(remarks)) {
    // OFAC sometimes wraps a particular in parentheses: "(Linked To: NAME)".
    const seg = raw.replace(/^\((.*)\)$/, "$1").replace(/^alt\.\s+/i, "");
    let m = /^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s*'(.+)'$/i.exec(seg);
    if (m) {
      addUnique(entry.weakAliases, m[2]);
      continue;
    }
    m = /^Linked To:\s*(.+)$/i.exec(seg);
    if (m) {
      addUnique(facts.linkedNames, m[1]);
      continue;
    }
    m = /^DOB\s+(.+)$/.exec(seg);
    if (m) {
      for (const date of parseListDates(m[1])) addUnique(entry.birthDates, date);
      continue;
    }
    m = /^(nationality|citizen|Nationality of Registration|Vessel Flag|Other Vessel Flag)\s+(.+)$/.exec(seg);
    if (m) {
      addCountry(entry, m[2]);
      continue;
    }
    m = LETTER_LABELS.exec(seg);
    if (m) {
      if (m[1] === "SWIFT/BIC" || m[1] === "Call Sign")
        addIdentifier(entry, identifierType(m[1], m[2], null), m[2]);
      continue;
    }
    if (NOT_IDENTIFIER.test(seg)) continue;
    // `Label VALUE (Country) issued … expires …`: the value is the first token with a digit.
    m = /^(.+?)\s+((?=[^\s()]*\d)[^\s()].*?)(?:\s+\(([^()]+)\))?(?:\s+(?:issued|expires)\b.*)?$/.exec(seg);
    // Ordinals ("20th District") and long labels are titles and prose, not identifiers.
    if (!m || m[1].length > 60 || /^\d+(st|nd|rd|th)\b/i.test(m[2])) continue;
    const label = m[1].replace(/\s+(No\.?|#)$/i, " $1");
    // A value runs to the first joining word: "OR801168 and Kuwaiti National ID No. 2810…" is OR801168.
    const value = m[2].replace(/\s+(and|at|or|dated|of|in)\b.*$/i, "").replace(/[.,;]$/, "");
    const code = countryCode(clean(m[3]));
    addIdentifier(entry, identifierType(label, value, code), value, code);
  }
  return facts;
}
