// Queries on matches: case entity ↔ list entry links found by screening, each with its score,
// per-feature explanation and the snapshot it was screened against.
import type { FeatureExplanation, ListEntry, Match } from "../model/index.js";
import { fromJson, toJson } from "./dialect.js";
import type { MatchTable } from "./schema.js";
import type { Queryable } from "./workspace.js";

/** A stored match (its decision comes from the decision log) with the list entry it points at. */
export interface StoredMatch extends Omit<Match, "decision"> {
  entry: ListEntry | null;
}

function fromRow(row: MatchTable & { data: string | null }): StoredMatch {
  return {
    id: row.id,
    entityId: row.entity_id,
    snapshotId: row.snapshot_id,
    entryId: row.entry_id,
    score: Number(row.score),
    algorithm: row.algorithm,
    explanations: fromJson<Record<string, FeatureExplanation>>(row.explanations, {}),
    entry: fromJson<ListEntry | null>(row.data, null),
  };
}

/** Replaces every stored match with `matches` (call inside a transaction). */
export async function replaceMatches(db: Queryable, matches: Array<Omit<Match, "decision">>): Promise<void> {
  await db.deleteFrom("matches").execute();
  const CHUNK = 200;
  for (let i = 0; i < matches.length; i += CHUNK) {
    await db
      .insertInto("matches")
      .values(
        matches.slice(i, i + CHUNK).map((m) => ({
          id: m.id,
          entity_id: m.entityId,
          snapshot_id: m.snapshotId,
          entry_id: m.entryId,
          score: m.score,
          algorithm: m.algorithm,
          explanations: toJson(m.explanations),
        })),
      )
      .execute();
  }
}

/** Every stored match with its list entry, best score first. */
export async function listMatches(db: Queryable): Promise<StoredMatch[]> {
  const rows = await db
    .selectFrom("matches")
    .leftJoin("list_entries", (join) =>
      join
        .onRef("list_entries.snapshot_id", "=", "matches.snapshot_id")
        .onRef("list_entries.id", "=", "matches.entry_id"),
    )
    .selectAll("matches")
    .select("list_entries.data")
    .orderBy("matches.score", "desc")
    .orderBy("matches.id")
    .execute();
  return rows.map(fromRow);
}

/** Matches whose id starts with `prefix` (at most two, to tell a unique prefix from an ambiguous one). */
export async function findMatchesByPrefix(db: Queryable, prefix: string): Promise<StoredMatch[]> {
  const rows = await db
    .selectFrom("matches")
    .leftJoin("list_entries", (join) =>
      join
        .onRef("list_entries.snapshot_id", "=", "matches.snapshot_id")
        .onRef("list_entries.id", "=", "matches.entry_id"),
    )
    .selectAll("matches")
    .select("list_entries.data")
    // A range, not LIKE: ids contain "_", which LIKE reads as a wildcard.
    .where("matches.id", ">=", prefix)
    .where("matches.id", "<", `${prefix}\uffff`)
    .limit(2)
    .execute();
  return rows.map(fromRow);
}
