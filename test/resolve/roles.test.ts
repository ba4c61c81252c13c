import { describe, expect, it } from "vitest";
import type { Claim, Entity } from "../../src/model/index.js";
import { rolesOf } from "../../src/resolve/roles.js";
import { claim } from "../fixtures/graph/case.js";

function named(id: string, type: Entity["type"], ...names: string[]): Entity {
  return { id, type, caption: names[0], names, country: null, identifiers: {} };
}

describe("rolesOf", () => {
  const entities = [
    named("f", "Company", "Velta Trading LLC"),
    named("p", "Place", "Port Ossery"),
    named("c", "Organization", "Belarus"),
    named("g", "PublicBody", "Government of Belarus"),
    named("r", "Organization", "the Iranian regime"),
    named("o", "PublicBody", "Office of Trade Controls"),
    named("j", "PublicBody", "Ruritanian Court of Appeal"),
    named("m", "PublicBody", "Ministry of Defence of Ruritania"),
  ];
  const claims: Claim[] = [claim("f", "sanctioned_by", "o"), claim("m", "supplies", "f")];

  it("reads places and states as context, designating and judging bodies as authorities, the rest as parties", () => {
    const roles = rolesOf(entities, claims);
    expect(Object.fromEntries(roles)).toEqual({
      f: "party",
      p: "context",
      c: "context",
      g: "context",
      r: "context",
      o: "authority",
      j: "authority",
      m: "party",
    });
  });

  it("does not make a body an authority on a rejected designation claim", () => {
    const rejected = [{ ...claims[0], status: "rejected" as const }];
    expect(rolesOf(entities, rejected).get("o")).toBe("party");
  });
});
