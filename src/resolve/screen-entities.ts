// Screening case entities against stored list snapshots with the screening engine: each party, vessel
// and aircraft is queried by its names, and every hit at the threshold becomes a match with its score,
// per-feature explanation and snapshot.

import { readStoredEntries } from "../lists/index.js";
import type { Entity, EntityType, ListEntry, Match } from "../model/index.js";
import { buildIndex, screen } from "../screen/index.js";
import {
  type Db,
  listDecisions,
  listListEntries,
  listListSnapshots,
  lockDecisionLog,
  readCaseEntities,
  replaceMatches,
} from "../store/index.js";
import { matchIdOf } from "./matches.js";
import { keyOfName, keyOfSchemaName, keysOfNames } from "./names.js";
import { findMatchDecision, type Replay, replayDecisions } from "./replay.js";

/** Options of screening case entities. */
export interface ScreeningOptions {
  /** Lowest score stored as a match. */
  threshold: number;
  /** Most list entries kept per entity and snapshot. */
  limit: number;
  /** Names of one entity queried at most (the fullest first). */
  maxNames: number;
  /** Entries scoring more than this below an entity's best entry are dropped (another party's near miss). */
  margin: number;
}

/** Defaults of screening case entities. */
export const SCREENING_DEFAULTS: Readonly<ScreeningOptions> = Object.freeze({
  threshold: 0.7,
  limit: 3,
  maxNames: 6,
  margin: 0.1,
});

/** Shortest single-word name screened on its own. */
const MIN_SINGLE_WORD = 4;

/** The list-entry schema a case entity is screened as; null for what lists do not hold (places, products). */
const SCREENED_AS: Partial<Record<EntityType, string>> = {
  Person: "Person",
  Company: "Company",
  Organization: "Organization",
  PublicBody: "Organization",
  Vessel: "Vessel",
  Aircraft: "Airplane",
};

/**
 * The names an entity is screened by: names of two words or more when it has any (a lone surname or
 * short form matches too much on its own), else its single-word names of four letters or more.
 */
export function namesToScreen(entity: Entity, maxNames: number): string[] {
  const keys = keysOfNames([entity.caption, ...entity.names], entity.type);
  const full = keys.filter((k) => k.tokens.length >= 2);
  if (entity.type === "Person" && full.length === 0) return [];
  // A lone acronym of two or three letters ("EU", "MoD") names too many list entries to mean one.
  const single = keys.filter((k) => k.tokens.length === 1 && k.key.length >= MIN_SINGLE_WORD);
  return (full.length > 0 ? full : single)
    .map((k) => k.name)
    .sort((a, b) => b.length - a.length)
    .slice(0, maxNames);
}

/** True when one of the entry's names (strong or weak) reduces to `key`. */
function entryHasKey(entry: ListEntry, key: string): boolean {
  return [...entry.names, ...entry.weakAliases].some(
    (name) => keyOfSchemaName(name, entry.schema).key === key,
  );
}

/** Screens entities against one snapshot's index. Pure: returns the matches, best first per entity. */
export function screenEntities(
  entities: Entity[],
  index: ReturnType<typeof buildIndex>,
  snapshotId: string,
  options: Partial<ScreeningOptions> = {},
): Array<Omit<Match, "decision">> {
  const config = { ...SCREENING_DEFAULTS, ...options };
  const out: Array<Omit<Match, "decision">> = [];
  for (const entity of entities) {
    const schema = SCREENED_AS[entity.type];
    if (!schema) continue;
    const best = new Map<string, Omit<Match, "decision">>();
    for (const name of namesToScreen(entity, config.maxNames)) {
      const query = { name, schema, countries: entity.country ? [entity.country] : [] };
      const single = keyOfName(name, entity.type);
      for (const result of screen(index, query, { threshold: config.threshold, limit: config.limit })) {
        if (result.score < config.threshold) continue;
        // One word is too little to carry a spelling difference: it must be one of the entry's names.
        if (single.tokens.length === 1 && !entryHasKey(result.entry, single.key)) continue;
        const seen = best.get(result.entry.id);
        if (seen && seen.score >= result.score) continue;
        best.set(result.entry.id, {
          id: matchIdOf(entity.id, snapshotId, result.entry.id),
          entityId: entity.id,
          snapshotId,
          entryId: result.entry.id,
          score: result.score,
          algorithm: result.algorithm,
          explanations: result.explanations,
        });
      }
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : 1));
    const floor = (ranked[0]?.score ?? 0) - config.margin;
    out.push(...ranked.filter((m) => m.score >= floor).slice(0, config.limit));
  }
  return out;
}

/**
 * The entries of the snapshots named by exact id, or of the newest snapshot of each list when none are
 * named (exact ids are looked up here because the lists stage's prefix lookup reads "_" as a wildcard).
 */
async function readSnapshots(db: Db, snapshotIds: string[] | undefined) {
  if (!snapshotIds?.length) return readStoredEntries(db, undefined);
  const stored = await listListSnapshots(db);
  const out = [];
  for (const id of snapshotIds) {
    const snapshot = stored.find((s) => s.id === id);
    if (!snapshot) return readStoredEntries(db, snapshotIds);
    out.push({ snapshot, entries: await listListEntries(db, snapshot.id) });
  }
  return out;
}

