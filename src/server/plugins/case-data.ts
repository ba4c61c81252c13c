// Reads shared by the entity, claim and match routes: the case view with its lookups, and stored matches
// with the analyst's decision on each (from the replayed decision log).
import type { CaseEntity, CaseView, Claim } from "../../model/index.js";
import { readCaseView, replayDecisions } from "../../resolve/index.js";
import { listDecisions, listMatches, type Queryable, type StoredMatch } from "../../store/index.js";

/** The case view with entities by id and their claims. */
export interface CaseIndex {
  view: CaseView;
  entities: Map<string, CaseEntity>;
  claimsOf(entityId: string): Claim[];
}

/** Reads the case view and indexes it for lookups. */
export async function readCaseIndex(db: Queryable): Promise<CaseIndex> {
  const view = await readCaseView(db);
  const entities = new Map(view.entities.map((e) => [e.id, e]));
  const byEntity = new Map<string, Claim[]>();
  for (const claim of view.claims) {
    for (const id of new Set([claim.subjectId, claim.objectId])) {
      const list = byEntity.get(id) ?? [];
      list.push(claim);
      byEntity.set(id, list);
    }
  }
  return { view, entities, claimsOf: (id) => byEntity.get(id) ?? [] };
}

/** A stored match with the analyst's decision on it. */
export type DecidedMatch = StoredMatch & { decision: "confirmed" | "dismissed" | null };

/**
 * Every stored match with its decision: the latest confirm or dismiss on the match, or on the same list
 * entry for an entity sharing a member (entity ids change when resolution re-runs).
 */
export async function readDecidedMatches(db: Queryable, view: CaseView): Promise<DecidedMatch[]> {
  const [matches, log] = await Promise.all([listMatches(db), listDecisions(db)]);
  const { matchDecisions } = replayDecisions(log);
  const members = new Map(view.entities.map((e) => [e.id, new Set(e.memberIds)]));
  return matches.map((match) => {
    const own = members.get(match.entityId) ?? new Set<string>();
    let latest: (typeof matchDecisions)[number] | null = null;
    for (const d of matchDecisions) {
      const same =
        d.matchId === match.id ||
        (d.snapshotId === match.snapshotId &&
          d.entryId === match.entryId &&
          d.members.some((m) => own.has(m)));
      if (same && (!latest || d.decisionId > latest.decisionId)) latest = d;
    }
    return { ...match, decision: latest?.decision ?? null };
  });
}
