// Queries on list snapshots and their entries (tables list_snapshots, list_entries). A snapshot and its
// entries are written together by the caller inside one transaction.
import type { ListEntry, ListSnapshot } from "../model/index.js";
import { fromJson, toJson } from "./dialect.js";
import type { ListSnapshotTable } from "./schema.js";
import type { Queryable } from "./workspace.js";

function snapshotFromRow(row: ListSnapshotTable): ListSnapshot {
  return {
    id: row.id,
    authority: row.authority,
    list: row.list,
    publishDate: row.publish_date,
    fileSha256: row.file_sha256,
    format: row.format,
    entryCount: Number(row.entry_count),
    loadedAt: row.loaded_at,
    loadedBy: row.loaded_by,
  };
}

/** Inserts a snapshot row (the file name is kept beside the record). */
export async function insertListSnapshot(
  db: Queryable,
  snapshot: ListSnapshot,
  filename: string | null,
): Promise<void> {
  await db
    .insertInto("list_snapshots")
    .values({
      id: snapshot.id,
      authority: snapshot.authority,
      list: snapshot.list,
      publish_date: snapshot.publishDate,
      file_sha256: snapshot.fileSha256,
      format: snapshot.format,
      filename,
      entry_count: snapshot.entryCount,
      loaded_at: snapshot.loadedAt,
      loaded_by: snapshot.loadedBy,
    })
    .execute();
}

/** Inserts the entries of a snapshot, in batches. */
export async function insertListEntries(
  db: Queryable,
  snapshotId: string,
  entries: ListEntry[],
): Promise<void> {
  const BATCH = 500;
  for (let i = 0; i < entries.length; i += BATCH) {
    await db
      .insertInto("list_entries")
      .values(
        entries.slice(i, i + BATCH).map((entry) => ({
          snapshot_id: snapshotId,
          id: entry.id,
          schema: entry.schema,
          caption: entry.caption,
          authority_id: entry.authorityId,
          data: toJson(entry),
        })),
      )
      .execute();
  }
}

/** The snapshot of a file hash, if loaded before. */
export async function findListSnapshotBySha(
  db: Queryable,
  sha256: string,
): Promise<ListSnapshot | undefined> {
  const row = await db
    .selectFrom("list_snapshots")
    .selectAll()
    .where("file_sha256", "=", sha256)
    .executeTakeFirst();
  return row ? snapshotFromRow(row) : undefined;
}

/** Snapshots whose id starts with `prefix` (at most two, to tell a unique prefix). */
export async function findListSnapshotsByPrefix(db: Queryable, prefix: string): Promise<ListSnapshot[]> {
  const rows = await db
    .selectFrom("list_snapshots")
    .selectAll()
    // A range rather than LIKE: ids contain "_", which LIKE reads as a wildcard.
    .where("id", ">=", prefix)
    .where("id", "<", `${prefix}\uffff`)
    .limit(2)
    .execute();
  return rows.map(snapshotFromRow);
}

/** Every snapshot with its file name, oldest load first. */
export async function listListSnapshots(
  db: Queryable,
): Promise<Array<ListSnapshot & { filename: string | null }>> {
  const rows = await db.selectFrom("list_snapshots").selectAll().orderBy("loaded_at").orderBy("id").execute();
  return rows.map((row) => ({ ...snapshotFromRow(row), filename: row.filename }));
}

/** The entries of one snapshot, in stored order. */
export async function listListEntries(db: Queryable, snapshotId: string): Promise<ListEntry[]> {
  const rows = await db
    .selectFrom("list_entries")
    .select("data")
    .where("snapshot_id", "=", snapshotId)
    .orderBy("id")
    .execute();
  return rows.map((row) => fromJson<ListEntry>(row.data, null as unknown as ListEntry));
}

/** A list entry found by `searchListEntries`. */
export interface ListEntryHit {
  id: string;
  snapshotId: string;
  caption: string;
  schema: string;
  authorityId: string;
}

/**
 * Up to `limit` list entries whose caption or data contains `text`, ignoring case. The text is matched
 * literally: LIKE wildcards in it are dropped, never read as a pattern.
 */
export async function searchListEntries(db: Queryable, text: string, limit: number): Promise<ListEntryHit[]> {
  // lower() on both sides: SQLite's LIKE ignores case and PostgreSQL's does not.
  const pattern = `%${text.trim().replace(/[%_]/g, "").toLowerCase()}%`;
  const rows = await db
    .selectFrom("list_entries")
    .select(["id", "snapshot_id", "caption", "schema", "authority_id"])
    .where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["caption"]), "like", pattern),
        eb(eb.fn("lower", ["data"]), "like", pattern),
      ]),
    )
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    snapshotId: r.snapshot_id,
    caption: r.caption,
    schema: r.schema,
    authorityId: r.authority_id,
  }));
}
