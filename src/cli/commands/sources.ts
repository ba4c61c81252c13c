// skein sources: the sources of the workspace as a table or JSON.
import { listSources } from "../../store/index.js";
import { formatTable, printJson, printResult } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const sources = await withExistingWorkspace(options, ({ db }) => listSources(db));
  if (options.json) {
    printJson(
      sources.map(({ text, pageStarts, ...meta }) => ({
        ...meta,
        characters: text.length,
        pages: pageStarts?.length ?? null,
      })),
    );
    return 0;
  }
  if (sources.length === 0) {
    printResult("no sources yet: add some with `skein ingest PATH…`");
    return 0;
  }
  printResult(
    formatTable(
      ["id", "kind", "published", "format", "chars", "title"],
      sources.map((s) => [
        s.id.slice(0, 12),
        s.kind,
        s.published,
        s.format,
        s.text.length,
        (s.title ?? "").slice(0, 70),
      ]),
    ),
  );
  return 0;
}
