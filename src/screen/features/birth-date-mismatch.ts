// birthDateMismatch: both sides give full birth dates (YYYY-MM-DD) and none agree, though the years may.
import type { Feature } from "../feature.js";
import { notCompared } from "../feature.js";

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fires when query and entry both have full birth dates and none is the same day. */
export const birthDateMismatch: Feature = {
  name: "birthDateMismatch",
  description: "The query's full birth date is none of the list entry's full birth dates.",
  kind: "qualifier",
  compute({ query, entry }) {
    if (query.birthDates.length === 0 || entry.birthDates.length === 0) return notCompared("");
    const wanted = query.birthDates.filter((d) => FULL_DATE.test(d));
    const listed = entry.birthDates.filter((d) => FULL_DATE.test(d));
    if (wanted.length === 0 || listed.length === 0) return notCompared("");
    if (wanted.some((d) => listed.includes(d))) return notCompared("");
    return { score: 1, detail: "birth dates differ", query: wanted.join(", "), candidate: listed.join(", ") };
  },
};
