import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, HAS_SHARED, REPO_ROOT, sharedPath } from "../helpers/shared.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "skein-investigate-"));
  dirs.push(dir);
  return dir;
}

function skein(args: string[], workspace: string) {
  const result = spawnSync("node", [CLI, ...args, "--workspace", workspace], {
    encoding: "utf8",
    cwd: REPO_ROOT,
  });
  return result;
}

interface SummaryHop {
  from: { id: string; caption: string };
  to: { id: string; caption: string };
  predicate: string;
  quote: string;
  source: { id: string };
}
interface Summary {
  sources: number;
  entities: number;
  claims: number;
  sanctioned: Array<{
    entity: { id: string; caption: string };
    matches: Array<{ authority: string; authorityId: string }>;
  }>;
  candidates: Array<{
    entity: { id: string; caption: string };
    score: number;
    claims: number;
    documents: number;
    origins: number;
    paths: SummaryHop[][];
  }>;
  intermediaries: Array<{ entity: { id: string; caption: string }; sanctioned: boolean }>;
}

describe.skipIf(!HAS_SHARED)("skein investigate: the seed article with the 2023-12 OFAC SDN set", () => {
  const dir = tempDir();
  const out = join(dir, "out");
  const seed = sharedPath("seed/kupol-drone-collaboration.txt");
  let run: ReturnType<typeof skein>;
  beforeAll(() => {
    run = skein(
      ["investigate", seed, "--lists", sharedPath("data/ofac-sdn-csv-2023-12"), "--out", out],
      join(dir, "case.db"),
    );
  }, 120_000);

  it("runs every stage and writes the report files", () => {
    expect(run.stderr).toMatch(/\[1\/6\] ingest/);
    expect(run.stderr).toMatch(/\[6\/6\] report/);
    expect(run.status).toBe(0);
    for (const file of [
      "summary.json",
      "report.html",
      "report.md",
      "entities.ftm.json",
      "network.graphml",
      "network.gexf",
      "claims.csv",
    ]) {
      expect(readFileSync(join(out, file), "utf8").length).toBeGreaterThan(0);
    }
    expect(run.stdout).toMatch(/Sanctioned parties/);
  });

  it("lists the two sanctioned Russian companies with their SDN entries", () => {
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as Summary;
    const holder = (entNum: string) =>
      summary.sanctioned.find((s) =>
        s.matches.some((m) => m.authority === "ofac" && m.authorityId === entNum),
      );
    const kupol = holder("46431");
    const vektor = holder("46441");
    expect(kupol?.entity.caption).toMatch(/kupol/i);
    expect(vektor?.entity.caption).toMatch(/vektor/i);
    expect(kupol?.entity.id).not.toBe(vektor?.entity.id);
  });

  it("lists the two Chinese drone makers as designation candidates, each with a path and its quotes", () => {
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as Summary;
    const text = readFileSync(seed, "utf8").replace(/\r\n?/g, "\n").normalize("NFC");
    const sanctionedIds = new Set(summary.sanctioned.map((s) => s.entity.id));
    for (const maker of [/\bAEE\b/, /Haotianyi/]) {
      const candidate = summary.candidates.find((c) => maker.test(c.entity.caption));
      expect(candidate, `candidate ${maker}`).toBeDefined();
      expect(sanctionedIds.has(candidate!.entity.id)).toBe(false);
      expect(candidate!.paths.length).toBeGreaterThan(0);
      for (const hop of candidate!.paths[0]) {
        expect(hop.quote.length).toBeGreaterThan(0);
        expect(text).toContain(hop.quote);
      }
      // The path ends at a sanctioned party.
      const last = candidate!.paths[0].at(-1)!;
      expect(sanctionedIds.has(last.to.id)).toBe(true);
    }
  });

  it("counts one article as one document and one origin, and names the firm between supplier and buyer", () => {
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as Summary;
    expect(summary.candidates.length).toBeGreaterThan(0);
    for (const candidate of summary.candidates) {
      expect(candidate).toMatchObject({ documents: 1, origins: 1 });
      expect(candidate.claims).toBeGreaterThanOrEqual(1);
    }
    expect(summary.intermediaries.map((i) => i.entity.caption)).toContainEqual(
      expect.stringMatching(/Vektor/),
    );
    const report = readFileSync(join(out, "report.md"), "utf8");
    expect(report).not.toMatch(/(?:[2-9]|\d{2,}) independent/);
    expect(report).toMatch(/Supplies or payments after a listing: unknown/);
  });
});

describe("skein investigate: the example dossier with its example list", () => {
  const dir = tempDir();
  const out = join(dir, "out");
  let run: ReturnType<typeof skein>;
  beforeAll(() => {
    run = skein(
      ["investigate", "examples/", "--lists", "examples/lists/ofac-sdn", "--out", out, "--json"],
      join(dir, "case.db"),
    );
  }, 120_000);

  it("prints summary.json and finds the listed parties of the dossier", () => {
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary).toEqual(JSON.parse(readFileSync(join(out, "summary.json"), "utf8")));
    const listed = summary.sanctioned.flatMap((s) => s.matches.map((m) => m.authorityId));
    expect(listed).toEqual(expect.arrayContaining(["9100001", "9100002"]));
    expect(summary.sources).toBeGreaterThanOrEqual(5);
  });

  it("titles the report with --title", () => {
    const titled = skein(
      ["investigate", "examples/", "--out", join(dir, "titled"), "--title", "Engines for the guidance plant"],
      join(dir, "case.db"),
    );
    expect(titled.status).toBe(0);
    expect(readFileSync(join(dir, "titled", "report.md"), "utf8")).toMatch(
      /^# Engines for the guidance plant/,
    );
  });

  it("gives the same findings when run again on the same workspace", () => {
    const again = skein(
      [
        "investigate",
        "examples/",
        "--lists",
        "examples/lists/ofac-sdn",
        "--out",
        join(dir, "again"),
        "--json",
      ],
      join(dir, "case.db"),
    );
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/0 new, 5 already in the workspace/);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(run.stdout));
  });
});

describe("skein investigate: bad input", () => {
  it("refuses a bad --threshold as a usage error before touching the workspace", () => {
    const dir = tempDir();
    const result = skein(
      ["investigate", "examples/", "--threshold", "7", "--out", join(dir, "out")],
      join(dir, "case.db"),
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/threshold/);
  });

  it("gives a clear error for a list path that does not exist", () => {
    const dir = tempDir();
    const missing = join(dir, "no-such-list.csv");
    writeFileSync(
      join(dir, "note.txt"),
      "Kestrel Avionics Bureau supplied Orlov Precision Instruments JSC in 2024.",
    );
    const result = skein(
      ["investigate", join(dir, "note.txt"), "--lists", missing, "--out", join(dir, "out")],
      join(dir, "case.db"),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^skein: /m);
    expect(result.stderr).not.toMatch(/internal error/);
    // The lists are read first, so nothing of the run was stored: not even an empty workspace.
    expect(existsSync(join(dir, "case.db"))).toBe(false);
  });
});
