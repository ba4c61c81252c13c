// schemaMismatch: the query is a different kind of thing from the entry (a person against a vessel),
// after FtM's schema hierarchy where LegalEntity is the parent of Company and Organization.
import type { Feature } from "../feature.js";
import { notCompared } from "../feature.js";

/** Schemata each schema can stand for: a query as LegalEntity may be a company or an organisation. */
const COMPATIBLE: Record<string, string[]> = {
  Person: ["Person", "LegalEntity"],
  Company: ["Company", "Organization", "LegalEntity"],
  Organization: ["Organization", "Company", "LegalEntity", "PublicBody"],
  PublicBody: ["PublicBody", "Organization", "LegalEntity"],
  LegalEntity: ["LegalEntity", "Person", "Company", "Organization", "PublicBody"],
  Vessel: ["Vessel"],
  Airplane: ["Airplane"],
};

/** Fires when query and entry schemata cannot be the same thing. */
export const schemaMismatch: Feature = {
  name: "schemaMismatch",
  description:
    "The query and the list entry are different kinds of thing (for example a person and a vessel).",
  kind: "qualifier",
  compute({ query, entry }) {
    if (!query.schema) {
      // Without a schema, a name that keeps a legal form even when read as a person's is an organisation's.
      if (entry.schema !== "Person" || query.asPerson.legalForms.length === 0) return notCompared("");
      const forms = query.asPerson.legalForms.join("/");
      return {
        score: 1,
        detail: `a name with a legal form (${forms}) cannot be a Person`,
        query: forms,
        candidate: entry.schema,
      };
    }
    const compatible = COMPATIBLE[query.schema];
    if (!compatible) return notCompared(`unknown schema ${query.schema}`);
    if (compatible.includes(entry.schema)) return notCompared("");
    return {
      score: 1,
      detail: `${query.schema} cannot be ${entry.schema}`,
      query: query.schema,
      candidate: entry.schema,
    };
  },
};
