// The I/O rim of resolution: reads document-level entities, claims and the decision log from the store,
// clusters, and writes case entities, memberships, claim statuses and re-keyed matches in one transaction.
import type { ClaimStatus, Decision } from "../model/index.js";
import {
  countUnresolved,
  type Db,
  listDecisions,
  listMatches,
  lockDecisionLog,
  type Queryable,
  readDocumentEntities,
  readMemberships,
  readStoredClaims,
  replaceCaseEntities,
  replaceMatches,
  setClaimStatus,
  syncMentionSplits,
} from "../store/index.js";
import { type ResolutionOptions, resolveEntities } from "./cluster.js";
import { matchIdOf } from "./matches.js";
import { type CaptionChoice, decisionForMatch, readMemberList, replayDecisions } from "./replay.js";

/** A stored match at least this strong counts as evidence that its entity is the listed party. */
const LISTED_SCORE = 0.9;

/** What one run of resolution did. */
export interface ResolutionSummary {
  documentEntities: number;
  entities: number;
  claims: { accepted: number; rejected: number };
  /**
   * Decisions in force that no longer apply, by id: a claim decision whose claim is gone, or an entity
   * decision none of whose document-level entities exists any more (re-extraction renamed them).
   */
  unapplied: number[];
}

/** Merge, not-same and split decisions in force whose two sides no longer both have an entity. */
function entityDecisionsGone(log: Decision[], documentIds: ReadonlySet<string>): number[] {
  const sides: Partial<Record<Decision["action"], [string, string]>> = {
    merge: ["aMembers", "bMembers"],
    not_same: ["aMembers", "bMembers"],
    split: ["moved", "rest"],
    rename: ["members", "members"],
  };
  return log
    .filter((d) => d.supersededBy === null && sides[d.action])
    .filter((d) => {
      const [left, right] = sides[d.action] as [string, string];
      const present = (field: string) => readMemberList(d.target[field]).some((m) => documentIds.has(m));
      return !present(left) || !present(right);
    })
    .map((d) => d.id);
}

/**
 * Gives each entity the caption an analyst chose for it: the latest choice made on an entity sharing a
 * document-level entity with it. The chosen caption joins its names (a name is evidence for screening).
 */
function applyCaptions(
  entities: Array<{ caption: string; names: string[]; memberIds: string[] }>,
  captions: CaptionChoice[],
): void {
  if (captions.length === 0) return;
  const chosen = new Map<string, CaptionChoice>();
  for (const choice of captions) for (const m of choice.members) chosen.set(m, choice);
  for (const entity of entities) {
    let latest: CaptionChoice | undefined;
    for (const m of entity.memberIds) {
      const choice = chosen.get(m);
      if (choice && (!latest || choice.decisionId > latest.decisionId)) latest = choice;
    }
    if (!latest) continue;
    entity.caption = latest.caption;
    if (!entity.names.includes(latest.caption)) entity.names = [latest.caption, ...entity.names];
  }
}

/** Runs resolution inside an open transaction (so a decision and its effect commit together). */
export async function resolveWithin(
  trx: Queryable,
  options: Partial<ResolutionOptions> = {},
): Promise<ResolutionSummary> {
  const log = await listDecisions(trx);
  const replay = replayDecisions(log);
  // Mentions split off their entity become entities of their own before anything is read.
  await syncMentionSplits(trx, replay.mentionSplits);
  const [documentEntities, claims, oldMembership, matches] = await Promise.all([
    readDocumentEntities(trx),
    readStoredClaims(trx),
    readMemberships(trx),
    listMatches(trx),
  ]);
  const oldMembers = new Map<string, string[]>();
  for (const [member, entity] of oldMembership)
    oldMembers.set(entity, [...(oldMembers.get(entity) ?? []), member]);
  // Strong list matches from the last screening, unless dismissed, tie their entities' members to the entry.
  const listed: Array<[string, string]> = [];
  for (const match of matches) {
    if (match.score < LISTED_SCORE) continue;
    const members = oldMembers.get(match.entityId) ?? [];
    if (decisionForMatch(replay, match, new Set(members)) === "dismissed") continue;
    for (const member of members) listed.push([member, match.entryId]);
  }
  const resolved = resolveEntities(
    {
      entities: documentEntities,
      links: claims.map((c) => [c.subjectId, c.objectId] as [string, string]),
      listed,
      constraints: replay.constraints,
    },
    options,
  );
  applyCaptions(resolved, replay.captions);
  await replaceCaseEntities(trx, resolved);

  // Claim statuses follow the log: decided claims take the decision, the rest are proposed again.
  const claimIds = new Set(claims.map((c) => c.id));
  const byStatus = new Map<ClaimStatus, string[]>([
    ["proposed", []],
    ["accepted", []],
    ["rejected", []],
  ]);
  for (const claim of claims) {
    const status = replay.claimStatus.get(claim.id)?.status ?? "proposed";
    if (claim.status !== status) byStatus.get(status)?.push(claim.id);
  }
  for (const [status, ids] of byStatus) if (ids.length > 0) await setClaimStatus(trx, ids, status);
  const documentIds = new Set(documentEntities.map((e) => e.id));
  const unapplied = [
    ...[...replay.claimStatus.entries()].filter(([id]) => !claimIds.has(id)).map(([, v]) => v.decisionId),
    ...entityDecisionsGone(log, documentIds),
  ].sort((a, b) => a - b);

  // Matches follow their entity's members to the case entity that now holds them.
  const newEntityOf = new Map<string, string>();
  for (const entity of resolved) for (const m of entity.memberIds) newEntityOf.set(m, entity.id);
  const rekeyed = new Map<string, (typeof matches)[number]>();
  for (const match of matches) {
    const members = (oldMembers.get(match.entityId) ?? []).sort();
    const entityId = members.map((m) => newEntityOf.get(m)).find(Boolean);
    if (!entityId) continue;
    const id = matchIdOf(entityId, match.snapshotId, match.entryId);
    const kept = rekeyed.get(id);
    if (!kept || kept.score < match.score) rekeyed.set(id, { ...match, id, entityId });
  }
  await replaceMatches(trx, [...rekeyed.values()]);

  const accepted = claims.filter((c) => replay.claimStatus.get(c.id)?.status === "accepted").length;
  const rejected = claims.filter((c) => replay.claimStatus.get(c.id)?.status === "rejected").length;
  return {
    documentEntities: documentEntities.length,
    entities: resolved.length,
    claims: { accepted, rejected },
    unapplied,
  };
}

/** Re-runs resolution over the whole workspace, replaying every decision; one transaction. */
export async function runResolution(
  db: Db,
  options: Partial<ResolutionOptions> = {},
): Promise<ResolutionSummary> {
  return db.transaction().execute(async (trx) => {
    // One writer of the resolved state at a time: a decision, an extraction run's resolution or a
    // screening may run at once on a shared server, and each replaces the case entities and matches.
    await lockDecisionLog(trx);
    return resolveWithin(trx, options);
  });
}

/**
 * Runs resolution when the document-level entities changed since the last run (a re-extraction), so
 * views never miss claims; returns the run, or null when the stored resolution is current.
 */
export async function ensureResolved(db: Db): Promise<ResolutionSummary | null> {
  const { unassigned, orphaned } = await countUnresolved(db);
  return unassigned + orphaned > 0 ? runResolution(db) : null;
}
