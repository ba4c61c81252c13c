// Plain text and Markdown: the text as it is, normalised. A Markdown front matter supplies title,
// date and address when present.
import { normaliseText } from "../../model/index.js";
import { assertText, decodeUtf8 } from "../decode.js";
import { type DocumentRead, emptyRead, toIsoDate } from "../document.js";
import type { Reader } from "./reader.js";

function frontMatter(text: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return {};
  const fields: Record<string, string> = {};
  for (const line of match[1].split("\n")) {
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (kv) fields[kv[1].toLowerCase()] = kv[2].replace(/^["']|["']$/g, "").trim();
  }
  return fields;
}

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
/** A line that is only a date, as news pages print under the masthead ("Sunday, January 11, 2026"). */
const DATELINE = new RegExp(
  `^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:(${MONTHS})\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\s+(${MONTHS})\\s+(\\d{4}))$`,
  "i",
);
const HEAD_LINES = 8;

/** The publication date printed alone on one of the first lines, as YYYY-MM-DD. */
export function findDateline(text: string): string | null {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, HEAD_LINES);
  for (const line of lines) {
    const m = DATELINE.exec(line);
    if (!m) continue;
    const [month, day, year] = m[1] ? [m[1], m[2], m[3]] : [m[5], m[4], m[6]];
    const monthNumber = MONTHS.split("|").indexOf(month.toLowerCase()) + 1;
    return `${year}-${String(monthNumber).padStart(2, "0")}-${day.padStart(2, "0")}`;
  }
  return null;
}

/** Longest masthead (a publication's name) and headline read from the first lines. */
const MAX_MASTHEAD = 60;
const MAX_HEADLINE = 200;

/** A line that could be a masthead or a headline: short, not a sentence, not a `Label: value` field. */
function isHeading(line: string, max: number): boolean {
  return (
    line.length <= max && !/[.:;,]$/.test(line) && !/^[\w .'/-]{1,40}:\s/.test(line) && /\p{L}/u.test(line)
  );
}

/**
 * The headline and the publication of a plain-text news page, from its first lines: a short line
 * followed by a dateline is the masthead (the publisher), and the first heading after them is the
 * headline (the title). Without a dateline, a first line that reads as a heading is the title.
 */
export function findMasthead(text: string): { title: string | null; publisher: string | null } {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, HEAD_LINES);
  const dateline = lines.findIndex((line) => DATELINE.test(line));
  if (dateline === 1 && isHeading(lines[0], MAX_MASTHEAD) && lines[0].split(/\s+/).length <= 8) {
    const headline = lines[2];
    return { publisher: lines[0], title: headline && isHeading(headline, MAX_HEADLINE) ? headline : null };
  }
  const first = lines[dateline === 0 ? 1 : 0];
  return { publisher: null, title: first && isHeading(first, MAX_HEADLINE) ? first : null };
}

/** Reads .txt and .md files. */
export const textReader: Reader = {
  name: "text",
  extensions: [".txt", ".md", ".markdown", ".text"],
  sniff: () => false,
  async read(bytes, file): Promise<DocumentRead> {
    assertText(bytes, file);
    const { text, warnings } = decodeUtf8(bytes, file);
    const read = emptyRead("text", normaliseText(text));
    read.warnings.push(...warnings);
    const meta = frontMatter(read.text);
    // Front matter speaks for the file; without it, the first lines are read as a news page's head.
    const head = Object.keys(meta).length ? { title: null, publisher: null } : findMasthead(read.text);
    read.title = meta.title ?? head.title;
    read.published = toIsoDate(meta.date ?? meta.published) ?? findDateline(read.text);
    read.url = meta.url ?? null;
    read.author = meta.author ?? null;
    read.publisher = meta.publisher ?? head.publisher;
    return read;
  },
};
