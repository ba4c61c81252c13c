// Case entities: list with filters, and one entity's page (names, list matches with their explanations,
// its claims grouped by predicate with counts and the first of each group, and the sources behind them,
// those cited most first). The rest of a group pages through /api/claims, in the same order.
import type { FastifyInstance } from "fastify";
import {
  type CaseEntity,
  type Claim,
  ENTITY_TYPE_NAMES,
  type EntityType,
  PREDICATE_NAMES,
  SkeinError,
} from "../../model/index.js";
import { readMembers } from "../../store/index.js";
import {
  CLAIM_SCHEMA,
  ENTITY_SCHEMA,
  ID_PARAMS,
  listOf,
  MATCH_SCHEMA,
  objectOf,
  PAGE_QUERY_PROPERTIES,
  SOURCE_META_PROPERTIES,
} from "../schemas.js";
import { type CaseIndex, readCaseIndex, readDecidedMatches } from "./case-data.js";

const version = { type: "integer", description: "send it back as If-Match when deciding on this record" };

/** An entity with its version, as its page shows it. */
const VERSIONED_ENTITY_SCHEMA = objectOf({
  ...(ENTITY_SCHEMA.properties as Record<string, Record<string, unknown>>),
  version,
});

/** An entity as lists show it: the entity, its version, and how many claims it takes part in. */
export const ENTITY_ROW_SCHEMA = objectOf({
  ...(VERSIONED_ENTITY_SCHEMA.properties as Record<string, Record<string, unknown>>),
  claimCount: { type: "integer" },
});

/** One text's party inside a case entity, with its mentions. */
const MEMBER_SCHEMA = objectOf({
  id: { type: "string" },
  caption: { type: "string" },
  type: { type: "string" },
  source: {
    anyOf: [objectOf({ id: { type: "string" }, title: { type: "string" } }), { type: "null" }],
  },
  mentions: {
    type: "array",
    items: objectOf({
      id: { type: "string" },
      text: { type: "string" },
      start: { type: "integer" },
      end: { type: "integer" },
    }),
  },
});

/** A claim with the captions of the entities it names and its version. */
export const CLAIM_ROW_SCHEMA = objectOf({
  ...(CLAIM_SCHEMA.properties as Record<string, Record<string, unknown>>),
  subjectCaption: { type: "string" },
  objectCaption: { type: "string" },
  version,
});

/** A match with its version. */
export const VERSIONED_MATCH_SCHEMA = objectOf({
  ...(MATCH_SCHEMA.properties as Record<string, Record<string, unknown>>),
  version,
});

/** Adds both parties' captions and the claim's version to a claim. */
export function withCaptions<C extends { id: string; subjectId: string; objectId: string }>(
  index: CaseIndex,
  claim: C,
) {
  return {
    ...claim,
    subjectCaption: index.entities.get(claim.subjectId)?.caption ?? claim.subjectId,
    objectCaption: index.entities.get(claim.objectId)?.caption ?? claim.objectId,
    version: index.versionOf("claim", claim.id),
  };
}

/** The case entity an id, a unique id prefix or a member (document-level) id names. */
export function findEntity(index: CaseIndex, ref: string): CaseEntity {
  const exact = index.entities.get(ref);
  if (exact) return exact;
  const hits = index.view.entities.filter(
    (e) => (ref.length >= 4 && e.id.startsWith(ref)) || e.memberIds.includes(ref),
  );
  if (hits.length === 1) return hits[0];
  throw new SkeinError(
    "SERVER_NOT_FOUND",
    hits.length > 1
      ? `entity id "${ref}" names several entities; give more of the id`
      : `no entity with id "${ref}"`,
    { field: "id", received: ref },
  );
}

/** Claims of one predicate an entity takes part in: how many, and the first of them. */
export function groupClaims(
  claims: Claim[],
  first: number,
): Array<{ predicate: string; total: number; claims: Claim[] }> {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const list = groups.get(claim.predicate);
    if (list) list.push(claim);
    else groups.set(claim.predicate, [claim]);
  }
  return [...groups]
    .sort(([pa, a], [pb, b]) => b.length - a.length || pa.localeCompare(pb))
    .map(([predicate, list]) => ({ predicate, total: list.length, claims: list.slice(0, first) }));
}

