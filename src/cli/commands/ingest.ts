// skein ingest: read files and folders into the workspace, one line per file.
import { relative } from "node:path";
import { DEFAULT_MAX_BYTES, expandPaths, type IngestOptions, ingestPaths } from "../../ingest/index.js";
import { type Reliability, SkeinError, type SourceKind } from "../../model/index.js";
import { osUser } from "../decision-options.js";
import { plural, printJson, printResult, say, startProgress } from "../output.js";
import { readPublishedOption } from "../published-option.js";
import { withWorkspace } from "../workspace.js";

function parseOptions(options: Record<string, unknown>): IngestOptions {
  const published = readPublishedOption(options);
  const maxSizeMb = Number(options.maxSize ?? DEFAULT_MAX_BYTES / 1e6);
  if (!Number.isFinite(maxSizeMb) || maxSizeMb <= 0) {
    throw new SkeinError("INGEST_BAD_METADATA", "--max-size must be a positive number of MB, e.g. 50", {
      field: "--max-size",
      received: String(options.maxSize),
    });
  }
  return {
    title: options.title as string | undefined,
    publisher: options.publisher as string | undefined,
    published,
    url: options.url as string | undefined,
    kind: options.kind as SourceKind | undefined,
    reliability: options.reliability as Reliability | undefined,
    maxBytes: Math.round(maxSizeMb * 1e6),
    by: osUser(),
  };
}

/** A file as the user sees it: relative to the working folder when it is inside it. */
export function shownPath(file: string): string {
  const inside = relative(process.cwd(), file);
  return inside && !inside.startsWith("..") ? inside : file;
}

/** `file:line` of an ingest error, with the file as the user sees it. */
export function errorWhere(error: SkeinError, file: string): string {
  const shown = shownPath(file);
  return error.details.line ? `${shown}:${error.details.line}` : shown;
}

export async function run(paths: string[], options: Record<string, unknown>): Promise<number> {
  const ingestOptions = parseOptions(options);
  const results = await withWorkspace(options, async ({ db }) => {
    const progress = startProgress(expandPaths(paths).length, "ingest");
    try {
      return await ingestPaths(db, paths, ingestOptions, (r) => progress.tick(r.file));
    } finally {
      progress.stop();
    }
  });
  for (const result of results) for (const warning of result.warnings) say(`skein: warning: ${warning}`);
  if (options.json) {
    printJson(
      results.map((r) => ({
        file: r.file,
        status: r.status,
        sourceId: r.sourceId,
        title: r.title,
        warnings: r.warnings,
        error: r.error ? { code: r.error.code, message: r.error.message, hint: r.error.hint } : null,
      })),
    );
  } else {
    for (const r of results) {
      const file = shownPath(r.file);
      if (r.status === "failed" && r.error)
        say(`skein: ${errorWhere(r.error, r.file)}: ${r.error.message} (${r.error.code}). ${r.error.hint}`);
      else if (r.status === "unchanged")
        printResult(`unchanged  ${r.sourceId?.slice(0, 12)}  ${file} (already in the workspace)`);
      else
        printResult(
          `ingested   ${r.sourceId?.slice(0, 12)}  ${file}${r.entities ? ` (${r.entities} FtM entities)` : ""}`,
        );
    }
  }
  const failed = results.filter((r) => r.status === "failed").length;
  say(
    `${results.length - failed} of ${plural(results.length, "file")} read${failed ? `, ${failed} failed` : ""}`,
  );
  return failed > 0 ? 1 : 0;
}
