// Finds periods in text and resolves them against the source's published date, keeping their
// precision (a quarter stays a quarter, a year a year). Day and month dates come from chrono-node;
// quarters, halves, seasons, years, decades, ranges and relative phrases come from the rules below.
import * as chrono from "chrono-node";
import { type Period, type PeriodPrecision, SkeinError, type Span } from "../model/index.js";
import { CARDINAL_WORDS } from "./number-words.js";
import { chooseLongest } from "./overlaps.js";

/** A period found in a text, with the [start, end) character span of the words that state it. */
export interface PeriodInText extends Span {
  period: Period;
}

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

interface Candidate extends Span {
  period: Omit<Period, "text">;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_PATTERN =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const MONTH_OR_DIGIT = new RegExp(`\\d|\\b${MONTH_PATTERN}\\b`, "i");
const ORDINALS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  final: 4,
  last: 4,
};
const ORDINAL_PATTERN = "(?:first|second|third|fourth|final|1st|2nd|3rd|4th)";
const DASH_CHARS = "\\-\u2010-\u2015";
const DASH = `[${DASH_CHARS}]`;
/** "last year", "this year", "the previous year" …: a year relative to the published one. */
const RELATIVE_YEAR =
  "(?:(?:last|this|next|previous|past|current|prior|the\\s+(?:previous|current|prior|past|same))\\s+year)";
const YEAR = "(?:19|20)\\d{2}";
/** Words after which a bare four-digit number reads as a year. */
const YEAR_CUES =
  "(?:in|during|since|by|until|till|through|throughout|of|from|before|after|around|circa|early|late|mid|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of|the\\s+year|fiscal\\s+year|calendar\\s+year)";
const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 14],
};

/**
 * Finds every period stated in `text`, resolved against `published` (YYYY-MM-DD, or null when unknown:
 * then phrases that need it, such as "last year" or "in March", are skipped). Returns periods in text
 * order, each with the span of the words that state it: "the second quarter of last year" (quarter),
 * "Q3 2025", "third-quarter 2024–2025", "in 2024", "since the beginning of 2024" (ends at `published`),
 * "between 2019 and 2022", "October 17, 2024", "the day after the tests" (when the text dates the tests).
 */
export function findPeriods(text: string, published: string | null): PeriodInText[] {
  const reference = parsePublished(published);
  const candidates = [
    ...findQuarters(text, reference),
    ...findHalvesAndSeasons(text, reference),
    ...findYears(text, reference),
    ...findRelative(text, reference),
    ...findMonthRanges(text),
    ...findCalendarDates(text, reference),
  ];
  const chosen = chooseLongest(candidates, text.length);
  const withAnchors = [...chosen, ...findAnchored(text, chosen)];
  return chooseLongest(
    withAnchors.map((found) => extendSince(text, found, reference)),
    text.length,
  ).map((found) => ({
    start: found.start,
    end: found.end,
    period: { ...found.period, text: text.slice(found.start, found.end) },
  }));
}

