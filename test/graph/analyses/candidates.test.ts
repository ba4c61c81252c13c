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
    // A link weighs its evidence strength × what its predicate says of a tie × its recency (3 % a year
    // before the case's latest date, 2025-01-15; undated claims take their source's publication date).
    const recent = 1 - 0.03 * ((Date.parse("2025-01-15") - Date.parse("2024-06-30")) / (365.25 * 86_400_000));
    const bk = 0.75 * 0.8 * 1 * recent; // b supplies k: one reported source, dated 2024-06-30
    const pk = 0.75 * 1 * 0.6; // p visits k: one stated source; a visit says less of a tie
    const ab = 1 - (1 - 0.75 * 0.8) * (1 - 0.75); // a supplies b: a reported and a stated source
    expect(result.map((c) => [c.entity.id, Number(c.score.toFixed(4))])).toEqual([
      ["b", Number(bk.toFixed(4))],
      ["p", Number(pk.toFixed(4))],
      ["a", Number((ab * bk * 0.75).toFixed(4))],
    ]);
    const b = result[0];
    expect(b).toMatchObject({ ties: 1, claims: 1, documents: 1, origins: 1 });
    expect(b.paths).toHaveLength(1);
    expect(b.paths[0][0]).toMatchObject({
      from: "b",
      to: "k",
      predicate: "supplies",
      quote: expect.any(String),
    });
    expect(result[2].paths[0].map((h) => h.to)).toEqual(["b", "k"]);
    // a's tie rests on three claims from two documents of two publishers.
    expect(result[2]).toMatchObject({ claims: 3, documents: 2, origins: 2 });
    // The hop quotes the strongest claim: the stated one, not the reported one.
    expect(result[2].paths[0][0]).toMatchObject({
      certainty: "stated",
      quote: expect.stringMatching(/^a supplies b/),
    });
  });

  it("says whether the best tie is corroborated by independent origins at every link", () => {
    expect(findCandidates(network).map((c) => c.corroborated)).toEqual([false, false, false]);
    const view = caseView(
      [entity("x", "Xeno Parts"), entity("k", "Kestrel Arms", "Company", null)],
      [claim("x", "supplies", "k", { source: "s1" }), claim("x", "supplies", "k", { source: "s2" })],
    );
    expect(findCandidates(buildNetwork(view, undefined))[0]).toMatchObject({
      corroborated: true,
      documents: 2,
      origins: 2,
      claims: 2,
    });
  });

  it("combines ties to several sanctioned parties and honours minScore", () => {
    const view = caseView(
      [...entities, entity("k2", "Korund Plant", "Company", "2023-01-01")],
      [...claims, claim("b", "supplies", "k2", { source: "s2" })],
    );
    const result = findCandidates(buildNetwork(view, undefined), { minScore: 0.7 });
    const recent = 1 - 0.03 * ((Date.parse("2025-01-15") - Date.parse("2024-06-30")) / (365.25 * 86_400_000));
    // b's ties to k (0.6 × recency) and to k2 (0.6) combine as independent witnesses; p's visit alone
    // (0.45) no longer reaches 0.7.
    const both = 1 - (1 - 0.6 * recent) * (1 - 0.6);
    expect(result.map((c) => [c.entity.id, Number(c.score.toFixed(4)), c.ties])).toEqual([
      ["b", Number(both.toFixed(4)), 2],
    ]);
  });

  it("never proposes a place, a state or an authority, and counts documents and origins truthfully", () => {
    const view = caseView(
      [
        entity("a", "Amberline Tools"),
        entity("q", "Port Ossery", "Place"),
        { ...entity("t", "Office of Trade Controls", "PublicBody"), role: "authority" as const },
        entity("k", "Kestrel Arms", "Company", "2024-03-01"),
      ],
      [
        claim("a", "supplies", "k", { source: "s1" }),
        claim("a", "supplies", "k", { source: "s1" }),
        claim("a", "pays", "k", { source: "s1" }),
        claim("k", "located_in", "q", { source: "s1" }),
        claim("k", "sanctioned_by", "t", { source: "s2" }),
      ],
    );
    const result = findCandidates(buildNetwork(view, undefined));
    expect(result.map((c) => c.entity.id)).toEqual(["a"]);
    // Its best tie is the supply (two claims, one document); the payment is a weaker tie to the same party.
    expect(result[0]).toMatchObject({ claims: 2, documents: 1, origins: 1, corroborated: false });
  });

  it("counts ties resting on one origin as one witness: one release naming two listed parties is not two", () => {
    const listed = [
      entity("k1", "Kestrel Arms", "Company", "2024-03-01"),
      entity("k2", "Korund Plant", "Company", "2024-03-01"),
    ];
    const one = caseView(
      [entity("a", "Amberline Tools"), ...listed],
      [claim("a", "supplies", "k1", { source: "s1" }), claim("a", "supplies", "k2", { source: "s1" })],
    );
    const two = caseView(
      [entity("a", "Amberline Tools"), ...listed],
      [claim("a", "supplies", "k1", { source: "s1" }), claim("a", "supplies", "k2", { source: "s2" })],
    );
    const [single] = findCandidates(buildNetwork(one, undefined));
    const [double] = findCandidates(buildNetwork(two, undefined));
    expect(single.ties).toBe(2);
    // One tie's weight (0.75 × 0.8 × recency) alone, against two independent witnesses.
    expect(double.score).toBeCloseTo(1 - (1 - single.score) ** 2, 10);
  });
});
