// Hostile and odd input, as a new user or an attacker gives it: each case checks the exit code, the
// message (naming the file and the line or record), that no stack trace is printed, that the command
// ends, and exactly what the workspace holds afterwards.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

const LISTS = join(REPO_ROOT, "test/fixtures/lists");
const ARTICLE = "Omega Trading LLC shipped bearings to Sigma Machinery OOO in March 2023.\n";

/** Runs the CLI; a hang fails the test through the time-out instead of stalling the suite. */
function skein(args: string[], cwd: string) {
  const result = spawnSync("node", [CLI, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, CI: "1" },
  });
  expect(result.signal, "the command did not end in time").toBeNull();
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  return result;
}

/** Rows of the workspace's tables; a missing workspace file holds nothing. */
function counts(db: string): { sources: number; snapshots: number; entries: number } {
  if (!existsSync(db)) return { sources: 0, snapshots: 0, entries: 0 };
  const reader = new SQLite(db, { readonly: true });
  try {
    const n = (table: string) => (reader.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
    return { sources: n("sources"), snapshots: n("list_snapshots"), entries: n("list_entries") };
  } finally {
    reader.close();
  }
}

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), "skein-hostile-"));
  mkdirSync(join(dir, "docs"));
  writeFileSync(join(dir, "docs/a.txt"), ARTICLE);
  return dir;
}

/** A ZIP archive (stored deflated) of the given parts, as an .xlsx is. */
function zip(parts: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(parts)) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe("hostile documents", () => {
  it("extract given a folder: exit 1 naming the folder, INGEST_NOT_A_FILE", () => {
    const dir = workdir();
    const result = skein(["extract", "docs"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^skein: docs: a folder, not a file/);
    expect(result.stdout).toBe("");
  });

  it("a named pipe in a folder is reported, never opened; the other files ingest", () => {
    const dir = workdir();
    const made = spawnSync("mkfifo", [join(dir, "docs/pipe.txt")]);
    if (made.status !== 0) return; // no mkfifo on this system
    const result = skein(["ingest", "docs", "-w", "case.db"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/docs\/pipe\.txt: a named pipe, not a file: .*INGEST_NOT_A_FILE/);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 1, snapshots: 0, entries: 0 });
    const direct = skein(["extract", "docs/pipe.txt"], dir);
    expect(direct.status).toBe(1);
    expect(direct.stderr).toMatch(/docs\/pipe\.txt: a named pipe/);
  });

  it("a device file given to ingest is reported, not read", () => {
    const dir = workdir();
    const result = skein(["ingest", "/dev/zero", "-w", "case.db"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\/dev\/zero: a device, not a file: .*INGEST_NOT_A_FILE/);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 0, snapshots: 0, entries: 0 });
  });

  it("HTML nested tens of thousands deep: INGEST_TOO_DEEP from ingest and extract, in seconds", () => {
    const dir = workdir();
    const depth = 30_000;
    writeFileSync(
      join(dir, "docs/deep.html"),
      `<html><body>${"<div>".repeat(depth)}<p>${ARTICLE}</p>${"</div>".repeat(depth)}</body></html>`,
    );
    const ingest = skein(["ingest", "docs", "-w", "case.db"], dir);
    expect(ingest.status).toBe(1);
    expect(ingest.stderr).toMatch(/docs\/deep\.html: the page nests elements 30000 deep.*INGEST_TOO_DEEP/);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 1, snapshots: 0, entries: 0 });
    const extract = skein(["extract", "docs/deep.html"], dir);
    expect(extract.status).toBe(1);
    expect(extract.stderr).toMatch(/^skein: docs\/deep\.html: the page nests/);
  });

  it("a long text with no sentence break is read in bounded sentences: extract ends", () => {
    const dir = workdir();
    const words = ["Omega", "Trading", "LLC", "supplied", "Sigma", "OOO", "via", "Delta", "Ltd", "and"];
    writeFileSync(
      join(dir, "run-on.txt"),
      Array.from({ length: 15_000 }, (_, i) => words[(i * 7) % 10]).join(" "),
    );
    const result = skein(["extract", "run-on.txt"], dir);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).entities.length).toBeGreaterThan(0);
  });

  it("symbolic link loops end: each loop is named once and every real file is read once", () => {
    const dir = workdir();
    symlinkSync("..", join(dir, "docs/up"));
    symlinkSync("self", join(dir, "docs/self"));
    const result = skein(["ingest", "docs", "-w", "case.db"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/docs\/self: a symbolic link that leads to itself .*INGEST_LINK_LOOP/);
    expect(result.stderr).toMatch(/docs\/up\/docs: a link back to a folder already read .*INGEST_LINK_LOOP/);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 1, snapshots: 0, entries: 0 });
  });

  it("ingest --published not-a-date is a usage error (exit 2) that stores nothing", () => {
    const dir = workdir();
    for (const bad of ["not-a-date", "2024-02-30"]) {
      const result = skein(["ingest", "docs", "--published", bad, "-w", "case.db"], dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^skein: --published: must be a date YYYY-MM-DD/);
      expect(result.stderr).toContain(`received: ${bad}`);
    }
    expect(existsSync(join(dir, "case.db"))).toBe(false);
  });

  it("FtM: a broken JSON line is named by its line; an unknown schema is refused", () => {
    const dir = workdir();
    const good = JSON.stringify({ id: "p1", schema: "Person", properties: { name: ["Ivan Petrov"] } });
    writeFileSync(join(dir, "broken.jsonl"), `${good}\n${good.replace("p1", "p2")}\n{"id": "p3", "sche\n`);
    writeFileSync(join(dir, "unknown.jsonl"), `${JSON.stringify({ id: "x1", schema: "Spaceship" })}\n`);
    const result = skein(["ingest", "broken.jsonl", "unknown.jsonl", "-w", "case.db"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.jsonl:3: line is not valid JSON.*INGEST_BAD_FTM/);
    expect(result.stderr).toMatch(/unknown\.jsonl:1: .*unknown FtM schema "Spaceship"/);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 0, snapshots: 0, entries: 0 });
  });
});

