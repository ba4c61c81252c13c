// Bad list files: each gives a clear error naming the file and the line or record, and stores nothing.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listSnapshots, loadLists } from "../../src/lists/index.js";
import type { Workspace } from "../../src/store/index.js";
import { openTestWorkspace } from "../helpers/workspace.js";
import { errorOf, fixture } from "./helpers.js";

let workspace: Workspace;
let dir: string;

beforeEach(async () => {
  workspace = await openTestWorkspace();
  dir = mkdtempSync(join(tmpdir(), "skein-lists-bad-"));
});
afterEach(async () => {
  await workspace.close();
});

async function expectNothingStored(): Promise<void> {
  expect(await listSnapshots(workspace.db)).toEqual([]);
  const row = await workspace.db
    .selectFrom("list_entries")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  expect(Number(row.n)).toBe(0);
}

describe("bad list input", () => {
  it("truncated XML: LISTS_BAD_XML with the file and line", async () => {
    const text = readFileSync(fixture("sdn.xml"), "utf8");
    const path = join(dir, "sdn.xml");
    writeFileSync(path, text.slice(0, Math.floor(text.length * 0.6)));
    const error = await errorOf(() => loadLists(workspace.db, [path], {}));
    expect(error.code).toBe("LISTS_BAD_XML");
    expect(error.details?.file).toBe(path);
    expect(error.details?.line).toBeGreaterThan(10);
    await expectNothingStored();
  });

  it("CSV row with the wrong column count: LISTS_BAD_ROW with the file and line; a good file in the same load is not stored either", async () => {
    const set = join(dir, "set");
    cpSync(fixture("ofac-csv"), set, { recursive: true });
    const lines = readFileSync(join(set, "add.csv"), "latin1").split("\r\n");
    lines[2] = lines[2].replace(/,-0- $/, "");
    writeFileSync(join(set, "add.csv"), lines.join("\r\n"), "latin1");
    const error = await errorOf(() => loadLists(workspace.db, [fixture("sdn.xml"), set], {}));
    expect(error.code).toBe("LISTS_BAD_ROW");
    expect(error.details?.file).toBe(join(set, "add.csv"));
    expect(error.details?.line).toBe(3);
    expect(error.details?.issues).toHaveLength(1);
    await expectNothingStored();
  });

  it("reports every bad row, not only the first", async () => {
    const set = join(dir, "set");
    cpSync(fixture("ofac-csv"), set, { recursive: true });
    const lines = readFileSync(join(set, "alt.csv"), "latin1").split("\r\n");
    lines[0] = lines[0].replace(/,-0- $/, "");
    lines[1] = `x${lines[1]}`;
    writeFileSync(join(set, "alt.csv"), lines.join("\r\n"), "latin1");
    const error = await errorOf(() => loadLists(workspace.db, [set], {}));
    expect(error.code).toBe("LISTS_BAD_ROW");
    const issues = (error.details?.issues ?? []) as string[];
    expect(issues.map((i) => i.replace(/:.*$/, ""))).toEqual([join(set, "alt.csv"), join(set, "alt.csv")]);
    await expectNothingStored();
  });

  it("a file given under the wrong --format: LISTS_WRONG_FORMAT naming the file", async () => {
    const error = await errorOf(() => loadLists(workspace.db, [fixture("eu-fsf.xml")], { format: "un-xml" }));
    expect(error.code).toBe("LISTS_WRONG_FORMAT");
    expect(error.details?.file).toBe(fixture("eu-fsf.xml"));
    expect(error.message).toMatch(/eu-fsf-xml/);
    const unknown = await errorOf(() => loadLists(workspace.db, [fixture("eu-fsf.xml")], { format: "nope" }));
    expect(unknown.code).toBe("LISTS_UNKNOWN_FORMAT");
    await expectNothingStored();
  });

  it("an XLSX that is not the UK layout: LISTS_BAD_LAYOUT naming the file and sheet", async () => {
    const { default: Excel } = await import("exceljs");
    const workbook = new Excel.Workbook();
    const sheet = workbook.addWorksheet("Customers");
    sheet.addRow(["Company", "Country", "Since"]);
    sheet.addRow(["Invented Widgets Ltd", "United Kingdom", "2020"]);
    const path = join(dir, "customers.xlsx");
    await workbook.xlsx.writeFile(path);
    const error = await errorOf(() => loadLists(workspace.db, [path], {}));
    expect(error.code).toBe("LISTS_BAD_LAYOUT");
    expect(error.details?.file).toBe(path);
    expect(String(error.details?.record)).toMatch(/Customers/);
    await expectNothingStored();
  });

  it("a list of zero entries: LISTS_EMPTY naming the file", async () => {
    const xml = join(dir, "consolidated.xml");
    writeFileSync(
      xml,
      '<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">\n<INDIVIDUALS/>\n<ENTITIES/>\n</CONSOLIDATED_LIST>\n',
    );
    const error = await errorOf(() => loadLists(workspace.db, [xml], {}));
    expect(error.code).toBe("LISTS_EMPTY");
    expect(error.details?.file).toBe(xml);

    const csv = join(dir, "sdn.csv");
    writeFileSync(csv, Buffer.from([0x1a]));
    const empty = await errorOf(() => loadLists(workspace.db, [csv], {}));
    expect(empty.code).toBe("LISTS_EMPTY");
    expect(empty.details?.file).toBe(csv);
    await expectNothingStored();
  });

  it("a missing path and an unknown file: LISTS_PATH_MISSING, LISTS_UNKNOWN_FORMAT", async () => {
    expect((await errorOf(() => loadLists(workspace.db, [join(dir, "nope.csv")], {}))).code).toBe(
      "LISTS_PATH_MISSING",
    );
    const other = join(dir, "notes.csv");
    copyFileSync(fixture("eu-fsf.xml"), other);
    writeFileSync(other, "name,city\nAlpha,Beta\n");
    expect((await errorOf(() => loadLists(workspace.db, [other], {}))).code).toBe("LISTS_UNKNOWN_FORMAT");
    await expectNothingStored();
  });
});

describe("bounds of a list read", () => {
  it("a read past its time limit stops with LISTS_TIMEOUT naming the file; nothing stored", async () => {
    const error = await errorOf(() =>
      loadLists(workspace.db, [fixture("sdn.xml")], { limits: { maxSeconds: 0 } }),
    );
    expect(error.code).toBe("LISTS_TIMEOUT");
    expect(error.details?.file).toBe(fixture("sdn.xml"));
    await expectNothingStored();
  });

  it("the same file under the default limits loads", async () => {
    const [result] = await loadLists(workspace.db, [fixture("sdn.xml")]);
    expect(result.snapshot.entryCount).toBe(3);
  });
});
