// Queries for resolution: document-level entities in, case entities and their memberships out, and the
// claims (with their review status) that the case view reads.
import type { Claim, ClaimStatus, Entity, EntityType } from "../model/index.js";
import { fromJson, toJson } from "./dialect.js";
import { fromClaimRow } from "./extraction.js";
import type { EntityTable } from "./schema.js";
import type { Queryable } from "./workspace.js";

/** The producer written on case entities; re-resolution replaces every entity it produced. */
export const CASE_ENTITY_PRODUCER = "skein-resolve-v1";

/** An entity read from one source (extraction or FtM ingest), before resolution. */
export interface DocumentEntity extends Entity {
  sourceId: string;
}

/** Why two document-level entities were joined (the rule and what it saw). */
export interface EntityJoin {
  left: string;
  right: string;
  rule: string;
  detail: string;
}

/** A case entity to store, with the document-level entities it resolves and the joins that made it. */
export interface StoredCaseEntity extends Entity {
  memberIds: string[];
  joins: EntityJoin[];
}

function entityFromRow(row: EntityTable): Entity {
  return {
    id: row.id,
    type: row.type as EntityType,
    caption: row.caption,
    names: fromJson<string[]>(row.names, []),
    country: row.country,
    identifiers: fromJson<Record<string, string[]>>(row.identifiers, {}),
  };
}

/** Every document-level entity (those read from a source), in a stable order. */
export async function readDocumentEntities(db: Queryable): Promise<DocumentEntity[]> {
  const rows = await db
    .selectFrom("entities")
    .selectAll()
    .where("source_id", "is not", null)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ ...entityFromRow(row), sourceId: row.source_id as string }));
}

/** Replaces the stored case entities and memberships with `entities` (call inside a transaction). */
export async function replaceCaseEntities(db: Queryable, entities: StoredCaseEntity[]): Promise<void> {
  await db.deleteFrom("entity_members").execute();
  await db.deleteFrom("entity_joins").execute();
  await db
    .deleteFrom("entities")
    .where("source_id", "is", null)
    .where("producer", "=", CASE_ENTITY_PRODUCER)
    .execute();
  const CHUNK = 200;
  for (let i = 0; i < entities.length; i += CHUNK) {
    const slice = entities.slice(i, i + CHUNK);
    await db
      .insertInto("entities")
      .values(
        slice.map((e) => ({
          id: e.id,
          source_id: null,
          type: e.type,
          caption: e.caption,
          names: toJson(e.names),
          country: e.country,
          identifiers: toJson(e.identifiers),
          properties: "{}",
          producer: CASE_ENTITY_PRODUCER,
        })),
      )
      .execute();
    const members = slice.flatMap((e) => e.memberIds.map((m) => ({ member_id: m, entity_id: e.id })));
    for (let j = 0; j < members.length; j += CHUNK * 2) {
      await db
        .insertInto("entity_members")
        .values(members.slice(j, j + CHUNK * 2))
        .execute();
    }
    const joins = slice.flatMap((e) =>
      e.joins.map((j) => ({
        entity_id: e.id,
        left_id: j.left,
        right_id: j.right,
        rule: j.rule,
        detail: j.detail,
      })),
    );
    for (let j = 0; j < joins.length; j += CHUNK) {
      await db
        .insertInto("entity_joins")
        .values(joins.slice(j, j + CHUNK))
        .execute();
    }
  }
}

/** Every stored case entity with its members and joins, in id order. */
export async function readCaseEntities(db: Queryable): Promise<StoredCaseEntity[]> {
  const rows = await db
    .selectFrom("entities")
    .selectAll()
    .where("source_id", "is", null)
    .where("producer", "=", CASE_ENTITY_PRODUCER)
    .orderBy("id")
    .execute();
  const members = await db.selectFrom("entity_members").selectAll().orderBy("member_id").execute();
  const byEntity = new Map<string, string[]>();
  for (const m of members) {
    const list = byEntity.get(m.entity_id) ?? [];
    list.push(m.member_id);
    byEntity.set(m.entity_id, list);
  }
  const joins = await db.selectFrom("entity_joins").selectAll().execute();
  const joinsOf = new Map<string, EntityJoin[]>();
  for (const j of joins) {
    const list = joinsOf.get(j.entity_id) ?? [];
    list.push({ left: j.left_id, right: j.right_id, rule: j.rule, detail: j.detail });
    joinsOf.set(j.entity_id, list);
  }
  return rows.map((row) => ({
    ...entityFromRow(row),
    memberIds: byEntity.get(row.id) ?? [],
    joins: joinsOf.get(row.id) ?? [],
  }));
}

