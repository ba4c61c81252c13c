import { describe, expect, it } from "vitest";
import { ANALYSES, buildNetwork, findAnalysis } from "../../src/graph/index.js";
import { caseView, sampleClaims as claims, sampleEntities as entities } from "../fixtures/graph/case.js";

const network = buildNetwork(caseView(entities, claims), undefined);

describe("ANALYSES", () => {
  it("registers each analysis by name with description, options, defaults and reference", () => {
    expect(ANALYSES.map((a) => a.name)).toEqual([
      "paths",
      "intermediaries",
      "focal-points",
      "candidates",
      "ego",
      "neighbourhood",
      "communities",
      "exposure",
      "subgraph",
    ]);
    for (const analysis of ANALYSES) {
      expect(analysis.description.length).toBeGreaterThan(20);
      expect(analysis.reference.length).toBeGreaterThan(20);
      for (const name of Object.keys(analysis.defaults)) expect(analysis.options[name]).toBeDefined();
    }
    expect(findAnalysis("paths")!.run(network, { maxHops: 1 })).toHaveLength(1);
    expect(findAnalysis("ego")!.run(network, { entity: "k", hops: 1 })).toMatchObject({ center: "k" });
    expect(findAnalysis("nope")).toBeUndefined();
  });
});
