// skein split ENTITY --mention M…: records that the mentions named are not this entity, and re-resolves.
import { splitEntity } from "../../resolve/index.js";
import { decisionMetaOf, printDecision } from "../decision-options.js";
import { say } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const mentions = (options.mention as string[] | undefined) ?? [];
  const outcome = await withExistingWorkspace(options, ({ db }) =>
    splitEntity(db, args[0], mentions, decisionMetaOf(options)),
  );
  printDecision(
    outcome,
    `${outcome.decision.target.moved} split from ${outcome.decision.target.entity}`,
    options,
  );
  // The entity split off has no list matches of its own until it is screened.
  say("run `skein resolve` to screen the entities that the split made");
  return 0;
}
