// Commands writing to stdout stop quietly when their reader closes early (`skein … | head -n 1`):
// exit 0 and nothing on stderr but their own messages, no EPIPE stack trace.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

const LIST = join(REPO_ROOT, "test/fixtures/screen/list.jsonl");
/** Rows enough to fill a pipe's buffer many times over. */
const ROWS = 20_000;

/** Runs `node CLI args | head -n 1` and returns skein's exit status, stderr and what head printed. */
function throughHead(args: string[]) {
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const run = spawnSync(
    "bash",
    ["-c", `node '${CLI}' ${quoted} 2>"$ERR" | head -n 1; echo "\${PIPESTATUS[0]}" > "$STATUS"`],
    { encoding: "utf8", env: { ...process.env, ERR: errFile, STATUS: statusFile } },
  );
  return {
    status: Number(readFileSync(statusFile, "utf8").trim()),
    stderr: readFileSync(errFile, "utf8"),
    first: run.stdout,
  };
}

const dir = mkdtempSync(join(tmpdir(), "skein-early-close-"));
const errFile = join(dir, "stderr.txt");
const statusFile = join(dir, "status.txt");

describe("a reader closing early", () => {
  it("stops compare-names quietly", () => {
    const pairs = join(dir, "pairs.csv");
    const rows = Array.from({ length: ROWS }, (_, i) => `Dmitri Kovalenko ${i},Dmitri Kovalenko,Person`);
    writeFileSync(pairs, `name1,name2,schema\n${rows.join("\n")}\n`);
    const run = throughHead(["compare-names", "--input", pairs]);
    expect(run.first).toBe("name1,name2,schema,score\n");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("stops screen quietly", () => {
    const names = join(dir, "names.csv");
    const rows = Array.from({ length: ROWS }, (_, i) => `q${i},Zarevo Instrument Works`);
    writeFileSync(names, `id,name\n${rows.join("\n")}\n`);
    const run = throughHead(["screen", "--list", LIST, "--input", names, "--format", "json"]);
    expect(JSON.parse(run.first).query.id).toBe("q0");
    expect(run.stderr).not.toContain("EPIPE");
    expect(run.status).toBe(0);
  });
});
