import { describe, expect, it } from "vitest";
import { buildNetwork, findNeighbourhood } from "../../../src/graph/index.js";
import {
  caseView,
  claim,
  sampleClaims as claims,
  sampleEntities as entities,
  entity,
} from "../../fixtures/graph/case.js";

const network = buildNetwork(caseView(entities, claims), undefined);

describe("findNeighbourhood", () => {
  it("returns the entities within a number of links, the links among them and what each leaves out", () => {
    const one = findNeighbourhood(network, "b", { hops: 1 });
    expect(one.nodes.map((n) => n.id).sort()).toEqual(["a", "b", "k"]);
    expect(one.truncated).toBe(false);
    // b–a (supplies), b–k (supplies, intermediary_for); a's other links (c, q) are left out.
    expect(one.edges.map((e) => e.key).sort()).toEqual([
      "a|supplies|b",
      "b|intermediary_for|k",
      "b|supplies|k",
    ]);
    const a = one.nodes.find((n) => n.id === "a")!;
    expect([a.degree, a.hidden]).toEqual([3, 2]);
    expect(one.edges.find((e) => e.key === "a|supplies|b")!.evidence?.quote).toBeTruthy();
  });

  it("keeps to its limit, nearest ring first and sanctioned parties first within a ring", () => {
    const hub = entity("hub", "Registry Office", "Organization");
    const spokes = Array.from({ length: 30 }, (_, i) => entity(`s${i}`, `Spoke ${i}`));
    const listed = entity("z", "Zenith Arms", "Company", "2024-01-01");
    const view = caseView(
      [hub, ...spokes, listed],
      [
        ...spokes.map((s) => claim("hub", "other", s.id)),
        claim("hub", "other", "z"),
        claim("s0", "supplies", "s1"),
      ],
    );
    const big = buildNetwork(view, undefined);
    const cut = findNeighbourhood(big, "hub", { hops: 2, limit: 5 });
    expect(cut.nodes).toHaveLength(5);
    expect(cut.truncated).toBe(true);
    expect(cut.nodes.map((n) => n.id)).toContain("z");
    expect(cut.nodes.find((n) => n.id === "hub")!.hidden).toBe(27);
  });

  it("rejects an unknown entity and a limit of nothing", () => {
    expect(() => findNeighbourhood(network, "nobody")).toThrow(
      expect.objectContaining({ code: "GRAPH_UNKNOWN_ENTITY" }),
    );
    expect(() => findNeighbourhood(network, "a", { limit: 0 })).toThrow(
      expect.objectContaining({ code: "GRAPH_BAD_OPTION" }),
    );
  });
});
