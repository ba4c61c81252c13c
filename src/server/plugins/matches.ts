// List matches: case entity ↔ list entry links with their score, per-feature explanation, list entry and
// the analyst's decision, best score first.
import type { FastifyInstance } from "fastify";
import { listOf, objectOf, PAGE_QUERY_PROPERTIES } from "../schemas.js";
import { readCaseIndex, readDecidedMatches } from "./case-data.js";
import { VERSIONED_MATCH_SCHEMA } from "./entities.js";

/** A match with the caption of its entity. */
const MATCH_ROW_SCHEMA = objectOf({
  ...(VERSIONED_MATCH_SCHEMA.properties as Record<string, Record<string, unknown>>),
  entityCaption: { type: "string" },
});

/** The matches plugin. */
export async function matchesPlugin(app: FastifyInstance): Promise<void> {
  const { db } = app.skein;
  app.get<{
    Querystring: {
      entity?: string;
      decision?: "confirmed" | "dismissed" | "open";
      minScore?: number;
      limit: number;
      offset: number;
    };
  }>(
    "/api/matches",
    {
      config: { access: "viewer" },
      schema: {
        summary: "List matches with explanations and decisions, best score first",
        tags: ["matches"],
        querystring: objectOf(
          {
            entity: { type: "string", maxLength: 200, description: "case entity id" },
            decision: { type: "string", enum: ["confirmed", "dismissed", "open"] },
            minScore: { type: "number", minimum: 0, maximum: 1 },
            ...PAGE_QUERY_PROPERTIES,
          },
          ["entity", "decision", "minScore", "limit", "offset"],
        ),
        response: { 200: listOf(MATCH_ROW_SCHEMA) },
      },
    },
    async (request) => {
      const q = request.query;
      const index = await readCaseIndex(db);
      const rows = (await readDecidedMatches(db, index)).filter(
        (m) =>
          (!q.entity || m.entityId === q.entity) &&
          (q.minScore === undefined || m.score >= q.minScore) &&
          (!q.decision || (q.decision === "open" ? m.decision === null : m.decision === q.decision)),
      );
      return {
        total: rows.length,
        items: rows
          .slice(q.offset, q.offset + q.limit)
          .map((m) => ({ ...m, entityCaption: index.entities.get(m.entityId)?.caption ?? m.entityId })),
      };
    },
  );
}
