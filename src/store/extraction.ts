// Queries on extraction output: document-level entities, mentions and claims of a source, replaced as a
// whole on re-extraction while claims an analyst has accepted or rejected are kept.
import type {
  Amount,
  Certainty,
  Claim,
  ClaimStatus,
  Entity,
  EntityType,
  Mention,
  Period,
  Predicate,
} from "../model/index.js";
import { fromJson, toJson } from "./dialect.js";
import type { ClaimTable } from "./schema.js";
import type { Queryable } from "./workspace.js";

/** Counts written by replaceExtraction. */
export interface ExtractionWrite {
  entities: number;
  mentions: number;
  claims: number;
  /** Claims kept because an analyst decided on them. */
  kept: number;
}

/**
 * Replaces the machine output of one source (entities, mentions and proposed claims whose producer
 * starts with one of `producers`) with a new extraction; new entities are written as `producers[0]`.
 * Claims that are no longer `proposed` stay. Run it inside a transaction.
 */
export async function replaceExtraction(
  db: Queryable,
  sourceId: string,
  extraction: { entities: Entity[]; mentions: Mention[]; claims: Claim[] },
  producers: readonly [string, ...string[]],
): Promise<ExtractionWrite> {
  const producerPrefix = producers[0];
  for (const prefix of producers) {
    await db
      .deleteFrom("mentions")
      .where("source_id", "=", sourceId)
      .where("producer", "like", `${prefix}%`)
      .execute();
    await db
      .deleteFrom("claims")
      .where("source_id", "=", sourceId)
      .where("status", "=", "proposed")
      .where("producer", "like", `${prefix}%`)
      .execute();
  }
  const kept = await db
    .selectFrom("claims")
    .select(["id", "subject_id", "object_id"])
    .where("source_id", "=", sourceId)
    .execute();
  const keptEntityIds = new Set(kept.flatMap((c) => [c.subject_id, c.object_id]));
  const stale = await db
    .selectFrom("entities")
    .select("id")
    .where("source_id", "=", sourceId)
    .where("producer", "like", `${producerPrefix}%`)
    .execute();
  const staleIds = stale.map((e) => e.id).filter((id) => !keptEntityIds.has(id));
  for (let i = 0; i < staleIds.length; i += 500) {
    await db
      .deleteFrom("entities")
      .where("id", "in", staleIds.slice(i, i + 500))
      .execute();
  }
  // Multi-row statements: building and running one statement per row was a third of extraction's time.
  // One row per id, the last winning as a row-by-row upsert would: PostgreSQL refuses to update a row
  // twice in one statement.
  const entities = [...new Map(extraction.entities.map((e) => [e.id, e])).values()];
  for (const rows of batches(entities.map((e) => entityRow(e, sourceId, producerPrefix)))) {
    await db
      .insertInto("entities")
      .values(rows)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          type: eb.ref("excluded.type"),
          caption: eb.ref("excluded.caption"),
          names: eb.ref("excluded.names"),
          country: eb.ref("excluded.country"),
        })),
      )
      .execute();
  }
  for (const rows of batches(extraction.mentions.map((m) => mentionRow(m, sourceId)))) {
    await db
      .insertInto("mentions")
      .values(rows)
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
  const keptIds = new Set(kept.map((c) => c.id));
  const fresh = extraction.claims.filter((c) => !keptIds.has(c.id));
  for (const rows of batches(fresh.map(toClaimRow))) {
    await db
      .insertInto("claims")
      .values(rows)
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
  const claims = fresh.length;
  return {
    entities: extraction.entities.length,
    mentions: extraction.mentions.length,
    claims,
    kept: kept.length,
  };
}

/**
 * Rows in groups small enough for one statement: at most 17 columns × 400 rows = 6,800 parameters,
 * under SQLite's 32,766 and PostgreSQL's 65,535.
 */
function* batches<T>(rows: T[], size = 400): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

function entityRow(e: Entity, sourceId: string, producer: string) {
  return {
    id: e.id,
    source_id: sourceId,
    type: e.type,
    caption: e.caption,
    names: toJson(e.names),
    country: e.country,
    identifiers: toJson(e.identifiers),
    properties: "{}",
    producer,
  };
}

function mentionRow(m: Mention, sourceId: string) {
  return {
    id: m.id,
    source_id: sourceId,
    start: m.start,
    end: m.end,
    text: m.text,
    type: m.type,
    entity_id: m.entityId,
    producer: m.producer,
  };
}

function toClaimRow(c: Claim): ClaimTable {
  return {
    id: c.id,
    subject_id: c.subjectId,
    predicate: c.predicate,
    object_id: c.objectId,
    period: c.period ? toJson(c.period) : null,
    amount: c.amount ? toJson(c.amount) : null,
    product_id: c.productId,
    via_id: c.viaId,
    source_id: c.evidence.sourceId,
    start: c.evidence.start,
    end: c.evidence.end,
    quote: c.evidence.quote,
    attribution: c.attribution,
    certainty: c.certainty,
    status: c.status,
    producer: c.producer,
    probability: c.probability,
  };
}

/** A claims row as a Claim record (also used by the resolution queries). */
export function fromClaimRow(row: ClaimTable): Claim {
  return {
    id: row.id,
    subjectId: row.subject_id,
    predicate: row.predicate as Predicate,
    objectId: row.object_id,
    period: fromJson<Period | null>(row.period, null),
    amount: fromJson<Amount | null>(row.amount, null),
    productId: row.product_id,
    viaId: row.via_id,
    evidence: { sourceId: row.source_id, start: row.start, end: row.end, quote: row.quote },
    attribution: row.attribution,
    certainty: row.certainty as Certainty,
    status: row.status as ClaimStatus,
    producer: row.producer,
    probability: row.probability === null || row.probability === undefined ? null : Number(row.probability),
  };
}

/** Filters of listClaims. */
export interface ClaimFilter {
  /** Entity id, or a caption / name to look for (case-insensitive substring). */
  entity?: string;
  predicate?: Predicate;
  sourceId?: string;
}

/** A claim with the captions of its subject and object. */
export interface ClaimRow extends Claim {
  subjectCaption: string;
  objectCaption: string;
}

/** Claims, with subject and object captions, in source and evidence order. */
export async function listClaims(db: Queryable, filter: ClaimFilter = {}): Promise<ClaimRow[]> {
  let query = db
    .selectFrom("claims")
    .innerJoin("entities as s", "s.id", "claims.subject_id")
    .innerJoin("entities as o", "o.id", "claims.object_id")
    .selectAll("claims")
    .select([
      "s.caption as subject_caption",
      "o.caption as object_caption",
      "s.names as subject_names",
      "o.names as object_names",
    ]);
  if (filter.predicate) query = query.where("claims.predicate", "=", filter.predicate);
  if (filter.sourceId) query = query.where("claims.source_id", "=", filter.sourceId);
  const rows = await query.orderBy("claims.source_id").orderBy("claims.start").execute();
  const needle = filter.entity?.toLowerCase();
  return rows
    .filter(
      (r) =>
        !needle ||
        r.subject_id === filter.entity ||
        r.object_id === filter.entity ||
        r.subject_names.toLowerCase().includes(needle) ||
        r.object_names.toLowerCase().includes(needle),
    )
    .map((r) => ({ ...fromClaimRow(r), subjectCaption: r.subject_caption, objectCaption: r.object_caption }));
}

/** Mentions of a source, in text order. */
export async function listMentions(db: Queryable, sourceId: string): Promise<Mention[]> {
  const rows = await db
    .selectFrom("mentions")
    .selectAll()
    .where("source_id", "=", sourceId)
    .orderBy("start")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    start: r.start,
    end: r.end,
    text: r.text,
    type: r.type as EntityType,
    entityId: r.entity_id,
    producer: r.producer,
  }));
}

/** Document-level entities read from a source. */
export async function listSourceEntities(db: Queryable, sourceId: string): Promise<Entity[]> {
  const rows = await db
    .selectFrom("entities")
    .selectAll()
    .where("source_id", "=", sourceId)
    .orderBy("caption")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type as EntityType,
    caption: r.caption,
    names: fromJson<string[]>(r.names, []),
    country: r.country,
    identifiers: fromJson<Record<string, string[]>>(r.identifiers, {}),
  }));
}
