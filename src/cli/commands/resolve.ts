// skein resolve: re-runs resolution (replaying every analyst decision) and screens the case entities
// against the stored list snapshots.

import { listSnapshots } from "../../lists/index.js";
import { SkeinError } from "../../model/index.js";
import { runResolution, runScreening } from "../../resolve/index.js";
import { warnConfirmedChanges } from "../confirmed-matches.js";
import { plural, printJson, printResult, say } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const threshold = Number(options.threshold ?? 0.7);
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
    throw new SkeinError("CLI_USAGE", "--threshold must be a score in (0, 1], e.g. 0.7", {
      field: "--threshold",
      received: String(options.threshold),
    });
  }
  const result = await withExistingWorkspace(options, async ({ db }) => {
    const resolution = await runResolution(db);
    const hasLists = (await listSnapshots(db)).length > 0;
    const snapshots = options.snapshot as string[] | undefined;
    if (snapshots && !hasLists) {
      throw new SkeinError("RESOLVE_NO_SNAPSHOT", "resolve: --snapshot names a list, but no list is loaded", {
        field: "--snapshot",
        received: snapshots.join(" "),
      });
    }
    const screening = hasLists || snapshots ? await runScreening(db, snapshots, { threshold }) : null;
    // Strong list matches are evidence for resolution: a second pass lets them join entities.
    return { resolution: screening ? await runResolution(db) : resolution, screening };
  });
  if (options.json) {
    printJson(result);
    return 0;
  }
  const { resolution, screening } = result;
  printResult(
    `resolved ${resolution.documentEntities} document entities into ${plural(resolution.entities, "entity", "entities")}`,
  );
  if (resolution.claims.accepted || resolution.claims.rejected) {
    printResult(
      `claims: ${resolution.claims.accepted} accepted, ${resolution.claims.rejected} rejected by analysts`,
    );
  }
  for (const id of resolution.unapplied) {
    say(`skein: warning: decision ${id} no longer applies: what it names is gone (see \`skein decisions\`)`);
  }
  if (screening) {
    const lists = screening.snapshots.map((s) => `${s.authority}/${s.list}`).join(", ");
    printResult(
      `screened ${plural(screening.screened, "entity", "entities")} against ${lists}: ${plural(screening.matches, "match", "matches")}`,
    );
    warnConfirmedChanges(screening);
  } else {
    say("no list loaded: screening skipped (load one with `skein lists load PATH`)");
  }
  return 0;
}
