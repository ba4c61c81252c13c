// No lost updates: two analysts, each through a `skein serve` process of their own on one workspace, make
// 1,000 decisions each on the same four claims at once, sending the version they last saw (If-Match). A
// decision on a stale version answers 409 with the current version; the writer takes it and tries again.
// Afterwards every intended decision is in the log exactly once (0 lost, 0 duplicated), each claim's version
// is its last decision and its status that decision's. On SQLite always; on PostgreSQL when a test server is
// set (once: the suite is skipped in the second, PostgreSQL pass of scripts/test-postgres.sh).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createToken } from "../../src/auth/index.js";
import { openWorkspace } from "../../src/store/index.js";
import { CASE, writeServerCase } from "../fixtures/server/case.js";
import { CLI } from "../helpers/shared.js";
import { freshSchema } from "../helpers/workspace.js";

const DECISIONS_PER_WRITER = 1000;
const CLAIMS = [CASE.supplyClaim, CASE.onwardClaim, CASE.payClaim, CASE.hostileClaim];
const POSTGRES = process.env.SKEIN_TEST_POSTGRES ?? null;
const IN_POSTGRES_PASS = process.env.SKEIN_TEST_WORKSPACE === "postgres";

if (!POSTGRES)
  console.warn("[skein tests] SKEIN_TEST_POSTGRES not set: the concurrent writers run on SQLite only");

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    const exit = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exit;
  }
});

/** Starts `skein serve` on a free port of 127.0.0.1; its address. */
async function serve(workspace: string): Promise<string> {
  const child = spawn(process.execPath, [CLI, "serve", "--workspace", workspace, "--port", "0"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  let stderr = "";
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address announced: ${stderr}`)), 30_000);
    child.stderr?.on("data", (data) => {
      stderr += String(data);
      const found = /serving .* at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
  });
}

interface Outcome {
  acknowledged: Map<string, number>;
  conflicts: number;
}

/** One analyst: decides DECISIONS_PER_WRITER times, on the version last seen, retrying after each 409. */
async function write(url: string, token: string, writer: string): Promise<Outcome> {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const seen = new Map<string, number>();
  for (const claim of CLAIMS) {
    const response = await fetch(`${url}/api/claims/${claim}`, { headers });
    seen.set(claim, (await response.json()).claim.version);
  }
  const acknowledged = new Map<string, number>();
  let conflicts = 0;
  for (let k = 0; k < DECISIONS_PER_WRITER; k++) {
    const claim = CLAIMS[k % CLAIMS.length];
    const why = `${writer}-${k}`;
    const action = (k + writer.length) % 3 === 0 ? "reject" : "accept";
    for (let attempt = 0; ; attempt++) {
      if (attempt > 200) throw new Error(`${why}: still conflicting after 200 attempts`);
      const response = await fetch(`${url}/api/decisions`, {
        method: "POST",
        headers: { ...headers, "if-match": `"${seen.get(claim)}"` },
        body: JSON.stringify({ action, claim, why }),
      });
      const body = await response.json();
      if (response.status === 201) {
        acknowledged.set(why, body.decision.id);
        seen.set(claim, body.decision.id);
        break;
      }
      if (response.status !== 409) throw new Error(`${why}: ${response.status} ${JSON.stringify(body)}`);
      expect(body.code).toBe("DECISION_CONFLICT");
      conflicts += 1;
      seen.set(claim, body.details.current.version);
    }
  }
  return { acknowledged, conflicts };
}

async function runWriters(workspacePath: string): Promise<void> {
  const workspace = await openWorkspace(workspacePath);
  await writeServerCase(workspace);
  const tokens = [];
  for (const name of ["first", "second"]) {
    const created = await createToken(workspace.db, {
      name,
      role: "analyst",
      scope: "all",
      expiresInMinutes: 60,
      by: "test",
    });
    tokens.push(created.token);
  }
  await workspace.close();

  const urls = await Promise.all([serve(workspacePath), serve(workspacePath)]);
  const [a, b] = await Promise.all([write(urls[0], tokens[0], "anna"), write(urls[1], tokens[1], "boris")]);

  const response = await fetch(`${urls[0]}/api/decisions`, {
    headers: { authorization: `Bearer ${tokens[0]}` },
  });
  const log = (await response.json()).items as Array<{
    id: number;
    why: string;
    by: string;
    action: string;
    target: { claim: string };
  }>;
  // 0 lost, 0 duplicated: each intended decision once, with the id its writer was told.
  expect(log.length).toBe(2 * DECISIONS_PER_WRITER);
  const byWhy = new Map<string, number[]>();
  for (const d of log) byWhy.set(d.why, [...(byWhy.get(d.why) ?? []), d.id]);
  expect(byWhy.size).toBe(2 * DECISIONS_PER_WRITER);
  for (const [why, id] of [...a.acknowledged, ...b.acknowledged]) expect(byWhy.get(why)).toEqual([id]);
  // Each writer's decisions are recorded under its own token.
  expect(new Set(log.filter((d) => d.why.startsWith("anna-")).map((d) => d.by)).size).toBe(1);
  // The races happened, and were refused rather than lost.
  expect(a.conflicts + b.conflicts).toBeGreaterThan(0);
  // Each claim's version is its last decision, and its status that decision's.
  for (const claim of CLAIMS) {
    const last = log.filter((d) => d.target.claim === claim).at(-1);
    const read = await fetch(`${urls[1]}/api/claims/${claim}`, {
      headers: { authorization: `Bearer ${tokens[1]}` },
    });
    const stored = (await read.json()).claim;
    expect(stored.version).toBe(last?.id);
    expect(stored.status).toBe(last?.action === "accept" ? "accepted" : "rejected");
  }
}

describe.skipIf(!existsSync(CLI) || IN_POSTGRES_PASS)("two concurrent writers on SQLite", () => {
  it(`make ${DECISIONS_PER_WRITER} decisions each: none lost, none duplicated`, async () => {
    await runWriters(join(mkdtempSync(join(tmpdir(), "skein-writers-")), "case.db"));
  }, 600_000);
});

describe.skipIf(!existsSync(CLI) || !POSTGRES || IN_POSTGRES_PASS)(
  "two concurrent writers on PostgreSQL",
  () => {
    it(`make ${DECISIONS_PER_WRITER} decisions each: none lost, none duplicated`, async () => {
      await runWriters(await freshSchema(POSTGRES as string));
    }, 600_000);
  },
);
