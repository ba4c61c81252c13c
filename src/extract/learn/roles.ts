// Roles a record or contract defines its parties by: "Buyer: X", "SELLER" over the seller's name,
// 'X LLC ("Consignee")'. The text then says "the Seller's plant" or "remitted from the Buyer's account",
// and the candidate pairs read those words as the party they stand for.
import type { EntityType } from "../../model/index.js";
import type { Analysis } from "../extract.js";
import { PARTY_ROLE_WORDS } from "../lexicons/index.js";
import type { SentenceView, Slot } from "../template.js";

// 'X LLC ("Seller")', 'X (the "Buyer")', 'X (hereinafter referred to as the “Consignee”)'.
const DEFINED_AFTER =
  /^\s*\(\s*(?:(?:hereinafter|hereafter)(?:\s+referred\s+to\s+as)?\s+)?(?:the\s+)?[“"‘]?([A-Za-z]+(?: [A-Za-z]+)?)[”"’]?\s*\)/;

const isParty = (slot: Slot): boolean => slot.type !== "Place" && slot.type !== "Product";

/** A defined role's party. */
export interface RoleParty {
  entity: number;
  type: EntityType;
}

/** Role → party, as the text defines them; a role defined twice keeps its first party. */
export function definedRoles(analysis: Analysis): Map<string, RoleParty> {
  const { text, views, facts, groups } = analysis;
  const roles = new Map<string, RoleParty>();
  const define = (role: string, entity: number): void => {
    if (PARTY_ROLE_WORDS.has(role) && !roles.has(role))
      roles.set(role, { entity, type: groups[entity].type });
  };
  for (const [label, field] of facts.fields) {
    const k = field.types.findIndex((t) => t !== "Place" && t !== "Product");
    if (k >= 0) define(label, field.entities[k]);
  }
  for (const view of views) {
    for (const slot of view.slots) {
      if (!isParty(slot)) continue;
      const m = DEFINED_AFTER.exec(text.slice(slot.end, slot.end + 80));
      if (m) define(m[1].toLowerCase(), slot.entity);
    }
  }
  return roles;
}

/**
 * The views with every mention that is only a defined role ("the Buyer", "Seller’s") standing for the
 * party the role names; views without such a mention are returned as they are.
 */
export function withRoles(analysis: Analysis, roles: Map<string, RoleParty>): SentenceView[] {
  if (roles.size === 0) return analysis.views;
  const { text } = analysis;
  return analysis.views.map((view) => {
    let changed = false;
    const slots = view.slots.map((slot) => {
      const party = roles.get(text.slice(slot.start, slot.end).toLowerCase());
      if (party === undefined || party.entity === slot.entity) return slot;
      changed = true;
      return { ...slot, ...party };
    });
    return changed ? { ...view, slots } : view;
  });
}

/** A role word in a sentence's tokens ("the seller’s plant"), with the party it stands for. */
export function roleReference(
  words: string[],
  at: number,
  roles: Map<string, RoleParty>,
): (RoleParty & { length: number }) | undefined {
  const two = roles.get(`${words[at]} ${words[at + 1] ?? ""}`);
  if (two) return { ...two, length: 2 };
  const one = roles.get(words[at]);
  return one && { ...one, length: 1 };
}
