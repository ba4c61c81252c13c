// Opening a case workspace: one SQLite file in WAL mode, migrated forward on open.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type Transaction } from "kysely";
import { SkeinError } from "../model/index.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { Database } from "./schema.js";

/** The default workspace file, relative to the working directory. */
export const DEFAULT_WORKSPACE = "skein.db";

/** An open workspace. `db` is the query layer every store function takes first. */
export interface Workspace {
  readonly path: string;
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

/** The query layer of an open workspace (can start transactions). */
export type Db = Kysely<Database>;

/** The query layer or a transaction on it; store functions accept either so they compose. */
export type Queryable = Kysely<Database> | Transaction<Database>;

/** The workspace path: explicit option, else SKEIN_WORKSPACE, else ./skein.db. */
export function resolveWorkspacePath(option: string | undefined, env = process.env): string {
  return resolve(option ?? env.SKEIN_WORKSPACE ?? DEFAULT_WORKSPACE);
}

/** Opens (creating if needed) and migrates a workspace. `:memory:` gives a throwaway one. */
export async function openWorkspace(path: string): Promise<Workspace> {
  const file = path === ":memory:" ? path : resolve(path);
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

async function migrate(db: Kysely<Database>, file: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
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
