// Safe workspaces: only commands that bring material in create a workspace, and a failed `investigate`
// leaves the --out folder and the workspace as they were.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

function skein(args: string[], cwd: string) {
  const result = spawnSync("node", [CLI, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, CI: "1", SKEIN_WORKSPACE: "" },
  });
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  return result;
}

/** Every file under a folder with its content, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort())
    if (!name.endsWith("/") && existsSync(join(dir, name)))
      try {
        out[name] = readFileSync(join(dir, name), "utf8");
      } catch {
        out[name] = "(folder)";
      }
  return out;
}

describe("commands that work on a stored case", () => {
  it.each([
    ["sources"],
    ["show", "abc"],
    ["claims"],
    ["entities"],
    ["candidates"],
    ["paths", "--to-sanctioned"],
    ["decisions"],
    ["matches"],
    ["lists"],
    ["screen", "--name", "Omega Trading"],
    ["resolve"],
    ["merge", "Omega Trading", "Sigma Machinery"],
    ["users", "list"],
    ["tokens", "list"],
    ["audit"],
  ])("%s on a workspace that does not exist: exit 1 naming the path, nothing created", (...args) => {
    const dir = mkdtempSync(join(tmpdir(), "skein-read-"));
    const typo = skein([...args, "-w", "csae.db"], dir);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain(`skein: ${join(dir, "csae.db")}: no workspace here`);
    expect(typo.stdout).toBe("");
    const unnamed = skein(args, dir);
    expect(unnamed.status).toBe(1);
    expect(unnamed.stderr).toContain(`${join(dir, "skein.db")}: no workspace here`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("extract --workspace on a workspace that does not exist: exit 1 naming it, nothing created", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-read-"));
    const typo = skein(["extract", "-w", "csae.db"], dir);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain(`skein: ${join(dir, "csae.db")}: no workspace here`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("an account is something stored: the workspace users add made for it stays", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-read-"));
    const added = spawnSync(
      "node",
      [CLI, "users", "add", "ada", "--role", "admin", "--password-stdin", "-w", "case.db"],
      {
        cwd: dir,
        encoding: "utf8",
        input: "correct horse battery staple\n",
      },
    );
    expect(added.status).toBe(0);
    expect(readdirSync(dir)).toEqual(["case.db"]);
  });

  it("a command that writes and stores nothing leaves no workspace file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-read-"));
    writeFileSync(join(dir, "empty.txt"), "");
    const result = skein(["ingest", "empty.txt", "-w", "case.db"], dir);
    expect(result.status).toBe(1);
    expect(readdirSync(dir)).toEqual(["empty.txt"]);
  });
});

describe("a failed investigate", () => {
  function caseFolder(): string {
    const dir = mkdtempSync(join(tmpdir(), "skein-investigate-"));
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out/report.html"), "<p>last week's report</p>");
    writeFileSync(join(dir, "out/notes.txt"), "the analyst's own notes");
    return dir;
  }
  const examples = join(REPO_ROOT, "examples");

  it("a misspelt document path: exit 1 naming it; --out untouched; no workspace file", () => {
    const dir = caseFolder();
    const before = snapshot(join(dir, "out"));
    const result = skein(["investigate", examples, "exmaples/", "--out", "out", "-w", "case.db"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^skein: exmaples\/: no such file or folder/);
    expect(snapshot(join(dir, "out"))).toEqual(before);
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("a bad list: exit 1 naming it; --out untouched; no workspace file", () => {
    const dir = caseFolder();
    writeFileSync(join(dir, "sdn.csv"), "36,\u0000\n");
    const before = snapshot(join(dir, "out"));
    const result = skein(
      ["investigate", examples, "--lists", "sdn.csv", "--out", "out", "-w", "case.db"],
      dir,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^skein: sdn\.csv: cannot tell which list format this is/);
    expect(snapshot(join(dir, "out"))).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(["out", "sdn.csv"]);
  });

  it("a run that succeeds replaces the report files and keeps the analyst's other files", () => {
    const dir = caseFolder();
    const lists = join(examples, "lists/ofac-sdn");
    const result = skein(["investigate", examples, "--lists", lists, "--out", "out", "-w", "case.db"], dir);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, "out/report.html"), "utf8")).not.toContain("last week's report");
    expect(readFileSync(join(dir, "out/notes.txt"), "utf8")).toBe("the analyst's own notes");
    expect(readdirSync(dir).sort()).toEqual(["case.db", "out"]);
  });
});
