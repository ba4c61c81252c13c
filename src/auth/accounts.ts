// Accounts of a case: add, list, disable, enable, reset a password, change a role. Every change is written
// with its audit event in one transaction; no function returns or logs a password hash.
import { randomBytes } from "node:crypto";
import { isOneOf, ROLE_NAMES, type Role, SkeinError } from "../model/index.js";
import {
  type AccountRow,
  appendAuditEvent,
  clearLoginFailure,
  type Db,
  deleteSessionsOf,
  findAccount,
  insertAccount,
  listAccounts,
  updateAccount,
} from "../store/index.js";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./passwords.js";

/** An account as shown to admins: never its password hash. */
export interface Account {
  name: string;
  role: Role;
  /** "password", or "sso" for an account that signs in only through single sign-on. */
  signIn: "password" | "sso";
  createdAt: string;
  createdBy: string;
  passwordSetAt: string | null;
  disabledAt: string | null;
}

/** Account names: lower-case letters, digits, '.', '_', '-', '@'; as identity providers name people too. */
const NAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** Longest account name, in characters. */
export const MAX_NAME_LENGTH = 64;

/** The view of an account row. */
export function toAccount(row: AccountRow): Account {
  return {
    name: row.name,
    role: row.role as Role,
    signIn: row.password_hash === null ? "sso" : "password",
    createdAt: row.created_at,
    createdBy: row.created_by,
    passwordSetAt: row.password_set_at,
    disabledAt: row.disabled_at,
  };
}

/** Checks an account name; AUTH_BAD_VALUE naming the rule otherwise. */
export function checkAccountName(name: string): string {
  if (!NAME_PATTERN.test(name)) {
    throw new SkeinError(
      "AUTH_BAD_VALUE",
      `account name "${name}" is not valid: use 1 to 64 lower-case letters, digits, '.', '_', '-' or '@', starting with a letter or digit, e.g. alice`,
      { field: "name", received: name },
    );
  }
  return name;
}

/** Checks a role name; AUTH_BAD_VALUE listing the roles otherwise. */
export function checkRole(role: unknown): Role {
  if (!isOneOf(ROLE_NAMES, role)) {
    throw new SkeinError(
      "AUTH_BAD_VALUE",
      `role must be one of ${ROLE_NAMES.join(", ")}, e.g. --role viewer`,
      {
        field: "role",
        received: String(role),
      },
    );
  }
  return role;
}

function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    // The password itself is never put in an error.
    throw new SkeinError(
      "AUTH_BAD_VALUE",
      `a password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters (received ${password.length}); leave it out to have one generated`,
      { field: "password" },
    );
  }
  return password;
}

/** A random password of 20 characters (about 120 bits), to be shown once. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

async function existing(db: Db, name: string): Promise<AccountRow> {
  const row = await findAccount(db, name);
  if (!row) {
    throw new SkeinError("AUTH_UNKNOWN_USER", `no account named "${name}"`, {
      field: "name",
      received: name,
    });
  }
  return row;
}

/**
 * Adds an account. Without a password one is generated and returned (shown once); with `ssoOnly` the account
 * has none and signs in only through single sign-on.
 */
export async function addAccount(
  db: Db,
  input: { name: string; role: string; password: string | undefined; ssoOnly: boolean; by: string },
): Promise<{ account: Account; password: string | null }> {
  const name = checkAccountName(input.name);
  const role = checkRole(input.role);
  const password = input.ssoOnly ? null : checkPassword(input.password ?? generatePassword());
  const at = new Date().toISOString();
  const row: AccountRow = {
    name,
    role,
    password_hash: password === null ? null : await hashPassword(password),
    created_at: at,
    created_by: input.by,
    password_set_at: password === null ? null : at,
    disabled_at: null,
  };
  await db.transaction().execute(async (trx) => {
    if (!(await insertAccount(trx, row))) {
      throw new SkeinError("AUTH_USER_EXISTS", `an account named "${name}" exists already`, {
        field: "name",
        received: name,
      });
    }
    await appendAuditEvent(trx, { at, actor: input.by, action: "user_add", target: name, detail: { role } });
  });
  return { account: toAccount(row), password: input.password === undefined ? password : null };
}

/** Every account, by name. */
export async function readAccounts(db: Db): Promise<Account[]> {
  return (await listAccounts(db)).map(toAccount);
}

/** One account by name; AUTH_UNKNOWN_USER otherwise. */
export async function readAccount(db: Db, name: string): Promise<Account> {
  return toAccount(await existing(db, name));
}

/** Disables an account and ends its sessions (its decisions stay attributed to it). */
export async function disableAccount(db: Db, name: string, by: string): Promise<Account> {
  await existing(db, name);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await updateAccount(trx, name, { disabled_at: at });
    await deleteSessionsOf(trx, name);
    await appendAuditEvent(trx, { at, actor: by, action: "user_disable", target: name, detail: {} });
  });
  return readAccount(db, name);
}

/** Enables a disabled account again. */
export async function enableAccount(db: Db, name: string, by: string): Promise<Account> {
  await existing(db, name);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await updateAccount(trx, name, { disabled_at: null });
    await appendAuditEvent(trx, { at, actor: by, action: "user_enable", target: name, detail: {} });
  });
  return readAccount(db, name);
}

/** Changes an account's role; its sessions end, so the new role applies from the next sign-in. */
export async function changeRole(db: Db, name: string, role: string, by: string): Promise<Account> {
  await existing(db, name);
  const checked = checkRole(role);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await updateAccount(trx, name, { role: checked });
    await deleteSessionsOf(trx, name);
    await appendAuditEvent(trx, { at, actor: by, action: "user_role", target: name, detail: { role } });
  });
  return readAccount(db, name);
}

/**
 * Sets a new password (an admin's reset): generated and returned when none is given. Ends the account's
 * sessions and lifts a lockout of its name.
 */
export async function resetPassword(
  db: Db,
  name: string,
  password: string | undefined,
  by: string,
): Promise<{ account: Account; password: string | null }> {
  await existing(db, name);
  const chosen = checkPassword(password ?? generatePassword());
  const hash = await hashPassword(chosen);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await updateAccount(trx, name, { password_hash: hash, password_set_at: at });
    await deleteSessionsOf(trx, name);
    await clearLoginFailure(trx, name);
    await appendAuditEvent(trx, { at, actor: by, action: "password_reset", target: name, detail: {} });
  });
  return { account: await readAccount(db, name), password: password === undefined ? chosen : null };
}
