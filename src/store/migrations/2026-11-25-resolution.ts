// Resolution: which case entity each document-level entity belongs to. Frozen: later changes go in
// new dated migrations.
import type { Kysely } from "kysely";
import { textType } from "../dialect.js";

/** Adds entity_members: document-level entity id → case entity id. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable("entity_members")
    .addColumn("member_id", text, (c) => c.primaryKey())
    .addColumn("entity_id", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("entity_members_entity").on("entity_members").column("entity_id").execute();
}
