// Opening a case workspace: one SQLite file in WAL mode, or a database on a PostgreSQL server shared
// by a team ("postgres://…"); either is migrated forward on open.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import { SkeinError } from "../model/index.js";
import { isPostgres, isServerUrl, redactUrl } from "./dialect.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { Database } from "./schema.js";

/** The default workspace file, relative to the working directory. */
export const DEFAULT_WORKSPACE = "skein.db";

/** An open workspace. `db` is the query layer every store function takes first. */
export interface Workspace {
  /** The file, or the server URL with its password masked. */
  readonly path: string;
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

/** The query layer of an open workspace (can start transactions). */
export type Db = Kysely<Database>;

/** The query layer or a transaction on it; store functions accept either so they compose. */
export type Queryable = Kysely<Database> | Transaction<Database>;

/** The workspace: explicit option, else SKEIN_WORKSPACE, else ./skein.db; a file path or a server URL. */
export function resolveWorkspacePath(option: string | undefined, env = process.env): string {
  const ref = option || env.SKEIN_WORKSPACE || DEFAULT_WORKSPACE;
  return isServerUrl(ref) ? ref : resolve(ref);
}

/** Server connections a workspace keeps open at most (one command or one API server). */
const POOL_SIZE = 4;

/** How a workspace is opened: `create` false refuses a path that holds no workspace yet. */
export interface OpenOptions {
  create: boolean;
}

const OPEN_DEFAULTS: OpenOptions = { create: true };

/** STORE_NO_WORKSPACE for a path that holds none. */
function noWorkspace(shown: string): SkeinError {
  return new SkeinError("STORE_NO_WORKSPACE", "no workspace here: commands that only read never create one", {
    file: shown,
  });
}

/**
 * Opens and migrates a workspace: a SQLite file (`:memory:` gives a throwaway one) or, for a
 * "postgres://" URL, a database on a PostgreSQL server. It is created when missing unless
 * `options.create` is false, as for commands that only read.
 */
export async function openWorkspace(path: string, options: OpenOptions = OPEN_DEFAULTS): Promise<Workspace> {
  if (isServerUrl(path)) return openServerWorkspace(path, options);
  const file = path === ":memory:" ? path : resolve(path);
  if (!options.create && file !== ":memory:" && !existsSync(file)) throw noWorkspace(file);
  let sqlite: SQLite.Database;
  try {
    if (file !== ":memory:" && !existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true });
    sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
  } catch (cause) {
    throw new SkeinError(
      "STORE_OPEN_FAILED",
      `cannot open workspace ${file}: ${(cause as Error).message}`,
      { file },
      { cause },
    );
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db, file);
  return {
    path: file,
    db,
    close: () => db.destroy(),
  };
}

async function openServerWorkspace(url: string, options: OpenOptions): Promise<Workspace> {
  const shown = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  try {
    // Connect once now, so a wrong address or password is a clear error before anything runs.
    (await pool.connect()).release();
  } catch (cause) {
    await pool.end();
    throw new SkeinError(
      "STORE_OPEN_FAILED",
      `cannot open workspace ${shown}: ${(cause as Error).message}`,
      { file: shown },
      { cause },
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (!options.create && !(await hasMigrationLog(db))) {
    await db.destroy();
    throw noWorkspace(shown);
  }
  await migrate(db, shown);
  return { path: shown, db, close: () => db.destroy() };
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  return rows[0].schema;
}

/** True when the schema the connection works in holds Skein's migration log. */
async function hasMigrationLog(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{
    found: string | null;
  }>`SELECT to_regclass('kysely_migration') AS found`.execute(db);
  return rows[0]?.found !== null && rows[0]?.found !== undefined;
}

/** True when nothing was ever stored: no source, list snapshot, decision, account or token. */
export async function isWorkspaceEmpty(db: Queryable): Promise<boolean> {
  // Accounts and tokens count: `skein users add` on a new workspace stores only an account.
  for (const table of ["sources", "list_snapshots", "decisions", "accounts", "api_tokens"] as const) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as("one")).limit(1).executeTakeFirst();
    if (row) return false;
  }
  return true;
}

async function migrate(db: Kysely<Database>, file: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    // On a server, the migration log lives in the schema the connection works in (its search_path).
    ...(isPostgres(db) ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (!error) return;
  await db.destroy();
  const message = (error as Error).message ?? String(error);
  if (/corrupted migrations|previously executed migration .* is missing/i.test(message)) {
    throw new SkeinError("STORE_SCHEMA_TOO_NEW", `workspace ${file} has a newer schema: ${message}`, {
      file,
    });
  }
  const failed = results?.find((r) => r.status === "Error")?.migrationName;
  throw new SkeinError(
    "STORE_OPEN_FAILED",
    `cannot open workspace ${file}${failed ? ` (migration ${failed})` : ""}: ${message}`,
    { file },
    { cause: error },
  );
}
