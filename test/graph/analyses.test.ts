import { describe, expect, it } from "vitest";
import {
  ANALYSES,
  buildNetwork,
  egoNetwork,
  findAnalysis,
  findCandidates,
  findExposurePaths,
  findFocalPoints,
  findIntermediaries,
} from "../../src/graph/index.js";
import { caseView, claim, entity } from "../fixtures/graph/case.js";

// a ⇒ b ⇒ k (sanctioned), c ~ a, p visits k, e's payment to k is denied, q is a place both sit in.
const entities = [
  entity("a", "Amberline Tools"),
  entity("b", "Borvik Trade"),
  entity("c", "Cindral Holdings"),
  entity("k", "Kestrel Arms", "Company", "2024-03-01"),
  entity("p", "Pavel Testov", "Person"),
  entity("e", "Elmira Logistics"),
  entity("q", "Port Ossery", "Place"),
];
const claims = [
  claim("a", "supplies", "b", { source: "s1", quote: "Amberline <b>shipped</b> parts to Borvik" }),
  claim("a", "supplies", "b", { source: "s2", certainty: "stated" }),
  claim("b", "supplies", "k", { source: "s1", period: ["2024-04-01", "2024-06-30"] }),
  claim("b", "intermediary_for", "k", { source: "s3", certainty: "assessed" }),
  claim("p", "visits", "k", { source: "s1", certainty: "stated" }),
  claim("c", "associate", "a", { source: "s2", certainty: "alleged" }),
  claim("e", "pays", "k", { source: "s3", certainty: "denied" }),
  claim("a", "located_in", "q", { source: "s1" }),
  claim("k", "located_in", "q", { source: "s1" }),
];
const network = buildNetwork(caseView(entities, claims), undefined);

describe("findExposurePaths", () => {
  it("finds the best path of every exposed entity, ranked by its weakest link", () => {
    const paths = findExposurePaths(network);
    expect(paths.map((p) => [p.from, p.to, p.hops.length, Number(p.score.toFixed(4))])).toEqual([
      ["b", "k", 1, 0.6],
      ["a", "k", 2, 0.6],
      ["c", "k", 3, 0.3],
    ]);
    const [, viaB] = paths;
    expect(viaB.hops.map((h) => [h.from, h.to, h.predicate, h.forward])).toEqual([
      ["a", "b", "supplies", true],
      ["b", "k", "supplies", true],
    ]);
    expect(viaB.weakest).toBe(1);
    expect(viaB.hops[0]).toMatchObject({ certainty: "stated", claimCount: 2, sourceCount: 2 });
    expect(viaB.hops[1]).toMatchObject({
      afterListing: true,
      sourceId: "s1",
      source: { publisher: "Alpha Wire" },
    });
    expect(paths[2].hops[0]).toMatchObject({ from: "c", to: "a", forward: true, predicate: "associate" });
  });

  it("respects maxHops and limit", () => {
    expect(findExposurePaths(network, { maxHops: 2 }).map((p) => p.from)).toEqual(["b", "a"]);
    expect(findExposurePaths(network, { limit: 1 }).map((p) => p.from)).toEqual(["b"]);
  });

  it("lists every simple path from one entity, stopping at the first sanctioned entity", () => {
    const paths = findExposurePaths(network, { from: "c" });
    expect(paths.map((p) => [p.hops.map((h) => h.predicate).join(">"), Number(p.score.toFixed(4))])).toEqual([
      ["associate>supplies>supplies", 0.3],
      ["associate>supplies>intermediary_for", 0.3],
    ]);
    expect(paths[0].hops[0].quote).toContain("c associate a");
    expect(findExposurePaths(network, { from: "a" }).map((p) => Number(p.score.toFixed(4)))).toEqual([
      0.6, 0.45,
    ]);
    expect(findExposurePaths(network, { from: "c", maxHops: 2 })).toEqual([]);
  });

  it("rejects an unknown entity and bad options with their codes", () => {
    expect(() => findExposurePaths(network, { from: "nobody" })).toThrow(
      expect.objectContaining({ code: "GRAPH_UNKNOWN_ENTITY" }),
    );
    for (const bad of [{ maxHops: 0 }, { maxHops: 2.5 }, { limit: -1 }, { hops: 2 }]) {
      expect(() => findExposurePaths(network, bad as never)).toThrow(
        expect.objectContaining({ code: "GRAPH_BAD_OPTION" }),
      );
    }
  });

  it("does not change the network", () => {
    const before = JSON.stringify(network.export());
    findExposurePaths(network);
    findCandidates(network);
    findFocalPoints(network);
    findIntermediaries(network);
    egoNetwork(network, "a");
    expect(JSON.stringify(network.export())).toBe(before);
  });
});

describe("findIntermediaries", () => {
  it("scores entities on shortest supplier → sanctioned buyer flows", () => {
    const result = findIntermediaries(network);
    expect(result).toEqual([
      {
        entity: { id: "b", caption: "Borvik Trade" },
        sanctioned: false,
        score: 1,
        suppliers: 1,
        estimated: false,
      },
    ]);
  });

  it("orients payments against the goods and splits flows over equal shortest paths", () => {
    const view = caseView(
      [
        entity("s", "Sarnow Parts"),
        entity("m", "Mirel Agency"),
        entity("n", "Norvane Freight"),
        entity("k", "Kestrel Arms", "Company", null),
      ],
      [
        claim("s", "supplies", "m"),
        claim("k", "pays", "m"),
        claim("s", "supplies", "n"),
        claim("n", "intermediary_for", "k"),
      ],
    );
    const result = findIntermediaries(buildNetwork(view, undefined));
    expect(result.map((r) => [r.entity.id, r.score])).toEqual([
      ["m", 0.5],
      ["n", 0.5],
    ]);
  });
});

