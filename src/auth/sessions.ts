// Browser sessions of the workbench: a random id in an HttpOnly, Secure, SameSite=Strict cookie, stored only
// as its hash, ending when idle too long, past its lifetime, at sign-out, or when the account changes. The
// CSRF token is derived from the session id, so it needs no storage and cannot be made without the cookie.
import { type Role, SkeinError } from "../model/index.js";
import {
  appendAuditEvent,
  type Db,
  deleteSession,
  deleteSessionsExpiredBy,
  findAccount,
  findSession,
  insertSession,
  touchSession,
} from "../store/index.js";
import type { Principal } from "./principal.js";
import { hashSecret, randomSecret, sameSecret } from "./secrets.js";

/** Session lifetimes: 30 minutes idle, 12 hours at most; last use written at most once a minute. */
export const SESSION_DEFAULTS = Object.freeze({
  idleMinutes: 30,
  absoluteMinutes: 12 * 60,
  touchEveryMs: 60_000,
});

/** Session lifetimes, in minutes. */
export interface SessionOptions {
  idleMinutes: number;
  absoluteMinutes: number;
}

/** The name of the session cookie. */
export const SESSION_COOKIE = "skein_session";

/** Longest session cookie value accepted (the format is 43). */
const MAX_COOKIE_LENGTH = 128;

/** The CSRF token of a session: the hash of its id under another label, base64url. */
function csrfTokenOf(sessionId: string): string {
  return Buffer.from(hashSecret(`csrf:${sessionId}`), "hex").toString("base64url");
}

/** A new session: the cookie value (to set, never to store or log) and what the workbench needs. */
export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: string;
  principal: Principal;
}

/** Starts a session for an account that has just signed in (by password or single sign-on). */
export async function startSession(
  db: Db,
  account: { name: string; role: Role },
  method: "password" | "oidc",
  options: SessionOptions,
  now = new Date(),
): Promise<NewSession> {
  const cookieValue = randomSecret();
  const idHash = hashSecret(cookieValue);
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + options.absoluteMinutes * 60_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await deleteSessionsExpiredBy(trx, at);
    await insertSession(trx, {
      id_hash: idHash,
      account: account.name,
      method,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
    });
    await appendAuditEvent(trx, {
      at,
      actor: account.name,
      action: "login",
      target: null,
      detail: { method },
    });
  });
  const csrfToken = csrfTokenOf(cookieValue);
  return {
    cookieValue,
    csrfToken,
    expiresAt,
    principal: {
      kind: "account",
      name: account.name,
      role: account.role,
      scope: "all",
      label: account.name,
      session: { idHash, csrfToken, expiresAt },
    },
  };
}

function expired(): SkeinError {
  return new SkeinError("AUTH_SESSION_EXPIRED", "the session has ended; sign in again", { field: "cookie" });
}

/**
 * The principal of a session cookie; AUTH_SESSION_EXPIRED when the session is unknown, idle too long, past
 * its lifetime, or its account is disabled.
 */
export async function authenticateSession(
  db: Db,
  cookieValue: string,
  options: SessionOptions,
  now = new Date(),
): Promise<Principal> {
  if (cookieValue.length > MAX_COOKIE_LENGTH) throw expired();
  const idHash = hashSecret(cookieValue);
  const row = await findSession(db, idHash);
  if (!row) throw expired();
  const at = now.getTime();
  const idleEnd = Date.parse(row.last_seen_at) + options.idleMinutes * 60_000;
  const account = await findAccount(db, row.account);
  if (at >= Date.parse(row.expires_at) || at >= idleEnd || !account || account.disabled_at) {
    await deleteSession(db, idHash);
    throw expired();
  }
  if (at - Date.parse(row.last_seen_at) > SESSION_DEFAULTS.touchEveryMs) {
    await touchSession(db, idHash, now.toISOString());
  }
  return {
    kind: "account",
    name: account.name,
    role: account.role as Role,
    scope: "all",
    label: account.name,
    session: { idHash, csrfToken: csrfTokenOf(cookieValue), expiresAt: row.expires_at },
  };
}

/** Whether a request's CSRF token is its session's (compared in constant time). */
export function isSessionCsrfToken(principal: Principal, sent: unknown): boolean {
  return (
    typeof sent === "string" && principal.session !== null && sameSecret(sent, principal.session.csrfToken)
  );
}

/** Ends a session (sign-out). */
export async function endSession(db: Db, principal: Principal): Promise<void> {
  if (!principal.session) return;
  const session = principal.session;
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, session.idHash);
    await appendAuditEvent(trx, { at, actor: principal.label, action: "logout", target: null, detail: {} });
  });
}
