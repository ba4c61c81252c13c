// Accounts, API tokens, browser sessions, sign-in lockout, the audit trail, record versions for optimistic
// concurrency, and who ingested a source or loaded a list. Frozen: later changes go in new dated migrations.
import { type Kysely, sql } from "kysely";
import { isPostgres, textType } from "../dialect.js";

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  const text = textType(db);

  // Dates are ISO-8601 text as elsewhere in the workspace; "disabled" and "revoked" are dates, not booleans,
  // so the two databases store them alike and the record says when.
  await db.schema
    .createTable("accounts")
    .addColumn("name", text, (c) => c.primaryKey())
    .addColumn("role", text, (c) => c.notNull())
    .addColumn("password_hash", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("created_by", text, (c) => c.notNull())
    .addColumn("password_set_at", text)
    .addColumn("disabled_at", text)
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("secret_hash", text, (c) => c.notNull())
    .addColumn("role", text, (c) => c.notNull())
    .addColumn("scope", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("created_by", text, (c) => c.notNull())
    .addColumn("expires_at", text)
    .addColumn("revoked_at", text)
    .addColumn("revoked_by", text)
    .addColumn("last_used_at", text)
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", text, (c) => c.primaryKey())
    .addColumn("account", text, (c) => c.notNull().references("accounts.name").onDelete("cascade"))
    .addColumn("method", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("last_seen_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_account").on("sessions").column("account").execute();

  // Failed sign-ins per name, whether or not an account has it, so a lockout says nothing of who exists.
  await db.schema
    .createTable("login_failures")
    .addColumn("name", text, (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("last_failure_at", text, (c) => c.notNull())
    .addColumn("locked_until", text)
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", postgres ? "serial" : "integer", (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("at", text, (c) => c.notNull())
    .addColumn("actor", text, (c) => c.notNull())
    .addColumn("action", text, (c) => c.notNull())
    .addColumn("target", text)
    .addColumn("detail", text, (c) => c.notNull())
    .execute();

  // Each decided record's version: the id of the last decision on it. The row keyed "*" is the log's head,
  // which every decision updates first, so concurrent decisions take turns on both databases.
  await db.schema
    .createTable("record_versions")
    .addColumn("key", text, (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await sql`INSERT INTO record_versions (key, version) VALUES ('*', 0)`.execute(db);

  await db.schema.alterTable("sources").addColumn("ingested_by", text).execute();
  await db.schema.alterTable("list_snapshots").addColumn("loaded_by", text).execute();

  // The audit trail is append-only, like the decision log.
  if (postgres) {
    await sql`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`.execute(db);
}
