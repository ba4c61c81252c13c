// skein intermediaries: entities on many supply and payment paths between suppliers and sanctioned buyers.
import { findIntermediaries } from "../../graph/index.js";
import { integerOption, loadNetwork } from "../analysis-options.js";
import { formatTable, printJson, printResult } from "../output.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const { network } = await loadNetwork(options);
  const found = findIntermediaries(network, { limit: integerOption(options, "limit", "--limit") });
  if (options.json) {
    printJson(found);
    return 0;
  }
  if (found.length === 0) {
    printResult("no intermediaries: no entity sits between suppliers and sanctioned entities");
    return 0;
  }
  printResult(
    formatTable(
      ["entity", "score", "suppliers", "sanctioned", "id"],
      found.map((i) => [
        i.entity.caption.slice(0, 50),
        i.score.toFixed(3),
        i.suppliers,
        i.sanctioned ? "yes" : "",
        i.entity.id,
      ]),
    ),
  );
  return 0;
}
