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
  it("finds the party that receives from a supplier and acts for a sanctioned buyer, or that a supply names as its route", () => {
    const view = caseView(
      [
        entity("s", "Sarnow Parts"),
        entity("v", "Velta Trading"),
        entity("r", "Rondel Forwarding"),
        entity("k", "Kestrel Arms", "Company", null),
      ],
      [
        claim("s", "supplies", "v"),
        claim("v", "intermediary_for", "k"),
        { ...claim("s", "supplies", "k"), viaId: "r" },
      ],
    );
    const result = findIntermediaries(buildNetwork(view, undefined));
    expect(result.map((r) => r.entity.id).sort()).toEqual(["r", "v"]);
  });

  it("never names a place, a state or an authority, nor follows a link whose types contradict it", () => {
    const view = caseView(
      [
        entity("s", "Sarnow Parts"),
        { ...entity("t", "Office of Trade Controls", "PublicBody"), role: "authority" as const },
        entity("q", "Port Ossery", "Place"),
        entity("p", "Pavel Testov", "Person"),
        entity("k", "Kestrel Arms", "Company", null),
      ],
      [
        claim("s", "supplies", "t"),
        claim("t", "supplies", "k"),
        claim("s", "supplies", "q"),
        claim("q", "supplies", "k"),
        claim("s", "owns", "p"),
        claim("p", "supplies", "k"),
      ],
    );
    expect(findIntermediaries(buildNetwork(view, undefined))).toEqual([]);
  });
});
