import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, HAS_SHARED, REPO_ROOT, sharedPath } from "../helpers/shared.js";

interface EntityJson {
  id: string;
  type: string;
  caption: string;
  names: string[];
  members: Array<{ id: string; source: string | null; caption: string | null; type: string | null }>;
}

const dir = mkdtempSync(join(tmpdir(), "skein-resolve-eval-"));
const workspace = join(dir, "case.db");
let entities: EntityJson[] = [];
const sourceOf: Record<string, string> = {};

function skein(...args: string[]) {
  const result = spawnSync("node", [CLI, ...args, "--workspace", workspace], {
    encoding: "utf8",
    cwd: REPO_ROOT,
  });
  if (result.status !== 0) throw new Error(`skein ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/** The case entity one of whose names equals `name` (case-insensitive), among entities of a source. */
function entityNamed(name: string, source?: string): EntityJson | undefined {
  const lower = name.toLowerCase();
  return entities.find(
    (e) =>
      e.names.some((n) => n.toLowerCase() === lower) &&
      (source === undefined || e.members.some((m) => m.source === sourceOf[source])),
  );
}

describe.skipIf(!HAS_SHARED)("resolution across the seed and three Treasury releases", () => {
  beforeAll(() => {
    const files: string[] = [];
    for (const name of readdirSync(sharedPath("eval"))
      .filter((f) => f.endsWith(".gold.json"))
      .sort()) {
      const gold = JSON.parse(readFileSync(sharedPath("eval", name), "utf8"));
      const file = join(dir, name.replace(".gold.json", ".txt"));
      writeFileSync(file, gold.text);
      files.push(file);
      const out = skein(
        "ingest",
        file,
        "--published",
        gold.source.date,
        "--kind",
        gold.source.kind,
        "--json",
      );
      sourceOf[name.slice(0, 2)] = JSON.parse(out)[0].sourceId;
    }
    skein("investigate", ...files, "--out", join(dir, "out"));
    entities = JSON.parse(skein("entities", "--json"));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("merges the intermediary of the seed with its OOO form in the drone-production release", () => {
    const seed = entityNamed("TSK Vektor", "se");
    expect(seed).toBeDefined();
    const sources = new Set(seed!.members.map((m) => m.source));
    expect(sources.has(sourceOf.se)).toBe(true);
    expect(sources.has(sourceOf["01"])).toBe(true);
  });

  it("merges the sanctioned arms maker of the seed with its full legal name in the release", () => {
    const kupol = entityNamed("IEMZ Kupol", "se");
    expect(kupol).toBeDefined();
    expect(kupol!.members.some((m) => m.source === sourceOf["01"])).toBe(true);
  });

  it("merges a body named in different word orders across documents", () => {
    const ministry = entityNamed("Russian defense ministry", "se");
    expect(ministry).toBeDefined();
    expect(ministry!.members.some((m) => m.source === sourceOf["05"])).toBe(true);
  });

  it("keeps different parties apart", () => {
    const vektor = entityNamed("TSK Vektor", "se");
    const apart: Array<[EntityJson | undefined, EntityJson | undefined]> = [
      [vektor, entityNamed("TD Vector") ?? entityNamed("Limited Liability Company Trading House Vector")],
      [
        entityNamed("Sichuan AEE") ?? entityNamed("AEE"),
        entityNamed("Hunan Haotianyi") ?? entityNamed("Haotianyi"),
      ],
      [entityNamed("Artem Vysotksy"), entityNamed("Artem Mikhailovich Yamshchikov")],
      [
        entityNamed("Shenzhen Jiasibo Technology Co., Ltd."),
        entityNamed("Shenzhen Caspro Technology Co., Ltd."),
      ],
      [entityNamed("IEMZ Kupol", "se"), entityNamed("Almaz-Antey")],
    ];
    for (const [a, b] of apart) {
      expect(a, "first of a pair was found").toBeDefined();
      expect(b, "second of a pair was found").toBeDefined();
      expect(a!.id).not.toBe(b!.id);
    }
  });

  it("never puts a person together with a company, place or product", () => {
    for (const e of entities) {
      const people = e.members.filter((m) => m.type === "Person").length;
      expect(people === 0 || people === e.members.length, e.caption).toBe(true);
    }
  });
});
