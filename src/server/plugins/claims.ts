// Claims with their evidence: list with filters (entity, source, predicate, certainty, status, the period
// a dated claim starts in) for the entity page, review queue and timeline, the timeline's periods (dated
// claims counted by year and month), and one claim with the source that states it.
import type { FastifyInstance } from "fastify";
import {
  CERTAINTY_NAMES,
  type Certainty,
  CLAIM_STATUSES,
  type Claim,
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
  startsIn?: string;
  limit: number;
  offset: number;
}

/** Dated claims counted by the year, and the month, their period starts in. */
function countPeriods(claims: Claim[]) {
  const years = new Map<string, { period: string; count: number; months: Map<string, number> }>();
  let total = 0;
  for (const claim of claims) {
    if (!claim.period) continue;
    total++;
    const year = claim.period.start.slice(0, 4);
    const month = claim.period.start.slice(0, 7);
    const entry = years.get(year) ?? { period: year, count: 0, months: new Map<string, number>() };
    years.set(year, entry);
    entry.count++;
    entry.months.set(month, (entry.months.get(month) ?? 0) + 1);
  }
  return {
    total,
    years: [...years.values()]
      .sort((a, b) => a.period.localeCompare(b.period))
      .map(({ period, count, months }) => ({
        period,
        count,
        months: [...months]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([month, n]) => ({ period: month, count: n })),
      })),
  };
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
            startsIn: {
              type: "string",
              pattern: "^\\d{4}(-\\d{2})?$",
              description: "only claims whose period starts in this year or month (YYYY or YYYY-MM)",
            },
            ...PAGE_QUERY_PROPERTIES,
          },
          ["entity", "source", "predicate", "certainty", "status", "dated", "startsIn", "limit", "offset"],
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
          (!q.dated || c.period !== null) &&
          (!q.startsIn || (c.period?.start.startsWith(q.startsIn) ?? false)),
      );
      if (q.dated)
        claims = [...claims].sort((a, b) => (a.period?.start ?? "").localeCompare(b.period?.start ?? ""));
      return {
        total: claims.length,
        items: claims.slice(q.offset, q.offset + q.limit).map((c) => withCaptions(index, c)),
      };
    },
  );

  app.get<{ Querystring: { entity?: string } }>(
    "/api/timeline",
    {
      config: { access: "viewer" },
      schema: {
        summary: "The timeline's periods: dated claims counted by the year and month their period starts in",
        tags: ["claims"],
        querystring: objectOf(
          { entity: { type: "string", maxLength: 200, description: "case entity id (subject or object)" } },
          ["entity"],
        ),
        response: {
          200: objectOf({
            total: { type: "integer" },
            years: {
              type: "array",
              items: objectOf({
                period: { type: "string" },
                count: { type: "integer" },
                months: {
                  type: "array",
                  items: objectOf({ period: { type: "string" }, count: { type: "integer" } }),
                },
              }),
            },
          }),
        },
      },
    },
    async (request) => {
      const index = await readCaseIndex(db);
      const { entity } = request.query;
      return countPeriods(entity ? index.claimsOf(entity) : index.view.claims);
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
