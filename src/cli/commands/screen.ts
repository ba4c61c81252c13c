// skein screen: screens names (--name or a CSV) against list files (--list) or the workspace's
// snapshots, printing one JSON line per query or CSV rows, with each result's explanations.
import { readFile } from "node:fs/promises";
import { newestSnapshots, readListFiles, readStoredEntries } from "../../lists/index.js";
import { SkeinError } from "../../model/index.js";
import {
  buildIndex,
  configOf,
  findAlgorithm,
  formatCsvRow,
  indexCacheKey,
  parseCsvTable,
  prepareQuery,
  readCachedIndex,
  requireColumn,
  type ScreeningIndex,
  type ScreenQuery,
  type ScreenResult,
  screenPrepared,
  writeCachedIndex,
} from "../../screen/index.js";
import { formatTable, printResult, say } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

const CSV_HEADER = [
  "query_id",
  "query_name",
  "rank",
  "id",
  "caption",
  "schema",
  "score",
  "match",
  "authority",
  "authority_id",
  "list",
  "program",
];

function usage(message: string, field: string, received?: unknown): SkeinError {
  return new SkeinError("SCREEN_BAD_OPTION", message, {
    field,
    received: received === undefined ? undefined : String(received),
  });
}

/** The queries: one from --name, or one per row of --input (columns name, id, schema, country, birth_date). */
async function readQueries(options: Record<string, unknown>): Promise<ScreenQuery[]> {
  const schema = (options.schema as string | undefined) || undefined;
  const country = (options.country as string | undefined) || undefined;
  if (options.name !== undefined) return [{ name: String(options.name), schema, country }];
  const file = options.input as string;
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new SkeinError(
      "SCREEN_INPUT_MISSING",
      `cannot read ${file}: ${error.code ?? error.message}`,
      { file },
      {
        cause: error,
      },
    );
  });
  const table = parseCsvTable(text, file);
  const nameColumn = requireColumn(table, "name", file, "id,name,schema,country,birth_date");
  const column = (name: string) => table.header.indexOf(name);
  const [idColumn, schemaColumn, countryColumn, birthColumn] = ["id", "schema", "country", "birth_date"].map(
    column,
  );
  const cell = (row: string[], index: number) => (index >= 0 ? row[index]?.trim() || undefined : undefined);
  return table.rows.map((row, i) => ({
    id: cell(row, idColumn) ?? String(i + 1),
    name: row[nameColumn],
    schema: cell(row, schemaColumn) ?? schema,
    country: cell(row, countryColumn) ?? country,
    birthDate: cell(row, birthColumn),
  }));
}

function noEntries(options: Record<string, unknown>): SkeinError {
  return new SkeinError(
    "SCREEN_NO_ENTRIES",
    options.lists
      ? "the list files hold no entries to screen against"
      : "the workspace holds no list snapshots",
    { received: options.lists ? (options.lists as string[]).join(" ") : String(options.workspace ?? "") },
  );
}

/**
 * The index over the --list files, or over the workspace's newest snapshots: kept in the cache under
 * the snapshots' content hashes, so the next screen of the same lists reads it instead of building it.
 */
async function readIndex(options: Record<string, unknown>): Promise<ScreeningIndex> {
  const started = performance.now();
  let index: ScreeningIndex;
  let how = "indexed";
  if (options.lists) {
    const parsed = await readListFiles(options.lists as string[], {
      format: options.listFormat as string | undefined,
    });
    const entries = parsed.flatMap((p) => p.entries);
    if (entries.length === 0) throw noEntries(options);
    index = buildIndex(entries);
  } else {
    index = await withExistingWorkspace(options, async ({ db }) => {
      const snapshots = await newestSnapshots(db);
      if (snapshots.length === 0) throw noEntries(options);
      const key = indexCacheKey(snapshots);
      const cached = readCachedIndex(key);
      if (cached) {
        how = "read the kept index of";
        return cached;
      }
      const stored = await readStoredEntries(
        db,
        snapshots.map((s) => s.id),
      );
      const entries = stored.flatMap((p) => p.entries);
      if (entries.length === 0) throw noEntries(options);
      const built = buildIndex(entries);
      writeCachedIndex(key, built);
      return built;
    });
  }
  say(
    `${how} ${index.size} names of ${index.entries.length} list entries in ${Math.round(performance.now() - started)} ms`,
  );
  return index;
}

function resultJson(result: ScreenResult) {
  const { entry } = result;
  return {
    id: entry.id,
    caption: entry.caption,
    schema: entry.schema,
    score: result.score,
    match: result.match,
    authority: entry.authority,
    authorityId: entry.authorityId,
    list: entry.list,
    program: entry.programs.join("; "),
    explanations: result.explanations,
  };
}

function queryJson(query: ScreenQuery) {
  return {
    id: query.id ?? null,
    name: query.name,
    schema: query.schema ?? null,
    country: query.country ?? null,
    birthDate: query.birthDate ?? null,
  };
}

/** table on a terminal unless --json or --format says otherwise; JSON lines in a pipe. */
function outputFormat(options: Record<string, unknown>): "table" | "json" | "csv" {
  if (options.format !== undefined) return options.format as "table" | "json" | "csv";
  if (options.json) return "json";
  return process.stdout.isTTY ? "table" : "json";
}

/** Parses flags, reads queries and entries, screens, prints. */
export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  if ((options.name === undefined) === (options.input === undefined)) {
    throw usage("give exactly one of --name NAME or --input names.csv", "--name/--input");
  }
  if (options.lists && options.workspace)
    throw usage("give either --lists PATH… or --workspace W, not both", "--lists/--workspace");
  const threshold = Number(options.threshold);
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw usage("--limit must be a whole number ≥ 1, e.g. 5", "--limit", options.limit);
  const algorithm = findAlgorithm((options.algorithm as string | undefined) ?? undefined);
  const config = configOf(algorithm, { threshold });
  const queries = await readQueries(options);
  const index = await readIndex(options);
  const format = outputFormat(options);
  const csv = format === "csv";
  if (format === "table") {
    const rows = queries.flatMap((query) =>
      screenPrepared(index, prepareQuery(query), algorithm, config, limit).map((r, rank) => [
        query.name,
        rank + 1,
        r.score.toFixed(2),
        r.match ? "match" : "",
        r.entry.caption,
        r.entry.schema,
        `${r.entry.authority} ${r.entry.list} ${r.entry.authorityId}`,
        r.entry.programs.join("; "),
      ]),
    );
    printResult(
      rows.length
        ? formatTable(["query", "rank", "score", "match", "entry", "schema", "listed as", "programs"], rows)
        : "no list entry scores above the floor for these names",
    );
    return 0;
  }
  const out: string[] = csv ? [formatCsvRow(CSV_HEADER)] : [];
  for (const query of queries) {
    const results = screenPrepared(index, prepareQuery(query), algorithm, config, limit);
    if (!csv) {
      out.push(`${JSON.stringify({ query: queryJson(query), results: results.map(resultJson) })}\n`);
    } else if (results.length === 0) {
      out.push(formatCsvRow([query.id, query.name]));
    } else {
      results.forEach((r, rank) => {
        const e = r.entry;
        out.push(
          formatCsvRow([
            query.id,
            query.name,
            rank + 1,
            e.id,
            e.caption,
            e.schema,
            r.score,
            r.match,
            e.authority,
            e.authorityId,
            e.list,
            e.programs.join("; "),
          ]),
        );
      });
    }
    if (out.length >= 512) process.stdout.write(out.splice(0).join(""));
  }
  process.stdout.write(out.join(""));
  return 0;
}