function parsePublished(published: string | null): YearMonthDay | null {
  if (published === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!match) {
    throw new SkeinError(
      "MODEL_INVALID_VALUE",
      `findPeriods: published date must be YYYY-MM-DD, e.g. 2024-10-17`,
      { field: "published", received: published },
    );
  }
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Months `first`..`last` (1-based; `last` may exceed 12 to run into the next year). */
function monthsPeriod(year: number, first: number, last: number, precision: PeriodPrecision) {
  const endYear = year + Math.floor((last - 1) / 12);
  const endMonth = ((last - 1) % 12) + 1;
  return {
    start: isoDate(year, first, 1),
    end: isoDate(endYear, endMonth, lastDayOf(endYear, endMonth)),
    precision,
  };
}

function quarterPeriod(year: number, quarter: number) {
  return monthsPeriod(year, quarter * 3 - 2, quarter * 3, "quarter");
}

function yearsPeriod(first: number, last: number) {
  return { start: isoDate(first, 1, 1), end: isoDate(last, 12, 31), precision: "year" as const };
}

/** Resolves "last year", "this year" … against the published year; null when it is unknown. */
function relativeYear(phrase: string, reference: YearMonthDay | null): number | null {
  if (!reference) return null;
  if (/next/i.test(phrase)) return reference.year + 1;
  if (/last|previous|prior|past/i.test(phrase)) return reference.year - 1;
  return reference.year;
}

/** Reads a year written in full or as two digits ('25, 25 → 2025). */
function readYear(value: string): number {
  const digits = value.replace(/\D/g, "");
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

const compiled = new Map<string, RegExp>();

/**
 * Every match of `pattern` (compiled once, case-insensitive). When the text lacks the `cue` word that
 * every match must contain, the full pattern is not run at all: most texts have no quarters or seasons.
 */
function* matchAll(text: string, pattern: string, cue?: RegExp): Generator<RegExpExecArray> {
  if (cue && !cue.test(text)) return;
  let regex = compiled.get(pattern);
  if (!regex) {
    // Unicode mode only where a pattern needs it: it makes case-insensitive scans several times slower.
    regex = new RegExp(pattern, pattern.includes("\\p{") ? "giu" : "gi");
    compiled.set(pattern, regex);
  }
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) yield match;
}

/** The most recent quarter (or month) of that number that does not start after the published date. */
function latestYearFor(firstMonth: number, reference: YearMonthDay): number {
  return firstMonth > reference.month ? reference.year - 1 : reference.year;
}

function findQuarters(text: string, reference: YearMonthDay | null): Candidate[] {
  const found: Candidate[] = [];
  const yearSpec = `(?:of\\s+)?(?:(${YEAR})(?:\\s*(?:${DASH}|to|through)\\s*(${YEAR}))?|(?:the\\s+)?(${RELATIVE_YEAR}))`;
  // "the second quarter of last year", "third-quarter 2024–2025", "the fourth quarter" (year from context).
  for (const m of matchAll(
    text,
    `\\b(?:the\\s+)?(${ORDINAL_PATTERN})(?:\\s+|${DASH})quarter\\b(?:,?\\s+${yearSpec}\\b)?`,
    /quarter/i,
  )) {
    const quarter = ORDINALS[m[1].toLowerCase()];
    const candidate = quarterCandidate(m, quarter, m[2], m[3], m[4], reference);
    if (candidate) found.push(candidate);
  }
  // "Q3 2025", "Q3/2025", "Q3 of 2025", "3Q 2025", "3Q25", "2025 Q3", "Q3 last year".
  for (const m of matchAll(
    text,
    `\\b(?:Q([1-4])|([1-4])Q)(?:\\s*[/${DASH_CHARS}]?\\s*|\\s+of\\s+)(?:'|\u2019)?(${YEAR}|\\d{2}\\b|(?:the\\s+)?${RELATIVE_YEAR})`,
    /[1-4]q|q[1-4]/i,
  )) {
    const quarter = Number(m[1] ?? m[2]);
    const isRelative = /year/i.test(m[3]);
    const candidate = quarterCandidate(
      m,
      quarter,
      isRelative ? undefined : m[3],
      undefined,
      isRelative ? m[3] : undefined,
      reference,
    );
    if (candidate) found.push(candidate);
  }
  for (const m of matchAll(text, `\\b(${YEAR})\\s*[/${DASH_CHARS}]?\\s*Q([1-4])\\b`, /q[1-4]/i)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      period: quarterPeriod(Number(m[1]), Number(m[2])),
    });
  }
  // "In Q1, revenue rose": a quarter without a year is the latest one not after the published date.
  if (reference) {
    for (const m of matchAll(
      text,
      `\\bQ([1-4])\\b(?!\\s*(?:[/${DASH_CHARS}]|of\\b)?\\s*(?:'|\u2019)?\\d)`,
      /q[1-4]/i,
    )) {
      if (m[0][0] !== "Q") continue;
      const quarter = Number(m[1]);
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        period: quarterPeriod(latestYearFor(quarter * 3 - 2, reference), quarter),
      });
    }
  }
  // "last quarter", "this quarter", "the previous quarter".
  if (reference) {
    for (const m of matchAll(
      text,
      `\\b(?:the\\s+)?(last|this|next|previous|current|past|prior)\\s+quarter\\b`,
      /quarter/i,
    )) {
      let index = reference.year * 4 + Math.floor((reference.month - 1) / 3);
      if (/next/i.test(m[1])) index += 1;
      else if (!/this|current/i.test(m[1])) index -= 1;
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        period: quarterPeriod(Math.floor(index / 4), (index % 4) + 1),
      });
    }
  }
  return found;
}

