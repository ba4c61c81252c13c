// skein rename ENTITY CAPTION: records the caption an analyst chose for an entity, and re-resolves.
import { renameEntity } from "../../resolve/index.js";
import { decisionMetaOf, printDecision } from "../decision-options.js";
import { withWorkspace } from "../workspace.js";

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const [entity, caption] = args;
  const outcome = await withWorkspace(options, ({ db }) =>
    renameEntity(db, entity, caption, decisionMetaOf(options)),
  );
  const { previous, caption: chosen } = outcome.decision.target;
  printDecision(outcome, `${outcome.decision.target.entity}: "${previous}" shown as "${chosen}"`, options);
  return 0;
}
