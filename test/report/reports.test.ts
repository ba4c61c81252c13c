import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import followthemoney from "@opensanctions/followthemoney";
import { parse as parseCsv } from "csv-parse/sync";
import { parseHTML } from "linkedom";
import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, it } from "vitest";
import { buildNetwork } from "../../src/graph/index.js";
import {
  buildInvestigation,
  EXPORTS,
  escapeHtml,
  escapeMarkdown,
  safeUrl,
  writeReports,
} from "../../src/report/index.js";
import { caseView, entity } from "../fixtures/graph/case.js";
import {
  claims,
  entities,
  FORMULA_QUOTE,
  HOSTILE_NAME,
  HOSTILE_QUOTE,
  network,
  sources,
  view,
} from "../fixtures/report/case.js";

const GENERATED = "2025-03-01T12:00:00.000Z";
/** Two analysts' decisions, the first undone by the third. */
const DECISIONS: Decision[] = [
  {
    id: 1,
    at: "2025-02-10T09:00:00.000Z",
    by: "ann",
    action: "merge",
    target: { a: "case_a", b: "case_b" },
    why: "same <tax> id",
    supersededBy: 3,
  },
  {
    id: 2,
    at: "2025-02-11T10:30:00.000Z",
    by: "bo",
    action: "confirm",
    target: { match: "m1", entity: "case_k", entry: "ofac-sdn-91107" },
    why: null,
    supersededBy: null,
  },
  {
    id: 3,
    at: "2025-02-12T11:00:00.000Z",
    by: "ann",
    action: "undo",
    target: { decision: "1" },
    why: null,
    supersededBy: null,
  },
];
let dir: string;
const read = (name: string) => readFileSync(join(dir, name), "utf8");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "skein-report-"));
  writeReports(
    buildInvestigation(view, network, {
      title: "Case <Ossery>",
      generatedAt: GENERATED,
      decisions: DECISIONS,
    }),
    dir,
  );
});

describe("writeReports", () => {
  it("writes every registered format", () => {
    expect(EXPORTS.map((f) => f.filename).sort()).toEqual(
      [
        "claims.csv",
        "entities.ftm.json",
        "network.gexf",
        "network.graphml",
        "report.html",
        "report.md",
        "summary.json",
        "sanctioned.csv",
        "candidates.csv",
        "paths.csv",
        "links.csv",
        "intermediaries.csv",
        "focal-points.csv",
        "timeline.csv",
        "sources.csv",
      ].sort(),
    );
    for (const f of EXPORTS) expect(read(f.filename).length).toBeGreaterThan(50);
  });

  it("writes the same bytes for the same case", () => {
    const again = mkdtempSync(join(tmpdir(), "skein-report-"));
    writeReports(
      buildInvestigation(view, network, {
        title: "Case <Ossery>",
        generatedAt: GENERATED,
        decisions: DECISIONS,
      }),
      again,
    );
    for (const f of EXPORTS) expect(readFileSync(join(again, f.filename), "utf8")).toBe(read(f.filename));
  });

  it("fails with REPORT_WRITE_FAILED when the folder cannot be made", () => {
    const file = join(mkdtempSync(join(tmpdir(), "skein-report-")), "plain-file");
    writeFileSync(file, "x");
    const inv = buildInvestigation(view, network, undefined);
    expect(() => writeReports(inv, join(file, "out"))).toThrow(
      expect.objectContaining({ code: "REPORT_WRITE_FAILED" }),
    );
  });
});

describe("summary.json", () => {
  it("has the documented shape and values", () => {
    const summary = JSON.parse(read("summary.json"));
    expect(Object.keys(summary)).toEqual([
      "sources",
      "entities",
      "claims",
      "sanctioned",
      "candidatesTotal",
      "candidates",
      "intermediaries",
      "focalPoints",
    ]);
    expect(summary).toMatchObject({ sources: 3, entities: 9, claims: claims.length });
    expect(summary.sanctioned.map((s: { entity: { caption: string } }) => s.entity.caption)).toEqual([
      "Borvik Trade",
      "Kestrel Arms",
    ]);
    expect(summary.sanctioned[1].matches).toEqual([
      { authority: "ofac", authorityId: "91107", list: "sdn", program: "RUSSIA-EO14024", score: 0.97 },
    ]);
    const candidate = summary.candidates.find((c: { entity: { id: string } }) => c.entity.id === "a");
    expect(Object.keys(candidate)).toEqual(["entity", "score", "claims", "documents", "origins", "paths"]);
    expect(summary.candidatesTotal).toBe(summary.candidates.length);
    const hop = candidate.paths[0][0];
    expect(Object.keys(hop)).toEqual([
      "from",
      "to",
      "predicate",
      "subject",
      "object",
      "forward",
      "quote",
      "source",
    ]);
    expect(hop).toMatchObject({
      from: { id: "a", caption: HOSTILE_NAME },
      to: { id: "b" },
      predicate: "supplies",
      subject: { id: "a" },
      object: { id: "b" },
      forward: true,
    });
    expect(hop.source.id).toBe("s2");
    expect(summary.candidates.map((c: { entity: { id: string } }) => c.entity.id)).not.toContain("k");
    expect(summary.focalPoints[0]).toMatchObject({ entity: { id: "b" } });
  });
});

