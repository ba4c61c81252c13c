// skein decisions: the analyst decision log, oldest first, undone entries marked.
import { listDecisions } from "../../store/index.js";
import { clip, formatTable, printJson, printResult } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const log = await withExistingWorkspace(options, ({ db }) => listDecisions(db));
  if (options.json) {
    printJson(log);
    return 0;
  }
  if (log.length === 0) {
    printResult("no decisions yet: record one with `skein merge`, `skein split`, `skein accept` …");
    return 0;
  }
  printResult(
    formatTable(
      ["id", "at", "by", "action", "target", "why", "undone by"],
      log.map((d) => [
        d.id,
        d.at.slice(0, 19).replace("T", " "),
        d.by,
        d.action,
        Object.entries(d.target)
          .filter(([k]) => !/members|rest|moved/i.test(k))
          .map(([k, v]) => `${k}=${v}`)
          .join(" "),
        clip(d.why ?? "", 40),
        d.supersededBy,
      ]),
    ),
  );
  return 0;
}