describe("findFocalPoints", () => {
  it("matches PageRank by hand on a star", () => {
    const view = caseView(
      [entity("h", "Hub"), entity("x", "Xeno"), entity("y", "Yarrow"), entity("z", "Zell")],
      [claim("h", "supplies", "x"), claim("y", "pays", "h"), claim("h", "owns", "z")],
    );
    const [hub, ...leaves] = findFocalPoints(buildNetwork(view, undefined));
    // c = (1-d)/4 + d·3l, l = (1-d)/4 + d·c/3 with d = 0.85
    expect(hub.entity.id).toBe("h");
    expect(hub.pagerank).toBeCloseTo(0.133125 / 0.2775, 6);
    expect(leaves[0].pagerank).toBeCloseTo((1 - 0.133125 / 0.2775) / 3, 6);
    expect(hub).toMatchObject({ degree: 3, weightedDegree: expect.closeTo(1.8, 10) });
    expect(hub.pagerank + leaves.reduce((sum, p) => sum + p.pagerank, 0)).toBeCloseTo(1, 8);
  });

  it("ranks the case's parties, weighted by evidence strength", () => {
    const points = findFocalPoints(network, { limit: 3 });
    expect(points).toHaveLength(3);
    const b = findFocalPoints(network, { limit: 0 }).find((p) => p.entity.id === "b")!;
    expect(b.degree).toBe(2);
    expect(b.weightedDegree).toBeCloseTo(0.9 + 0.6 + 0.45, 10);
    // e's only link is denied: it has no counted link and is nobody's focal point.
    expect(findFocalPoints(network, { limit: 0 }).map((p) => p.entity.id)).not.toContain("e");
    expect(points[0].entity.id).toBe("k");
  });
});

describe("findCandidates", () => {
  it("scores unsanctioned parties by their ties to sanctioned ones", () => {
    const result = findCandidates(network);
    expect(result.map((c) => [c.entity.id, Number(c.score.toFixed(4))])).toEqual([
      ["p", 0.75],
      ["b", 0.6],
      ["a", 0.405],
    ]);
    const b = result[1];
    expect(b).toMatchObject({ ties: 1, claims: 1, sources: 1 });
    expect(b.paths).toHaveLength(1);
    expect(b.paths[0][0]).toMatchObject({
      from: "b",
      to: "k",
      predicate: "supplies",
      quote: expect.any(String),
    });
    expect(result[2].paths[0].map((h) => h.to)).toEqual(["b", "k"]);
    // The hop quotes the strongest claim: the stated one, not the reported one.
    expect(result[2].paths[0][0]).toMatchObject({
      certainty: "stated",
      quote: expect.stringMatching(/^a supplies b/),
    });
  });

  it("combines ties to several sanctioned parties and honours minScore", () => {
    const view = caseView(
      [...entities, entity("k2", "Korund Plant", "Company", "2023-01-01")],
      [...claims, claim("b", "supplies", "k2", { source: "s2" })],
    );
    const result = findCandidates(buildNetwork(view, undefined), { minScore: 0.7 });
    expect(result.map((c) => [c.entity.id, Number(c.score.toFixed(4)), c.ties])).toEqual([
      ["b", 0.84, 2],
      ["p", 0.75, 1],
    ]);
  });
});

describe("egoNetwork", () => {
  it("returns the entities within a number of links and the links among them", () => {
    const one = egoNetwork(network, "a", { hops: 1 });
    expect(one.nodes.map((n) => [n.id, n.distance]).sort()).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 1],
      ["q", 1],
    ]);
    const two = egoNetwork(network, "a");
    expect(two.nodes.map((n) => n.id).sort()).toEqual(["a", "b", "c", "k", "q"]);
    expect(two.edges).toHaveLength(6);
  });

  it("rejects an unknown entity and bad hops", () => {
    expect(() => egoNetwork(network, "nobody")).toThrow(
      expect.objectContaining({ code: "GRAPH_UNKNOWN_ENTITY" }),
    );
    expect(() => egoNetwork(network, "a", { hops: 0 })).toThrow(
      expect.objectContaining({ code: "GRAPH_BAD_OPTION" }),
    );
  });
});

describe("ANALYSES", () => {
  it("registers each analysis by name with description, options, defaults and reference", () => {
    expect(ANALYSES.map((a) => a.name)).toEqual([
      "paths",
      "intermediaries",
      "focal-points",
      "candidates",
      "ego",
    ]);
    for (const analysis of ANALYSES) {
      expect(analysis.description.length).toBeGreaterThan(20);
      expect(analysis.reference.length).toBeGreaterThan(20);
      for (const name of Object.keys(analysis.defaults)) expect(analysis.options[name]).toBeDefined();
    }
    expect(findAnalysis("paths")!.run(network, { maxHops: 1 })).toHaveLength(1);
    expect(findAnalysis("ego")!.run(network, { entity: "k", hops: 1 })).toMatchObject({ center: "k" });
    expect(findAnalysis("nope")).toBeUndefined();
  });
});
