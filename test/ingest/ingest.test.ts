import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildPdf } from "../../scripts/make-example-pdf.mjs";
import { DEFAULT_MAX_BYTES, type IngestOptions, ingestPaths } from "../../src/ingest/index.js";
import { sha256 } from "../../src/model/index.js";
import { countRecords, findSource, listSources, type Workspace } from "../../src/store/index.js";
import { HAS_SHARED, REPO_ROOT, sharedPath } from "../helpers/shared.js";
import { openTestWorkspace } from "../helpers/workspace.js";

const options: IngestOptions = { maxBytes: DEFAULT_MAX_BYTES };
let dir: string;
let workspace: Workspace;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "skein-ingest-"));
  workspace = await openTestWorkspace("ingest");
});
afterEach(async () => {
  await workspace.close();
});

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("ingest: good input", () => {
  it("stores text with its SHA-256 id, and a second ingest is a no-op that says so", async () => {
    const file = write("note.txt", "Alpha Ltd supplied valves to Beta LLC.\r\nSecond line.\n");
    const [first] = await ingestPaths(workspace.db, [file], options, undefined);
    expect(first.status).toBe("ingested");
    const source = await findSource(workspace.db, first.sourceId!);
    expect(source?.text).toBe("Alpha Ltd supplied valves to Beta LLC.\nSecond line.\n");
    expect(source?.id).toBe(sha256(source!.text));
    const [second] = await ingestPaths(workspace.db, [file], options, undefined);
    expect(second.status).toBe("unchanged");
    expect(second.sourceId).toBe(first.sourceId);
    expect((await countRecords(workspace.db)).sources).toBe(1);
  });

  it("normalises to NFC so offsets are stable", async () => {
    const file = write("nfd.txt", "Cafe\u0301 Ltd of Zu\u0308rich");
    const [result] = await ingestPaths(workspace.db, [file], options, undefined);
    const source = await findSource(workspace.db, result.sourceId!);
    expect(source?.text).toBe("Café Ltd of Zürich");
  });

  it("applies metadata flags over the document's own", async () => {
    const file = write("a.md", "---\ntitle: From front matter\ndate: 2023-05-01\n---\nBody text here.");
    const [result] = await ingestPaths(
      workspace.db,
      [file],
      { ...options, publisher: "Desk", kind: "record", reliability: "B", published: "2023-06-02" },
      undefined,
    );
    const source = await findSource(workspace.db, result.sourceId!);
    expect(source).toMatchObject({
      title: "From front matter",
      publisher: "Desk",
      kind: "record",
      reliability: "B",
      published: "2023-06-02",
    });
  });

  it("reads an HTML article body with its meta tags", async () => {
    const paragraph = "Northwind Trading shipped forty pumps to a sanctioned buyer in the spring of 2023.";
    const file = write(
      "page.html",
      `<!doctype html><html><head><title>T</title>
      <meta property="og:title" content="Pumps to a sanctioned buyer">
      <meta property="og:site_name" content="The Example Post">
      <meta name="author" content="A. Writer">
      <meta property="article:published_time" content="2024-02-03T10:00:00Z">
      <link rel="canonical" href="https://example.org/pumps"></head>
      <body><nav>Home · World · Business</nav><article><h1>Pumps</h1>
      <p>${paragraph}</p><p>${paragraph.replace("forty", "fifty")}</p><p>The <b>buyer</b> declined to comment.</p>
      </article><footer>© Example</footer></body></html>`,
    );
    const [result] = await ingestPaths(workspace.db, [file], options, undefined);
    expect(result.status).toBe("ingested");
    const source = await findSource(workspace.db, result.sourceId!);
    expect(source).toMatchObject({
      format: "html",
      title: "Pumps to a sanctioned buyer",
      publisher: "The Example Post",
      author: "A. Writer",
      published: "2024-02-03",
      url: "https://example.org/pumps",
    });
    expect(source?.text).toContain(`${paragraph}\n\n`);
    expect(source?.text).toContain("The buyer declined to comment.");
    expect(source?.text).not.toContain("Home · World");
  });

  it("reads a PDF per page and keeps page boundaries", async () => {
    const bytes = await buildPdf([["Page one: Delta GmbH sold lathes."], ["Page two: Epsilon OOO paid."]], {
      title: "Lathe invoice",
      created: new Date("2022-09-30T00:00:00Z"),
    });
    const file = write("doc.pdf", bytes);
    const [result] = await ingestPaths(workspace.db, [file], options, undefined);
    const source = await findSource(workspace.db, result.sourceId!);
    expect(source?.format).toBe("pdf");
    expect(source?.title).toBe("Lathe invoice");
    expect(source?.published).toBe("2022-09-30");
    expect(source?.pageStarts).toHaveLength(2);
    const [p1, p2] = source!.pageStarts!;
    expect(p1).toBe(0);
    expect(source!.text.slice(p2)).toMatch(/^Page two: Epsilon OOO paid\./);
    expect(source!.text.slice(p1, p2)).toContain("Delta GmbH sold lathes.");
  });

  it("stores FtM entities with their source noted", async () => {
    const file = write(
      "entities.jsonl",
      [
        { id: "c1", schema: "Company", properties: { name: ["Gamma Holdings"], country: ["CY"] } },
        { id: "p1", schema: "Person", properties: { name: ["Ivo Petrov"], alias: ["I. Petrov"] } },
      ]
        .map((e) => JSON.stringify(e))
        .join("\n"),
    );
    const [result] = await ingestPaths(workspace.db, [file], options, undefined);
    expect(result.status).toBe("ingested");
    const rows = await workspace.db.selectFrom("entities").selectAll().orderBy("caption").execute();
    expect(rows.map((r) => [r.caption, r.type, r.country, r.source_id])).toEqual([
      ["Gamma Holdings", "Company", "cy", result.sourceId],
      ["Ivo Petrov", "Person", null, result.sourceId],
    ]);
    expect(JSON.parse(rows[1].names)).toEqual(["Ivo Petrov", "I. Petrov"]);
  });

  it("walks folders recursively and ingests the example dossier", async () => {
    const results = await ingestPaths(workspace.db, [join(REPO_ROOT, "examples")], options, undefined);
    expect(results.filter((r) => r.status === "ingested").length).toBeGreaterThanOrEqual(5);
    expect(new Set((await listSources(workspace.db)).map((s) => s.format))).toEqual(
      new Set(["text", "html", "pdf"]),
    );
  });

  it.skipIf(!HAS_SHARED)("ingests the seed text unchanged", async () => {
    const seed = sharedPath("seed/kupol-drone-collaboration.txt");
    const [result] = await ingestPaths(
      workspace.db,
      [seed],
      { ...options, published: "2026-01-11" },
      undefined,
    );
    const source = await findSource(workspace.db, result.sourceId!);
    const gold = JSON.parse(readFileSync(sharedPath("eval/seed-kupol.gold.json"), "utf8"));
    expect(source?.text).toBe(gold.text);
  });
});

