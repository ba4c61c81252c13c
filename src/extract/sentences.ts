// Splits a source's text into sentences with [start, end) offsets, marking headings (short lines
// without closing punctuation). Abbreviations and initials do not end a sentence.
import type { Span } from "../model/index.js";
import { FORMS_BEFORE_QUOTED_NAME } from "./lexicons/index.js";

/** A sentence of a source; `heading` marks a title or section heading line. */
export interface Sentence extends Span {
  heading: boolean;
}

const ABBREVIATIONS = new Set(
  "co|ltd|inc|corp|pte|no|nos|mr|mrs|ms|dr|st|jr|sr|vs|gen|lt|col|maj|capt|sgt|prof|rev|dept|est|approx|e.o|u.s|u.k|u.n|e.u|a.k.a|f.k.a|i.e|e.g|etc|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|p.o|s.a|l.l.c|n.v|b.v|s.p.a|sdn".split(
    "|",
  ),
);

const MAX_HEADING_WORDS = 16;
/**
 * Longest sentence read as one: a text with no sentence breaks would otherwise be one sentence whose
 * mention pairs grow with its square (a hostile 1 MB line ran out of memory). Longer runs are cut at
 * the last space before the bound; real sentences, even in legal texts, stay well under it.
 */
export const MAX_SENTENCE_CHARS = 2000;

// Legal forms that mark a line of a record as a party's name.
const RECORD_FORMS =
  "LLC|L\\.L\\.C\\.|LLP|LTD\\.?|LIMITED|CO\\.,? LTD\\.?|INC\\.?|CORP\\.?|GMBH|GmbH|JSC|PJSC|OJSC|CJSC|DMCC|FZE|FZCO|FZ-LLC|S\\.A\\.|SDN\\.? BHD\\.?|BHD\\.?|PTE\\.? LTD\\.?|A\\.Ş\\.|ŞTİ\\.|OOO|OsOO|TOO|AO";
/** A line naming a firm by its legal form ("… CO., LTD.", "… DMCC", "OOO «…»"): a record's party, not a heading. */
const RECORD_NAME = new RegExp(`(?:^|[\\s,(«"])(?:${RECORD_FORMS})(?=$|[\\s,.)»"])`, "u");
/**
 * A line that ends with a legal form ("TRADING HOUSE ESIL-TEKHSNAB LLP") or opens with one before a quoted
 * name: a record's party line unless marked up as a heading ("## ACME LIMITED").
 */
const RECORD_NAME_ALONE = new RegExp(
  `(?:^|[\\s,(«"])(?:${RECORD_FORMS})[»")]*$|^(?:${FORMS_BEFORE_QUOTED_NAME.join("|")}) «`,
  "u",
);

/** True when the word before a full stop is an abbreviation or an initial, not a sentence end. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i])) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (word.length === 1) return /\p{L}/u.test(word);
  return ABBREVIATIONS.has(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/** Splits `text` into sentences; line breaks always end one. Offsets index `text` exactly. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const lineRe = /[^\n]+/g;
  // A front-matter block ("---" … "---" opening the file) holds metadata such as a quoted title: headings.
  let frontMatter = /^---[ \t]*\r?\n(?:[^\n]*\n){0,40}?---[ \t]*(?:\r?\n|$)/.test(text);
  let first = true;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const lineStart = line.index;
    const lineText = line[0];
    const trimmed = lineText.trim();
    if (!trimmed) continue;
    if (frontMatter) {
      if (trimmed === "---" && !first) frontMatter = false;
      else if (trimmed !== "---") pushTrimmed(sentences, text, lineStart, lineStart + lineText.length, true);
      first = false;
      continue;
    }
    const heading = isHeading(trimmed);
    let start = 0;
    // The next sentence may open with quotes, a bracket, emphasis or a Markdown link ("[Name](…)").
    const endRe = /[.!?]+["”’)]*(?=\s+["“‘(*_[]*[\p{Lu}\p{N}])/gu;
    for (let m = endRe.exec(lineText); m; m = endRe.exec(lineText)) {
      if (/^\.[)”’"]*$/.test(m[0]) && isAbbreviation(lineText, m.index)) continue;
      pushTrimmed(sentences, text, lineStart + start, lineStart + m.index + m[0].length, heading);
      start = m.index + m[0].length;
    }
    pushTrimmed(sentences, text, lineStart + start, lineStart + lineText.length, heading);
  }
  return sentences;
}

/** A heading: a line without closing punctuation, short or mostly capitalised, and no record's field or content. */
function isHeading(line: string): boolean {
  // Most lines are prose that ends in a full stop: they are told apart before their words are counted.
  // A line ending in a comma runs on ("THE COUNCIL OF THE EUROPEAN UNION,\nHaving regard to …").
  if (/[.!?:;,”"’)]$/.test(line.replace(/\*+$/, ""))) return false;
  const words = line.split(/\s+/).length;
  const capitalised = (): number => line.split(/\s+/).filter((w) => /^[\p{Lu}\p{N}“"‘]/u.test(w)).length;
  // "Seller: Acme Ltd" is a record field, not a heading.
  // "Pathways: How Components Reach …" is a title; "Seller: Acme Ltd, Dubai" is a field.
  const titled =
    words > 5 && capitalised() / words >= 0.6 && !/[,\d]/.test(line) && /:\s+[\p{Lu}]/u.test(line);
  // "Guest name (surname first): …": a label may carry a note in brackets.
  const field = !titled && /^[\p{Lu}][\p{L} /.-]{1,30}(?:\([\p{L} ,.-]{1,30}\))?:\s+\S/u.test(line);
  // A table row ("| 04.03.2024 | Cr | …") and a name line of a record or an address block ("KUTCH GULF
  // REFINING LTD", "TEMASEK HOLLOW BANK LTD · Singapore", "Bostandyk district, 050040 Almaty") are content,
  // not headings.
  const recordLine =
    /\|.*\|/.test(line) ||
    // A row of a table laid out in columns of spaces ("PAPADOPOULOS Andreas      Cypriot      12/04/2019").
    /\S {3,}\S.* {3,}\S/.test(line) ||
    (RECORD_NAME.test(line) &&
      (/[,·]/.test(line) || (RECORD_NAME_ALONE.test(line) && !/^[#*_]/.test(line)))) ||
    (/,/.test(line) && /\d/.test(line) && !/[.!?]\s/.test(line));
  return (
    !field && !recordLine && (words <= MAX_HEADING_WORDS || (words <= 40 && capitalised() / words >= 0.6))
  );
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number, heading: boolean): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  while (end - start > MAX_SENTENCE_CHARS) {
    const space = text.lastIndexOf(" ", start + MAX_SENTENCE_CHARS);
    const cut = space > start ? space : start + MAX_SENTENCE_CHARS;
    pushTrimmed(out, text, start, cut, heading);
    start = cut;
    while (start < end && /\s/.test(text[start])) start++;
  }
  if (end > start) out.push({ start, end, heading });
}
