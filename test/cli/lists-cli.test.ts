// skein lists: load (files and folders), show, unchanged on reload, diff, and exit codes for bad input.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

const FIXTURES = join(REPO_ROOT, "test/fixtures/lists");

function skein(args: string[], cwd: string) {
  return spawnSync("node", [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "1" } });
}

describe("skein lists", () => {
  it("loads list files, shows the snapshots, says when a file is unchanged, and diffs two snapshots", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-lists-cli-"));
    const loaded = skein(
      ["lists", "load", join(FIXTURES, "ofac-csv"), join(FIXTURES, "sdn.xml"), "-w", "case.db", "--json"],
      dir,
    );
    expect(loaded.status).toBe(0);
    const results = JSON.parse(loaded.stdout);
    expect(results.map((r: { format: string; status: string }) => [r.format, r.status])).toEqual([
      ["ofac-csv", "loaded"],
      ["ofac-xml", "loaded"],
    ]);

    const again = skein(["lists", "load", join(FIXTURES, "ofac-csv"), "-w", "case.db"], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^unchanged: ofac\/sdn/);

    const shown = JSON.parse(skein(["lists", "-w", "case.db", "--json"], dir).stdout);
    expect(shown).toHaveLength(2);
    expect(skein(["lists", "-w", "case.db"], dir).stdout).toMatch(
      /snap_\w+\s+ofac\s+sdn\s+2026-03-14\s+3\s+ofac-xml/,
    );

    const diff = skein(["lists", "diff", results[0].id, results[1].id, "-w", "case.db", "--json"], dir);
    expect(diff.status).toBe(0);
    const body = JSON.parse(diff.stdout);
    expect(body.removed.map((e: { authorityId: string }) => e.authorityId)).toEqual(["9004"]);
    expect(body.added).toEqual([]);
    expect(body.changed.length).toBeGreaterThan(0);
  });

  it("exits 1 naming the file and line for a bad row, and 2 for a usage error", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-lists-cli-"));
    const text = readFileSync(join(FIXTURES, "conlist-2022", "ConList.csv"), "utf8").split("\r\n");
    text[3] = `${text[3]},extra`;
    writeFileSync(join(dir, "ConList.csv"), text.join("\r\n"));
    const bad = skein(["lists", "load", "ConList.csv", "-w", "case.db"], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("ConList.csv:4");
    // Nothing was stored, so no workspace was left behind either.
    expect(existsSync(join(dir, "case.db"))).toBe(false);

    expect(skein(["lists", "load", "-w", "case.db"], dir).status).toBe(2);
    expect(skein(["lists", "frobnicate", "-w", "case.db"], dir).status).toBe(2);
  });
});
