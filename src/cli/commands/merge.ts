// skein merge A B: records that two entities are one party, appends it to the decision log and re-resolves.
import { mergeEntities } from "../../resolve/index.js";
import { decisionMetaOf, printDecision } from "../decision-options.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const [a, b] = args;
  const outcome = await withExistingWorkspace(options, ({ db }) =>
    mergeEntities(db, a, b, decisionMetaOf(options)),
  );
  printDecision(outcome, `${outcome.decision.target.a} + ${outcome.decision.target.b}`, options);
  return 0;
}
