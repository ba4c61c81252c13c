// identifierMatch: a registration number, IMO number, passport or tax id of the query equals one of
// the entry's identifiers (compared as letters and digits only).
import type { Feature } from "../feature.js";
import { notCompared } from "../feature.js";

/** Letters and digits of an identifier, upper case ("IMO 9123456" and "imo9123456" agree). */
function identifierKey(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** An identifier of the query equals one of the entry's. */
export const identifierMatch: Feature = {
  name: "identifierMatch",
  description:
    "An identifier given with the query (registration, IMO, passport, tax number) equals one of the entry's.",
  kind: "main",
  compute({ query, entry }) {
    if (query.identifiers.length === 0 || entry.identifiers.length === 0) return notCompared("");
    for (const wanted of query.identifiers) {
      const key = identifierKey(wanted);
      if (key.length < 4) continue;
      for (const identifier of entry.identifiers) {
        const value = identifierKey(identifier.value);
        if (value === key || value.endsWith(key) || key.endsWith(value)) {
          return {
            score: 1,
            detail: `${identifier.type} agrees`,
            query: wanted,
            candidate: identifier.value,
          };
        }
      }
    }
    return notCompared("no identifier in common");
  },
};