describe("report.html", () => {
  it("renders document text as text, never as markup", () => {
    const html = read("report.html");
    const { document } = parseHTML(html);
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(document.querySelectorAll("img")).toHaveLength(0);
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        expect(attribute.name.startsWith("on")).toBe(false);
        expect(attribute.value.toLowerCase()).not.toMatch(/^\s*javascript:/);
      }
    }
    const text = document.body.textContent ?? "";
    expect(text).toContain(HOSTILE_NAME);
    expect(text).toContain(HOSTILE_QUOTE);
    expect(document.querySelector("title")?.textContent).toBe("Case <Ossery>");
    expect(document.querySelector('a[href="https://example.org/a?b=1&c=2"]')).not.toBeNull();
  });

  it("says who decided what, newest first, with undone decisions marked and their reasons escaped", () => {
    const { document } = parseHTML(read("report.html"));
    const rows = [...document.querySelectorAll("#analyst-decisions ~ table")][0].querySelectorAll("tbody tr");
    const cells = [...rows].map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent));
    expect(cells.map((c) => c.slice(0, 4))).toEqual([
      ["3", "2025-02-12 11:00", "ann", "undo"],
      ["2", "2025-02-11 10:30", "bo", "confirm"],
      ["1", "2025-02-10 09:00", "ann", "merge (undone by 3)"],
    ]);
    expect(cells[1][4]).toBe("case_k as list entry ofac-sdn-91107");
    expect(cells[2][5]).toBe("same <tax> id");
    expect(read("report.html")).toContain("same &lt;tax&gt; id");
    expect(read("report.md")).toMatch(/## Analyst decisions\n\n3 decisions by ann, bo, 1 of them undone/);
  });

  it("has every section, the network picture, and a note for every reference", () => {
    const { document } = parseHTML(read("report.html"));
    const ids = [...document.querySelectorAll("h2")].map((h) => h.id);
    expect(ids).toEqual([
      "the-case-in-brief",
      "sanctioned-parties",
      "designation-candidates",
      "exposure-paths",
      "links-dated-after-a-listing",
      "intermediaries",
      "focal-points",
      "weak-spots",
      "analyst-decisions",
      "network",
      "timeline",
      "sources",
      "notes",
    ]);
    // The contents, right after the brief, link every section after it.
    const contents = [...document.querySelectorAll("nav.contents a")].map((a) => a.getAttribute("href"));
    expect(contents).toEqual(ids.slice(1).map((id) => `#${id}`));
    const svg = document.querySelector('svg[role="img"]')!;
    expect(svg.querySelectorAll("circle")).toHaveLength(9);
    // Every link drawn carries its predicate as a label, readable on paper.
    const labels = [...svg.querySelectorAll("text.link-label")].map((t) => t.textContent);
    expect(labels).toHaveLength(svg.querySelectorAll("line").length);
    expect(labels).toEqual(expect.arrayContaining(["supplies", "owns", "directs"]));
    const refs = [...document.querySelectorAll("sup a")].map((a) => a.getAttribute("href"));
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(document.querySelector(ref!)).not.toBeNull();
    const notes = [...document.querySelectorAll("ol.notes li")].map((li) => li.textContent ?? "");
    expect(
      notes.some((n) => n.includes(HOSTILE_QUOTE) && n.includes("reported") && n.includes("Alpha Wire")),
    ).toBe(true);
    expect(notes.some((n) => n.includes("OFAC sdn entry 91107"))).toBe(true);
    const weak = document.querySelector("#weak-spots + p + ul")!.textContent!;
    expect(weak).toMatch(
      /Orin Capital owns Borvik Trade \[\d+\] \(1 claim, 1 document, 1 origin, reported\) — one origin/,
    );
    // A link its types contradict (a company "employs" a company) is listed, never relied on.
    expect(weak).toMatch(
      /Kestrel Arms employs Borvik Trade.*types contradict the predicate \(Company → Company\)\n/,
    );
    expect(weak).not.toContain("Tools supplies Borvik Trade");
    const timeline = document.querySelector("#timeline + p + ul")!.textContent!;
    expect(timeline).toMatch(/2024-03-01: Kestrel Arms listed by OFAC/);
    expect(timeline).toMatch(
      /2024-04-01 – 2024-06-30.*Borvik Trade supplies Kestrel Arms.*after the counterparty's listing/,
    );
  });

  it("caps sections for huge cases and says what it cut", () => {
    const inv = buildInvestigation(view, network, {
      generatedAt: GENERATED,
      limits: { paths: 1, picture: 3 },
    });
    expect(inv.cuts).toEqual([
      { section: "exposure paths", shown: 1, total: inv.paths.length, export: "paths.csv" },
      { section: "network picture", shown: 3, total: 9, export: null },
    ]);
    expect(
      inv.picture.nodes
        .slice(0, 2)
        .map((n) => n.id)
        .sort(),
    ).toEqual(["b", "k"]);
  });

  it("does not count as cut the parties the picture leaves out because no claim links them", () => {
    const idle = [entity("z1", "Quiet Holding"), entity("z2", "Idle Person", "Person")];
    const padded = caseView([...entities, ...idle], claims, sources);
    const inv = buildInvestigation(padded, buildNetwork(padded, undefined), {
      generatedAt: GENERATED,
      limits: { picture: 9 },
    });
    expect(inv.counts.entities).toBe(11);
    expect(inv.picture.linked).toBe(9);
    expect(inv.picture.nodes.map((n) => n.id)).not.toContain("z1");
    expect(inv.cuts.map((c) => c.section)).not.toContain("network picture");
  });
});

