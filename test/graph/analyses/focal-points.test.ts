import { describe, expect, it } from "vitest";
import { buildNetwork, findFocalPoints } from "../../../src/graph/index.js";
import {
  caseView,
  claim,
  sampleClaims as claims,
  sampleEntities as entities,
  entity,
} from "../../fixtures/graph/case.js";

const network = buildNetwork(caseView(entities, claims), undefined);

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
