// Case entities: list with filters, and one entity's page (names, list matches with their explanations,
// claims with evidence, and the sources behind them).
import type { FastifyInstance } from "fastify";
import { type CaseEntity, ENTITY_TYPE_NAMES, type EntityType, SkeinError } from "../../model/index.js";
import { readMembers } from "../../store/index.js";
import {
  CLAIM_SCHEMA,
  ENTITY_SCHEMA,
  ID_PARAMS,
  listOf,
  MATCH_SCHEMA,
  objectOf,
  PAGE_QUERY_PROPERTIES,
  SOURCE_META_SCHEMA,
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

  app.get<{ Params: { id: string } }>(
    "/api/entities/:id",
    {
      config: { access: "viewer" },
      schema: {
        summary: "One entity: names, list matches with explanations, claims with evidence, sources",
        tags: ["entities"],
        params: ID_PARAMS,
        response: {
          200: objectOf({
            entity: VERSIONED_ENTITY_SCHEMA,
            matches: { type: "array", items: VERSIONED_MATCH_SCHEMA },
            claims: { type: "array", items: CLAIM_ROW_SCHEMA },
            sources: { type: "array", items: SOURCE_META_SCHEMA },
          }),
        },
      },
    },
    async (request) => {
      const index = await readCaseIndex(db);
      const entity = findEntity(index, request.params.id);
      const claims = index.claimsOf(entity.id).map((c) => withCaptions(index, c));
      const matches = (await readDecidedMatches(db, index)).filter((m) => m.entityId === entity.id);
      const cited = new Set(claims.map((c) => c.evidence.sourceId));
      const sources = index.view.sources.filter((s) => cited.has(s.id));
      return {
        entity: { ...entity, version: index.versionOf("entity", entity.id) },
        matches,
        claims,
        sources,
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