function quarterCandidate(
  m: RegExpExecArray,
  quarter: number,
  firstYear: string | undefined,
  lastYear: string | undefined,
  relative: string | undefined,
  reference: YearMonthDay | null,
): Candidate | null {
  const span = { start: m.index, end: m.index + m[0].length };
  if (firstYear) {
    const first = quarterPeriod(readYear(firstYear), quarter);
    // "third-quarter 2024–2025": that quarter in each year of the range, as one quarter-precision period.
    const last = lastYear ? quarterPeriod(readYear(lastYear), quarter) : first;
    return { ...span, period: { start: first.start, end: last.end, precision: "quarter" } };
  }
  if (relative) {
    const year = relativeYear(relative, reference);
    return year === null ? null : { ...span, period: quarterPeriod(year, quarter) };
  }
  if (!reference) return null;
  return { ...span, period: quarterPeriod(latestYearFor(quarter * 3 - 2, reference), quarter) };
}

function findHalvesAndSeasons(text: string, reference: YearMonthDay | null): Candidate[] {
  const found: Candidate[] = [];
  const yearSpec = `(?:(?:of\\s+)?(${YEAR})|(?:of\\s+)?(?:the\\s+)?(${RELATIVE_YEAR}))`;
  for (const m of matchAll(
    text,
    `\\b(?:the\\s+)?(first|second|1st|2nd)\\s+half\\s+${yearSpec}\\b|\\bH([12])\\s*(${YEAR})\\b`,
    /\bhalf\b|\bh[12]\b/i,
  )) {
    const half = m[4] ? Number(m[4]) : /first|1st/i.test(m[1]) ? 1 : 2;
    const year = m[5] ? Number(m[5]) : m[2] ? Number(m[2]) : relativeYear(m[3], reference);
    if (year === null) continue;
    // A half spans two quarters and keeps quarter precision.
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      period: monthsPeriod(year, half * 6 - 5, half * 6, "quarter"),
    });
  }
  for (const m of matchAll(
    text,
    `\\b(?:the\\s+)?(spring|summer|autumn|fall|winter)\\s+${yearSpec}\\b`,
    /spring|summer|autumn|fall|winter/i,
  )) {
    const year = m[2] ? Number(m[2]) : relativeYear(m[3], reference);
    if (year === null) continue;
    const [first, last] = SEASONS[m[1].toLowerCase()];
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      period: monthsPeriod(year, first, last, "month"),
    });
  }
  return found;
}

