import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, HAS_SHARED, REPO_ROOT, sharedPath } from "../helpers/shared.js";

const dir = mkdtempSync(join(tmpdir(), "skein-confirmed-"));
const workspace = join(dir, "case.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function skein(...args: string[]) {
  return spawnSync("node", [CLI, ...args, "--workspace", workspace], { encoding: "utf8", cwd: REPO_ROOT });
}
function json<T>(...args: string[]): T {
  const result = skein(...args, "--json");
  if (result.status !== 0) throw new Error(`skein ${args.join(" ")}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

interface MatchJson {
  id: string;
  entity: { id: string; caption: string };
  decision: string | null;
  authorityId: string;
}
interface EntityJson {
  caption: string;
  sanctioned: boolean;
}

const KUPOL = "46431";

describe.skipIf(!HAS_SHARED)("a confirmed match across list changes (seed, OFAC SDN 2023-12)", () => {
  const full = sharedPath("data/ofac-sdn-csv-2023-12");
  beforeAll(() => {
    const run = skein(
      "investigate",
      sharedPath("seed/kupol-drone-collaboration.txt"),
      "--lists",
      full,
      "--out",
      join(dir, "out"),
    );
    if (run.status !== 0) throw new Error(run.stderr);
    const kupol = json<MatchJson[]>("matches").find((m) => m.authorityId === KUPOL);
    if (!kupol) throw new Error("the seed's Kupol did not match its SDN entry");
    const confirmed = skein("confirm", kupol.id, "--why", "same plant, same city");
    if (confirmed.status !== 0) throw new Error(confirmed.stderr);
  }, 180_000);

  const kupolEntity = () => json<EntityJson[]>("entities").find((e) => /Kupol/i.test(e.caption));

  it("keeps it, with a warning, when a list set without its aliases no longer finds it", () => {
    const bare = join(dir, "sdn-without-aliases");
    mkdirSync(bare);
    copyFileSync(join(full, "sdn.csv"), join(bare, "sdn.csv"));
    const load = skein("lists", "load", bare);
    expect(load.status).toBe(0);
    expect(load.stderr).toMatch(/no add\.csv, alt\.csv, sdn_comments\.csv/);
    const resolve = skein("resolve");
    expect(resolve.status).toBe(0);
    expect(resolve.stderr).toMatch(new RegExp(`confirmed match to ofac-sdn-${KUPOL} kept`));
    expect(kupolEntity()?.sanctioned).toBe(true);
    const match = json<MatchJson[]>("matches").find((m) => m.authorityId === KUPOL);
    expect(match?.decision).toBe("confirmed");
    const candidates = json<Array<{ entity: { caption: string } }>>("candidates");
    expect(candidates.map((c) => c.entity.caption)).not.toContainEqual(expect.stringMatching(/Kupol/i));
  });

  it("reports it as delisted when its entry leaves the list", () => {
    const without = join(dir, "sdn-without-kupol");
    mkdirSync(without);
    const rows = readFileSync(join(full, "sdn.csv"), "latin1").split("\n");
    writeFileSync(
      join(without, "sdn.csv"),
      rows.filter((r) => !r.startsWith(`${KUPOL},`)).join("\n"),
      "latin1",
    );
    copyFileSync(join(full, "alt.csv"), join(without, "alt.csv"));
    expect(skein("lists", "load", without).status).toBe(0);
    const resolve = skein("resolve");
    expect(resolve.status).toBe(0);
    expect(resolve.stderr).toMatch(
      new RegExp(`confirmed match to ofac-sdn-${KUPOL} .*is no longer on its list`),
    );
    expect(kupolEntity()?.sanctioned).toBe(false);
  });
});
