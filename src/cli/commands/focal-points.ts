// skein focal-points: the most connected parties of the case (weighted degree and PageRank).
import { findFocalPoints } from "../../graph/index.js";
import { integerOption, loadNetwork } from "../analysis-options.js";
import { formatTable, printJson, printResult } from "../output.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const { network } = await loadNetwork(options);
  const found = findFocalPoints(network, { limit: integerOption(options, "limit", "--limit") });
  if (options.json) {
    printJson(found);
    return 0;
  }
  if (found.length === 0) {
    printResult("no entities in the network yet");
    return 0;
  }
  printResult(
    formatTable(
      ["entity", "type", "links", "weighted", "pagerank", "sanctioned", "id"],
      found.map((f) => [
        f.entity.caption.slice(0, 50),
        f.type,
        f.degree,
        f.weightedDegree.toFixed(2),
        f.pagerank.toFixed(3),
        f.sanctioned ? "yes" : "",
        f.entity.id,
      ]),
    ),
  );
  return 0;
}
