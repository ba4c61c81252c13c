// Stores parsed lists as snapshots (one transaction per snapshot: all of it or none) and reads them
// back. Loading a file whose SHA-256 is already stored is a no-op that says so.

import type { Kysely } from "kysely";
import { derivedId, type ListEntry, type ListSnapshot, SkeinError } from "../model/index.js";
import type { Database } from "../store/index.js";
import {
  findListSnapshotBySha,
  findListSnapshotsByPrefix,
  insertListEntries,
  insertListSnapshot,
  listListEntries,
  listListSnapshots,
  type Queryable,
} from "../store/index.js";
import { type ParsedList, type ReadListOptions, readEachList, readListFiles } from "./read-lists.js";

/** What happened to one list on load. */
export interface LoadResult {
  snapshot: ListSnapshot;
  status: "loaded" | "unchanged";
  /** Warnings from parsing (missing files of a set, skipped rows). */
  issues: ParsedList["issues"];
}

/**
 * Stores already parsed lists; each snapshot with its entries in one transaction. A list whose file
 * hash is stored already is reported "unchanged" and not written again.
 */
export async function storeParsedLists(
  db: Kysely<Database>,
  parsed: ParsedList[],
  by: string | undefined,
  now: () => string = () => new Date().toISOString(),
): Promise<LoadResult[]> {
  const out: LoadResult[] = [];
  for (const list of parsed) {
    const existing = await findListSnapshotBySha(db, list.snapshot.fileSha256);
    if (existing) {
      out.push({ snapshot: existing, status: "unchanged", issues: list.issues });
      continue;
    }
    const snapshot: ListSnapshot = {
      id: derivedId("snap", list.snapshot.fileSha256),
      authority: list.snapshot.authority,
      list: list.snapshot.list,
      publishDate: list.snapshot.publishDate,
      fileSha256: list.snapshot.fileSha256,
      format: list.snapshot.format,
      entryCount: list.entries.length,
      loadedAt: now(),
      loadedBy: by ?? null,
    };
    await db.transaction().execute(async (trx) => {
      await insertListSnapshot(trx, snapshot, list.snapshot.filename);
      await insertListEntries(trx, snapshot.id, list.entries);
    });
    out.push({ snapshot, status: "loaded", issues: list.issues });
  }
  return out;
}

/**
 * Reads list files or folders and stores each list as a snapshot, all or nothing: every file is
 * parsed before anything is written, so a bad file stores nothing (what `investigate` needs: a bad
 * list stops the run before any document is stored).
 */
export async function loadLists(
  db: Kysely<Database>,
  paths: string[],
  options: ReadListOptions = {},
): Promise<LoadResult[]> {
  const parsed = await readListFiles(paths, options);
  return storeParsedLists(db, parsed, options.by);
}

/** What `loadEachList` did: the lists stored, and the error of each list that was not. */
export interface LoadOutcome {
  loaded: LoadResult[];
  failed: SkeinError[];
}

/**
 * Reads list files or folders and stores each good list as a snapshot in its own transaction, as
 * `ingest` does with documents: a bad list is reported (naming its file and line or record) and the
 * others are stored all the same.
 */
export async function loadEachList(
  db: Kysely<Database>,
  paths: string[],
  options: ReadListOptions = {},
): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { loaded: [], failed: [] };
  for (const read of await readEachList(paths, options)) {
    if (read.error) outcome.failed.push(read.error);
    else outcome.loaded.push(...(await storeParsedLists(db, [read.list], options.by)));
  }
  return outcome;
}

/** Every stored snapshot, oldest load first. */
export async function listSnapshots(
  db: Queryable,
): Promise<Array<ListSnapshot & { filename: string | null }>> {
  return listListSnapshots(db);
}

/** One snapshot by id or unique id prefix; LISTS_SNAPSHOT_NOT_FOUND otherwise. */
export async function findSnapshot(db: Queryable, idOrPrefix: string): Promise<ListSnapshot> {
  const found = await findListSnapshotsByPrefix(db, idOrPrefix);
  if (found.length !== 1) {
    throw new SkeinError(
      "LISTS_SNAPSHOT_NOT_FOUND",
      found.length
        ? `"${idOrPrefix}" matches more than one snapshot; give more of the id`
        : `no snapshot with id "${idOrPrefix}"`,
      { received: idOrPrefix },
    );
  }
  return found[0];
}

/** The newest snapshot of each list (by publication date, then load time): what screening reads. */
export async function newestSnapshots(db: Queryable): Promise<ListSnapshot[]> {
  const newest = new Map<string, ListSnapshot>();
  for (const snapshot of await listListSnapshots(db)) {
    const key = `${snapshot.authority}|${snapshot.list}`;
    const seen = newest.get(key);
    const order = (s: ListSnapshot) => `${s.publishDate ?? ""}|${s.loadedAt}`;
    if (!seen || order(snapshot) >= order(seen)) newest.set(key, snapshot);
  }
  return [...newest.values()];
}

/**
 * The entries of the given snapshots (ids or unique prefixes), or of the newest snapshot of every
 * authority and list when none are given.
 */
export async function readStoredEntries(
  db: Queryable,
  snapshotIds?: string[],
): Promise<Array<{ snapshot: ListSnapshot; entries: ListEntry[] }>> {
  let snapshots: ListSnapshot[];
  if (snapshotIds?.length) {
    snapshots = [];
    for (const id of snapshotIds) snapshots.push(await findSnapshot(db, id));
  } else snapshots = await newestSnapshots(db);
  const out: Array<{ snapshot: ListSnapshot; entries: ListEntry[] }> = [];
  for (const snapshot of snapshots) out.push({ snapshot, entries: await listListEntries(db, snapshot.id) });
  return out;
}
