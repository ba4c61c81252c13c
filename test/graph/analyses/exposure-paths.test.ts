import { describe, expect, it } from "vitest";
import {
  buildNetwork,
  egoNetwork,
  findCandidates,
  findExposurePaths,
  findFocalPoints,
  findIntermediaries,
} from "../../../src/graph/index.js";
import {
  caseView,
  claim,
  sampleClaims as claims,
  sampleEntities as entities,
  entity,
} from "../../fixtures/graph/case.js";

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

describe("findExposurePaths on random cases", () => {
  it("finds, for every entity, a simple path as wide as the widest one enumerated from it", () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const certainties = ["stated", "reported", "assessed", "alleged", "unverified"] as const;
    const predicates = ["supplies", "pays", "owns", "intermediary_for", "associate"] as const;
    let checked = 0;
    for (let round = 0; round < 20; round++) {
      const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
      const parties = ids.map((id, i) =>
        entity(id, `Party ${id}`, "Company", i % 5 === 0 ? "2023-01-01" : undefined),
      );
      const links = Array.from({ length: 22 }, () => {
        const s = ids[Math.floor(rnd() * ids.length)];
        const o = ids[Math.floor(rnd() * ids.length)];
        return claim(s, predicates[Math.floor(rnd() * predicates.length)], o, {
          certainty: certainties[Math.floor(rnd() * certainties.length)],
          source: `s${1 + Math.floor(rnd() * 3)}`,
        });
      });
      const random = buildNetwork(caseView(parties, links), undefined);
      for (const best of findExposurePaths(random, { maxHops: 3 })) {
        const visited = [best.from, ...best.hops.map((h) => h.to)];
        expect(new Set(visited).size).toBe(visited.length);
        expect(best.hops.length).toBeLessThanOrEqual(3);
        for (const [i, h] of best.hops.entries()) expect(h.from).toBe(visited[i]);
        expect(random.getNodeAttribute(best.to, "sanctioned")).toBe(true);
        const enumerated = findExposurePaths(random, { from: best.from, maxHops: 3 });
        expect(best.score).toBeCloseTo(enumerated[0].score, 12);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
