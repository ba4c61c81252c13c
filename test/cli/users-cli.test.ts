// `skein users`, `skein tokens` and `skein audit` from the built CLI: a password given on standard input or
// generated and printed once, accounts listed without their hashes, tokens printed once and listed without
// their secrets, revoked; bad values are usage errors; the audit trail names who did each.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI } from "../helpers/shared.js";

function skein(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", input });
}

describe.skipIf(!existsSync(CLI))("skein users and skein tokens", () => {
  const workspace = join(mkdtempSync(join(tmpdir(), "skein-users-")), "case.db");
  const w = ["--workspace", workspace];

  it("adds accounts, lists them without hashes, refuses a duplicate, disables one", () => {
    const chosen = "correct horse battery staple";
    const withStdin = skein(
      ["users", "add", "ada", "--role", "admin", "--password-stdin", ...w],
      `${chosen}\n`,
    );
    expect(withStdin.status).toBe(0);
    expect(withStdin.stdout).toBe("");
    const generated = skein(["users", "add", "ann", "--role", "analyst", ...w]);
    expect(generated.status).toBe(0);
    const password = generated.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const list = skein(["users", "list", "--json", ...w]);
    const accounts = JSON.parse(list.stdout);
    expect(accounts.map((a: { name: string; role: string }) => [a.name, a.role])).toEqual([
      ["ada", "admin"],
      ["ann", "analyst"],
    ]);
    expect(list.stdout).not.toMatch(/scrypt|password_hash/);
    expect(list.stdout).not.toContain(password);
    const again = skein(["users", "add", "ann", "--role", "viewer", ...w]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
    const bad = skein(["users", "add", "Not Valid", "--role", "viewer", ...w]);
    expect(bad.status).toBe(2);
    const short = skein(["users", "add", "bob", "--role", "viewer", "--password-stdin", ...w], "short\n");
    expect(short.status).toBe(2);
    expect(short.stderr).not.toContain("short\n");
    expect(skein(["users", "disable", "ann", ...w]).stdout).toMatch(/ann: analyst, disabled/);
    const reset = skein(["users", "reset-password", "ann", ...w]);
    expect(reset.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(reset.stdout.trim()).not.toBe(password);
  });

  it("creates a token shown once, lists it without its secret, and revokes it", () => {
    const created = skein([
      "tokens",
      "create",
      "--role",
      "viewer",
      "--expires",
      "90d",
      "--scope",
      "match",
      ...w,
    ]);
    expect(created.status).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^skn_[a-z0-9]{12}\.[A-Za-z0-9_-]{43}$/);
    const listed = skein(["tokens", "list", "--json", ...w]);
    const [record] = JSON.parse(listed.stdout);
    expect(record).toEqual(expect.objectContaining({ role: "viewer", scope: "match", revokedAt: null }));
    expect(Date.parse(record.expiresAt) - Date.parse(record.createdAt)).toBe(90 * 24 * 3600 * 1000);
    expect(listed.stdout).not.toContain(token.split(".")[1]);
    expect(skein(["tokens", "revoke", record.id, ...w]).status).toBe(0);
    expect(JSON.parse(skein(["tokens", "list", "--json", ...w]).stdout)[0].revokedAt).toEqual(
      expect.any(String),
    );
    expect(skein(["tokens", "create", "--role", "viewer", "--expires", "soon", ...w]).status).toBe(2);
    expect(skein(["tokens", "revoke", "tok_nothing", ...w]).status).toBe(1);
  });

  it("shows who did what in the audit trail", () => {
    const audit = JSON.parse(skein(["audit", "--json", ...w]).stdout) as Array<{
      action: string;
      target: string;
    }>;
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["user_add", "user_disable", "password_reset", "token_create", "token_revoke"]),
    );
  });
});
