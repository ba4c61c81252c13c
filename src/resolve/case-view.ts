// The case view: everything analyses and reports need, read once from the store. Claims are re-pointed
// from document-level entities to the case entities that hold them; each case entity carries its list
// matches (decided by the analyst's log) and whether it counts as sanctioned.
import type { CaseEntity, CaseView, Claim, Listing } from "../model/index.js";
import {
  listDecisions,
  listMatches,
  listSources,
  type Queryable,
  readCaseEntities,
  readStoredClaims,
} from "../store/index.js";
import { findMatchDecision, replayDecisions } from "./replay.js";
import { rolesOf } from "./roles.js";

/** Options of the case view. */
export interface CaseViewOptions {
  /** A match at or above this score makes an entity sanctioned unless dismissed (a confirmed match always does). */
  threshold: number;
}

/** Defaults of the case view. */
export const CASE_VIEW_DEFAULTS: Readonly<CaseViewOptions> = Object.freeze({ threshold: 0.7 });

/** Reads the case view from the store: sources (without text), case entities with listings, claims. */
export async function readCaseView(db: Queryable, options: Partial<CaseViewOptions> = {}): Promise<CaseView> {
  const config = { ...CASE_VIEW_DEFAULTS, ...options };
  const [sources, stored, matches, log, claims] = await Promise.all([
    listSources(db),
    readCaseEntities(db),
    listMatches(db),
    listDecisions(db),
    readStoredClaims(db),
  ]);
  const replay = replayDecisions(log);
  const caseOf = new Map<string, string>();
  for (const entity of stored) for (const m of entity.memberIds) caseOf.set(m, entity.id);

  const listingsOf = new Map<string, Listing[]>();
  const members = new Map(stored.map((e) => [e.id, new Set(e.memberIds)]));
  for (const match of matches) {
    if (!match.entry) continue;
    const decided = findMatchDecision(replay, match, members.get(match.entityId) ?? new Set());
    const decision = decided?.decision ?? null;
    if (decision === "dismissed") continue;
    if (decision !== "confirmed" && match.score < config.threshold) continue;
    const listing: Listing = {
      matchId: match.id,
      entryId: match.entryId,
      authority: match.entry.authority,
      authorityId: match.entry.authorityId,
      list: match.entry.list,
      programs: match.entry.programs,
      listingDate: match.entry.listingDate,
      score: match.score,
      decision,
      decidedBy: decided?.by ?? null,
    };
    listingsOf.set(match.entityId, [...(listingsOf.get(match.entityId) ?? []), listing]);
  }

  const mapId = (id: string | null) => (id === null ? null : (caseOf.get(id) ?? null));
  const viewClaims: Claim[] = [];
  for (const claim of claims) {
    const subjectId = caseOf.get(claim.subjectId);
    const objectId = caseOf.get(claim.objectId);
    // A claim whose parties were never resolved (extraction ran after resolution) waits for the next run.
    if (!subjectId || !objectId) continue;
    viewClaims.push({
      ...claim,
      subjectId,
      objectId,
      productId: mapId(claim.productId),
      viaId: mapId(claim.viaId),
    });
  }

  const roles = rolesOf(stored, viewClaims);
  const entities: CaseEntity[] = stored.map(({ memberIds, joins: _joins, ...entity }) => {
    const listings = (listingsOf.get(entity.id) ?? []).sort((a, b) => b.score - a.score);
    return {
      ...entity,
      memberIds,
      sanctioned: listings.length > 0,
      listings,
      role: roles.get(entity.id) ?? "party",
    };
  });

  return {
    sources: sources.map(({ text: _text, ...source }) => source),
    entities,
    claims: viewClaims,
  };
}
