// GET /api/vocabulary: the model's definition tables (entity types with colours, predicates, certainty
// levels, source kinds, reliability grades, statuses, decision actions) so the workbench never restates them.
import type { FastifyInstance } from "fastify";
import {
  CERTAINTIES,
  CLAIM_STATUSES,
  DECISION_ACTIONS,
  ENTITY_TYPES,
  PREDICATES,
  RELIABILITY_GRADES,
  SOURCE_KINDS,
} from "../../model/index.js";
import { objectOf } from "../schemas.js";

const str = { type: "string" };
const named = (properties: Record<string, unknown>) => ({
  type: "array",
  items: objectOf({ name: str, ...properties } as Record<string, Record<string, unknown>>),
});

const VOCABULARY_SCHEMA = objectOf({
  entityTypes: named({ label: str, ftm: str, colour: str }),
  predicates: named({ label: str, directed: { type: "boolean" }, exposure: { type: "boolean" }, ftm: str }),
  certainties: named({ label: str, rank: { type: "integer" }, weight: { type: "number" }, description: str }),
  sourceKinds: named({ label: str }),
  reliabilityGrades: named({ label: str }),
  claimStatuses: { type: "array", items: str },
  decisionActions: { type: "array", items: str },
});

/** The vocabulary as lists of `{name, …attributes}`, in definition order. */
export function readVocabulary() {
  const rows = <T extends object>(table: Record<string, T>) =>
    Object.entries(table).map(([name, value]) => ({ name, ...value }));
  return {
    entityTypes: rows(ENTITY_TYPES),
    predicates: rows(PREDICATES),
    certainties: rows(CERTAINTIES),
    sourceKinds: rows(SOURCE_KINDS),
    reliabilityGrades: Object.entries(RELIABILITY_GRADES).map(([name, label]) => ({ name, label })),
    claimStatuses: [...CLAIM_STATUSES],
    decisionActions: [...DECISION_ACTIONS],
  };
}

/** The vocabulary plugin. */
export async function vocabularyPlugin(app: FastifyInstance): Promise<void> {
  const vocabulary = readVocabulary();
  app.get(
    "/api/vocabulary",
    {
      config: { access: "viewer" },
      schema: {
        summary: "The model's vocabulary: labels, colours and enums for every view",
        tags: ["vocabulary"],
        response: { 200: VOCABULARY_SCHEMA },
      },
    },
    async () => vocabulary,
  );
}