/** Document-level entity id → case entity id. */
export async function readMemberships(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.selectFrom("entity_members").selectAll().execute();
  return new Map(rows.map((r) => [r.member_id, r.entity_id]));
}

/** Every claim as stored (pointing at document-level entity ids), in a stable order. */
export async function readStoredClaims(db: Queryable): Promise<Claim[]> {
  const rows = await db
    .selectFrom("claims")
    .selectAll()
    .orderBy("source_id")
    .orderBy("start")
    .orderBy("id")
    .execute();
  return rows.map(fromClaimRow);
}

/** One claim by id, or undefined. */
export async function findClaim(db: Queryable, id: string): Promise<Claim | undefined> {
  const row = await db.selectFrom("claims").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? fromClaimRow(row) : undefined;
}

/** Sets the review status of claims: `status` for the ids given (call inside a transaction). */
export async function setClaimStatus(db: Queryable, ids: string[], status: ClaimStatus): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .updateTable("claims")
      .set({ status })
      .where("id", "in", ids.slice(i, i + CHUNK))
      .execute();
  }
}

/** A mention as resolution and the analyst see it: where it is and which document-level entity it names. */
export interface MentionRef {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  text: string;
  entityId: string | null;
}

/** One mention by id, or undefined. */
export async function findMentionRef(db: Queryable, id: string): Promise<MentionRef | undefined> {
  const row = await db
    .selectFrom("mentions")
    .select(["id", "source_id", "start", "end", "text", "entity_id"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        sourceId: row.source_id,
        start: row.start,
        end: row.end,
        text: row.text,
        entityId: row.entity_id,
      }
    : undefined;
}

/** Every mention that names a document-level entity, in source and offset order. */
export async function readMentionRefs(db: Queryable): Promise<MentionRef[]> {
  const rows = await db
    .selectFrom("mentions")
    .select(["id", "source_id", "start", "end", "text", "entity_id"])
    .where("entity_id", "is not", null)
    .orderBy("source_id")
    .orderBy("start")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    sourceId: row.source_id,
    start: row.start,
    end: row.end,
    text: row.text,
    entityId: row.entity_id,
  }));
}

/** Claims whose id starts with `prefix` (at most two, to tell a unique prefix from an ambiguous one). */
export async function findClaimsByPrefix(db: Queryable, prefix: string): Promise<Claim[]> {
  const rows = await db
    .selectFrom("claims")
    .selectAll()
    // A range, not LIKE: ids contain "_", which LIKE reads as a wildcard.
    .where("id", ">=", prefix)
    .where("id", "<", `${prefix}\uffff`)
    .limit(2)
    .execute();
  return rows.map(fromClaimRow);
}

/**
 * How far the stored memberships lag the document-level entities: entities with no case entity, and
 * memberships whose entity is gone (re-extraction since the last resolution).
 */
export async function countUnresolved(db: Queryable): Promise<{ unassigned: number; orphaned: number }> {
  const unassigned = await db
    .selectFrom("entities")
    .leftJoin("entity_members", "entity_members.member_id", "entities.id")
    .where("entities.source_id", "is not", null)
    .where("entity_members.member_id", "is", null)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const orphaned = await db
    .selectFrom("entity_members")
    .leftJoin("entities", "entities.id", "entity_members.member_id")
    .where("entities.id", "is", null)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { unassigned: Number(unassigned.n), orphaned: Number(orphaned.n) };
}
