import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

const dir = mkdtempSync(join(tmpdir(), "skein-resolve-cli-"));
const workspace = join(dir, "case.db");

function skein(...args: string[]) {
  return spawnSync("node", [CLI, ...args, "--workspace", workspace], { encoding: "utf8", cwd: REPO_ROOT });
}
function json<T>(...args: string[]): T {
  const result = skein(...args, "--json");
  if (result.status !== 0) throw new Error(`skein ${args.join(" ")}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

interface EntityJson {
  id: string;
  caption: string;
  sanctioned: boolean;
  members: Array<{ id: string; mentions: Array<{ id: string }> }>;
}

describe("decision and analysis commands on the example dossier", () => {
  let entities: EntityJson[] = [];
  const named = (pattern: RegExp) => entities.find((e) => pattern.test(e.caption)) as EntityJson;

  beforeAll(() => {
    const run = skein(
      "investigate",
      "examples/",
      "--lists",
      "examples/lists/ofac-sdn",
      "--out",
      join(dir, "out"),
    );
    if (run.status !== 0) throw new Error(run.stderr);
    entities = json<EntityJson[]>("entities");
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses bad decisions with exit 1, a message naming the problem, and an unchanged log", () => {
    const relay = named(/Baltic Relay/);
    for (const args of [
      ["merge", relay.id, relay.id],
      ["merge", "case_doesnotexist", relay.id],
      ["accept", "clm_doesnotexist"],
      ["dismiss", "match_doesnotexist"],
      ["undo", "42"],
    ]) {
      const result = skein(...args, "--why", "test");
      expect(result.status, args.join(" ")).toBe(1);
      expect(result.stderr).toMatch(/^skein: /m);
      expect(result.stderr).not.toMatch(/internal error/);
    }
    expect(json<unknown[]>("decisions")).toEqual([]);
  });

  it("merge, decisions and undo: the log records who, what and why, and undo restores the entities", () => {
    const wing = named(/Brightwing/);
    const harbor = named(/Qingdao Harbor/);
    const merged = skein("merge", wing.id, harbor.id, "--why", "same registry number", "--by", "tester");
    expect(merged.status).toBe(0);
    expect(json<EntityJson[]>("entities").length).toBe(entities.length - 1);
    const log = json<Array<{ id: number; by: string; why: string; action: string }>>("decisions");
    expect(log).toMatchObject([{ action: "merge", by: "tester", why: "same registry number" }]);
    expect(skein("undo", String(log[0].id)).status).toBe(0);
    expect(json<EntityJson[]>("entities").length).toBe(entities.length);
    expect(json<Array<{ supersededBy: number | null }>>("decisions")[0].supersededBy).not.toBeNull();
  });

  it("dismissing a match takes the entity off the sanctioned list", () => {
    const matches = json<Array<{ id: string; entity: { id: string }; authorityId: string }>>("matches");
    const dremin = matches.find((m) => m.authorityId === "9100003");
    expect(dremin).toBeDefined();
    expect(skein("dismiss", dremin!.id, "--why", "namesake").status).toBe(0);
    const after = json<EntityJson[]>("entities").find((e) => e.id === dremin!.entity.id);
    expect(after?.sanctioned).toBe(false);
    expect(skein("undo", String(json<Array<{ id: number }>>("decisions").at(-1)!.id)).status).toBe(0);
  });

  it("paths, candidates, intermediaries, focal points and ego answer with --json", () => {
    const paths = json<Array<{ to: string; hops: Array<{ quote: string }> }>>("paths", "--to-sanctioned");
    const sanctioned = new Set(
      json<EntityJson[]>("entities")
        .filter((e) => e.sanctioned)
        .map((e) => e.id),
    );
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(sanctioned.has(p.to)).toBe(true);
      expect(p.hops.every((h) => h.quote.length > 0)).toBe(true);
    }
    const candidates = json<Array<{ entity: { id: string } }>>("candidates");
    expect(candidates.some((c) => c.entity.id === named(/Brightwing/).id)).toBe(true);
    expect(Array.isArray(json("intermediaries"))).toBe(true);
    expect(json<unknown[]>("focal-points").length).toBeGreaterThan(0);
    const ego = json<{ center: string; nodes: unknown[] }>("ego", named(/Baltic Relay/).id, "--hops", "1");
    expect(ego.center).toBe(named(/Baltic Relay/).id);
    expect(ego.nodes.length).toBeGreaterThan(1);
  });

  it("filters by period and refuses a malformed one", () => {
    const early = json<unknown[]>("paths", "--to-sanctioned", "--as-of", "2020-01-01");
    expect(early).toEqual([]);
    const bad = skein("paths", "--to-sanctioned", "--between", "2024-01");
    expect(bad.status, bad.stderr).toBe(2);
    // A case with a document and no list (resolve needs the workspace to exist).
    const note = join(dir, "note.txt");
    writeFileSync(note, "Omega Trading LLC shipped bearings to Sigma Machinery OOO in 2023.\n");
    spawnSync("node", [CLI, "ingest", note, "--workspace", join(dir, "empty.db")], { encoding: "utf8" });
    const noList = spawnSync(
      "node",
      [CLI, "resolve", "--snapshot", "snap_missing", "--workspace", join(dir, "empty.db")],
      {
        encoding: "utf8",
        cwd: REPO_ROOT,
      },
    );
    expect(noList.status).toBe(1);
    expect(noList.stderr).toMatch(/no list is loaded/);
    const junk = skein("candidates", "--as-of", "last spring");
    expect(junk.status).toBe(1);
  });
});