describe("report.md", () => {
  it("carries the same sections with escaped text and defined footnotes", () => {
    const md = read("report.md");
    expect(md).not.toMatch(/<script|<img|<b>/i);
    expect(md).toContain("&lt;script&gt;");
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toHaveLength(13);
    // The contents link each section by the anchor Markdown renderers derive from its heading.
    const anchors = [...md.matchAll(/^- \[[^\]]+\]\(#([a-z-]+)\)/gm)].map((m) => m[1]);
    expect(anchors).toEqual(headings.slice(1).map((h) => h.slice(3).toLowerCase().replace(/ /g, "-")));
    const refs = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
    const defined = new Set([...md.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => m[1]));
    expect(refs.size).toBeGreaterThan(5);
    expect(defined).toEqual(refs);
    expect(md).not.toContain("javascript:alert(1))");
  });
});

describe("entities.ftm.json", () => {
  const model = new followthemoney.Model(followthemoney.defaultModel);
  const lines = () =>
    read("entities.ftm.json")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));

  it("loads every line in the FtM model, with valid ids and references that fit their ranges", () => {
    const rows = lines();
    const entities = rows.map((row) => model.getEntity(row));
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.size).toBe(entities.length);
    for (const e of entities) {
      expect(e.id).toMatch(/^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/);
      expect(e.schema.abstract).toBe(false);
      for (const property of e.getProperties()) {
        if (property.type.name !== "entity") continue;
        for (const value of e.getProperty(property)) {
          const target = byId.get(String(value));
          expect(target, `${e.id}.${property.name} → ${value}`).toBeDefined();
          expect(target!.schema.isA(property.getRange())).toBe(true);
        }
      }
    }
  });

  it("maps links to FtM edges, sources to Documents and list entries to Sanctions", () => {
    const rows = lines();
    const count = (schema: string) => rows.filter((r) => r.schema === schema).length;
    expect(count("Document")).toBe(3);
    expect(count("Ownership")).toBe(1);
    expect(count("Directorship")).toBe(1);
    expect(count("Representation")).toBe(1);
    expect(count("Membership")).toBe(1);
    expect(count("Sanction")).toBe(3);
    expect(count("Documentation")).toBeGreaterThan(5);
    const employment = rows.filter((r) => r.schema === "Employment");
    expect(employment).toHaveLength(1);
    expect(employment[0].properties).toMatchObject({ employee: ["p"], employer: ["b"] });
    const payment = rows.find((r) => r.schema === "Payment");
    expect(payment.properties).toMatchObject({
      payer: ["a"],
      beneficiary: ["b"],
      amount: ["5000000"],
      currency: ["CNY"],
    });
    const unknown = rows
      .filter((r) => r.schema === "UnknownLink")
      .map((r) => r.properties.role[0])
      .sort();
    // A company cannot be FtM's employee, so that link stays an UnknownLink; denied and rejected claims are absent.
    expect(unknown).toEqual(["develops", "employs", "located in", "supplies", "supplies"]);
    expect(rows.find((r) => r.id === "d").schema).toBe("Asset");
    expect(rows.find((r) => r.id === "q").schema).toBe("Address");
    expect(rows.find((r) => r.id === "k").properties.topics).toEqual(["sanction"]);
    // Who confirmed each list match is named, as the decision log recorded it.
    const fromLists = rows.filter(
      (r) => r.schema === "Sanction" && String(r.properties.summary[0]).startsWith("match score"),
    );
    expect(fromLists.length).toBeGreaterThan(0);
    for (const sanction of fromLists) {
      expect(sanction.properties.summary[0]).toBe("match score 0.97, confirmed by ana.reviewer");
    }
    const leak = rows.find(
      (r) =>
        r.schema === "Document" &&
        r.properties.publisher?.[0] === "Alpha Wire" &&
        r.properties.title[0].startsWith("Leak"),
    );
    expect(leak.properties.sourceUrl).toBeUndefined();
  });
});

