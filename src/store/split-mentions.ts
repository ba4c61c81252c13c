// Mentions an analyst split off the document-level entity they were read into ("this one mention is
// another party"): each such group becomes a document-level entity of its own, with the claims read
// about that mention alone. Kept in step with the decision log on every resolution: made when a split
// is in force, undone (mentions, claims and names back) when it no longer is.
import { derivedId } from "../model/index.js";
import { fromJson, toJson } from "./dialect.js";
import type { Queryable } from "./workspace.js";

/** The producer written on entities made by splitting mentions off another. */
export const SPLIT_PRODUCER = "skein-split-v1";

/** The id of the document-level entity holding the mentions split off together. */
export function splitEntityIdOf(mentionIds: string[]): string {
  return derivedId("ent", "split", ...[...mentionIds].sort());
}

const ENTITY_REFS = ["subject_id", "object_id", "via_id", "product_id"] as const;

/** Points every mention and claim reference from one entity to another, within one source. */
async function repoint(db: Queryable, from: string, to: string, claimIds: string[] | null): Promise<void> {
  for (const column of ENTITY_REFS) {
    let query = db
      .updateTable("claims")
      .set({ [column]: to })
      .where(column, "=", from);
    if (claimIds) {
      if (claimIds.length === 0) continue;
      query = query.where("id", "in", claimIds);
    }
    await query.execute();
  }
}

/** Gives back to the entity it came from what a split no longer in force took from it. */
async function undoSplit(
  db: Queryable,
  split: { id: string; names: string; properties: string },
): Promise<void> {
  const from = fromJson<{ splitFrom?: string }>(split.properties, {}).splitFrom;
  const origin = from
    ? await db.selectFrom("entities").select(["id", "names"]).where("id", "=", from).executeTakeFirst()
    : undefined;
  if (origin) {
    await db
      .updateTable("mentions")
      .set({ entity_id: origin.id })
      .where("entity_id", "=", split.id)
      .execute();
    await repoint(db, split.id, origin.id, null);
    const names = [
      ...new Set([...fromJson<string[]>(origin.names, []), ...fromJson<string[]>(split.names, [])]),
    ];
    await db
      .updateTable("entities")
      .set({ names: toJson(names) })
      .where("id", "=", origin.id)
      .execute();
  }
  await db.deleteFrom("entities").where("id", "=", split.id).execute();
}

/**
 * Splits each group of mentions (split entity id → mention ids) off its document-level entity, and
 * undoes the splits no longer asked for. A group whose mentions are gone (the source was extracted
 * again with other ids) or no longer name one entity is skipped. Call inside a transaction.
 */
export async function syncMentionSplits(db: Queryable, wanted: Map<string, string[]>): Promise<void> {
  const existing = await db
    .selectFrom("entities")
    .select(["id", "names", "properties"])
    .where("producer", "=", SPLIT_PRODUCER)
    .execute();
  for (const split of existing) if (!wanted.has(split.id)) await undoSplit(db, split);

  for (const [splitId, mentionIds] of wanted) {
    const moved = await db.selectFrom("mentions").selectAll().where("id", "in", mentionIds).execute();
    const owners = new Set(moved.map((m) => m.entity_id));
    if (moved.length !== mentionIds.length || owners.size !== 1) continue;
    const from = moved[0].entity_id;
    if (from === null || from === splitId) continue;
    const origin = await db.selectFrom("entities").selectAll().where("id", "=", from).executeTakeFirst();
    if (!origin) continue;
    const stale = existing.find((e) => e.id === splitId);
    if (stale) await db.deleteFrom("entities").where("id", "=", splitId).execute();

    const sourceId = moved[0].source_id;
    const staying = await db
      .selectFrom("mentions")
      .select(["start", "end", "text"])
      .where("entity_id", "=", from)
      .where("id", "not in", mentionIds)
      .execute();
    // A claim read about a moved mention alone goes with it: its evidence holds a moved mention and no
    // mention that stays.
    const inside = (span: { start: number; end: number }, claim: { start: number; end: number }) =>
      span.start >= claim.start && span.end <= claim.end;
    const claims = await db
      .selectFrom("claims")
      .select(["id", "start", "end"])
      .where("source_id", "=", sourceId)
      .where((eb) => eb.or(ENTITY_REFS.map((column) => eb(column, "=", from))))
      .execute();
    const claimIds = claims
      .filter((c) => moved.some((m) => inside(m, c)) && !staying.some((m) => inside(m, c)))
      .map((c) => c.id);

    const movedNames = [...new Set(moved.map((m) => m.text))];
    const stayingNames = new Set(staying.map((m) => m.text));
    const originNames = fromJson<string[]>(origin.names, []);
    const kept = originNames.filter((n) => stayingNames.has(n) || !movedNames.includes(n));
    const caption = kept.includes(origin.caption)
      ? origin.caption
      : ([...kept].sort((a, b) => b.length - a.length)[0] ?? origin.caption);
    await db
      .insertInto("entities")
      .values({
        id: splitId,
        source_id: origin.source_id,
        type: origin.type,
        caption: [...movedNames].sort((a, b) => b.length - a.length)[0],
        names: toJson(movedNames),
        country: origin.country,
        identifiers: "{}",
        properties: toJson({ splitFrom: from }),
        producer: SPLIT_PRODUCER,
      })
      .execute();
    await db.updateTable("mentions").set({ entity_id: splitId }).where("id", "in", mentionIds).execute();
    await repoint(db, from, splitId, claimIds);
    await db
      .updateTable("entities")
      .set({ names: toJson(kept.length > 0 ? kept : originNames), caption })
      .where("id", "=", from)
      .execute();
  }
}

/** The ids of the mentions read into one document-level entity. */
export async function mentionIdsOf(db: Queryable, entityId: string): Promise<string[]> {
  const rows = await db.selectFrom("mentions").select("id").where("entity_id", "=", entityId).execute();
  return rows.map((r) => r.id);
}

/** A document-level entity as an analyst splitting a party sees it: its name, its text and its mentions. */
export interface MemberView {
  id: string;
  caption: string;
  type: string;
  sourceId: string | null;
  mentions: Array<{ id: string; text: string; start: number; end: number }>;
}

/** The document-level entities given, with their mentions in text order. */
export async function readMembers(db: Queryable, ids: string[]): Promise<MemberView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("entities")
    .select(["id", "caption", "type", "source_id"])
    .where("id", "in", ids)
    .orderBy("id")
    .execute();
  const mentions = await db
    .selectFrom("mentions")
    .select(["id", "text", "start", "end", "entity_id"])
    .where("entity_id", "in", ids)
    .orderBy("start")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    caption: row.caption,
    type: row.type,
    sourceId: row.source_id,
    mentions: mentions
      .filter((m) => m.entity_id === row.id)
      .map(({ id, text, start, end }) => ({ id, text, start, end })),
  }));
}
