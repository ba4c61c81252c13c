// skein compare-names and skein screen through the built CLI: the CSV and JSON contracts other tools
// rely on, screening against list files and a workspace, and the exit codes of bad input.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

const FIXTURES = join(REPO_ROOT, "test/fixtures/screen");
const LIST = join(FIXTURES, "list.jsonl");
const SECOND_LIST = join(REPO_ROOT, "test/fixtures/lists/sdn.xml");

/** A cache directory of the tests' own, so kept indexes never land in the user's. */
const CACHE = mkdtempSync(join(tmpdir(), "skein-screen-cache-"));

function skein(args: string[], cwd = REPO_ROOT, cache = CACHE) {
  return spawnSync("node", [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CI: "1", SKEIN_CACHE_DIR: cache },
  });
}

describe("skein compare-names", () => {
  it("writes the same rows in input order with a score column, properly quoted", () => {
    const run = skein(["compare-names", "--input", join(FIXTURES, "pairs.csv")]);
    expect(run.status).toBe(0);
    const input = parse(readFileSync(join(FIXTURES, "pairs.csv"), "utf8"), { columns: true });
    const output = parse(run.stdout, { columns: true });
    expect(Object.keys(output[0])).toEqual(["name1", "name2", "schema", "score"]);
    expect(output.map((r: Record<string, string>) => [r.name1, r.name2, r.schema])).toEqual(
      input.map((r: Record<string, string>) => [r.name1, r.name2, r.schema]),
    );
    const scores = output.map((r: Record<string, string>) => Number(r.score));
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0);
    expect(scores[0]).toBeGreaterThanOrEqual(0.7);
    expect(scores[1]).toBeGreaterThanOrEqual(0.7);
    expect(scores[2]).toBeLessThan(0.7);
  });

  it("writes to --output", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-compare-"));
    const out = join(dir, "scored.csv");
    const run = skein(["compare-names", "--input", join(FIXTURES, "pairs.csv"), "--output", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(parse(readFileSync(out, "utf8"), { columns: true })).toHaveLength(4);
  });

  it("fails with exit 1 and a code for a missing file, a missing column and a ragged row", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-compare-bad-"));
    writeFileSync(join(dir, "no-name2.csv"), "name1,other\nA,B\n");
    writeFileSync(join(dir, "ragged.csv"), "name1,name2\nA,B\nC\n");
    const missing = skein(["compare-names", "--input", join(dir, "nothing.csv")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("skein:");
    const column = skein(["compare-names", "--input", join(dir, "no-name2.csv")]);
    expect(column.status).toBe(1);
    expect(column.stderr).toContain("name2");
    const ragged = skein(["compare-names", "--input", join(dir, "ragged.csv")]);
    expect(ragged.status).toBe(1);
  });
});

describe("skein screen", () => {
  it("prints one JSON line per query with the contract's result fields", () => {
    const run = skein(["screen", "--list", LIST, "--input", join(FIXTURES, "names.csv"), "--format", "json"]);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query.id)).toEqual(["q1", "q2", "q3"]);
    const [first, second, third] = lines;
    expect(Object.keys(first.results[0])).toEqual([
      "id",
      "caption",
      "schema",
      "score",
      "match",
      "authority",
      "authorityId",
      "list",
      "program",
      "explanations",
    ]);
    expect(first.results[0]).toMatchObject({ caption: "OOO Zarevo Instrument Works", match: true });
    expect(first.results[0].explanations.nameMatch.candidate).toBe("OOO Zarevo Instrument Works");
    expect(second.results[0]).toMatchObject({
      caption: "Dmitri Arkadyevich Kovalenko",
      schema: "Person",
      match: true,
    });
    expect(third.results).toEqual([]);
  });

  it("screens one --name with --threshold, --limit and CSV output", () => {
    const run = skein([
      "screen",
      "--list",
      LIST,
      "--name",
      "Morning Lark",
      "--threshold",
      "0.99",
      "--limit",
      "1",
      "--format",
      "csv",
    ]);
    expect(run.status).toBe(0);
    const rows = parse(run.stdout, { columns: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      query_name: "Morning Lark",
      caption: "Morning Lark",
      rank: "1",
      match: "true",
    });
  });

  it("screens against the lists loaded into a workspace", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-screen-ws-"));
    expect(skein(["lists", "load", LIST, "-w", "case.db"], dir).status).toBe(0);
    const run = skein(["screen", "-w", "case.db", "--name", "Zarevo Instrument Works"], dir);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results[0].caption).toBe("OOO Zarevo Instrument Works");
  });

  it("keeps the index of a workspace's lists and reads it back until the lists change", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-screen-kept-"));
    const cache = join(dir, "cache");
    expect(skein(["lists", "load", LIST, "-w", "case.db"], dir, cache).status).toBe(0);
    const screenOne = ["screen", "-w", "case.db", "--name", "Zarevo Instrument Works", "--json"];
    const cold = skein(screenOne, dir, cache);
    expect(cold.stderr).toMatch(/indexed \d+ names/);
    expect(readdirSync(cache).filter((f) => f.endsWith(".v8"))).toHaveLength(1);
    const warm = skein(screenOne, dir, cache);
    expect(warm.stderr).toMatch(/read the kept index of \d+ names/);
    expect(JSON.parse(warm.stdout)).toEqual(JSON.parse(cold.stdout));
    // Another list loaded: the snapshots differ, so the index is built again.
    expect(skein(["lists", "load", SECOND_LIST, "-w", "case.db"], dir, cache).status).toBe(0);
    expect(skein(screenOne, dir, cache).stderr).toMatch(/indexed \d+ names/);
  });

  it("exits 2 on flag misuse and 1 on bad input", () => {
    expect(skein(["screen", "--list", LIST]).status).toBe(2);
    expect(skein(["screen", "--list", LIST, "--name", "X", "--threshold", "2"]).status).toBe(2);
    expect(skein(["screen", "--list", LIST, "--name", "X", "--algorithm", "nope"]).status).toBe(1);
    expect(skein(["screen", "--list", join(FIXTURES, "missing.jsonl"), "--name", "X"]).status).toBe(1);
  });
});
