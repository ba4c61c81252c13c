// The first workspace schema. Frozen: later changes go in new dated migrations. The SQLite schema is
// as first written; PostgreSQL differs only where it must (serial ids, double scores, trigger syntax,
// text in the "C" collation).
import { type Kysely, sql } from "kysely";
import { isPostgres, textType } from "../dialect.js";

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  const text = textType(db);
  await db.schema
    .createTable("sources")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("title", text)
    .addColumn("author", text)
    .addColumn("publisher", text)
    .addColumn("published", text)
    .addColumn("url", text)
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("reliability", text)
    .addColumn("format", text, (c) => c.notNull())
    .addColumn("filename", text)
    .addColumn("text", text, (c) => c.notNull())
    .addColumn("page_starts", text)
    .addColumn("ingested_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("entities")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("source_id", text, (c) => c.references("sources.id").onDelete("cascade"))
    .addColumn("type", text, (c) => c.notNull())
    .addColumn("caption", text, (c) => c.notNull())
    .addColumn("names", text, (c) => c.notNull())
    .addColumn("country", text)
    .addColumn("identifiers", text, (c) => c.notNull().defaultTo("{}"))
    .addColumn("properties", text, (c) => c.notNull().defaultTo("{}"))
    .addColumn("producer", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("entities_source").on("entities").column("source_id").execute();

  await db.schema
    .createTable("mentions")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("source_id", text, (c) => c.notNull().references("sources.id").onDelete("cascade"))
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("end", "integer", (c) => c.notNull())
    .addColumn("text", text, (c) => c.notNull())
    .addColumn("type", text, (c) => c.notNull())
    .addColumn("entity_id", text)
    .addColumn("producer", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mentions_source").on("mentions").column("source_id").execute();
  await db.schema.createIndex("mentions_entity").on("mentions").column("entity_id").execute();

  await db.schema
    .createTable("claims")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("subject_id", text, (c) => c.notNull())
    .addColumn("predicate", text, (c) => c.notNull())
    .addColumn("object_id", text, (c) => c.notNull())
    .addColumn("period", text)
    .addColumn("amount", text)
    .addColumn("product_id", text)
    .addColumn("via_id", text)
    .addColumn("source_id", text, (c) => c.notNull().references("sources.id").onDelete("cascade"))
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("end", "integer", (c) => c.notNull())
    .addColumn("quote", text, (c) => c.notNull())
    .addColumn("attribution", text)
    .addColumn("certainty", text, (c) => c.notNull())
    .addColumn("status", text, (c) => c.notNull().defaultTo("proposed"))
    .addColumn("producer", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("claims_source").on("claims").column("source_id").execute();
  await db.schema.createIndex("claims_subject").on("claims").column("subject_id").execute();
  await db.schema.createIndex("claims_object").on("claims").column("object_id").execute();

  await db.schema
    .createTable("list_snapshots")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("authority", text, (c) => c.notNull())
    .addColumn("list", text, (c) => c.notNull())
    .addColumn("publish_date", text)
    .addColumn("file_sha256", text, (c) => c.notNull().unique())
    .addColumn("format", text, (c) => c.notNull())
    .addColumn("filename", text)
    .addColumn("entry_count", "integer", (c) => c.notNull())
    .addColumn("loaded_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("list_entries")
    .addColumn("snapshot_id", text, (c) => c.notNull().references("list_snapshots.id").onDelete("cascade"))
    .addColumn("id", text, (c) => c.notNull())
    .addColumn("schema", text, (c) => c.notNull())
    .addColumn("caption", text, (c) => c.notNull())
    .addColumn("authority_id", text, (c) => c.notNull())
    .addColumn("data", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("list_entries_pk", ["snapshot_id", "id"])
    .execute();

  await db.schema
    .createTable("matches")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("entity_id", text, (c) => c.notNull())
    .addColumn("snapshot_id", text, (c) => c.notNull().references("list_snapshots.id").onDelete("cascade"))
    .addColumn("entry_id", text, (c) => c.notNull())
    .addColumn("score", postgres ? "double precision" : "real", (c) => c.notNull())
    .addColumn("algorithm", text, (c) => c.notNull())
    .addColumn("explanations", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("matches_entity").on("matches").column("entity_id").execute();

  await db.schema
    .createTable("decisions")
    .addColumn("id", postgres ? "serial" : "integer", (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("at", text, (c) => c.notNull())
    .addColumn("by", text, (c) => c.notNull())
    .addColumn("action", text, (c) => c.notNull())
    .addColumn("target", text, (c) => c.notNull())
    .addColumn("why", text)
    .addColumn("superseded_by", "integer")
    .execute();

  // Decisions are append-only: the only update allowed is marking an entry superseded once.
  if (postgres) {
    await sql`CREATE FUNCTION decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'decisions are append-only'; END IF;
        IF OLD.superseded_by IS NOT NULL OR NEW.action IS DISTINCT FROM OLD.action
          OR NEW.target IS DISTINCT FROM OLD.target OR NEW.at IS DISTINCT FROM OLD.at
          OR NEW."by" IS DISTINCT FROM OLD."by" OR NEW.why IS DISTINCT FROM OLD.why
        THEN RAISE EXCEPTION 'decisions are append-only'; END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
      FOR EACH ROW EXECUTE FUNCTION decisions_append_only()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
    BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER decisions_no_rewrite BEFORE UPDATE ON decisions
    WHEN OLD.superseded_by IS NOT NULL OR NEW.action IS NOT OLD.action OR NEW.target IS NOT OLD.target
      OR NEW.at IS NOT OLD.at OR NEW.by IS NOT OLD.by OR NEW.why IS NOT OLD.why
    BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END`.execute(db);
}