describe("ingest: a plain-text page's head and a source's kind", () => {
  it.each([
    [
      "masthead, dateline, headline",
      "The Quarry Gazette\nMonday, June 2, 2025\n\nTin smelter ships ingots to Delta Metals\n\nDelta Metals bought 40 tonnes.",
      {
        title: "Tin smelter ships ingots to Delta Metals",
        publisher: "The Quarry Gazette",
        published: "2025-06-02",
      },
    ],
    [
      "a headline alone",
      "Harbour crane maker hires new chief\n\nKappa Cranes named a chief executive on Tuesday.",
      { title: "Harbour crane maker hires new chief", publisher: null, published: null },
    ],
    [
      "a first line that is a sentence",
      "Kappa Cranes named a chief executive on Tuesday.\nMore follows.",
      { title: "note.txt", publisher: null, published: null },
    ],
    [
      "front matter speaks for the file",
      "---\ntitle: From the front matter\n---\nThe Quarry Gazette\nMonday, June 2, 2025\n",
      { title: "From the front matter", publisher: null, published: "2025-06-02" },
    ],
  ])("%s", async (_case, text, expected) => {
    const [result] = await ingestPaths(workspace.db, [write("note.txt", text)], options, undefined);
    const source = await findSource(workspace.db, result.sourceId!);
    expect({ title: source?.title, publisher: source?.publisher, published: source?.published }).toEqual(
      expected,
    );
  });

  it.each([
    [
      "news",
      "The Quarry Gazette\nTin smelter ships ingots\n\nDelta Metals bought 40 tonnes of tin, its owner said.",
    ],
    [
      "record",
      "Commercial invoice\nInvoice No: DM-2025-04\nSeller: Quarry Tin Ltd\nBuyer: Delta Metals\nTotal due: USD 12,000",
    ],
    [
      "record",
      "Passenger: Ivo Marek\nItinerary: Vienna to Minsk on May 3, 2025\nBooking made by: Delta Metals",
    ],
    [
      "government",
      "The Office of Foreign Assets Control of the Department of the Treasury today designated Delta Metals pursuant to Executive Order 14024.",
    ],
  ])("infers the kind %s from the opening text", async (kind, text) => {
    const [result] = await ingestPaths(workspace.db, [write("doc.txt", text)], options, undefined);
    expect((await findSource(workspace.db, result.sourceId!))?.kind).toBe(kind);
  });

  it("a --kind given wins over the inferred one", async () => {
    const file = write(
      "doc.txt",
      "Passenger: Ivo Marek\nItinerary: Vienna to Minsk\nBooking made by: Delta Metals",
    );
    const [result] = await ingestPaths(workspace.db, [file], { ...options, kind: "note" }, undefined);
    expect((await findSource(workspace.db, result.sourceId!))?.kind).toBe("note");
  });
});

