import { describe, expect, it } from "vitest";
import { buildNetwork, findIntermediaries } from "../../../src/graph/index.js";
import {
  caseView,
  claim,
  sampleClaims as claims,
  sampleEntities as entities,
  entity,
} from "../../fixtures/graph/case.js";

const network = buildNetwork(caseView(entities, claims), undefined);

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
