// Dates as the lists write them ("10 Dec 1948", "circa 1951", "1962 to 1964", "00/05/1967", "2012-12-31")
// turned into ISO 8601 prefixes that keep their precision: YYYY, YYYY-MM or YYYY-MM-DD.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, "0");

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 2999) return null;
  if (!month) return String(year);
  if (month < 1 || month > 12) return null;
  if (!day) return `${year}-${pad(month)}`;
  if (day < 1 || day > 31) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * One date in the lists' usual spellings, as an ISO prefix; `order` says how to read numeric
 * dates with slashes (UK and EU write day first, OFAC XML month first). Null when it is not a date.
 */
export function parseListDate(text: string | null | undefined, order: "dmy" | "mdy" = "dmy"): string | null {
  if (!text) return null;
  const t = text.trim().replace(/^(circa|about|approximately|approx\.)\s+/i, "");
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*)?$/.exec(t);
  if (m) return isoOf(+m[1], m[2] ? +m[2] : 0, m[3] ? +m[3] : 0);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return order === "dmy" ? isoOf(+m[3], +m[2], +m[1]) : isoOf(+m[3], +m[1], +m[2]);
  m = /^(?:(\d{1,2})\s+)?([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[2].toLowerCase()]) return isoOf(+m[3], MONTHS[m[2].toLowerCase()], m[1] ? +m[1] : 0);
  m = /^([A-Za-z]{3})[a-z]*\s+(\d{1,2}),\s*(\d{4})$/.exec(t);
  if (m && MONTHS[m[1].toLowerCase()]) return isoOf(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  return null;
}

/**
 * Every date a birth-date field states: a single date, a range of years ("1962 to 1964" gives each
 * year) or alternatives separated by commas or "or".
 */
export function parseListDates(text: string | null | undefined, order: "dmy" | "mdy" = "dmy"): string[] {
  if (!text) return [];
  const t = text.trim();
  const range = /^(?:circa\s+)?(\d{4})\s*(?:to|-|–)\s*(\d{4})$/i.exec(t);
  if (range) {
    const from = +range[1];
    const to = +range[2];
    if (to >= from && to - from <= 20)
      return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  }
  const single = parseListDate(t, order);
  if (single) return [single];
  const out: string[] = [];
  for (const part of t.split(/\s*(?:,|;|\bor\b|\band\b)\s*/i)) {
    const date = parseListDate(part, order);
    if (date && !out.includes(date)) out.push(date);
  }
  return out;
}
