// countryMismatch: the query's country is known, the entry's countries are known, and none agree.
import type { Feature } from "../feature.js";
import { notCompared } from "../feature.js";

/** Fires when query and entry both have countries and share none. */
export const countryMismatch: Feature = {
  name: "countryMismatch",
  description:
    "The query's country is none of the list entry's countries (nationality, citizenship, address).",
  kind: "qualifier",
  compute({ query, entry }) {
    if (query.countries.length === 0 || entry.countries.length === 0) return notCompared("");
    const shared = query.countries.find((c) => entry.countries.includes(c));
    if (shared) return notCompared("");
    return {
      score: 1,
      detail: "no country in common",
      query: query.countries.join(", "),
      candidate: entry.countries.join(", "),
    };
  },
};
