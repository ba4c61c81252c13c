// Replaying the analyst decision log: the entries still in force, read in log order, become clustering
// constraints, claim statuses and match decisions. A later decision on the same thing wins; an undone
// entry (superseded) and the undo entries themselves are skipped.
import type { Decision } from "../model/index.js";
import type { Constraints } from "./cluster.js";

/** A confirm or dismiss, pointing at a match by its list entry and the entity members it was made on. */
export interface MatchDecision {
  matchId: string;
  snapshotId: string;
  entryId: string;
  /** Document-level entity ids of the case entity when the analyst decided. */
  members: string[];
  decision: "confirmed" | "dismissed";
  decisionId: number;
  /** Who decided: an account, a token (`token:tok_…`) or, without accounts, the analyst's name. */
  by: string;
}

/** A caption an analyst chose for the entity holding these document-level entities. */
export interface CaptionChoice {
  members: string[];
  caption: string;
  decisionId: number;
}

/** What the log says, ready for resolution, screening and the case view. */
export interface Replay {
  constraints: Constraints;
  /** Mentions split off their document-level entity: the entity made of them → their ids. */
  mentionSplits: Map<string, string[]>;
  /** Captions chosen, oldest first (a later choice on the same entity wins). */
  captions: CaptionChoice[];
  /** Claim id → status the analyst set, with the deciding entry's id. */
  claimStatus: Map<string, { status: "accepted" | "rejected"; decisionId: number }>;
  matchDecisions: MatchDecision[];
}

/** Splits a stored member list ("a,b,c"). */
export function readMemberList(value: string | undefined): string[] {
  return value ? value.split(",").filter(Boolean) : [];
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Reads the decision log (oldest first) into constraints, claim statuses and match decisions. Pure. */
export function replayDecisions(log: Decision[]): Replay {
  const apart = new Map<string, [string, string]>();
  const together: Array<[string, string]> = [];
  const claimStatus: Replay["claimStatus"] = new Map();
  const matchDecisions: MatchDecision[] = [];
  const captions: CaptionChoice[] = [];
  const mentionSplits = new Map<string, string[]>();
  const active = [...log]
    .sort((x, y) => x.id - y.id)
    .filter((d) => d.supersededBy === null && d.action !== "undo");

  const addApart = (left: string[], right: string[]) => {
    for (const a of left) for (const b of right) if (a !== b) apart.set(pairKey(a, b), [a, b]);
  };
  for (const d of active) {
    const t = d.target;
    switch (d.action) {
      case "merge": {
        const left = readMemberList(t.aMembers);
        const right = readMemberList(t.bMembers);
        // A merge lifts earlier "not the same" between the two sides, then chains every member together.
        for (const a of left) for (const b of right) apart.delete(pairKey(a, b));
        const all = [...left, ...right];
        for (let i = 1; i < all.length; i++) together.push([all[i - 1], all[i]]);
        break;
      }
      case "not_same":
        addApart(readMemberList(t.aMembers), readMemberList(t.bMembers));
        break;
      case "split":
        // "id=m1|m2,…": groups of mentions that became entities of their own.
        for (const group of readMemberList(t.detached)) {
          const [id, mentions] = group.split("=");
          if (id && mentions) mentionSplits.set(id, mentions.split("|"));
        }
        addApart(readMemberList(t.moved), readMemberList(t.rest));
        break;
      case "rename":
        captions.push({ members: readMemberList(t.members), caption: t.caption, decisionId: d.id });
        break;
      case "accept":
      case "reject":
        claimStatus.set(t.claim, {
          status: d.action === "accept" ? "accepted" : "rejected",
          decisionId: d.id,
        });
        break;
      case "confirm":
      case "dismiss":
        matchDecisions.push({
          matchId: t.match,
          snapshotId: t.snapshot,
          entryId: t.entry,
          members: readMemberList(t.members),
          decision: d.action === "confirm" ? "confirmed" : "dismissed",
          decisionId: d.id,
          by: d.by,
        });
        break;
    }
  }
  return {
    constraints: { together, apart: [...apart.values()] },
    mentionSplits,
    captions,
    claimStatus,
    matchDecisions,
  };
}

/**
 * The analyst's decision on a match, if any: the latest confirm/dismiss made on the same list entry for
 * an entity sharing a member (entity ids may change when resolution re-runs). Entry ids are stable
 * across a list's snapshots, so a decision follows its entry into newer snapshots of the list.
 */
export function decisionForMatch(
  replay: Replay,
  match: { id: string; snapshotId: string; entryId: string },
  memberIds: ReadonlySet<string>,
): "confirmed" | "dismissed" | null {
  return findMatchDecision(replay, match, memberIds)?.decision ?? null;
}

/** The log entry behind `decisionForMatch`, with who made it; null when the match is undecided. */
export function findMatchDecision(
  replay: Replay,
  match: { id: string; snapshotId: string; entryId: string },
  memberIds: ReadonlySet<string>,
): MatchDecision | null {
  let found: MatchDecision | null = null;
  for (const d of replay.matchDecisions) {
    const same =
      d.matchId === match.id || (d.entryId === match.entryId && d.members.some((m) => memberIds.has(m)));
    if (same && (!found || d.decisionId > found.decisionId)) found = d;
  }
  return found;
}