function findYears(text: string, reference: YearMonthDay | null): Candidate[] {
  const found: Candidate[] = [];
  // Ranges: "between 2019 and 2022", "from 2019 to 2022", "2019–2022", "2019-22".
  for (const m of matchAll(
    text,
    `\\b(?:(?:between|from)\\s+(${YEAR})\\s+(?:and|to|through|until)\\s+(${YEAR})|(${YEAR})\\s*(?:${DASH}|to|through)\\s*(${YEAR}|\\d{2})(?![\\d${DASH_CHARS}/]))`,
  )) {
    const first = Number(m[1] ?? m[3]);
    const lastText = m[2] ?? m[4];
    const last = lastText.length === 2 ? Math.floor(first / 100) * 100 + Number(lastText) : Number(lastText);
    if (last < first) continue;
    found.push({ start: m.index, end: m.index + m[0].length, period: yearsPeriod(first, last) });
  }
  // A year after a cue word: "in 2024", "early 2024", "mid-2023", "the end of 2023", "fiscal year 2024".
  for (const m of matchAll(
    text,
    `\\b${YEAR_CUES}(?:\\s+|${DASH})(?:the\\s+(?:year\\s+)?)?(${YEAR})\\b(?![${DASH_CHARS}/.]\\d)`,
  )) {
    const start = m.index + m[0].length - m[1].length;
    const cue = text.slice(m.index, start);
    // Keep the cue in the words when it narrows or bounds the year ("early 2024", "the end of 2023").
    const keep = /^(?:early|late|mid|the|fiscal|calendar)/i.test(cue);
    found.push({
      start: keep ? m.index : start,
      end: start + m[1].length,
      period: yearsPeriod(Number(m[1]), Number(m[1])),
    });
  }
  // "FY2024", "FY 2024".
  for (const m of matchAll(text, `\\bFY\\s?(${YEAR})\\b`, /\bfy\s?\d/i)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      period: yearsPeriod(Number(m[1]), Number(m[1])),
    });
  }
  // Decades: "the 1990s", "the early 2000s".
  for (const m of matchAll(
    text,
    `\\bthe\\s+(?:(?:early|mid|late)(?:\\s+|${DASH}))?((?:19|20)\\d0)['\u2019]?s\\b`,
    /0['\u2019]?s\b/,
  )) {
    const first = Number(m[1]);
    found.push({ start: m.index, end: m.index + m[0].length, period: yearsPeriod(first, first + 9) });
  }
  // "last year", "this year", "earlier this year", "two years ago", "in the past year".
  if (reference) {
    for (const m of matchAll(text, `\\b(?:(?:earlier|later)\\s+)?(?:the\\s+)?${RELATIVE_YEAR}\\b`, /year/i)) {
      const year = relativeYear(m[0], reference)!;
      found.push({ start: m.index, end: m.index + m[0].length, period: yearsPeriod(year, year) });
    }
    for (const m of matchAll(
      text,
      `\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+years?\\s+ago\\b`,
      /ago/i,
    )) {
      const count = CARDINAL_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        period: yearsPeriod(reference.year - count, reference.year - count),
      });
    }
  }
  return found;
}

/** "between March and May 2023", "from January to March of 2024": one month-precision range. */
function findMonthRanges(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchAll(
    text,
    `\\b(?:between|from)\\s+(${MONTH_PATTERN})\\.?(?:\\s+(${YEAR}))?\\s+(?:and|to|through|until)\\s+(${MONTH_PATTERN})\\.?,?\\s+(?:of\\s+)?(${YEAR})\\b`,
    /between|from/i,
  )) {
    const first = monthNumber(m[1]);
    const last = monthNumber(m[3]);
    const lastYear = Number(m[4]);
    const firstYear = m[2] ? Number(m[2]) : first <= last ? lastYear : lastYear - 1;
    const period = monthsPeriod(firstYear, first, first, "month");
    const end = monthsPeriod(lastYear, last, last, "month");
    found.push({ start: m.index, end: m.index + m[0].length, period: { ...period, end: end.end } });
  }
  return found;
}

