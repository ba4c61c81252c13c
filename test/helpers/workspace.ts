// The workspace a test works in: a new SQLite file, or, when SKEIN_TEST_WORKSPACE=postgres (and
// SKEIN_TEST_POSTGRES names a server), a new schema of its own on that server. `npm run
// test:postgres` runs the suites that store things this second way.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openWorkspace, type Workspace } from "../../src/store/index.js";

/** The server URL when the tests run against PostgreSQL, else null. */
export const TEST_SERVER =
  process.env.SKEIN_TEST_WORKSPACE === "postgres" ? (process.env.SKEIN_TEST_POSTGRES ?? null) : null;
if (process.env.SKEIN_TEST_WORKSPACE === "postgres" && !TEST_SERVER) {
  throw new Error("SKEIN_TEST_WORKSPACE=postgres needs SKEIN_TEST_POSTGRES, the URL of a test database");
}

let schemas = 0;

/** `url` with every connection's search_path set to `schema`, so a test has tables of its own. */
export function inSchema(url: string, schema: string): string {
  const separator = url.includes("?") ? "&" : "?";
  return `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** Creates a schema of its own on `server` and returns the URL that works in it. */
export async function freshSchema(server: string): Promise<string> {
  const schema = `skein_test_${process.pid}_${Date.now()}_${schemas++}`;
  const admin = await openWorkspace(server);
  try {
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
  } finally {
    await admin.close();
  }
  return inSchema(server, schema);
}

/** A new, empty workspace for one test (see the file comment for which kind). */
export async function openTestWorkspace(label = "case"): Promise<Workspace> {
  if (TEST_SERVER) return openWorkspace(await freshSchema(TEST_SERVER));
  return openWorkspace(join(mkdtempSync(join(tmpdir(), `skein-${label}-`)), "case.db"));
}