/** Folds case and accents so "société" finds "Societe". */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The entities plugin. */
export async function entitiesPlugin(app: FastifyInstance): Promise<void> {
  const { db } = app.skein;

  app.get<{
    Querystring: { q?: string; type?: EntityType; sanctioned?: boolean; limit: number; offset: number };
  }>(
    "/api/entities",
    {
      config: { access: "viewer" },
      schema: {
        summary: "List case entities, optionally filtered by name, type or sanctioned status",
        tags: ["entities"],
        querystring: objectOf(
          {
            q: {
              type: "string",
              maxLength: 200,
              description: "part of a name or alias (case and accents ignored)",
            },
            type: { type: "string", enum: ENTITY_TYPE_NAMES },
            sanctioned: { type: "boolean" },
            ...PAGE_QUERY_PROPERTIES,
          },
          ["q", "type", "sanctioned", "limit", "offset"],
        ),
        response: { 200: listOf(ENTITY_ROW_SCHEMA) },
      },
    },
    async (request) => {
      const { q, type, sanctioned, limit, offset } = request.query;
      const index = await readCaseIndex(db);
      const needle = q ? foldText(q.trim()) : "";
      const rows = index.view.entities
        .filter((e) => !type || e.type === type)
        .filter((e) => sanctioned === undefined || e.sanctioned === sanctioned)
        .filter((e) => !needle || e.names.some((n) => foldText(n).includes(needle)))
        .map((e) => ({
          ...e,
          claimCount: index.claimsOf(e.id).length,
          version: index.versionOf("entity", e.id),
        }))
        .sort(
          (a, b) =>
            Number(b.sanctioned) - Number(a.sanctioned) ||
            b.claimCount - a.claimCount ||
            a.caption.localeCompare(b.caption),
        );
      return { total: rows.length, items: rows.slice(offset, offset + limit) };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { claims: number; sources: number } }>(
    "/api/entities/:id",
    {
      config: { access: "viewer" },
      schema: {
        summary:
          "One entity: names, list matches with explanations, claims grouped by predicate (counts and the first of each group), sources cited most first",
        tags: ["entities"],
        params: ID_PARAMS,
        querystring: objectOf(
          {
            claims: {
              type: "integer",
              minimum: 0,
              maximum: 1000,
              default: 10,
              description: "claims given per predicate group (the rest: /api/claims?entity=…&predicate=…)",
            },
            sources: {
              type: "integer",
              minimum: 0,
              maximum: 1000,
              default: 20,
              description: "sources given",
            },
          },
          ["claims", "sources"],
        ),
        response: {
          200: objectOf({
            entity: VERSIONED_ENTITY_SCHEMA,
            matches: { type: "array", items: VERSIONED_MATCH_SCHEMA },
            claimCount: { type: "integer" },
            claimGroups: {
              type: "array",
              items: objectOf({
                predicate: { type: "string", enum: PREDICATE_NAMES },
                total: { type: "integer" },
                claims: { type: "array", items: CLAIM_ROW_SCHEMA },
              }),
            },
            sourceCount: { type: "integer" },
            sources: {
              type: "array",
              items: objectOf({ ...SOURCE_META_PROPERTIES, claimCount: { type: "integer" } }),
            },
          }),
        },
      },
    },
    async (request) => {
      const index = await readCaseIndex(db);
      const entity = findEntity(index, request.params.id);
      const claims = index.claimsOf(entity.id);
      const matches = (await readDecidedMatches(db, index)).filter((m) => m.entityId === entity.id);
      const cited = new Map<string, number>();
      for (const c of claims) cited.set(c.evidence.sourceId, (cited.get(c.evidence.sourceId) ?? 0) + 1);
      const sources = index.view.sources
        .filter((s) => cited.has(s.id))
        .map((s) => ({ ...s, claimCount: cited.get(s.id)! }))
        .sort((a, b) => b.claimCount - a.claimCount || (a.published ?? "").localeCompare(b.published ?? ""));
      return {
        entity: { ...entity, version: index.versionOf("entity", entity.id) },
        matches,
        claimCount: claims.length,
        claimGroups: groupClaims(claims, request.query.claims).map((g) => ({
          ...g,
          claims: g.claims.map((c) => withCaptions(index, c)),
        })),
        sourceCount: sources.length,
        sources: sources.slice(0, request.query.sources),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/entities/:id/members",
    {
      config: { access: "viewer" },
      schema: {
        summary:
          "What an entity resolves: each text's party with its caption, source and mentions (to split by mention)",
        tags: ["entities"],
        params: ID_PARAMS,
        response: {
          200: objectOf({
            entity: objectOf({ id: { type: "string" }, caption: { type: "string" } }),
            members: { type: "array", items: MEMBER_SCHEMA },
          }),
        },
      },
    },
    async (request) => {
      const index = await readCaseIndex(db);
      const entity = findEntity(index, request.params.id);
      const titles = new Map(index.view.sources.map((s) => [s.id, s.title ?? s.filename ?? s.id]));
      const members = (await readMembers(db, entity.memberIds)).map(({ sourceId, ...member }) => ({
        ...member,
        source: sourceId === null ? null : { id: sourceId, title: titles.get(sourceId) ?? sourceId },
      }));
      return { entity: { id: entity.id, caption: entity.caption }, members };
    },
  );
}
