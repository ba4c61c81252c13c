// skein reject CLAIM: records the analyst's review of a claim (reject) in the decision log and applies it.
import { reviewClaim } from "../../resolve/index.js";
import { decisionMetaOf, printDecision } from "../decision-options.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const outcome = await withExistingWorkspace(options, ({ db }) =>
    reviewClaim(db, args[0], "reject", decisionMetaOf(options)),
  );
  printDecision(outcome, `claim ${outcome.decision.target.claim} rejected`, options);
  return 0;
}
