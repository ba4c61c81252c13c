// Compares two snapshots of one list: entries added, removed, and changed (by authority id), with the
// fields that changed. Pure: takes the entries, returns the difference.
import type { ListEntry } from "../model/index.js";

/** One changed entry: its id in both snapshots and the fields that differ. */
export interface ChangedEntry {
  authorityId: string;
  caption: string;
  fields: Array<{ field: keyof ListEntry; before: unknown; after: unknown }>;
}

/** The difference between an old and a new snapshot of one list. */
export interface SnapshotDiff {
  added: ListEntry[];
  removed: ListEntry[];
  changed: ChangedEntry[];
  unchangedCount: number;
}

/** Fields compared; the id and authority/list are the same by construction. */
const COMPARED: Array<keyof ListEntry> = [
  "schema",
  "caption",
  "names",
  "weakAliases",
  "programs",
  "countries",
  "birthDates",
  "identifiers",
  "addresses",
  "listingDate",
  "remarks",
  "linkedTo",
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Entries added, removed and changed from `before` to `after`, matched by authority id. */
export function diffSnapshots(before: ListEntry[], after: ListEntry[]): SnapshotDiff {
  const old = new Map(before.map((e) => [e.authorityId, e]));
  const now = new Map(after.map((e) => [e.authorityId, e]));
  const diff: SnapshotDiff = { added: [], removed: [], changed: [], unchangedCount: 0 };
  for (const [id, entry] of now) {
    const previous = old.get(id);
    if (!previous) {
      diff.added.push(entry);
      continue;
    }
    const fields = COMPARED.filter((f) => !same(previous[f], entry[f])).map((field) => ({
      field,
      before: previous[field],
      after: entry[field],
    }));
    if (fields.length) diff.changed.push({ authorityId: id, caption: entry.caption, fields });
    else diff.unchangedCount++;
  }
  for (const [id, entry] of old) if (!now.has(id)) diff.removed.push(entry);
  return diff;
}
