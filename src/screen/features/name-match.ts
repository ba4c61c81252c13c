// nameMatch: the best similarity between the query name and any strong name of the entry.
import { type Feature, queryNameFor } from "../feature.js";
import { compareNormalised } from "../similarity.js";

/** The query name against every name of the entry (primary and strong aliases); the best one counts. */
export const nameMatch: Feature = {
  name: "nameMatch",
  description:
    "Similarity of the query name to the closest name of the list entry (typos, order, script, legal form).",
  kind: "main",
  compute({ query, entry, names, config }) {
    let best = {
      score: 0,
      detail: "no strong name to compare",
      query: query.name,
      candidate: null as string | null,
    };
    for (const name of names) {
      if (name.weak) continue;
      const result = compareNormalised(queryNameFor(query, entry), name.normalised, config);
      if (result.score <= best.score) continue;
      const pairs = result.pairs.map((p) => `${p.query}~${p.candidate} ${p.score.toFixed(2)}`).join(", ");
      const extra = [
        result.queryOnly.length ? `query only: ${result.queryOnly.join(" ")}` : "",
        result.candidateOnly.length ? `list only: ${result.candidateOnly.join(" ")}` : "",
        result.legalForms ? `legal forms ${result.legalForms}` : "",
      ].filter(Boolean);
      best = {
        score: result.score,
        detail: [pairs || "no words in common", ...extra].join("; "),
        query: query.name,
        candidate: name.text,
      };
    }
    return best;
  },
};
