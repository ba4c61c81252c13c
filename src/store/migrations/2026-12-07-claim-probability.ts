// Claims carry the learned relation stage's probability. Frozen: later changes go in new dated migrations.
import { type Kysely, PostgresAdapter } from "kysely";

/** Adds claims.probability (null for claims the learned stage did not score). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable("claims")
    .addColumn("probability", postgres ? "double precision" : "real")
    .execute();
}
