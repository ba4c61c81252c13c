// skein not-same A B: records that two entities are different parties, appends it to the decision log and re-resolves.
import { markNotSame } from "../../resolve/index.js";
import { decisionMetaOf, printDecision } from "../decision-options.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const [a, b] = args;
  const outcome = await withExistingWorkspace(options, ({ db }) =>
    markNotSame(db, a, b, decisionMetaOf(options)),
  );
  printDecision(outcome, `${outcome.decision.target.a} ≠ ${outcome.decision.target.b}`, options);
  return 0;
}
