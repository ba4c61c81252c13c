import { describe, expect, it } from "vitest";
import { buildNetwork, findChosenSubgraph, findExposureSubgraph } from "../../../src/graph/index.js";
import { caseView, sampleClaims as claims, sampleEntities as entities } from "../../fixtures/graph/case.js";

const network = buildNetwork(caseView(entities, claims), undefined);

describe("findExposureSubgraph", () => {
  it("draws the entities and links of the exposure paths, with the path links marked", () => {
    const all = findExposureSubgraph(network);
    expect(all.nodes.map((n) => n.id).sort()).toEqual(["a", "b", "c", "k"]);
    expect(all.pathEdges).toContain("b|supplies|k");
    expect(all.paths).toBe(all.total);
    const fromA = findExposureSubgraph(network, { from: "a", limit: 1 });
    expect(fromA.paths).toBe(1);
    expect(fromA.total).toBeGreaterThan(1);
    expect(fromA.truncated).toBe(true);
    expect(fromA.nodes.map((n) => n.id)).toContain("a");
  });
});

describe("findChosenSubgraph", () => {
  it("returns the given entities, weightiest first, and the links among them; unknown ids are skipped", () => {
    const chosen = findChosenSubgraph(network, { entities: "a,k,b,ghost" });
    expect(chosen.nodes.map((n) => n.id)).toEqual(["k", "b", "a"]);
    expect(chosen.edges.map((e) => e.key).sort()).toEqual([
      "a|supplies|b",
      "b|intermediary_for|k",
      "b|supplies|k",
    ]);
    expect(() => findChosenSubgraph(network, {})).toThrow(
      expect.objectContaining({ code: "GRAPH_BAD_OPTION" }),
    );
  });
});
