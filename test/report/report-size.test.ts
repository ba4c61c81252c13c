// The report of a case too big to read whole: the first screen tells the case, each section shows its
// first rows (what matters first) and names the CSV export holding every row, in the same order.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildNetwork } from "../../src/graph/index.js";
import {
  buildInvestigation,
  type Investigation,
  REPORT_DEFAULTS,
  writeReports,
} from "../../src/report/index.js";
import { caseView, claim, entity } from "../fixtures/graph/case.js";

/** 100 listed firms; 30 unlisted suppliers, three to each of the first ten; every listing dated. */
function bigCase() {
  const listed = Array.from({ length: 100 }, (_, i) =>
    entity(`s${i}`, `Listed Works ${String(i).padStart(3, "0")}`, "Company", "2023-01-01"),
  );
  const suppliers = Array.from({ length: 30 }, (_, i) =>
    entity(`u${i}`, `Supplier ${String(i).padStart(2, "0")}`),
  );
  const claims = suppliers.map((u, i) =>
    claim(u.id, "supplies", `s${(i * 7) % 10}`, {
      source: `s${1 + (i % 3)}`,
      period: ["2024-01-01", "2024-03-31"],
    }),
  );
  const view = caseView([...listed, ...suppliers], claims);
  return { view, network: buildNetwork(view, undefined) };
}

let inv: Investigation;
let dir: string;
const read = (name: string) => readFileSync(join(dir, name), "utf8");
const csv = (name: string) => parseCsv(read(name), { columns: true }) as Array<Record<string, string>>;

beforeAll(() => {
  const { view, network } = bigCase();
  inv = buildInvestigation(view, network, { title: "Big case", generatedAt: "2025-03-01T12:00:00.000Z" });
  dir = mkdtempSync(join(tmpdir(), "skein-report-size-"));
  writeReports(inv, dir);
});

describe("a report at any size", () => {
  it("leads with the sanctioned parties unsanctioned ones are exposed to, and counts the rest", () => {
    const limit = REPORT_DEFAULTS.limits.sanctioned;
    expect(inv.sanctioned.slice(0, 10).every((s) => s.exposedBy === 3)).toBe(true);
    expect(inv.sanctioned[10].exposedBy).toBe(0);
    const { document } = parseHTML(read("report.html"));
    const rows = [...document.querySelectorAll("#sanctioned-parties ~ table")][0].querySelectorAll(
      "tbody tr",
    );
    expect(rows).toHaveLength(limit);
    expect(rows[0].textContent).toMatch(/Listed Works 00\d.*Supplier/);
    expect(document.body.textContent).toContain(`${100 - limit} more sanctioned parties in sanctioned.csv.`);
  });

  it("tells the case on its first screen: the brief and the contents come before any section", () => {
    const { document } = parseHTML(read("report.html"));
    const body = [...document.body.children];
    const brief = body.findIndex((e) => e.id === "the-case-in-brief");
    const contents = body.findIndex((e) => e.matches("nav.contents"));
    const first = body.findIndex((e) => e.id === "sanctioned-parties");
    expect(brief).toBeGreaterThan(0);
    expect(contents).toBe(brief + 2);
    expect(first).toBe(contents + 1);
    const brief_ = body[brief + 1].textContent ?? "";
    expect(brief_).toMatch(
      /100 sanctioned parties matched to list entries; unsanctioned parties have exposure paths to 10 of them, most to Listed Works 00\d \(3\)/,
    );
    expect(brief_).toMatch(/30 designation candidates/);
    const items = [...document.querySelectorAll("nav.contents li")].map((li) => li.textContent);
    expect(items[0]).toBe(
      `Sanctioned parties — 100 (first ${REPORT_DEFAULTS.limits.sanctioned} here, all in sanctioned.csv)`,
    );
    expect(items[1]).toBe(
      `Designation candidates — 30 (first ${REPORT_DEFAULTS.limits.candidates} here, all in candidates.csv)`,
    );
  });

  it("keeps the exports complete and in the report's order", () => {
    const sanctioned = csv("sanctioned.csv");
    expect(sanctioned.map((r) => r.entity_id)).toEqual(inv.sanctioned.map((s) => s.entity.id));
    expect(sanctioned[0]).toMatchObject({ exposed_parties: "3", list_entries: expect.stringMatching(/^9/) });
    expect(sanctioned[0].strongest_path).toMatch(/^Supplier \d\d —supplies→ Listed Works/);
    expect(csv("candidates.csv").map((r) => r.entity_id)).toEqual(inv.candidates.map((c) => c.entity.id));
    expect(csv("paths.csv")).toHaveLength(30);
    expect(csv("links.csv")).toHaveLength(inv.network.size);
    expect(csv("links.csv").filter((r) => r.after_listing === "yes")).toHaveLength(30);
    expect(csv("timeline.csv")).toHaveLength(inv.timeline.length);
    expect(csv("focal-points.csv").map((r) => r.entity_id)).toEqual(inv.focalPoints.map((f) => f.entity.id));
    expect(csv("sources.csv").map((r) => r.claims)).toEqual(["10", "10", "10"]);
  });

  it("says the same in Markdown, with the contents linking each section", () => {
    const md = read("report.md");
    expect(md).toContain(
      `${100 - REPORT_DEFAULTS.limits.sanctioned} more sanctioned parties in sanctioned.csv.`,
    );
    expect(md).toContain("- [Sanctioned parties](#sanctioned-parties) — 100 (first");
    expect(md.indexOf("**Contents**")).toBeLessThan(md.indexOf("## Sanctioned parties"));
  });
});
