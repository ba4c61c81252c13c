// What differs between the embedded SQLite store and a shared PostgreSQL server lives here: how
// JSON columns are encoded and how values come back, so stages see one runtime type, and the few
// column types and statements migrations write differently.
import { type Kysely, PostgresAdapter, type RawBuilder, sql } from "kysely";

/** Encodes a value for a JSON column. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Decodes a JSON column; `fallback` when the column is null. */
export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback;
  return JSON.parse(text) as T;
}

/** Whether the query layer talks to PostgreSQL (else SQLite). */
export function isPostgres<T>(db: Kysely<T>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Whether a workspace reference names a PostgreSQL server ("postgres://…") rather than a file. */
export function isServerUrl(ref: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(ref);
}

/** A server URL with its password masked, for messages and `Workspace.path`. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, "$1:***@");
}

/**
 * The column type for text: plain in SQLite; in PostgreSQL with the "C" collation, so text sorts and
 * compares byte by byte as SQLite's does, whatever the server's locale.
 */
export function textType<T>(db: Kysely<T>): "text" | RawBuilder<unknown> {
  return isPostgres(db) ? sql`text collate "C"` : "text";
}
