// weakAliasMatch: the query meets only a weak alias (OFAC "weak a.k.a.", UN "low quality"), which
// lists publish as leads rather than identifiers, so it counts for less than a strong name.
import { type Feature, notCompared, queryNameFor } from "../feature.js";
import { compareNormalised } from "../similarity.js";

/** The query name against the entry's weak aliases only. */
export const weakAliasMatch: Feature = {
  name: "weakAliasMatch",
  description: "Similarity of the query name to a weak alias of the list entry (a lead, not an identifier).",
  kind: "main",
  compute({ query, entry, names, config }) {
    let best = notCompared("");
    for (const name of names) {
      if (!name.weak) continue;
      const score = compareNormalised(queryNameFor(query, entry), name.normalised, config, false).score;
      if (score > best.score) best = { score, detail: "weak alias", query: query.name, candidate: name.text };
    }
    return best;
  },
};
