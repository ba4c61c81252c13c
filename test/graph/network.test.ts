import { describe, expect, it } from "vitest";
import { buildNetwork, edgeKeyOf } from "../../src/graph/index.js";
import { caseView, claim, entity, source } from "../fixtures/graph/case.js";

const parties = [
  entity("a", "Amberline Tools"),
  entity("b", "Borvik Trade"),
  entity("k", "Kestrel Arms", "Company", "2024-03-01"),
];

describe("buildNetwork", () => {
  it("aggregates claims per (subject, predicate, object) with counts, strongest certainty and period", () => {
    const view = caseView(parties, [
      claim("a", "supplies", "b", {
        source: "s1",
        certainty: "assessed",
        period: ["2023-01-01", "2023-03-31"],
      }),
      claim("a", "supplies", "b", {
        source: "s2",
        certainty: "stated",
        period: ["2023-06-01", "2023-06-30"],
      }),
      claim("a", "supplies", "b", { source: "s2", certainty: "reported" }),
      claim("a", "pays", "b", { source: "s3" }),
    ]);
    const network = buildNetwork(view, undefined);
    expect(network.order).toBe(3);
    expect(network.size).toBe(2);
    const edge = network.getEdgeAttributes(edgeKeyOf("a", "supplies", "b"));
    expect(edge.claimCount).toBe(3);
    expect(edge.sourceCount).toBe(2);
    expect(edge.certainty).toBe("stated");
    expect(edge.period).toEqual({ start: "2023-01-01", end: "2023-06-30" });
    expect(edge.evidence.map((e) => e.certainty)).toEqual(["stated", "reported", "assessed"]);
    // s1 best assessed 0.6, s2 best stated 1.0: 1 - (1 - 0.75·0.6)(1 - 0.75·1.0)
    expect(edge.strength).toBeCloseTo(1 - 0.55 * 0.25, 10);
    expect(network.getEdgeAttributes(edgeKeyOf("a", "pays", "b")).strength).toBeCloseTo(0.6, 10);
  });

  it("counts the same publisher or the same original document once", () => {
    const sources = [
      source("s1", "Alpha Wire"),
      source("s2", "ALPHA wire"),
      source("s3", null, { url: "https://www.example.org/story?ref=x", title: null }),
      source("s4", null, { url: "http://example.org/story", title: null }),
      source("s5", "Delta Herald", { title: "Report s1" }),
      source("s6", "Omega Journal", { title: null }),
    ];
    const claims = ["s1", "s2", "s3", "s4", "s5", "s6"].map((s) =>
      claim("a", "supplies", "b", { source: s }),
    );
    const edge = buildNetwork(caseView(parties, claims, sources), undefined).getEdgeAttributes(
      edgeKeyOf("a", "supplies", "b"),
    );
    expect(edge.claimCount).toBe(6);
    // {s1, s2, s5 (same title as s1)}, {s3, s4 (same address)}, {s6}
    expect(edge.sourceCount).toBe(3);
  });

  it("leaves rejected claims out and keeps denials apart from exposure", () => {
    const view = caseView(parties, [
      claim("a", "supplies", "k", { status: "rejected" }),
      claim("b", "pays", "k", { certainty: "denied" }),
      claim("b", "supplies", "k", { certainty: "denied" }),
      claim("b", "supplies", "k", { certainty: "unverified" }),
    ]);
    const network = buildNetwork(view, undefined);
    expect(network.hasEdge(edgeKeyOf("a", "supplies", "k"))).toBe(false);
    const denied = network.getEdgeAttributes(edgeKeyOf("b", "pays", "k"));
    expect(denied).toMatchObject({ claimCount: 0, exposure: false, strength: 0, sourceCount: 0 });
    expect(denied.denials).toHaveLength(1);
    const weak = network.getEdgeAttributes(edgeKeyOf("b", "supplies", "k"));
    expect(weak).toMatchObject({ claimCount: 1, exposure: true, certainty: "unverified" });
    expect(weak.denials).toHaveLength(1);
    expect(network.getAttribute("claimsRejected")).toBe(1);
  });

  it("flags a supply or payment dated after the counterparty's listing date", () => {
    const view = caseView(parties, [
      claim("b", "supplies", "k", { period: ["2024-01-01", "2024-02-28"] }),
      claim("b", "pays", "k", { period: ["2024-04-01", "2024-04-30"] }),
      claim("k", "supplies", "a", { period: ["2024-05-01", "2024-05-02"] }),
      claim("b", "owns", "k", { period: ["2024-05-01", "2024-05-02"] }),
    ]);
    const network = buildNetwork(view, undefined);
    expect(network.getEdgeAttribute(edgeKeyOf("b", "supplies", "k"), "afterListing")).toEqual([]);
    const flags = network.getEdgeAttribute(edgeKeyOf("b", "pays", "k"), "afterListing");
    expect(flags).toEqual([
      {
        claimId: expect.any(String),
        entityId: "k",
        listingDate: "2024-03-01",
        authority: "ofac",
        claimDate: "2024-04-30",
      },
    ]);
    expect(network.getEdgeAttribute(edgeKeyOf("k", "supplies", "a"), "afterListing")[0].entityId).toBe("k");
    expect(network.getEdgeAttribute(edgeKeyOf("b", "owns", "k"), "afterListing")).toEqual([]);
  });

  it("filters claims by period: as of a date, or between two dates", () => {
    const claims = [
      claim("a", "supplies", "b", { period: ["2022-01-01", "2022-12-31"] }),
      claim("a", "pays", "b", { period: ["2024-01-01", "2024-03-31"] }),
      claim("b", "supplies", "k"),
    ];
    const view = caseView(parties, claims, [source("s1", "Alpha Wire", { published: "2025-01-15" })]);
    const keys = (filter: Parameters<typeof buildNetwork>[1]) => buildNetwork(view, filter).edges().sort();
    expect(keys({ asOf: "2023" })).toEqual([edgeKeyOf("a", "supplies", "b")]);
    // The undated claim counts from its source's publication date.
    expect(keys({ asOf: "2025-02" })).toHaveLength(3);
    expect(keys({ between: ["2023-06", "2024-01-15"] })).toEqual([edgeKeyOf("a", "pays", "b")]);
    expect(buildNetwork(view, { asOf: "2023" }).getAttribute("claimsFilteredOut")).toBe(2);
  });

  it.each([
    [{ asOf: "2024-13-01" }],
    [{ asOf: "last year" }],
    [{ asOf: "2023-02-30" }],
    [{ between: ["2024-05-01", "2024-01-01"] as [string, string] }],
    [{ asOf: "2024", between: ["2023", "2024"] as [string, string] }],
  ])("rejects a bad period filter %j with GRAPH_BAD_DATE", (filter) => {
    expect(() => buildNetwork(caseView(parties, []), filter)).toThrow(
      expect.objectContaining({ code: "GRAPH_BAD_DATE" }),
    );
  });

  it("treats a claim about an entity missing from the view as a Skein bug", () => {
    expect(() => buildNetwork(caseView(parties, [claim("a", "supplies", "zz")]), undefined)).toThrow(
      expect.objectContaining({ code: "INTERNAL_INVARIANT" }),
    );
  });
  it("counts documents, and claims two texts relay from one outlet as one independent origin", () => {
    const relayed = "according to documents reviewed by the Northwind Ledger";
    const claims = [
      claim("a", "supplies", "b", { source: "s1", attribution: relayed }),
      claim("a", "supplies", "b", { source: "s2", attribution: "according to Northwind Ledger" }),
      claim("a", "pays", "b", { source: "s1", attribution: "according to European officials" }),
      claim("a", "pays", "b", { source: "s2", attribution: "according to Ukrainian officials" }),
    ];
    const network = buildNetwork(caseView(parties, claims), undefined);
    const supply = network.getEdgeAttributes(edgeKeyOf("a", "supplies", "b"));
    expect(supply).toMatchObject({ claimCount: 2, documentCount: 2, sourceCount: 1 });
    expect(new Set(supply.evidence.map((e) => e.origin))).toEqual(new Set(["r:northwind ledger"]));
    // A nationality names no outlet: the two publishers stay two origins.
    expect(network.getEdgeAttributes(edgeKeyOf("a", "pays", "b"))).toMatchObject({
      documentCount: 2,
      sourceCount: 2,
    });
  });

  it("flags a link whose predicate cannot join the two types and never lets exposure travel along it", () => {
    const view = caseView(
      [...parties, entity("p", "Pavel Testov", "Person"), entity("q", "Port Ossery", "Place")],
      [claim("k", "member_of", "p"), claim("p", "member_of", "k"), claim("q", "supplies", "k")],
    );
    const network = buildNetwork(view, undefined);
    expect(network.getEdgeAttributes(edgeKeyOf("k", "member_of", "p"))).toMatchObject({
      contradicts: true,
      exposure: false,
    });
    expect(network.getEdgeAttributes(edgeKeyOf("p", "member_of", "k"))).toMatchObject({
      contradicts: false,
      exposure: true,
    });
    expect(network.getEdgeAttributes(edgeKeyOf("q", "supplies", "k")).contradicts).toBe(true);
    expect(network.getNodeAttribute("q", "role")).toBe("context");
  });
});
