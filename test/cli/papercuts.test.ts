// What a new user tripped over in the CLI: help printed once, UTF-8 shown as UTF-8, one flag scheme
// with the old spellings still read, claim ids in `skein claims`, whole ids in `skein decisions`,
// names wherever an entity id is taken, and counts in the right number.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

const LISTS = join(REPO_ROOT, "test/fixtures/lists");

function skein(args: string[], cwd: string) {
  return spawnSync("node", [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "1" } });
}

describe("CLI papercuts", () => {
  let dir: string;
  let extracted: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "skein-papercuts-"));
    writeFileSync(
      join(dir, "note.txt"),
      "Omega Trading LLC supplied bearings to Sigma Machinery OOO in March 2023, according to customs records.\n",
    );
    expect(skein(["ingest", "note.txt", "-w", "case.db"], dir).status).toBe(0);
    const extract = skein(["extract", "-w", "case.db"], dir);
    expect(extract.status).toBe(0);
    extracted = extract.stdout;
  }, 60_000);

  it("a wrong flag prints the command's examples once, exit 2", () => {
    const result = skein(["ingest", "--bogus"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr.match(/Examples:/g)).toHaveLength(1);
  });

  it("a message quoting a UTF-8 file shows its characters, not Latin-1 mojibake", () => {
    writeFileSync(join(dir, "article.csv"), "Russia’s suppliers, said the ministry’s note\n");
    const result = skein(["lists", "load", "article.csv", "-w", "case.db"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Russia’s suppliers");
    expect(result.stderr).not.toContain("â");
  });

  it("claims shows the claim ids that accept and reject take; decisions keeps ids whole; 1 claim", () => {
    const claims = skein(["claims", "-w", "case.db"], dir);
    const id = /clm_[0-9a-f]+/.exec(claims.stdout)?.[0];
    expect(id).toBeDefined();
    const accepted = skein(
      ["accept", String(id), "--why", "seen the customs declaration itself", "-w", "case.db"],
      dir,
    );
    expect(accepted.status).toBe(0);
    const log = skein(["decisions", "-w", "case.db"], dir);
    expect(log.stdout).toContain(`claim=${id}`);
    expect(log.stdout.endsWith("\n")).toBe(true);
    expect(extracted).toMatch(/\b1 source: 2 entities, 2 mentions, 1 claim\n/);
  });

  it("entity names are taken where ids are: paths --from and ego", () => {
    const ego = skein(["ego", "Omega Trading LLC", "--json", "-w", "case.db"], dir);
    expect(ego.status).toBe(0);
    const paths = skein(
      ["paths", "--from", "Omega Trading LLC", "--to-sanctioned", "--json", "-w", "case.db"],
      dir,
    );
    expect(paths.status).toBe(0);
    const unknown = skein(["ego", "Nobody Anywhere Ltd", "-w", "case.db"], dir);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no entity with id or name "Nobody Anywhere Ltd"/);
  });

  it("screen takes --lists (and the old --list), prints camelCase JSON with --json", () => {
    for (const flag of ["--lists", "--list"]) {
      const result = skein(
        ["screen", flag, join(LISTS, "sdn.xml"), "--name", "Belyi Zayats Tekhnika", "--json"],
        dir,
      );
      expect(result.status).toBe(0);
      const line = JSON.parse(result.stdout.trim().split("\n")[0]);
      expect(line.query).toHaveProperty("birthDate");
      expect(line.results[0]).toHaveProperty("authorityId", "9001");
    }
    const table = skein(
      ["screen", "--lists", join(LISTS, "sdn.xml"), "--name", "Belyi Zayats Tekhnika", "--format", "table"],
      dir,
    );
    expect(table.stdout).toMatch(/^query\s+rank\s+score/);
    expect(table.stdout).toContain("ofac sdn 9001");
  });
});
