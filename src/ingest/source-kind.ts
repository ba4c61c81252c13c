// The kind of a source (news, government notice, record) read from its opening text when no metadata
// gives it: a record is laid out as labelled fields (invoice, bill of lading, itinerary), a government
// notice speaks as the authority acting under its powers. Anything else is news.
import type { SourceKind } from "../model/index.js";

/** How much of the text the cues are looked for in: the head, where a document says what it is. */
const HEAD_CHARS = 1500;

/** Field labels and titles of invoices, shipping papers and travel records. */
const RECORD_CUES = [
  /\b(?:commercial|pro[- ]?forma|tax)?\s*invoice\s*(?:no\.?|number|#|date)/i,
  /\bbill of lading\b/i,
  /^\s*(?:consignee|shipper|notify party|passenger|itinerary|booking (?:made )?by|flight|vessel|port of (?:loading|discharge)|invoice (?:no\.?|number)|amount due|total due)\s*:/im,
];

/** How an authority writes when it acts: designations, determinations, orders. */
const GOVERNMENT_CUES = [
  /\b(?:Office of Foreign Assets Control|Department of (?:the )?Treasury|Ministry of|Council of the European Union|Security Council|HM Treasury|Office of Financial Sanctions Implementation)\b/,
  /\b(?:hereby|pursuant to (?:Executive Order|section|regulation)|is (?:being )?designated|designates|designated today|took action today|sanctioned today)\b/i,
];

/** The kind the opening text shows, or "news" when it shows none. */
export function inferSourceKind(text: string): SourceKind {
  const head = text.slice(0, HEAD_CHARS);
  if (RECORD_CUES.filter((cue) => cue.test(head)).length >= 1 && fieldLines(head) >= 3) return "record";
  if (GOVERNMENT_CUES.every((cue) => cue.test(head))) return "government";
  return "news";
}

/** Lines laid out as `Label: value`, as records are. */
function fieldLines(head: string): number {
  return head.split("\n").filter((line) => /^\s*[A-Z][\w .'/-]{1,40}:\s+\S/.test(line)).length;
}