function findRelative(text: string, reference: YearMonthDay | null): Candidate[] {
  if (!reference) return [];
  const found: Candidate[] = [];
  // "March of last year", "in March this year".
  for (const m of matchAll(
    text,
    `\\b(${MONTH_PATTERN})\\.?,?\\s+(?:of\\s+)?(${RELATIVE_YEAR})\\b`,
    /year/i,
  )) {
    const month = monthNumber(m[1]);
    const year = relativeYear(m[2], reference)!;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      period: monthsPeriod(year, month, month, "month"),
    });
  }
  // "last March": the most recent March before the published month.
  for (const m of matchAll(text, `\\blast\\s+(${MONTH_PATTERN})\\b`, /last/i)) {
    if (!/^[A-Z]/.test(m[1])) continue;
    const month = monthNumber(m[1]);
    const year = month >= reference.month ? reference.year - 1 : reference.year;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      period: monthsPeriod(year, month, month, "month"),
    });
  }
  // "last month", "this month", "next month".
  for (const m of matchAll(
    text,
    `\\b(?:the\\s+)?(last|this|next|previous|past|current)\\s+month\\b`,
    /month/i,
  )) {
    let index = reference.year * 12 + reference.month - 1;
    if (/next/i.test(m[1])) index += 1;
    else if (!/this|current/i.test(m[1])) index -= 1;
    const month = (index % 12) + 1;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      period: monthsPeriod(Math.floor(index / 12), month, month, "month"),
    });
  }
  // "today", "yesterday", "tomorrow": news and notices date their events this way.
  for (const m of matchAll(text, `\\b(today|yesterday|tomorrow)\\b`, /today|yesterday|tomorrow/i)) {
    const offset = { today: 0, yesterday: -1, tomorrow: 1 }[m[1].toLowerCase() as "today"];
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      period: dayPeriod(shiftDays(reference, offset)),
    });
  }
  return found;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3))) + 1;
}

function shiftDays(date: YearMonthDay, days: number): YearMonthDay {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function dayPeriod(date: YearMonthDay) {
  const iso = isoDate(date.year, date.month, date.day);
  return { start: iso, end: iso, precision: "day" as const };
}

/** Day and month dates through chrono-node; only results whose month is written in the text. */
function findCalendarDates(text: string, reference: YearMonthDay | null): Candidate[] {
  const instant = reference
    ? new Date(Date.UTC(reference.year, reference.month - 1, reference.day, 12))
    : new Date(Date.UTC(2000, 0, 1, 12));
  const found: Candidate[] = [];
  for (const { index, result } of parseNearDates(text, instant)) {
    // Only dates whose month is written out or in digits; relative phrases have their own rules above.
    if (!result.start.isCertain("month") || !MONTH_OR_DIGIT.test(result.text)) continue;
    if (!reference && !result.start.isCertain("year")) continue;
    const start = readComponents(result.start);
    const end = result.end ? readComponents(result.end) : start;
    const precision: PeriodPrecision = start.day && end.day ? "day" : "month";
    const first = isoDate(start.year, start.month, precision === "day" ? start.day! : 1);
    const last =
      precision === "day"
        ? isoDate(end.year, end.month, end.day!)
        : isoDate(end.year, end.month, lastDayOf(end.year, end.month));
    if (last < first) continue;
    // Leave a leading preposition out of the words: "on October 17, 2024" states "October 17, 2024".
    const lead = /^(?:on|in|at|from|during)\s+/i.exec(result.text)?.[0].length ?? 0;
    // Trailing punctuation, and a stray number chrono took along ("February 1989, 15 years later").
    const stray = precision === "month" ? /(?:,\s*\d{1,2})?[\s,;.]*$/ : /[\s,;.]+$/;
    const trail = stray.exec(result.text)?.[0].length ?? 0;
    found.push({
      start: index + lead,
      end: index + result.text.length - trail,
      period: { start: first, end: last, precision },
    });
  }
  return found;
}

/** Month names and numeric dates: where chrono can find something. */
const DATE_CUE = new RegExp(`\\b${MONTH_PATTERN}|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}`, "gi");
const WINDOW_CHARS = 60;

/**
 * chrono-node over windows around month names and numeric dates only (it reads about 2 MB/s, too
 * slow for whole texts on the extraction hot path); result indices are moved back into `text`.
 */
function parseNearDates(text: string, instant: Date): Array<{ index: number; result: chrono.ParsedResult }> {
  const windows: Span[] = [];
  DATE_CUE.lastIndex = 0;
  for (let m = DATE_CUE.exec(text); m; m = DATE_CUE.exec(text)) {
    let start = Math.max(0, m.index - WINDOW_CHARS);
    let end = Math.min(text.length, m.index + m[0].length + WINDOW_CHARS);
    // Cut windows at white space so no word is split.
    while (start > 0 && !/\s/.test(text[start - 1])) start--;
    while (end < text.length && !/\s/.test(text[end])) end++;
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  const results: Array<{ index: number; result: chrono.ParsedResult }> = [];
  for (const window of windows) {
    for (const result of chrono.casual.parse(
      text.slice(window.start, window.end),
      { instant, timezone: 0 },
      { forwardDate: false },
    )) {
      results.push({ index: window.start + result.index, result });
    }
  }
  return results;
}

function readComponents(components: chrono.ParsedComponents): {
  year: number;
  month: number;
  day: number | null;
} {
  return {
    year: components.get("year")!,
    month: components.get("month")!,
    day: components.isCertain("day") ? components.get("day")! : null,
  };
}

/**
 * "the day after the tests", "two days before the meeting": resolved from a day-precision date stated
 * in a sentence that names the same event (a word with the same stem); skipped when the text has none.
 */
function findAnchored(text: string, dated: Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  const days = dated.filter((candidate) => candidate.period.precision === "day");
  if (days.length === 0) return found;
  for (const m of matchAll(
    text,
    `\\b(?:the\\s+(day|morning|evening|night)|(a|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+days?)\\s+(after|before|following)\\s+(?:the\\s+|their\\s+|its\\s+|his\\s+|her\\s+)?(\\p{L}+)`,
  )) {
    const stem = stemOf(m[4]);
    if (stem.length < 3) continue;
    const anchor = findAnchorDate(text, days, stem, m.index);
    if (!anchor) continue;
    const count = m[1] ? 1 : (CARDINAL_WORDS[m[2].toLowerCase()] ?? Number(m[2]));
    const sign = /before/i.test(m[3]) ? -1 : 1;
    const [year, month, day] = anchor.period.start.split("-").map(Number);
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      period: dayPeriod(shiftDays({ year, month, day }, sign * count)),
    });
  }
  return found;
}

