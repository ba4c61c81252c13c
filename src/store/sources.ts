// Queries on sources.
import type { Reliability, Source, SourceKind } from "../model/index.js";
import { fromJson, toJson } from "./dialect.js";
import type { SourceTable } from "./schema.js";
import type { Queryable } from "./workspace.js";

function toRow(source: Source): SourceTable {
  return {
    id: source.id,
    title: source.title,
    author: source.author,
    publisher: source.publisher,
    published: source.published,
    url: source.url,
    kind: source.kind,
    reliability: source.reliability,
    format: source.format,
    filename: source.filename,
    text: source.text,
    page_starts: source.pageStarts ? toJson(source.pageStarts) : null,
    ingested_at: source.ingestedAt,
    ingested_by: source.ingestedBy,
  };
}

function fromRow(row: SourceTable): Source {
  return {
    id: row.id,
    title: row.title,
    author: row.author,
    publisher: row.publisher,
    published: row.published,
    url: row.url,
    kind: row.kind as SourceKind,
    reliability: row.reliability as Reliability | null,
    format: row.format,
    filename: row.filename,
    text: row.text,
    pageStarts: fromJson<number[] | null>(row.page_starts, null),
    ingestedAt: row.ingested_at,
    ingestedBy: row.ingested_by,
  };
}

/** Inserts a source; returns false (and writes nothing) when a source with its id exists. */
export async function insertSource(db: Queryable, source: Source): Promise<boolean> {
  const result = await db
    .insertInto("sources")
    .values(toRow(source))
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** One source by id, or undefined. */
export async function findSource(db: Queryable, id: string): Promise<Source | undefined> {
  const row = await db.selectFrom("sources").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Sources whose id starts with `prefix` (ids are long; users type a prefix). */
export async function findSourcesByPrefix(db: Queryable, prefix: string): Promise<Source[]> {
  const rows = await db
    .selectFrom("sources")
    .selectAll()
    .where("id", "like", `${prefix.replace(/[%_]/g, "")}%`)
    .limit(2)
    .execute();
  return rows.map(fromRow);
}

/** Every source, oldest ingest first. */
export async function listSources(db: Queryable): Promise<Source[]> {
  const rows = await db.selectFrom("sources").selectAll().orderBy("ingested_at").orderBy("id").execute();
  return rows.map(fromRow);
}

/** Counts rows of each main table, for summaries and tests. */
export async function countRecords(db: Queryable): Promise<Record<string, number>> {
  const tables = [
    "sources",
    "entities",
    "mentions",
    "claims",
    "list_snapshots",
    "matches",
    "decisions",
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