describe("hostile lists", () => {
  it("lists load A BAD C: each list in its own transaction; the bad one named with its line, exit 1", () => {
    const dir = workdir();
    cpSync(join(LISTS, "ofac-csv"), join(dir, "bad"), { recursive: true });
    const sdn = join(dir, "bad/sdn.csv");
    const bytes = readFileSync(sdn);
    const second = bytes.indexOf(10) + 5;
    writeFileSync(sdn, Buffer.concat([bytes.subarray(0, second), Buffer.from([0]), bytes.subarray(second)]));
    const result = skein(
      ["lists", "load", join(LISTS, "sdn.xml"), "bad", join(LISTS, "eu-fsf.xml"), "-w", "case.db"],
      dir,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^skein: bad\/sdn\.csv:2: the file holds a NUL byte/m);
    expect(result.stdout).toMatch(/loaded ofac\/sdn \(ofac-xml/);
    expect(result.stdout).toMatch(/loaded eu\/fsf \(eu-fsf-xml/);
    expect(counts(join(dir, "case.db"))).toMatchObject({ sources: 0, snapshots: 2 });
  });

  it("lists load --format bogus is a usage error (exit 2) that creates nothing", () => {
    const dir = workdir();
    const result = skein(
      ["lists", "load", join(LISTS, "sdn.xml"), "--format", "bogus", "-w", "case.db"],
      dir,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown list format "bogus"; valid: ofac-csv/);
    expect(existsSync(join(dir, "case.db"))).toBe(false);
  });

  it("an XML list saved as sdn.csv is read as XML with a warning saying so", () => {
    const dir = workdir();
    cpSync(join(LISTS, "sdn.xml"), join(dir, "sdn.csv"));
    const result = skein(["lists", "load", "sdn.csv", "-w", "case.db"], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/sdn\.csv: the file is named \.csv but holds XML; it was read as ofac-xml/);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 0, snapshots: 1, entries: 3 });
  });

  it("invalid UTF-8 inside an XML list: loaded with a warning naming the line", () => {
    const dir = workdir();
    const text = readFileSync(join(LISTS, "sdn.xml"));
    const at = text.indexOf("BELYI");
    writeFileSync(
      join(dir, "sdn.xml"),
      Buffer.concat([text.subarray(0, at), Buffer.from([0xe9]), text.subarray(at)]),
    );
    const line = text.subarray(0, at).toString().split("\n").length;
    const result = skein(["lists", "load", "sdn.xml", "-w", "case.db"], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`sdn.xml:${line}: the file is not valid UTF-8 from this line on`);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 0, snapshots: 1, entries: 3 });
  });

  it("FtM list lines of an unknown schema are bad rows, named by line; nothing of that list is stored", () => {
    const dir = workdir();
    const lines = [
      { id: "p1", schema: "Person", properties: { name: ["Ivan Petrov"] }, target: true },
      { id: "s1", schema: "Starship", properties: { name: ["Enterprise"] }, target: true },
    ];
    writeFileSync(join(dir, "entities.ftm.json"), `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const result = skein(["lists", "load", "entities.ftm.json", "-w", "case.db"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/entities\.ftm\.json:2 schema: "Starship" is not a FollowTheMoney schema/);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 0, snapshots: 0, entries: 0 });
  });

  it("bounds: --max-size and --max-rows stop a list with a named error; the defaults load it", () => {
    const dir = workdir();
    const big = skein(["lists", "load", join(LISTS, "sdn.xml"), "--max-size", "0.001", "-w", "case.db"], dir);
    expect(big.status).toBe(1);
    expect(big.stderr).toMatch(/sdn\.xml: the file is [\d.]+ MB, over the limit of 0\.0 MB/);
    const many = skein(["lists", "load", join(LISTS, "ofac-csv"), "--max-rows", "2", "-w", "case.db"], dir);
    expect(many.status).toBe(1);
    expect(many.stderr).toMatch(/sdn\.csv:\d+: the file has more than 2 records/);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 0, snapshots: 0, entries: 0 });
    expect(skein(["lists", "load", join(LISTS, "ofac-csv"), "-w", "case.db"], dir).status).toBe(0);
  });

  it("bounds: XML nested past the limit, entity expansion, and a ZIP bomb end in named errors", () => {
    const dir = workdir();
    const head =
      '<?xml version="1.0"?>\n<sdnList><publshInformation><Publish_Date>01/02/2026</Publish_Date></publshInformation>\n';
    writeFileSync(
      join(dir, "deep.xml"),
      `${head}<sdnEntry>${"<a>".repeat(5000)}${"</a>".repeat(5000)}</sdnEntry></sdnList>\n`,
    );
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE sdnList [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
      "<sdnList><publshInformation><Publish_Date>01/02/2026</Publish_Date></publshInformation>",
      "<sdnEntry><uid>1</uid><lastName>&c;</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>",
    ];
    writeFileSync(join(dir, "laughs.xml"), laughs.join("\n"));
    writeFileSync(
      join(dir, "ConList.xlsx"),
      zip({
        "xl/workbook.xml": Buffer.alloc(50_000_000, 32),
        "xl/_rels/workbook.xml.rels": Buffer.from("<r/>"),
      }),
    );
    const deep = skein(["lists", "load", "deep.xml", "--format", "ofac-xml", "-w", "case.db"], dir);
    expect(deep.status).toBe(1);
    expect(deep.stderr).toMatch(/^skein: deep\.xml:3: the XML nests elements more than 64 deep/);
    const expansion = skein(["lists", "load", "laughs.xml", "--format", "ofac-xml", "-w", "case.db"], dir);
    expect(expansion.status).toBe(1);
    expect(expansion.stderr).toMatch(/^skein: laughs\.xml:\d+: the XML is malformed .*entity/);
    const bomb = skein(["lists", "load", "ConList.xlsx", "-w", "case.db"], dir);
    expect(bomb.status).toBe(1);
    expect(bomb.stderr).toMatch(/^skein: ConList\.xlsx: the part xl\/workbook\.xml inflates from \d+ bytes/);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 0, snapshots: 0, entries: 0 });
  });

  it("investigate with a bad list stops before any document is stored", () => {
    const dir = workdir();
    writeFileSync(join(dir, "bad.csv"), "9001,\u0000\n");
    const result = skein(
      ["investigate", "docs", "--lists", join(LISTS, "sdn.xml"), "bad.csv", "-w", "case.db"],
      dir,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^skein: bad\.csv/m);
    expect(counts(join(dir, "case.db"))).toEqual({ sources: 0, snapshots: 0, entries: 0 });
  });
});
