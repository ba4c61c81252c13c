import { describe, expect, it } from "vitest";
import { buildNetwork, egoNetwork } from "../../../src/graph/index.js";
import { caseView, sampleClaims as claims, sampleEntities as entities } from "../../fixtures/graph/case.js";

const network = buildNetwork(caseView(entities, claims), undefined);

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
