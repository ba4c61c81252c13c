// skein matches: the list matches of the case entities, best first, with the analyst's decisions.
import { readMatchesWithDecisions } from "../../resolve/index.js";
import { formatTable, printJson, printResult } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const matches = await withExistingWorkspace(options, ({ db }) => readMatchesWithDecisions(db));
  if (options.json) {
    printJson(
      matches.map((m) => ({
        id: m.id,
        entity: { id: m.entityId, caption: m.caption },
        score: m.score,
        decision: m.decision,
        snapshot: m.snapshotId,
        authority: m.entry?.authority ?? null,
        authorityId: m.entry?.authorityId ?? null,
        list: m.entry?.list ?? null,
        program: m.entry?.programs.join(", ") ?? null,
        entry: m.entry
          ? { id: m.entry.id, caption: m.entry.caption, schema: m.entry.schema }
          : { id: m.entryId },
        algorithm: m.algorithm,
        explanations: m.explanations,
      })),
    );
    return 0;
  }
  if (matches.length === 0) {
    printResult("no matches: load a list (`skein lists load PATH`) and run `skein resolve`");
    return 0;
  }
  printResult(
    formatTable(
      ["match", "entity", "score", "list entry", "authority", "id", "program", "decision"],
      matches.map((m) => [
        m.id,
        m.caption.slice(0, 36),
        m.score.toFixed(2),
        (m.entry?.caption ?? m.entryId).slice(0, 40),
        m.entry ? `${m.entry.authority}/${m.entry.list}` : "",
        m.entry?.authorityId,
        m.entry?.programs.join(", ").slice(0, 24),
        m.decision ?? "",
      ]),
    ),
  );
  return 0;
}
