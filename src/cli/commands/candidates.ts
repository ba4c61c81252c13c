// skein candidates: designation candidates, unsanctioned entities with corroborated ties to sanctioned
// ones, scored by evidence strength and certainty, each with its paths and quotes.
import { findCandidates } from "../../graph/index.js";
import { formatHop, integerOption, loadNetwork } from "../analysis-options.js";
import { plural, printJson, printResult } from "../output.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const { network } = await loadNetwork(options);
  const found = findCandidates(network, {
    maxHops: integerOption(options, "maxHops", "--max-hops"),
    limit: integerOption(options, "limit", "--limit"),
  });
  if (options.json) {
    printJson(found);
    return 0;
  }
  if (found.length === 0) {
    printResult("no designation candidates: no unsanctioned entity has a sourced tie to a sanctioned one");
    return 0;
  }
  for (const c of found) {
    printResult(
      `${c.entity.caption} (${c.entity.type}${c.entity.country ? `, ${c.entity.country}` : ""})  score ${c.score.toFixed(2)}, ${plural(c.ties, "tie")}, ${plural(c.claims, "claim")} from ${plural(c.documents, "document")} (${plural(c.origins, "independent origin")})  ${c.entity.id}`,
    );
    for (const hop of c.paths[0] ?? []) printResult(formatHop(hop));
  }
  return 0;
}
