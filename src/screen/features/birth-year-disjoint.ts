// birthYearDisjoint: the query's birth year is more than a year away from every birth year of the entry
// (lists give circa years and ranges, so a one-year slip is tolerated).
import type { Feature } from "../feature.js";
import { notCompared } from "../feature.js";

/** Four-digit years in date strings ("1961-05-03", "circa 1960", "1958 to 1962"). */
export function yearsOf(dates: string[]): number[] {
  const years: number[] = [];
  for (const date of dates)
    for (const m of date.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)) years.push(Number(m[1]));
  return years;
}

/** Fires when no birth year of the query is within a year of a birth year of the entry. */
export const birthYearDisjoint: Feature = {
  name: "birthYearDisjoint",
  description: "The query's birth year is more than one year from every birth year of the list entry.",
  kind: "qualifier",
  compute({ query, entry }) {
    if (query.birthDates.length === 0 || entry.birthDates.length === 0) return notCompared("");
    const wanted = yearsOf(query.birthDates);
    const listed = yearsOf(entry.birthDates);
    if (wanted.length === 0 || listed.length === 0) return notCompared("");
    if (wanted.some((y) => listed.some((l) => Math.abs(y - l) <= 1))) return notCompared("");
    return {
      score: 1,
      detail: "birth years differ",
      query: query.birthDates.join(", "),
      candidate: entry.birthDates.join(", "),
    };
  },
};
