// Signing in with a name and a password, with a lockout after repeated failures under one name (kept for
// names with and without an account alike, so a lockout reveals nothing) and a limit per client address.
// Every attempt costs one scrypt hash, whether or not the account exists, is disabled or has no password.
import { type Role, SkeinError } from "../model/index.js";
import {
  appendAuditEvent,
  clearLoginFailure,
  type Db,
  findAccount,
  findLoginFailure,
  saveLoginFailure,
} from "../store/index.js";
import { MAX_NAME_LENGTH } from "./accounts.js";
import { MAX_PASSWORD_LENGTH, verifyPassword } from "./passwords.js";
import { type NewSession, type SessionOptions, startSession } from "./sessions.js";

/** Lockout: 5 failures in a row under one name lock it for 15 minutes. */
export const LOCKOUT_DEFAULTS = Object.freeze({ maxFailures: 5, lockMinutes: 15 });

/** Lockout settings. */
export interface LockoutOptions {
  maxFailures: number;
  lockMinutes: number;
}

function tooLarge(field: string, max: number, length: number): SkeinError {
  return new SkeinError("AUTH_CREDENTIALS_TOO_LARGE", `the ${field} has more than ${max} characters`, {
    field,
    received: `${length} characters`,
  });
}

/** Whole minutes until `until`, at least 1. */
function minutesUntil(until: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
}

/**
 * Checks a name and password and starts a session. Unknown name, wrong password, disabled account and an
 * account without a password all answer AUTH_BAD_LOGIN alike; a locked name answers AUTH_LOCKED.
 */
export async function signIn(
  db: Db,
  input: { name: string; password: string; address: string },
  options: { session: SessionOptions; lockout: LockoutOptions },
  now = new Date(),
): Promise<NewSession> {
  if (input.name.length > MAX_NAME_LENGTH) throw tooLarge("name", MAX_NAME_LENGTH, input.name.length);
  if (input.password.length > MAX_PASSWORD_LENGTH) {
    throw tooLarge("password", MAX_PASSWORD_LENGTH, input.password.length);
  }
  const name = input.name.trim().toLowerCase();
  const failure = await findLoginFailure(db, name);
  if (failure?.locked_until && failure.locked_until > now.toISOString()) {
    throw new SkeinError(
      "AUTH_LOCKED",
      `too many failed sign-ins under this name: try again in ${minutesUntil(failure.locked_until, now)} minutes`,
      {
        field: "name",
        retryAfterSeconds: Math.ceil((Date.parse(failure.locked_until) - now.getTime()) / 1000),
      },
    );
  }
  const account = await findAccount(db, name);
  const passwordOk = await verifyPassword(input.password, account?.password_hash ?? null);
  if (account && passwordOk && !account.disabled_at) {
    await clearLoginFailure(db, name);
    return startSession(
      db,
      { name: account.name, role: account.role as Role },
      "password",
      options.session,
      now,
    );
  }
  const failures = (failure && !failure.locked_until ? failure.failures : 0) + 1;
  const locked = failures >= options.lockout.maxFailures;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await saveLoginFailure(trx, {
      name,
      failures: locked ? 0 : failures,
      last_failure_at: at,
      locked_until: locked
        ? new Date(now.getTime() + options.lockout.lockMinutes * 60_000).toISOString()
        : null,
    });
    await appendAuditEvent(trx, {
      at,
      actor: "anonymous",
      action: locked ? "login_locked" : "login_failed",
      target: name,
      detail: { address: input.address },
    });
  });
  throw new SkeinError("AUTH_BAD_LOGIN", "wrong account name or password", { field: "password" });
}

/**
 * Attempts per client address in a sliding window (in memory, per server process): sign-in attempts beyond
 * the limit are refused with AUTH_RATE_LIMITED before any password is checked.
 */
export class AttemptLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #attempts = new Map<string, number[]>();

  constructor(options: { limit: number; windowMs: number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
  }

  /** Counts one attempt from `address`; AUTH_RATE_LIMITED when the window is full. */
  take(address: string, now = Date.now()): void {
    const recent = (this.#attempts.get(address) ?? []).filter((t) => now - t < this.#windowMs);
    if (recent.length >= this.#limit) {
      this.#attempts.set(address, recent);
      const retry = Math.ceil((recent[0] + this.#windowMs - now) / 1000);
      throw new SkeinError(
        "AUTH_RATE_LIMITED",
        `too many sign-in attempts from this address: try again in ${retry} seconds`,
        { field: "address", retryAfterSeconds: retry },
      );
    }
    recent.push(now);
    this.#attempts.set(address, recent);
    // Forget quiet addresses now and then, so the map stays small.
    if (this.#attempts.size > 10_000) {
      for (const [key, times] of this.#attempts) {
        if (times.every((t) => now - t >= this.#windowMs)) this.#attempts.delete(key);
      }
    }
  }
}
