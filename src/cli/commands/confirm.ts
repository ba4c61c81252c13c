// skein confirm MATCH: records the analyst's decision on a list match (confirm) in the decision log.
import { decideMatch } from "../../resolve/index.js";
import { decisionMetaOf, printDecision } from "../decision-options.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const outcome = await withExistingWorkspace(options, ({ db }) =>
    decideMatch(db, args[0], "confirm", decisionMetaOf(options)),
  );
  printDecision(
    outcome,
    `match ${outcome.decision.target.match} (${outcome.decision.target.entry}) confirmed`,
    options,
  );
  return 0;
}