/** A confirmed match screening did not find again, kept or reported. */
export interface ConfirmedMatchChange {
  entityId: string;
  caption: string;
  entryId: string;
  snapshotId: string;
  /** The decision that confirmed it. */
  decisionId: number;
}

/** What one screening run did. */
export interface ScreeningSummary {
  snapshots: Array<{ id: string; authority: string; list: string; entries: number }>;
  screened: number;
  matches: number;
  /** Confirmed matches whose entry is still listed but no longer reaches the threshold (a list set without its aliases): kept. */
  kept: ConfirmedMatchChange[];
  /** Confirmed matches whose entry is gone from the newest snapshot of its list: delisted, reported. */
  delisted: ConfirmedMatchChange[];
}

/**
 * What screening must not lose: an analyst's confirmed match whose entry is still in a screened
 * snapshot but was not found again (its matching alias missing from the set loaded) is kept, scored
 * against that entry alone; one whose entry has left its list is reported as delisted. Pure.
 */
export function carryConfirmed(
  entities: Array<Entity & { memberIds: string[] }>,
  lists: Array<{ snapshot: { id: string; authority: string; list: string }; entries: ListEntry[] }>,
  found: Array<Omit<Match, "decision">>,
  replay: Replay,
): {
  matches: Array<Omit<Match, "decision">>;
  kept: ConfirmedMatchChange[];
  delisted: ConfirmedMatchChange[];
} {
  const owner = new Map<string, Entity & { memberIds: string[] }>();
  for (const entity of entities) for (const m of entity.memberIds) owner.set(m, entity);
  const have = new Set(found.map((m) => `${m.entityId}|${m.entryId}`));
  const matches: Array<Omit<Match, "decision">> = [];
  const kept: ConfirmedMatchChange[] = [];
  const delisted: ConfirmedMatchChange[] = [];
  for (const confirmation of replay.matchDecisions) {
    if (confirmation.decision !== "confirmed") continue;
    const entity = confirmation.members.map((m) => owner.get(m)).find((e) => e !== undefined);
    if (!entity || have.has(`${entity.id}|${confirmation.entryId}`)) continue;
    // The decision in force on this entry for this entity, as everywhere else (a later dismissal wins).
    const decision = findMatchDecision(
      replay,
      { id: "", snapshotId: "", entryId: confirmation.entryId },
      new Set(entity.memberIds),
    );
    if (decision?.decision !== "confirmed") continue;
    have.add(`${entity.id}|${decision.entryId}`);
    for (const { snapshot, entries } of lists) {
      if (!decision.entryId.startsWith(`${snapshot.authority}-${snapshot.list}-`)) continue;
      const change = {
        entityId: entity.id,
        caption: entity.caption,
        entryId: decision.entryId,
        snapshotId: snapshot.id,
        decisionId: decision.decisionId,
      };
      const entry = entries.find((e) => e.id === decision.entryId);
      if (!entry) {
        delisted.push(change);
        continue;
      }
      const schema = SCREENED_AS[entity.type] ?? entry.schema;
      const results = namesToScreen(entity, SCREENING_DEFAULTS.maxNames).flatMap((name) =>
        screen(buildIndex([entry]), { name, schema, countries: [] }, { threshold: 0, limit: 1 }),
      );
      const best = results.sort((a, b) => b.score - a.score)[0];
      matches.push({
        id: matchIdOf(entity.id, snapshot.id, entry.id),
        entityId: entity.id,
        snapshotId: snapshot.id,
        entryId: entry.id,
        score: best?.score ?? 0,
        algorithm: best?.algorithm ?? "confirmed",
        explanations: {
          ...(best?.explanations ?? {}),
          confirmed: {
            score: 1,
            weight: 0,
            detail: `kept: confirmed by decision ${decision.decisionId}; the entry is still listed but its names no longer reach the threshold`,
            query: null,
            candidate: null,
          },
        },
      });
      kept.push(change);
    }
  }
  return { matches, kept, delisted };
}

/**
 * Screens every case entity against the given snapshots (or the newest of each list) and replaces the
 * stored matches, in one transaction. With no list stored it screens nothing (and stores no match).
 */
export async function runScreening(
  db: Db,
  snapshotIds: string[] | undefined,
  options: Partial<ScreeningOptions> = {},
): Promise<ScreeningSummary> {
  const lists = await readSnapshots(db, snapshotIds);
  const entities = await readCaseEntities(db);
  const screened = entities.filter((e) => SCREENED_AS[e.type]);
  const matches: Array<Omit<Match, "decision">> = [];
  for (const { snapshot, entries } of lists) {
    matches.push(...screenEntities(screened, buildIndex(entries), snapshot.id, options));
  }
  const carried = carryConfirmed(entities, lists, matches, replayDecisions(await listDecisions(db)));
  matches.push(...carried.matches);
  await db.transaction().execute(async (trx) => {
    // Serialised with decisions and resolution runs, which also replace the stored matches.
    await lockDecisionLog(trx);
    await replaceMatches(trx, matches);
  });
  return {
    snapshots: lists.map(({ snapshot, entries }) => ({
      id: snapshot.id,
      authority: snapshot.authority,
      list: snapshot.list,
      entries: entries.length,
    })),
    screened: screened.length,
    matches: matches.length,
    kept: carried.kept,
    delisted: carried.delisted,
  };
}
