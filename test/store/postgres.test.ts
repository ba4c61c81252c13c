// The shared-server workspace: the same case investigated in a PostgreSQL database and in a SQLite
// file gives the same results; the decision log is append-only there too; a failed transaction leaves
// nothing behind; a bad address is a clear error with the password masked; a command that only reads
// refuses a schema holding no workspace. Needs a server: set
// SKEIN_TEST_POSTGRES to a URL of an empty database (.ci/run starts one with scripts/start-postgres.sh).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SkeinError } from "../../src/model/index.js";
import {
  appendDecision,
  countRecords,
  insertSource,
  listDecisions,
  openWorkspace,
  supersedeDecision,
} from "../../src/store/index.js";
import { CLI, REPO_ROOT } from "../helpers/shared.js";
import { freshSchema } from "../helpers/workspace.js";

const SERVER = process.env.SKEIN_TEST_POSTGRES;
if (!SERVER) {
  console.warn("[skein tests] SKEIN_TEST_POSTGRES not set: the PostgreSQL workspace tests are skipped");
}

function skein(args: string[], cwd: string) {
  return spawnSync("node", [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "1" } });
}

describe.skipIf(!SERVER)("a workspace on a PostgreSQL server (needs SKEIN_TEST_POSTGRES)", () => {
  let url = "";

  beforeAll(async () => {
    url = await freshSchema(SERVER!);
  });

  it("a command that only reads refuses a schema with no workspace in it, and creates no tables", async () => {
    const empty = await freshSchema(SERVER!);
    const dir = mkdtempSync(join(tmpdir(), "skein-pg-"));
    const result = skein(["sources", "-w", empty], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no workspace here/);
    const error = await openWorkspace(empty, { create: false }).catch((e: unknown) => e);
    expect((error as SkeinError).code).toBe("STORE_NO_WORKSPACE");
    const workspace = await openWorkspace(empty);
    await workspace.close();
    await (await openWorkspace(empty, { create: false })).close();
  });

  it("investigates the example case to the same results as a SQLite file", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-pg-"));
    const examples = join(REPO_ROOT, "examples");
    const lists = join(examples, "lists/ofac-sdn");
    const onServer = skein(["investigate", examples, "--lists", lists, "-w", url, "--out", "pg"], dir);
    expect(onServer.stderr).not.toMatch(/error/i);
    expect(onServer.status).toBe(0);
    const inFile = skein(["investigate", examples, "--lists", lists, "-w", "case.db", "--out", "file"], dir);
    expect(inFile.status).toBe(0);
    const read = (out: string, name: string) => readFileSync(join(dir, out, name), "utf8");
    const summary = JSON.parse(read("pg", "summary.json"));
    expect(summary.sanctioned.length).toBeGreaterThan(0);
    for (const name of ["summary.json", "claims.csv", "entities.ftm.json", "network.graphml"])
      expect(read("pg", name), name).toBe(read("file", name));
    const withoutTime = (text: string) => text.replace(/Generated \S+\./, "");
    expect(withoutTime(read("pg", "report.md"))).toBe(withoutTime(read("file", "report.md")));

    // Ingesting the same texts again changes nothing.
    const again = skein(["ingest", examples, "-w", url], dir);
    expect(again.status).toBe(0);
    expect(again.stdout + again.stderr).toMatch(/unchanged/);
  });

  it("keeps the decision log append-only", async () => {
    const workspace = await openWorkspace(url);
    try {
      const first = await appendDecision(workspace.db, {
        by: "analyst",
        action: "reject",
        target: { claim: "c1" },
        why: "misread",
      });
      const undo = await appendDecision(workspace.db, {
        by: "analyst",
        action: "undo",
        target: { decision: String(first.id) },
        why: null,
      });
      expect(undo.id).toBeGreaterThan(first.id);
      await supersedeDecision(workspace.db, first.id, undo.id);
      const log = await listDecisions(workspace.db);
      expect(log.find((d) => d.id === first.id)?.supersededBy).toBe(undo.id);

      await expect(workspace.db.deleteFrom("decisions").execute()).rejects.toThrow(/append-only/);
      await expect(
        workspace.db.updateTable("decisions").set({ why: "rewritten" }).where("id", "=", undo.id).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(supersedeDecision(workspace.db, first.id, undo.id)).rejects.toThrow(/append-only/);
      expect(await listDecisions(workspace.db)).toEqual(log);
    } finally {
      await workspace.close();
    }
  });

  it("leaves nothing behind when a transaction fails halfway", async () => {
    const workspace = await openWorkspace(url);
    try {
      const before = await countRecords(workspace.db);
      const failing = workspace.db.transaction().execute(async (trx) => {
        await insertSource(trx, {
          id: "f".repeat(64),
          title: "Half-written",
          author: null,
          publisher: null,
          published: null,
          url: null,
          kind: "article",
          reliability: null,
          format: "txt",
          filename: "half.txt",
          text: "A text that never lands.",
          pageStarts: null,
          ingestedAt: new Date().toISOString(),
          ingestedBy: null,
        });
        throw new Error("crash halfway");
      });
      await expect(failing).rejects.toThrow("crash halfway");
      expect(await countRecords(workspace.db)).toEqual(before);
    } finally {
      await workspace.close();
    }
  });

  it("names a server it cannot reach, with the password masked", async () => {
    const error = await openWorkspace("postgres://skein:secret@127.0.0.1:1/none").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkeinError);
    expect((error as SkeinError).code).toBe("STORE_OPEN_FAILED");
    expect((error as SkeinError).message).toContain("postgres://skein:***@127.0.0.1:1/none");
    expect((error as SkeinError).message).not.toContain("secret");
  });
});