describe("network.graphml and network.gexf", () => {
  function parseXml(text: string) {
    const parser = new SaxesParser({ xmlns: true });
    const counts: Record<string, number> = {};
    const labels: string[] = [];
    parser.on("opentag", (tag) => {
      counts[tag.local] = (counts[tag.local] ?? 0) + 1;
      const label = tag.attributes.label;
      if (label && typeof label === "object" && tag.local === "node") labels.push(label.value);
    });
    parser.on("text", (t) => {
      if (t.includes("<script>")) labels.push(t);
    });
    parser.write(text).close();
    return { counts, labels };
  }

  it("GraphML parses back with one node per entity and one edge per link", () => {
    const { counts, labels } = parseXml(read("network.graphml"));
    expect(counts.node).toBe(network.order);
    expect(counts.edge).toBe(network.size);
    expect(labels).toContain(HOSTILE_NAME);
  });

  it("GEXF parses back with one node per entity and one edge per link", () => {
    const { counts, labels } = parseXml(read("network.gexf"));
    expect(counts.node).toBe(network.order);
    expect(counts.edge).toBe(network.size);
    expect(labels).toContain(HOSTILE_NAME);
  });
});

describe("claims.csv", () => {
  it("has one properly quoted row per claim", () => {
    const rows = parseCsv(read("claims.csv"), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(claims.length);
    const hostile = rows.find((r) => r.quote === HOSTILE_QUOTE)!;
    expect(hostile).toMatchObject({
      subject: HOSTILE_NAME,
      object: "Borvik Trade",
      predicate: "supplies",
      period_start: "2023-04-01",
    });
    expect(rows.find((r) => r.predicate === "owns")!.quote).toBe(`'${FORMULA_QUOTE}`);
    expect(rows.find((r) => r.status === "rejected")).toBeDefined();
    expect(rows.find((r) => r.predicate === "pays" && r.amount)!).toMatchObject({
      amount: "5000000",
      currency: "CNY",
    });
  });
});

describe("escapeHtml", () => {
  it.each([
    ["<script>", "&lt;script&gt;"],
    [`" onerror='x'`, "&quot; onerror=&#39;x&#39;"],
    ["a & b", "a &amp; b"],
    ["bell\u0007 and \uD800 lone", "bell and  lone"],
    ["tab\tline\nok", "tab\tline\nok"],
  ])("escapes %j", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe("escapeMarkdown and safeUrl", () => {
  it("escapes Markdown marks before HTML, and lets only http(s) addresses be links", () => {
    expect(escapeMarkdown("*a* [b](javascript:x) <i>'#1\nnext")).toBe(
      "\\*a\\* \\[b\\](javascript:x) &lt;i&gt;'\\#1 next",
    );
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl(" data:text/html,<b>")).toBeNull();
    expect(safeUrl("https://example.org/x?y=1")).toBe("https://example.org/x?y=1");
  });
});
