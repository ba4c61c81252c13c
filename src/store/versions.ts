// Record versions for optimistic concurrency: a decided record's version is the id of the last decision on
// it (0 before any). The row keyed "*" is the decision log's head; every decision updates it first, which
// takes the write lock at once on SQLite and a row lock on PostgreSQL, so concurrent decisions take turns.
import type { Queryable } from "./workspace.js";

/** The key of the decision log's head. */
const HEAD = "*";

/** Takes the decision log's lock for the rest of the transaction (the first statement of a decision). */
export async function lockDecisionLog(trx: Queryable): Promise<void> {
  await trx
    .updateTable("record_versions")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("key", "=", HEAD)
    .execute();
}

/** The versions of the given keys (0 for a key never decided on). */
export async function readVersions(db: Queryable, keys: string[]): Promise<Map<string, number>> {
  const out = new Map(keys.map((key) => [key, 0]));
  if (keys.length === 0) return out;
  const rows = await db.selectFrom("record_versions").selectAll().where("key", "in", keys).execute();
  for (const row of rows) out.set(row.key, Number(row.version));
  return out;
}

/** Every record's version, by key (the head left out). */
export async function readAllVersions(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.selectFrom("record_versions").selectAll().where("key", "!=", HEAD).execute();
  return new Map(rows.map((row) => [row.key, Number(row.version)]));
}

/** Sets the version of each key. */
export async function writeVersions(trx: Queryable, keys: string[], version: number): Promise<void> {
  for (const key of keys) {
    await trx
      .insertInto("record_versions")
      .values({ key, version })
      .onConflict((oc) => oc.column("key").doUpdateSet({ version }))
      .execute();
  }
}
