// skein audit: who did what in the case — sign-ins, accounts and tokens, uploads, extraction runs, list loads
// and decisions — oldest first.
import { readAuditTrail } from "../../auth/index.js";
import { formatTable, printJson, printResult } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const entries = await withExistingWorkspace(options, ({ db }) =>
    readAuditTrail(db, {
      actor: options.actor as string | undefined,
      action: options.action as string | undefined,
      since: options.since as string | undefined,
    }),
  );
  if (options.json) {
    printJson(entries);
    return 0;
  }
  if (entries.length === 0) {
    printResult("nothing in the audit trail yet");
    return 0;
  }
  printResult(
    formatTable(
      ["at", "actor", "action", "target"],
      entries.map((e) => [
        e.at.slice(0, 19).replace("T", " "),
        e.actor,
        e.action,
        (e.target ?? "").slice(0, 60),
      ]),
    ),
  );
  return 0;
}
