import { describe, expect, it } from "vitest";
import { buildNetwork, findCandidates } from "../../../src/graph/index.js";
import {
  caseView,
  claim,
  sampleClaims as claims,
  sampleEntities as entities,
  entity,
} from "../../fixtures/graph/case.js";

const network = buildNetwork(caseView(entities, claims), undefined);

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

  it("says whether the best tie is corroborated by independent sources at every link", () => {
    expect(findCandidates(network).map((c) => c.corroborated)).toEqual([false, false, false]);
    const view = caseView(
      [entity("x", "Xeno Parts"), entity("k", "Kestrel Arms", "Company", null)],
      [claim("x", "supplies", "k", { source: "s1" }), claim("x", "supplies", "k", { source: "s2" })],
    );
    expect(findCandidates(buildNetwork(view, undefined))[0]).toMatchObject({
      corroborated: true,
      sources: 2,
      claims: 2,
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
