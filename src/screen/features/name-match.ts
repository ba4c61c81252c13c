// nameMatch: the best similarity between the query name and any strong name of the entry.
import { type Feature, notCompared, queryNameFor } from "../feature.js";
import { disagreeingParts } from "../name-parts.js";
import { compareNormalised, guarded } from "../similarity.js";

/** The query name against every name of the entry (primary and strong aliases); the best one counts. */
export const nameMatch: Feature = {
  name: "nameMatch",
  description:
    "Similarity of the query name to the closest name of the list entry (typos, order, script, legal form).",
  kind: "main",
  compute({ query, entry, names, config, explain }) {
    const wanted = queryNameFor(query, entry);
    let best: (typeof names)[number] | null = null;
    let bestScore = 0;
    for (const name of names) {
      if (name.weak) continue;
      const score = compareNormalised(wanted, name.normalised, config, false).score;
      if (score > bestScore) {
        best = name;
        bestScore = score;
      }
    }
    if (!best) return notCompared("no name in common");
    // Name parts by role, when both give them for the entry's primary name: the same words in other
    // roles are another person's name.
    const parts =
      query.nameParts && entry.nameParts && best === names[0]
        ? disagreeingParts(query.nameParts, entry.nameParts, config)
        : [];
    if (parts.length > 0) bestScore = guarded(bestScore, config.distinctNames);
    if (!explain) return { score: bestScore, detail: "", query: query.name, candidate: best.text };
    const result = compareNormalised(wanted, best.normalised, config);
    if (parts.length > 0) {
      result.score = bestScore;
      result.rules.push(...parts.map((part) => `namePartsByRole ${part}`));
    }
    const pairs = result.pairs.map((p) => `${p.query}~${p.candidate} ${p.score.toFixed(2)}`).join(", ");
    const extra = [
      result.queryOnly.length ? `query only: ${result.queryOnly.join(" ")}` : "",
      result.candidateOnly.length ? `list only: ${result.candidateOnly.join(" ")}` : "",
      result.legalForms ? `legal forms ${result.legalForms}` : "",
      result.rules.length ? `rules: ${result.rules.join(", ")}` : "",
    ].filter(Boolean);
    return {
      score: result.score,
      detail: [pairs || "no words in common", ...extra].join("; "),
      query: query.name,
      candidate: best.text,
    };
  },
};
