// Reads shared by the entity, claim, match and graph routes: the case view with its lookups, and stored
// matches with the analyst's decision on each (from the replayed decision log), memoised per workspace
// version so that a page's several requests read the case once.
import { sql } from "kysely";
import type { CaseEntity, CaseView, Claim } from "../../model/index.js";
import { findMatchDecision, readCaseView, replayDecisions, versionKey } from "../../resolve/index.js";
import {
  listDecisions,
  listMatches,
  type Queryable,
  readAllVersions,
  type StoredMatch,
} from "../../store/index.js";

/** The case view with entities by id and their claims. */
export interface CaseIndex {
  view: CaseView;
  entities: Map<string, CaseEntity>;
  claimsOf(entityId: string): Claim[];
  /** A decided record's version (0 before any decision on it), which a decision on it sends back. */
  versionOf(kind: "claim" | "match" | "entity", id: string): number;
}

/** The last case index read per workspace, with the workspace version it was read at. */
const memo = new WeakMap<object, { version: string; index: Promise<CaseIndex> }>();

/**
 * The workspace's version: SQLite's data_version (moves when another connection commits) and the rows
 * this connection changed; null where the store cannot tell (then nothing is memoised).
 */
async function versionOf(db: Queryable): Promise<string | null> {
  try {
    const { rows } = await sql<{ dv: number; tc: number }>`
      select (select data_version from pragma_data_version) as dv, total_changes() as tc`.execute(db);
    return rows[0] ? `${rows[0].dv}:${rows[0].tc}` : null;
  } catch {
    return null;
  }
}

/** Reads the case view and indexes it for lookups; reused while the workspace is unchanged. */
export async function readCaseIndex(db: Queryable): Promise<CaseIndex> {
  const version = await versionOf(db);
  const seen = memo.get(db);
  if (version !== null && seen?.version === version) return seen.index;
  const index = buildCaseIndex(db);
  if (version !== null) memo.set(db, { version, index });
  index.catch(() => memo.delete(db));
  return index;
}

async function buildCaseIndex(db: Queryable): Promise<CaseIndex> {
  const [view, versions] = await Promise.all([readCaseView(db), readAllVersions(db)]);
  const entities = new Map(view.entities.map((e) => [e.id, e]));
  const byEntity = new Map<string, Claim[]>();
  for (const claim of view.claims) {
    for (const id of new Set([claim.subjectId, claim.objectId])) {
      const list = byEntity.get(id) ?? [];
      list.push(claim);
      byEntity.set(id, list);
    }
  }
  return {
    view,
    entities,
    claimsOf: (id) => byEntity.get(id) ?? [],
    versionOf: (kind, id) => versions.get(versionKey(kind, id)) ?? 0,
  };
}

/** A stored match with the analyst's decision on it, who made that decision, and its version. */
export type DecidedMatch = StoredMatch & {
  decision: "confirmed" | "dismissed" | null;
  decidedBy: string | null;
  version: number;
};

/**
 * Every stored match with its decision: the latest confirm or dismiss on the match, or on the same list
 * entry for an entity sharing a member (entity ids change when resolution re-runs).
 */
export async function readDecidedMatches(db: Queryable, index: CaseIndex): Promise<DecidedMatch[]> {
  const [matches, log] = await Promise.all([listMatches(db), listDecisions(db)]);
  const replay = replayDecisions(log);
  const members = new Map(index.view.entities.map((e) => [e.id, new Set(e.memberIds)]));
  return matches.map((match) => {
    const decided = findMatchDecision(replay, match, members.get(match.entityId) ?? new Set<string>());
    return {
      ...match,
      decision: decided?.decision ?? null,
      decidedBy: decided?.by ?? null,
      version: index.versionOf("match", match.id),
    };
  });
}
