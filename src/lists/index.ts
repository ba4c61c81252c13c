// The lists stage: reads official sanctions list files as published (OFAC, UN, UK, EU, OpenSanctions),
// stores each as a snapshot of list entries, compares snapshots and downloads current files.
// Reads: list files and folders. Writes: list_snapshots, list_entries.
// Public: readListFiles, readEachList, loadLists, loadEachList, LIST_LIMITS, readStoredEntries, listSnapshots,
// findSnapshot, diffSnapshots, diffStoredSnapshots, updateLists, LIST_FORMATS, countryCode, FTM_IDENTIFIERS.
import { SkeinError } from "../model/index.js";
import type { Queryable } from "../store/index.js";
import { diffSnapshots, type SnapshotDiff } from "./diff-snapshots.js";
import { findSnapshot, readStoredEntries } from "./load-lists.js";

export { countryCode } from "./countries.js";
export { type ChangedEntry, diffSnapshots, type SnapshotDiff } from "./diff-snapshots.js";
export { FTM_IDENTIFIERS } from "./formats/ftm-json.js";
export type { FormatResult, ListFile, ListFormat, ListIssue } from "./list-format.js";
export { LIST_FORMATS } from "./list-formats.js";
export { LIST_LIMITS, type ListLimits } from "./list-limits.js";
export {
  findSnapshot,
  type LoadOutcome,
  type LoadResult,
  listSnapshots,
  loadEachList,
  loadLists,
  newestSnapshots,
  readStoredEntries,
  storeParsedLists,
} from "./load-lists.js";
export {
  findListFormat,
  type ParsedList,
  type ReadListOptions,
  type ReadOutcome,
  readEachList,
  readListFiles,
} from "./read-lists.js";

/** Diffs two stored snapshots (ids or unique prefixes) of the same authority and list. */
export async function diffStoredSnapshots(
  db: Queryable,
  oldId: string,
  newId: string,
): Promise<SnapshotDiff & { before: string; after: string }> {
  const before = await findSnapshot(db, oldId);
  const after = await findSnapshot(db, newId);
  if (before.authority !== after.authority || before.list !== after.list) {
    throw new SkeinError(
      "LISTS_DIFF_MISMATCH",
      `cannot diff ${before.authority}/${before.list} (${before.id}) against ${after.authority}/${after.list} (${after.id}): ` +
        "a diff compares two snapshots of one list",
      { received: `${oldId} ${newId}` },
    );
  }
  const [a, b] = await readStoredEntries(db, [before.id, after.id]);
  return { ...diffSnapshots(a.entries, b.entries), before: before.id, after: after.id };
}
export {
  type ListDownload,
  type ListSource,
  OFFICIAL_LIST_SOURCES,
  type UpdateOptions,
  type UpdateResult,
  updateLists,
} from "./update-lists.js";
