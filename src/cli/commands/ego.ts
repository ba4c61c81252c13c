// skein ego ENTITY: an entity's neighbourhood, hop by hop, with the claims that join it.
import { egoNetwork } from "../../graph/index.js";
import { integerOption, loadNetwork } from "../analysis-options.js";
import { formatTable, plural, printJson, printResult } from "../output.js";

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const { network, entityIds } = await loadNetwork(options, [args[0]]);
  const ego = egoNetwork(network, entityIds[0], { hops: integerOption(options, "hops", "--hops") });
  if (options.json) {
    printJson(ego);
    return 0;
  }
  const caption = new Map(ego.nodes.map((n) => [n.id, n.caption]));
  printResult(
    formatTable(
      ["distance", "entity", "type", "sanctioned", "id"],
      ego.nodes.map((n) => [n.distance, n.caption.slice(0, 50), n.type, n.sanctioned ? "yes" : "", n.id]),
    ),
  );
  printResult("");
  for (const e of ego.edges) {
    const quote = e.evidence[0]?.quote.replace(/\s+/g, " ").slice(0, 160) ?? "";
    printResult(
      `${caption.get(e.subjectId)} —${e.predicate}→ ${caption.get(e.objectId)}  [${e.certainty}; ${plural(e.sourceCount, "independent origin")}] "${quote}"`,
    );
  }
  return 0;
}