function stemOf(word: string): string {
  return word.toLowerCase().replace(/(?:ings?|ed|es|s)$/u, "");
}

/** The day-dated candidate nearest to `position` whose sentence mentions `stem`. */
function findAnchorDate(text: string, days: Candidate[], stem: string, position: number): Candidate | null {
  let best: Candidate | null = null;
  for (const candidate of days) {
    const sentenceStart =
      Math.max(text.lastIndexOf(".", candidate.start - 1), text.lastIndexOf("\n", candidate.start - 1)) + 1;
    const nextStop = text.slice(candidate.end).search(/[.\n]/);
    const sentenceEnd = nextStop < 0 ? text.length : candidate.end + nextStop;
    if (sentenceStart <= position && position < sentenceEnd) continue;
    const words = text.slice(sentenceStart, sentenceEnd).match(/\p{L}+/gu) ?? [];
    if (!words.some((word) => stemOf(word) === stem)) continue;
    if (!best || Math.abs(candidate.start - position) < Math.abs(best.start - position)) best = candidate;
  }
  return best;
}

/** "since 2019", "since the beginning of 2024": from the period's start up to the published date. */
function extendSince(text: string, found: Candidate, reference: YearMonthDay | null): Candidate {
  const before = text.slice(Math.max(0, found.start - 40), found.start);
  const match = /\bsince\s+(?:the\s+(?:beginning|start)\s+of\s+|early\s+|(?:in\s+)?)?$/i.exec(before);
  if (!match) return found;
  const published = reference ? isoDate(reference.year, reference.month, reference.day) : null;
  return {
    start: found.start - match[0].length,
    end: found.end,
    period: {
      ...found.period,
      // Without a published date the period is known to run at least to the end of what it names.
      end: published && published > found.period.end ? published : found.period.end,
    },
  };
}
