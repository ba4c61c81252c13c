// skein claims: the claims of the workspace with their quotes, attribution and certainty.
import { formatPeriod } from "../../extract/index.js";
import type { Predicate } from "../../model/index.js";
import { listClaims } from "../../store/index.js";
import { clip, formatTable, printJson, printResult } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

const MAX_QUOTE = 90;

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const claims = await withExistingWorkspace(options, ({ db }) =>
    listClaims(db, {
      entity: options.entity as string | undefined,
      predicate: options.predicate as Predicate | undefined,
      sourceId: options.source as string | undefined,
    }),
  );
  if (options.json) {
    printJson(claims);
    return 0;
  }
  if (claims.length === 0) {
    printResult("no claims: run `skein extract --workspace W` after ingesting sources");
    return 0;
  }
  printResult(
    formatTable(
      ["id", "subject", "predicate", "object", "date", "certainty", "status", "quote"],
      claims.map((c) => [
        c.id,
        c.subjectCaption,
        c.predicate,
        c.objectCaption,
        formatPeriod(c.period),
        c.attribution ? `${c.certainty} (${clip(c.attribution, 40)})` : c.certainty,
        c.status,
        `“${clip(c.evidence.quote.replace(/\s+/g, " "), MAX_QUOTE)}”`,
      ]),
    ),
  );
  return 0;
}
