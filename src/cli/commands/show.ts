// skein show: one source's metadata and text.
import { SkeinError } from "../../model/index.js";
import { findSourcesByPrefix } from "../../store/index.js";
import { printJson, printResult } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run([id]: string[], options: Record<string, unknown>): Promise<number> {
  const found = await withExistingWorkspace(options, ({ db }) => findSourcesByPrefix(db, id));
  if (found.length !== 1) {
    throw new SkeinError(
      found.length === 0 ? "STORE_NOT_FOUND" : "CLI_USAGE",
      found.length === 0
        ? `no source with id ${id}`
        : `source id prefix ${id} is ambiguous; give more characters`,
      { field: "source-id", received: id },
    );
  }
  const source = found[0];
  if (options.json) {
    printJson(source);
    return 0;
  }
  const meta: Array<[string, string | null]> = [
    ["id", source.id],
    ["title", source.title],
    ["publisher", source.publisher],
    ["author", source.author],
    ["published", source.published],
    ["url", source.url],
    ["kind", source.kind],
    ["reliability", source.reliability],
    ["format", source.format],
    ["file", source.filename],
    ["pages", source.pageStarts ? String(source.pageStarts.length) : null],
  ];
  const lines = meta.filter(([, v]) => v).map(([k, v]) => `${k.padEnd(12)}${v}`);
  printResult(`${lines.join("\n")}\n\n${source.text}`);
  return 0;
}
