import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../src/model/index.js";
import { openWorkspace } from "../../src/store/index.js";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

function skein(args: string[], cwd: string) {
  return spawnSync("node", [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "1" } });
}

describe("skein ingest / sources / show", () => {
  it("ingests the examples, lists them as JSON, and exits 1 with one clear line per bad file", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-cli-"));
    const ok = skein(["ingest", join(REPO_ROOT, "examples"), "-w", "case.db"], dir);
    expect(ok.status).toBe(0);
    const listed = JSON.parse(skein(["sources", "--json", "-w", "case.db"], dir).stdout);
    expect(listed.length).toBeGreaterThanOrEqual(5);
    const shown = skein(["show", listed[0].id.slice(0, 10), "-w", "case.db"], dir);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(listed[0].id);

    writeFileSync(join(dir, "empty.txt"), "");
    const bad = skein(["ingest", "empty.txt", "missing.txt", "-w", "case.db"], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/empty\.txt: .*INGEST_EMPTY/);
    expect(bad.stderr).toMatch(/missing\.txt: .*INGEST_PATH_MISSING/);
    expect(JSON.parse(skein(["sources", "--json", "-w", "case.db"], dir).stdout)).toHaveLength(listed.length);
  });

  it("exits 2 on a usage error and shows examples", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-cli-"));
    const result = skein(["ingest", "x.txt", "--kind", "rumour"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Examples:");
  });

  it("a child killed in the middle of a large ingest leaves a workspace with only whole sources", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-crash-"));
    const docs = join(dir, "docs");
    mkdirSync(docs);
    const filler = "Omega Ltd shipped bearings to Sigma OOO in 2023. ".repeat(4000);
    for (let i = 0; i < 400; i++)
      writeFileSync(join(docs, `doc-${String(i).padStart(3, "0")}.txt`), `${i} ${filler}`);
    const db = join(dir, "case.db");
    const child = spawn("node", [CLI, "ingest", docs, "-w", db], { stdio: "ignore" });
    // Wait until some sources are committed, then kill without warning.
    const deadline = Date.now() + 30_000;
    let seen = 0;
    while (Date.now() < deadline && seen < 3) {
      await new Promise((r) => setTimeout(r, 20));
      try {
        const reader = new SQLite(db, { readonly: true, fileMustExist: true });
        seen = (reader.prepare("select count(*) n from sources").get() as { n: number }).n;
        reader.close();
      } catch {
        // not created yet
      }
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    const workspace = await openWorkspace(db);
    const rows = await workspace.db.selectFrom("sources").select(["id", "text"]).execute();
    await workspace.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(400);
    for (const row of rows) expect(sha256(row.text)).toBe(row.id);
  });
});
