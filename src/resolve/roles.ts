// What each case entity is to the analyses: a party, context (a place or a state) or an authority (a
// body that designates or investigates). Places and states appear in most texts and would sit on every
// path; authorities are named in every designation and would look tied to everyone they listed.

import { findPlace } from "../extract/index.js";
import type { Claim, Entity, EntityRole } from "../model/index.js";
import { bodyKeyOf } from "./short-forms.js";

/** A state named as an actor: "the Iranian regime", "Government of North Korea". */
const REGIME = /\bregime\b/i;

/** Bodies that investigate or judge, whatever the country: courts, prosecutors, police, justice ministries. */
const INVESTIGATES =
  /\b(?:court|tribunal|prosecutors?|prosecution service|attorney general|department of justice|justice department|ministry of justice|police|bureau of investigation|investigative committee|financial intelligence unit)\b/i;

/** True when the entity is a state: a country named as an actor, or its government or regime. */
function isState(entity: Entity): boolean {
  return entity.names.some((name) => {
    const plain = name.replace(/^the\s+/i, "");
    if (findPlace(plain)?.kind === "country") return true;
    if (bodyKeyOf(plain)?.topic === "government") return true;
    return REGIME.test(plain) && plain.split(/\s+/).length <= 3;
  });
}

/**
 * The role of each entity: places and states are context; bodies that designate (the object of a
 * "sanctioned by" claim not rejected) or investigate are authorities; the rest are parties.
 */
export function rolesOf(entities: Entity[], claims: Claim[]): Map<string, EntityRole> {
  const designators = new Set(
    claims.filter((c) => c.predicate === "sanctioned_by" && c.status !== "rejected").map((c) => c.objectId),
  );
  const roles = new Map<string, EntityRole>();
  for (const entity of entities) {
    let role: EntityRole = "party";
    if (entity.type === "Place" || isState(entity)) role = "context";
    else if (
      designators.has(entity.id) ||
      ((entity.type === "Organization" || entity.type === "PublicBody") &&
        entity.names.some((n) => INVESTIGATES.test(n)))
    )
      role = "authority";
    roles.set(entity.id, role);
  }
  return roles;
}
