import { describe, expect, it } from "vitest";
import {
  buildNetwork,
  communityMembers,
  findChosenSubgraph,
  findCommunities,
} from "../../../src/graph/index.js";
import { caseView, claim, entity } from "../../fixtures/graph/case.js";

/** Two cliques of five parties, one tie between them, a place every party sits in, and a loner. */
function twoRings() {
  const names = ["North", "South"];
  const entities = names.flatMap((side) =>
    Array.from({ length: 5 }, (_, i) =>
      entity(
        `${side[0].toLowerCase()}${i}`,
        `${side} Trading ${i}`,
        "Company",
        i === 0 ? "2024-01-01" : undefined,
      ),
    ),
  );
  entities.push(entity("place", "Port Ossery", "Place"), entity("loner", "Lone Holdings"));
  const claims = names.flatMap((side) => {
    const p = side[0].toLowerCase();
    return Array.from({ length: 5 }, (_, i) =>
      Array.from({ length: 4 - i }, (_, j) => claim(`${p}${i}`, "supplies", `${p}${i + j + 1}`)),
    ).flat();
  });
  claims.push(claim("n3", "pays", "s3"));
  for (const e of entities) if (e.type === "Company") claims.push(claim(e.id, "located_in", "place"));
  return buildNetwork(caseView(entities, claims), undefined);
}

describe("findCommunities", () => {
  it("finds the two cliques as communities, leaves places and loners out, and places each", () => {
    const network = twoRings();
    const overview = findCommunities(network);
    expect(overview.communities.map((c) => c.size)).toEqual([5, 5]);
    expect(overview.unlinked).toBe(2);
    const members = overview.communities.map((c) => communityMembers(network, c.id).sort());
    expect(members).toContainEqual(["n0", "n1", "n2", "n3", "n4"]);
    expect(members).toContainEqual(["s0", "s1", "s2", "s3", "s4"]);
    for (const c of overview.communities) {
      expect(c.sanctioned).toBe(1);
      expect(c.top[0].sanctioned).toBe(true);
      expect(c.links).toBe(10);
      expect(Number.isFinite(c.x) && Number.isFinite(c.y)).toBe(true);
    }
    expect(overview.links).toEqual([expect.objectContaining({ links: 1, exposure: 1 })]);
    expect(overview.modularity).toBeGreaterThan(0.3);
  });

  it("gives the same communities and positions every time", () => {
    expect(findCommunities(twoRings())).toEqual(findCommunities(twoRings()));
  });

  it("describes at most `limit` communities and counts the rest", () => {
    const overview = findCommunities(twoRings(), { limit: 1 });
    expect(overview.communities).toHaveLength(1);
    expect(overview.more).toEqual({ communities: 1, entities: 5 });
  });

  it("draws one community's members through the subgraph analysis", () => {
    const network = twoRings();
    const one = findChosenSubgraph(network, { community: "c1", limit: 3 });
    expect(one.nodes).toHaveLength(3);
    expect(one.truncated).toBe(true);
    expect(one.nodes[0].sanctioned).toBe(true);
    expect(() => findChosenSubgraph(network, { community: "c9" })).toThrow(
      expect.objectContaining({ code: "GRAPH_BAD_OPTION" }),
    );
  });
});
