// skein lists [load PATH… | diff OLD NEW | update]: sanctions list snapshots — show them, load list files
// or folders, compare two snapshots of one list, or download and load the current official files.
import type { Command } from "commander";
import {
  diffStoredSnapshots,
  LIST_FORMATS,
  type ListLimits,
  type LoadResult,
  listSnapshots,
  loadEachList,
  type ReadListOptions,
  updateLists,
} from "../../lists/index.js";
import { SkeinError } from "../../model/index.js";
import { osUser } from "../decision-options.js";
import { formatTable, formatUserError, plural, printJson, printResult, say } from "../output.js";
import { withExistingWorkspace, withWorkspace } from "../workspace.js";

function usage(message: string): SkeinError {
  return new SkeinError("CLI_USAGE", message, {});
}

export async function run(
  args: string[],
  options: Record<string, unknown>,
  _command: Command,
): Promise<number> {
  const [action, ...rest] = args;
  if (!action) {
    const snapshots = await withExistingWorkspace(options, ({ db }) => listSnapshots(db));
    if (options.json) {
      printJson(snapshots);
      return 0;
    }
    if (!snapshots.length) {
      printResult("no list snapshots yet: load one with `skein lists load PATH…` or `skein lists update`");
      return 0;
    }
    printResult(
      formatTable(
        ["id", "authority", "list", "published", "entries", "format", "loaded", "file"],
        snapshots.map((s) => [
          s.id,
          s.authority,
          s.list,
          s.publishDate,
          s.entryCount,
          s.format,
          s.loadedAt.slice(0, 19),
          s.filename,
        ]),
      ),
    );
    return 0;
  }

  if (action === "load") {
    if (!rest.length) throw usage("lists load: give at least one list file or folder");
    const readOptions = loadOptions(options);
    const { loaded, failed } = await withWorkspace(options, ({ db }) =>
      loadEachList(db, rest, { ...readOptions, by: osUser() }),
    );
    for (const error of failed) say(formatUserError(error));
    report(loaded, options);
    if (failed.length)
      say(`${plural(loaded.length, "list")} loaded, ${failed.length} failed: nothing of those was stored`);
    return failed.length ? 1 : 0;
  }

  if (action === "diff") {
    if (rest.length !== 2) throw usage("lists diff: give two snapshot ids, OLD then NEW (see `skein lists`)");
    const diff = await withExistingWorkspace(options, ({ db }) => diffStoredSnapshots(db, rest[0], rest[1]));
    if (options.json) {
      printJson({
        before: diff.before,
        after: diff.after,
        added: diff.added,
        removed: diff.removed,
        changed: diff.changed,
        unchanged: diff.unchangedCount,
      });
      return 0;
    }
    printResult(
      `${diff.before} → ${diff.after}: ${diff.added.length} added, ${diff.removed.length} removed, ` +
        `${diff.changed.length} changed, ${diff.unchangedCount} unchanged`,
    );
    for (const e of diff.added) printResult(`+ ${e.authorityId}  ${e.caption}  [${e.programs.join(", ")}]`);
    for (const e of diff.removed) printResult(`- ${e.authorityId}  ${e.caption}  [${e.programs.join(", ")}]`);
    for (const c of diff.changed)
      printResult(`~ ${c.authorityId}  ${c.caption}  (${c.fields.map((f) => f.field).join(", ")})`);
    return 0;
  }

  if (action === "update") {
    if (rest.length) throw usage(`lists update takes no arguments; received ${rest.join(" ")}`);
    const only = typeof options.only === "string" ? options.only.split(",") : undefined;
    const results = await withWorkspace(options, ({ db }) =>
      updateLists(db, {
        only,
        baseUrl: options.baseUrl as string | undefined,
        onDownload: (url) => say(`downloading ${url}`),
        by: osUser(),
      }),
    );
    return report(
      results.flatMap((r) => r.lists),
      options,
    );
  }

  throw usage(
    `lists: unknown action "${action}"; use load, diff or update (or nothing to show the snapshots)`,
  );
}

/** The read options of `lists load`: the format to skip detection, and the bounds a user may raise. */
function loadOptions(options: Record<string, unknown>): ReadListOptions {
  const format = options.listFormat as string | undefined;
  if (format !== undefined && !LIST_FORMATS.some((f) => f.name === format)) {
    throw new SkeinError(
      "CLI_USAGE",
      `unknown list format "${format}"; valid: ${LIST_FORMATS.map((f) => f.name).join(", ")}`,
      { field: "--list-format", received: format },
    );
  }
  const limits: Partial<ListLimits> = {};
  if (options.maxSize !== undefined) limits.maxBytes = positive(options.maxSize, "--max-size") * 1e6;
  if (options.maxRows !== undefined) limits.maxRecords = Math.floor(positive(options.maxRows, "--max-rows"));
  return { format, limits };
}

function positive(value: unknown, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new SkeinError("CLI_USAGE", `${flag} must be a positive number`, {
      field: flag,
      received: String(value),
    });
  return n;
}

function report(results: LoadResult[], options: Record<string, unknown>): number {
  for (const r of results) {
    for (const issue of r.issues)
      say(`warning: ${issue.file}${issue.line ? `:${issue.line}` : ""}: ${issue.message}`);
  }
  if (options.json) {
    printJson(
      results.map(({ snapshot, status, issues }) => ({ ...snapshot, status, warnings: issues.length })),
    );
    return 0;
  }
  for (const { snapshot: s, status } of results) {
    printResult(
      status === "loaded"
        ? `loaded ${s.authority}/${s.list} (${s.format}, published ${s.publishDate ?? "date not stated"}): ${plural(s.entryCount, "entry", "entries")} as snapshot ${s.id}`
        : `unchanged: ${s.authority}/${s.list} is already stored as snapshot ${s.id} (same SHA-256); nothing loaded`,
    );
  }
  return 0;
}
