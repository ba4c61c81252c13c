// Claims with their evidence: list with filters (entity, source, predicate, certainty, status) for the
// entity page, review queue and timeline, and one claim with the source that states it.
import type { FastifyInstance } from "fastify";
import {
  CERTAINTY_NAMES,
  type Certainty,
  CLAIM_STATUSES,
  type ClaimStatus,
  PREDICATE_NAMES,
  type Predicate,
  SkeinError,
} from "../../model/index.js";
import {
  ID_PARAMS,
  listOf,
  nullable,
  objectOf,
  PAGE_QUERY_PROPERTIES,
  SOURCE_META_SCHEMA,
} from "../schemas.js";
import { readCaseIndex } from "./case-data.js";
import { CLAIM_ROW_SCHEMA, withCaptions } from "./entities.js";

interface ClaimQuery {
  entity?: string;
  source?: string;
  predicate?: Predicate;
  certainty?: Certainty;
  status?: ClaimStatus;
  dated?: boolean;
  limit: number;
  offset: number;
}

/** The claims plugin. */
export async function claimsPlugin(app: FastifyInstance): Promise<void> {
  const { db } = app.skein;

  app.get<{ Querystring: ClaimQuery }>(
    "/api/claims",
    {
      config: { access: "viewer" },
      schema: {
        summary: "List claims with their evidence; filter by entity, source, predicate, certainty, status",
        tags: ["claims"],
        querystring: objectOf(
          {
            entity: { type: "string", maxLength: 200, description: "case entity id (subject or object)" },
            source: { type: "string", maxLength: 200, description: "source id" },
            predicate: { type: "string", enum: PREDICATE_NAMES },
            certainty: { type: "string", enum: CERTAINTY_NAMES },
            status: { type: "string", enum: CLAIM_STATUSES },
            dated: { type: "boolean", description: "only claims with a period (timeline), earliest first" },
            ...PAGE_QUERY_PROPERTIES,
          },
          ["entity", "source", "predicate", "certainty", "status", "dated", "limit", "offset"],
        ),
        response: { 200: listOf(CLAIM_ROW_SCHEMA) },
      },
    },
    async (request) => {
      const q = request.query;
      const index = await readCaseIndex(db);
      let claims = q.entity ? index.claimsOf(q.entity) : index.view.claims;
      claims = claims.filter(
        (c) =>
          (!q.source || c.evidence.sourceId === q.source) &&
          (!q.predicate || c.predicate === q.predicate) &&
          (!q.certainty || c.certainty === q.certainty) &&
          (!q.status || c.status === q.status) &&
          (!q.dated || c.period !== null),
      );
      if (q.dated)
        claims = [...claims].sort((a, b) => (a.period?.start ?? "").localeCompare(b.period?.start ?? ""));
      return {
        total: claims.length,
        items: claims.slice(q.offset, q.offset + q.limit).map((c) => withCaptions(index, c)),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/claims/:id",
    {
      config: { access: "viewer" },
      schema: {
        summary: "One claim with its evidence and the source that states it",
        tags: ["claims"],
        params: ID_PARAMS,
        response: {
          200: objectOf({
            claim: CLAIM_ROW_SCHEMA,
            source: nullable(SOURCE_META_SCHEMA),
          }),
        },
      },
    },
    async (request, reply) => {
      const index = await readCaseIndex(db);
      const claim = index.view.claims.find((c) => c.id === request.params.id);
      if (!claim) {
        throw new SkeinError("SERVER_NOT_FOUND", `no claim with id "${request.params.id}" in the case`, {
          field: "id",
          received: request.params.id,
        });
      }
      const source = index.view.sources.find((s) => s.id === claim.evidence.sourceId) ?? null;
      const row = withCaptions(index, claim);
      reply.header("etag", `"${row.version}"`);
      return { claim: row, source };
    },
  );
}
