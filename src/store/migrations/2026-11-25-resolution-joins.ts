// Resolution: why document-level entities were joined into one case entity. Frozen: later changes go in
// new dated migrations.
import type { Kysely } from "kysely";
import { textType } from "../dialect.js";

/** Adds entity_joins: one row per join of two document-level entities, with the rule and what it saw. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable("entity_joins")
    .addColumn("entity_id", text, (c) => c.notNull())
    .addColumn("left_id", text, (c) => c.notNull())
    .addColumn("right_id", text, (c) => c.notNull())
    .addColumn("rule", text, (c) => c.notNull())
    .addColumn("detail", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("entity_joins_entity").on("entity_joins").column("entity_id").execute();
}
