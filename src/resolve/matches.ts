// Stored matches as the analyst reviews them: each with its list entry, the entity's caption and the
// decision the log holds for it.
import { derivedId, type ListEntry, type Match } from "../model/index.js";
import { listDecisions, listMatches, type Queryable, readCaseEntities } from "../store/index.js";
import { decisionForMatch, replayDecisions } from "./replay.js";

/** A match ready to show: decision replayed, entity caption and list entry attached. */
export interface MatchView extends Match {
  caption: string;
  entry: ListEntry | null;
}

/** The stable id of a match: entity, snapshot and list entry. */
export function matchIdOf(entityId: string, snapshotId: string, entryId: string): string {
  return derivedId("match", entityId, snapshotId, entryId);
}

/** Every stored match with its decision, best score first. */
export async function readMatchesWithDecisions(db: Queryable): Promise<MatchView[]> {
  const [matches, entities, log] = await Promise.all([
    listMatches(db),
    readCaseEntities(db),
    listDecisions(db),
  ]);
  const replay = replayDecisions(log);
  const byId = new Map(entities.map((e) => [e.id, e]));
  return matches.map((match) => {
    const entity = byId.get(match.entityId);
    return {
      ...match,
      caption: entity?.caption ?? match.entityId,
      decision: decisionForMatch(replay, match, new Set(entity?.memberIds ?? [])),
    };
  });
}
