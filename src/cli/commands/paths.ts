// skein paths --to-sanctioned: exposure paths from entities to sanctioned entities, ranked by the
// weakest link's evidence, each hop with its quote and source.
import { findExposurePaths } from "../../graph/index.js";
import { SkeinError } from "../../model/index.js";
import { formatHop, integerOption, loadNetwork } from "../analysis-options.js";
import { printJson, printResult } from "../output.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  if (!options.toSanctioned) {
    throw new SkeinError("CLI_USAGE", "paths: say where the paths go: --to-sanctioned", {
      field: "--to-sanctioned",
    });
  }
  const from = options.from as string | undefined;
  const { network, entityIds } = await loadNetwork(options, from ? [from] : []);
  const paths = findExposurePaths(network, {
    from: entityIds[0],
    maxHops: integerOption(options, "maxHops", "--max-hops"),
    limit: integerOption(options, "limit", "--limit"),
  });
  if (options.json) {
    printJson(paths);
    return 0;
  }
  if (paths.length === 0) {
    printResult("no exposure paths to sanctioned entities");
    return 0;
  }
  for (const path of paths) {
    const first = path.hops[0];
    const last = path.hops.at(-1);
    const hops = `${path.hops.length} hop${path.hops.length === 1 ? "" : "s"}`;
    printResult(
      `${first?.fromCaption ?? path.from} → ${last?.toCaption ?? path.to}  (${hops}, weakest link ${path.score.toFixed(2)} at hop ${path.weakest + 1})`,
    );
    for (const hop of path.hops) printResult(formatHop(hop));
  }
  return 0;
}
