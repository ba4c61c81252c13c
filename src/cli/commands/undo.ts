// skein undo DECISION: undoes a decision by appending an undo entry and marking the original
// superseded (the log is append-only), then re-resolves.
import { SkeinError } from "../../model/index.js";
import { undoDecision } from "../../resolve/index.js";
import { decisionMetaOf, printDecision } from "../decision-options.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const id = Number(args[0]);
  if (!Number.isInteger(id) || id <= 0) {
    throw new SkeinError(
      "CLI_USAGE",
      "undo: DECISION must be a decision number from `skein decisions`, e.g. 3",
      {
        field: "decision",
        received: args[0],
      },
    );
  }
  const outcome = await withExistingWorkspace(options, ({ db }) =>
    undoDecision(db, id, decisionMetaOf(options)),
  );
  printDecision(outcome, `decision ${id} undone`, options);
  return 0;
}
