// Queries on accounts, API tokens, browser sessions, failed sign-ins and the audit trail. Rows only: the
// auth stage hashes secrets before they reach these functions, and no function here returns a secret.
import { fromJson, toJson } from "./dialect.js";
import type { AccountTable, ApiTokenTable, LoginFailureTable, SessionTable } from "./schema.js";
import type { Queryable } from "./workspace.js";

/** An account row. */
export type AccountRow = AccountTable;
/** A token row (its secret only as a hash). */
export type ApiTokenRow = ApiTokenTable;
/** A session row (its id only as a hash). */
export type SessionRow = SessionTable;
/** Failed sign-ins under one name. */
export type LoginFailureRow = LoginFailureTable;

/** One event of the audit trail. */
export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

/** Inserts an account; false (nothing written) when the name is taken. */
export async function insertAccount(db: Queryable, row: AccountRow): Promise<boolean> {
  const result = await db
    .insertInto("accounts")
    .values(row)
    .onConflict((oc) => oc.column("name").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** One account by name, or undefined. */
export async function findAccount(db: Queryable, name: string): Promise<AccountRow | undefined> {
  return db.selectFrom("accounts").selectAll().where("name", "=", name).executeTakeFirst();
}

/** Every account, by name. */
export async function listAccounts(db: Queryable): Promise<AccountRow[]> {
  return db.selectFrom("accounts").selectAll().orderBy("name").execute();
}

/** Changes some fields of an account; false when there is none by that name. */
export async function updateAccount(
  db: Queryable,
  name: string,
  changes: Partial<Omit<AccountRow, "name">>,
): Promise<boolean> {
  const result = await db.updateTable("accounts").set(changes).where("name", "=", name).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How many accounts and unrevoked tokens exist: whether the case has anyone to sign in. */
export async function countCredentials(db: Queryable): Promise<{ accounts: number; tokens: number }> {
  const accounts = await db
    .selectFrom("accounts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  const tokens = await db
    .selectFrom("api_tokens")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("revoked_at", "is", null)
    .executeTakeFirstOrThrow();
  return { accounts: Number(accounts.n), tokens: Number(tokens.n) };
}

/** Inserts a token row. */
export async function insertToken(db: Queryable, row: ApiTokenRow): Promise<void> {
  await db.insertInto("api_tokens").values(row).execute();
}

/** One token by id, or undefined. */
export async function findToken(db: Queryable, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every token, oldest first. */
export async function listTokens(db: Queryable): Promise<ApiTokenRow[]> {
  return db.selectFrom("api_tokens").selectAll().orderBy("created_at").orderBy("id").execute();
}

/** Changes some fields of a token; false when there is none by that id. */
export async function updateToken(
  db: Queryable,
  id: string,
  changes: Partial<Omit<ApiTokenRow, "id">>,
): Promise<boolean> {
  const result = await db.updateTable("api_tokens").set(changes).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Inserts a session row. */
export async function insertSession(db: Queryable, row: SessionRow): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

/** One session by the hash of its id, or undefined. */
export async function findSession(db: Queryable, idHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom("sessions").selectAll().where("id_hash", "=", idHash).executeTakeFirst();
}

/** Marks a session seen at `at`. */
export async function touchSession(db: Queryable, idHash: string, at: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id_hash", "=", idHash).execute();
}

/** Ends one session. */
export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

/** Ends every session of an account (disabled, or its password reset). */
export async function deleteSessionsOf(db: Queryable, account: string): Promise<void> {
  await db.deleteFrom("sessions").where("account", "=", account).execute();
}

/** Deletes sessions whose lifetime ended before `now`, so the table does not grow without bound. */
export async function deleteSessionsExpiredBy(db: Queryable, now: string): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<", now).execute();
}

/** Failed sign-ins under a name, or undefined. */
export async function findLoginFailure(db: Queryable, name: string): Promise<LoginFailureRow | undefined> {
  return db.selectFrom("login_failures").selectAll().where("name", "=", name).executeTakeFirst();
}

/** Writes the failed sign-ins under a name. */
export async function saveLoginFailure(db: Queryable, row: LoginFailureRow): Promise<void> {
  await db
    .insertInto("login_failures")
    .values(row)
    .onConflict((oc) =>
      oc.column("name").doUpdateSet({
        failures: row.failures,
        last_failure_at: row.last_failure_at,
        locked_until: row.locked_until,
      }),
    )
    .execute();
}

/** Forgets the failed sign-ins under a name (after a good one, or a password reset). */
export async function clearLoginFailure(db: Queryable, name: string): Promise<void> {
  await db.deleteFrom("login_failures").where("name", "=", name).execute();
}

/** Appends one event to the audit trail. */
export async function appendAuditEvent(db: Queryable, event: Omit<AuditEvent, "id">): Promise<AuditEvent> {
  const row = await db
    .insertInto("audit_events")
    .values({
      at: event.at,
      actor: event.actor,
      action: event.action,
      target: event.target,
      detail: toJson(event.detail),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...row, id: Number(row.id), detail: fromJson(row.detail, {}) };
}

/** The audit trail, oldest first. */
export async function listAuditEvents(db: Queryable): Promise<AuditEvent[]> {
  const rows = await db.selectFrom("audit_events").selectAll().orderBy("id").execute();
  return rows.map((row) => ({ ...row, id: Number(row.id), detail: fromJson(row.detail, {}) }));
}
