// `skein extract FILE --format json` prints the contract shape (ingest-free); bad inputs give clear
// errors with exit code 1 (input) or 2 (usage); `skein claims` lists stored claims.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

const FIXTURE = join(REPO_ROOT, "test/fixtures/extract/designation-notice.txt");
const skein = (...args: string[]) =>
  spawnSync("node", [CLI, ...args], { encoding: "utf8", env: { ...process.env, CI: "1" } });

describe("skein extract FILE", () => {
  it("prints the contract JSON of DESIGN.md", () => {
    const result = skein("extract", FIXTURE, "--published", "2024-06-04", "--format", "json");
    expect(result.status, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(Object.keys(doc).sort()).toEqual(["entities", "relations"]);
    expect(Object.keys(doc.entities[0]).sort()).toEqual(["aliases", "country", "id", "name", "type"]);
    expect(Object.keys(doc.relations[0]).sort()).toEqual([
      "certainty",
      "date",
      "evidence",
      "source",
      "target",
      "type",
    ]);
    expect(doc.relations.length).toBeGreaterThan(5);
  });

  it("uses the learned model unless --extractor rules is given, and names a weights file it cannot read", () => {
    const learned = JSON.parse(skein("extract", FIXTURE, "--published", "2024-06-04").stdout);
    const rules = JSON.parse(
      skein("extract", FIXTURE, "--published", "2024-06-04", "--extractor", "rules").stdout,
    );
    expect(learned.relations).not.toEqual(rules.relations);
    const missing = skein("extract", FIXTURE, "--weights", "/nonexistent/weights.json");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("/nonexistent/weights.json");
    expect(missing.stderr).not.toMatch(/\bat .+\.js:\d+/);
    expect(missing.stdout).toBe("");
  });

  it.each([
    ["a missing file", ["extract", "/nonexistent/notice.txt"], 1, /no such file/],
    ["a bad --published", ["extract", FIXTURE, "--published", "June 2024"], 2, /YYYY-MM-DD/],
    ["two files without --workspace", ["extract", FIXTURE, FIXTURE], 2, /give one FILE/],
  ])("rejects %s", (_label, args, status, message) => {
    const result = skein(...args);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it.each([
    ["empty", Buffer.alloc(0)],
    ["binary junk", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ])("rejects an %s file with an input error", (_label, content) => {
    const file = join(mkdtempSync(join(tmpdir(), "skein-extract-cli-")), "input.txt");
    writeFileSync(file, content);
    const result = skein("extract", file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^skein: /);
  });

  it("rejects a file over --max-size", () => {
    const file = join(mkdtempSync(join(tmpdir(), "skein-extract-cli-")), "huge.txt");
    writeFileSync(file, "Orlan Avia LLC supplied parts. ".repeat(40_000));
    const result = skein("extract", file, "--max-size", "1");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^skein: /);
  });
});

describe("skein extract --workspace and skein claims", () => {
  it("stores claims that skein claims lists with quotes", () => {
    const workspace = join(mkdtempSync(join(tmpdir(), "skein-extract-cli-")), "case.db");
    expect(skein("ingest", FIXTURE, "--workspace", workspace, "--published", "2024-06-04").status).toBe(0);
    const extracted = skein("extract", "--workspace", workspace, "--json");
    expect(extracted.status, extracted.stderr).toBe(0);
    expect(JSON.parse(extracted.stdout).claims).toBeGreaterThan(5);
    const listed = skein("claims", "--workspace", workspace, "--predicate", "owns", "--json");
    expect(listed.status, listed.stderr).toBe(0);
    const claims = JSON.parse(listed.stdout);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c: { predicate: string }) => c.predicate === "owns")).toBe(true);
    expect(claims[0].evidence.quote.length).toBeGreaterThan(10);
  });
});
