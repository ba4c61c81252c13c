// The auth stage's sessions and sign-in: idle and absolute expiry, a disabled account's session ending,
// tokens past their expiry, and sign-in taking the same time whether or not the account exists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addAccount,
  authenticateSession,
  authenticateToken,
  createToken,
  disableAccount,
  signIn,
} from "../../src/auth/index.js";
import type { Workspace } from "../../src/store/index.js";
import { openTestWorkspace } from "../helpers/workspace.js";

const OPTIONS = {
  session: { idleMinutes: 30, absoluteMinutes: 120 },
  lockout: { maxFailures: 1000, lockMinutes: 1 },
};
const PASSWORD = "a-long-enough-password";
let workspace: Workspace;

beforeAll(async () => {
  workspace = await openTestWorkspace("auth");
  for (const name of ["eve", "fay"]) {
    await addAccount(workspace.db, { name, role: "analyst", password: PASSWORD, ssoOnly: false, by: "test" });
  }
});
afterAll(async () => workspace?.close());

const minutes = (start: Date, n: number) => new Date(start.getTime() + n * 60_000);

describe("sessions", () => {
  it("end after the idle time, and the idle time restarts with each use", async () => {
    const start = new Date();
    const session = await signIn(
      workspace.db,
      { name: "eve", password: PASSWORD, address: "t" },
      OPTIONS,
      start,
    );
    const used = await authenticateSession(
      workspace.db,
      session.cookieValue,
      OPTIONS.session,
      minutes(start, 25),
    );
    expect(used.name).toBe("eve");
    // 25 + 25 minutes: within 30 of the last use.
    await authenticateSession(workspace.db, session.cookieValue, OPTIONS.session, minutes(start, 50));
    await expect(
      authenticateSession(workspace.db, session.cookieValue, OPTIONS.session, minutes(start, 81)),
    ).rejects.toMatchObject({ code: "AUTH_SESSION_EXPIRED" });
  });

  it("end at their absolute lifetime however busy", async () => {
    const start = new Date();
    const session = await signIn(
      workspace.db,
      { name: "eve", password: PASSWORD, address: "t" },
      OPTIONS,
      start,
    );
    for (let m = 20; m < 120; m += 20) {
      await authenticateSession(workspace.db, session.cookieValue, OPTIONS.session, minutes(start, m));
    }
    await expect(
      authenticateSession(workspace.db, session.cookieValue, OPTIONS.session, minutes(start, 121)),
    ).rejects.toMatchObject({ code: "AUTH_SESSION_EXPIRED" });
  });

  it("end when the account is disabled", async () => {
    const session = await signIn(workspace.db, { name: "fay", password: PASSWORD, address: "t" }, OPTIONS);
    await disableAccount(workspace.db, "fay", "test");
    await expect(
      authenticateSession(workspace.db, session.cookieValue, OPTIONS.session),
    ).rejects.toMatchObject({
      code: "AUTH_SESSION_EXPIRED",
    });
  });
});

describe("tokens", () => {
  it("are refused from their expiry on", async () => {
    const { token } = await createToken(workspace.db, {
      name: "t",
      role: "viewer",
      scope: "all",
      expiresInMinutes: 10,
      by: "test",
    });
    expect((await authenticateToken(workspace.db, token, minutes(new Date(), 9))).role).toBe("viewer");
    await expect(authenticateToken(workspace.db, token, minutes(new Date(), 11))).rejects.toMatchObject({
      code: "AUTH_TOKEN_EXPIRED",
    });
  });
});

describe("sign-in timing", () => {
  it("takes as long for a name no account has as for a wrong password (within the hash's own spread)", async () => {
    const time = async (name: string) => {
      const started = process.hrtime.bigint();
      await expect(
        signIn(workspace.db, { name, password: "not-the-password", address: "t" }, OPTIONS),
      ).rejects.toMatchObject({ code: "AUTH_BAD_LOGIN" });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const unknown: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 12; i++) {
      unknown.push(await time(`nobody-${i}`));
      known.push(await time("eve"));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(unknown) / median(known);
    // Both pay one scrypt hash (tens of milliseconds); a shortcut for unknown names would make this ratio ~0.
    expect(median(known)).toBeGreaterThan(10);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.4);
  }, 60_000);
});