describe("ingest: bad input leaves the workspace unchanged", () => {
  async function expectFailure(file: string, code: string, extra: Partial<IngestOptions> = {}) {
    const good = write("good.txt", "A good file that must still ingest in the same batch.");
    const before = await countRecords(workspace.db);
    const results = await ingestPaths(workspace.db, [file, good], { ...options, ...extra }, undefined);
    expect(results[0].status).toBe("failed");
    expect(results[0].error?.code).toBe(code);
    expect(results[0].error?.details.file).toBe(file);
    expect(results[0].error?.message.length).toBeGreaterThan(10);
    expect(results[1].status).toBe("ingested");
    const after = await countRecords(workspace.db);
    expect(after).toEqual({ ...before, sources: before.sources + 1 });
  }

  it("a missing path", () => expectFailure(join(dir, "nope.txt"), "INGEST_PATH_MISSING"));
  it("an empty file", () => expectFailure(write("empty.txt", ""), "INGEST_EMPTY"));
  it("a whitespace-only file", () => expectFailure(write("blank.txt", "  \n\n "), "INGEST_EMPTY"));
  it("binary junk named .txt", () =>
    expectFailure(
      write("junk.txt", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 9])),
      "INGEST_BINARY",
    ));
  it("an HTML page with no article", () =>
    expectFailure(
      write(
        "empty.html",
        "<!doctype html><html><head><title>x</title></head><body><nav>Home</nav></body></html>",
      ),
      "INGEST_NO_ARTICLE",
    ));
  it("a corrupt PDF", () =>
    expectFailure(write("bad.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage"), "INGEST_PDF_CORRUPT"));
  it("a PDF without a text layer", async () =>
    expectFailure(write("scan.pdf", await buildPdf([[], []])), "INGEST_PDF_NO_TEXT"));
  it("a file over the size limit", () =>
    expectFailure(write("big.txt", "x".repeat(2000)), "INGEST_TOO_LARGE", { maxBytes: 1000 }));
  it("an unsupported file type", () => expectFailure(write("sheet.xyz", "a,b,c"), "INGEST_UNSUPPORTED_TYPE"));
  it("FtM JSON with an unknown schema", () =>
    expectFailure(write("bad.jsonl", '{"id":"x","schema":"Spaceship","properties":{}}'), "INGEST_BAD_FTM"));

  it("invalid UTF-8 is decoded with replacement characters and a warning", async () => {
    const file = write(
      "latin1.txt",
      new Uint8Array([...Buffer.from("Caf"), 0xe9, ...Buffer.from(" Ltd supplied parts.")]),
    );
    const [result] = await ingestPaths(workspace.db, [file], options, undefined);
    expect(result.status).toBe("ingested");
    expect(result.warnings.join(" ")).toMatch(/invalid UTF-8/);
    expect((await findSource(workspace.db, result.sourceId!))?.text).toBe("Caf\uFFFD Ltd supplied parts.");
  });
});

describe("ingest: publication date from a dateline", () => {
  it.each([
    ["The Daily Example\nSunday, January 11, 2026\n\nHeadline\n\nBody.", "2026-01-11"],
    ["Masthead\n3 March 2024\nBody.", "2024-03-03"],
    ["Body text mentioning January 11, 2026 in a sentence.", null],
  ])("%j → %s", async (content, expected) => {
    const [result] = await ingestPaths(workspace.db, [write("d.txt", content)], options, undefined);
    expect((await findSource(workspace.db, result.sourceId!))?.published).toBe(expected);
  });
});
