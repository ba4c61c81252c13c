// FtM name parts compared by role: a query's first name against the entry's first name, its last name
// against the entry's last name, so two persons whose names have the same words in other roles
// ("Thomas Martin" and "Martin Thomas") are told apart.
import { NAME_PART_ROLES, type NameParts } from "../model/index.js";
import { normaliseName } from "./normalise.js";
import { compareNormalised, type NameConfig } from "./similarity.js";

/** Parts of one role less similar than this are different names (an initial meets its name at 0.9). */
const PART_AGREES = 0.6;

/** The roles given on both sides whose parts disagree, each as "role query~entry"; empty when all agree. */
export function disagreeingParts(query: NameParts, entry: NameParts, config: NameConfig): string[] {
  const disagree: string[] = [];
  for (const role of NAME_PART_ROLES) {
    const a = query[role];
    const b = entry[role];
    if (!a || !b) continue;
    const score = compareNormalised(
      normaliseName(a, "Person"),
      normaliseName(b, "Person"),
      config,
      false,
    ).score;
    if (score < PART_AGREES) disagree.push(`${role} ${a}~${b}`);
  }
  return disagree;
}
