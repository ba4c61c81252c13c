// Analyst decisions: merge, split, not-same, accept/reject a claim, confirm/dismiss a match, undo. Each
// is checked against the current state first (a bad one writes nothing), appended to the log, and
// takes effect at once, in the same transaction, by replaying the log (nomenklatura's resolver habit).
import { type Decision, type DecisionAction, SkeinError } from "../model/index.js";
import {
  appendDecision,
  type Db,
  findClaim,
  findClaimsByPrefix,
  findDecision,
  findMatchesByPrefix,
  findMentionRef,
  type Queryable,
  readCaseEntities,
  readDocumentEntities,
  readMemberships,
  type StoredCaseEntity,
  supersedeDecision,
} from "../store/index.js";
import { type ResolutionSummary, resolveWithin } from "./run-resolution.js";

/** Who decides and why; `by` defaults to the OS user in the CLI. */
export interface DecisionMeta {
  by: string;
  why: string | null;
}

/** A recorded decision and, when it changed the entities, the resolution it triggered. */
export interface DecisionOutcome {
  decision: Decision;
  resolution: ResolutionSummary | null;
}

function checkMeta(meta: DecisionMeta): void {
  if (typeof meta.by !== "string" || meta.by.trim() === "") {
    throw new SkeinError("DECISION_BAD_VALUE", "decision: --by must name who decides, e.g. --by alice", {
      field: "by",
      received: String(meta.by),
    });
  }
  if (meta.why !== null && meta.why.trim() === "") {
    throw new SkeinError("DECISION_BAD_VALUE", "decision: --why must say why, e.g. --why 'same tax id'", {
      field: "why",
      received: meta.why,
    });
  }
}

/** Case entities, resolving the workspace first when it never was (so ids exist to decide on). */
async function currentEntities(trx: Queryable): Promise<StoredCaseEntity[]> {
  const entities = await readCaseEntities(trx);
  if (entities.length > 0) return entities;
  if ((await readDocumentEntities(trx)).length === 0) return entities;
  await resolveWithin(trx);
  return readCaseEntities(trx);
}

/**
 * The case entity an id names: a case entity id, a unique prefix of one, or the id of a
 * document-level entity (the case entity that holds it).
 */
export async function findCaseEntity(db: Queryable, ref: string): Promise<StoredCaseEntity> {
  const entities = await currentEntities(db);
  const exact = entities.find((e) => e.id === ref);
  if (exact) return exact;
  const holder = (await readMemberships(db)).get(ref);
  if (holder) {
    const found = entities.find((e) => e.id === holder);
    if (found) return found;
  }
  const prefixed = ref.length >= 3 ? entities.filter((e) => e.id.startsWith(ref)) : [];
  if (prefixed.length === 1) return prefixed[0];
  // A name, as `claims --entity` takes one: the entity whose caption or one of whose names it is.
  const key = ref.trim().toLowerCase();
  const named = entities.filter((e) => [e.caption, ...e.names].some((n) => n.toLowerCase() === key));
  if (named.length === 1) return named[0];
  if (named.length > 1) {
    throw new SkeinError(
      "RESOLVE_AMBIGUOUS_ID",
      `the name "${ref}" is borne by ${named.length} entities (${named.map((e) => e.id).join(", ")}); give one id`,
      { field: "entity", received: ref },
    );
  }
  if (prefixed.length > 1) {
    throw new SkeinError(
      "RESOLVE_AMBIGUOUS_ID",
      `entity id "${ref}" names ${prefixed.length} entities; give more of it`,
      {
        field: "entity",
        received: ref,
      },
    );
  }
  throw new SkeinError(
    "RESOLVE_UNKNOWN_ENTITY",
    `no entity with id or name "${ref}" (case entity id, a unique prefix, a document-level entity id, or a name), e.g. case_1a2b3c`,
    { field: "entity", received: ref },
  );
}

async function record(
  db: Db,
  action: DecisionAction,
  meta: DecisionMeta,
  build: (trx: Queryable) => Promise<Record<string, string>>,
  options: { resolve: boolean } = { resolve: true },
): Promise<DecisionOutcome> {
  checkMeta(meta);
  return db.transaction().execute(async (trx) => {
    const target = await build(trx);
    const decision = await appendDecision(trx, { by: meta.by, why: meta.why, action, target });
    const resolution = options.resolve ? await resolveWithin(trx) : null;
    return { decision, resolution };
  });
}

async function twoEntities(trx: Queryable, a: string, b: string) {
  const left = await findCaseEntity(trx, a);
  const right = await findCaseEntity(trx, b);
  return { left, right };
}

/** Records that entities `a` and `b` are one party, and re-resolves. */
export async function mergeEntities(
  db: Db,
  a: string,
  b: string,
  meta: DecisionMeta,
): Promise<DecisionOutcome> {
  return record(db, "merge", meta, async (trx) => {
    const { left, right } = await twoEntities(trx, a, b);
    if (left.id === right.id) {
      throw new SkeinError(
        "DECISION_SAME_ENTITY",
        `merge: "${a}" and "${b}" are already one entity (${left.id})`,
        {
          received: `${a} ${b}`,
        },
      );
    }
    return {
      a: left.id,
      b: right.id,
      aMembers: left.memberIds.join(","),
      bMembers: right.memberIds.join(","),
    };
  });
}

/**
 * Records that `a` and `b` are different parties, and re-resolves. Two document-level ids inside one
 * case entity are allowed (it splits them); two names of one case entity are not.
 */
export async function markNotSame(
  db: Db,
  a: string,
  b: string,
  meta: DecisionMeta,
): Promise<DecisionOutcome> {
  return record(db, "not_same", meta, async (trx) => {
    const { left, right } = await twoEntities(trx, a, b);
    const memberA = left.memberIds.includes(a) ? [a] : left.memberIds;
    const memberB = right.memberIds.includes(b) ? [b] : right.memberIds;
    if (memberA.some((m) => memberB.includes(m))) {
      throw new SkeinError(
        "DECISION_SAME_ENTITY",
        `not-same: "${a}" and "${b}" name the same entity (${left.id})`,
        {
          received: `${a} ${b}`,
        },
      );
    }
    return { a: left.id, b: right.id, aMembers: memberA.join(","), bMembers: memberB.join(",") };
  });
}

/**
 * Records that the mentions given (or document-level entities) are not the entity they were resolved
 * into, and re-resolves; the rest of the entity must keep at least one member.
 */
export async function splitEntity(
  db: Db,
  entity: string,
  mentions: string[],
  meta: DecisionMeta,
): Promise<DecisionOutcome> {
  return record(db, "split", meta, async (trx) => {
    const target = await findCaseEntity(trx, entity);
    if (mentions.length === 0) {
      throw new SkeinError("DECISION_SPLIT_EMPTY", "split: name at least one mention with --mention", {
        field: "mention",
      });
    }
    const moved = new Set<string>();
    for (const ref of mentions) {
      if (target.memberIds.includes(ref)) {
        moved.add(ref);
        continue;
      }
      const mention = await findMentionRef(trx, ref);
      if (!mention) {
        throw new SkeinError("RESOLVE_UNKNOWN_MENTION", `split: no mention with id "${ref}"`, {
          field: "mention",
          received: ref,
        });
      }
      if (!mention.entityId || !target.memberIds.includes(mention.entityId)) {
        throw new SkeinError(
          "DECISION_MENTION_NOT_IN_ENTITY",
          `split: mention "${ref}" ("${mention.text}") is not a mention of ${target.id} (${target.caption})`,
          { field: "mention", received: ref },
        );
      }
      moved.add(mention.entityId);
    }
    const rest = target.memberIds.filter((m) => !moved.has(m));
    if (rest.length === 0) {
      throw new SkeinError(
        "DECISION_SPLIT_EMPTY",
        `split: moving every mention out of ${target.id} (${target.caption}) would leave nothing; name fewer`,
        { field: "mention", received: mentions.join(" ") },
      );
    }
    return {
      entity: target.id,
      mentions: mentions.join(","),
      moved: [...moved].join(","),
      rest: rest.join(","),
    };
  });
}

/** Records an analyst's review of a claim (accept or reject) and applies it. */
export async function reviewClaim(
  db: Db,
  claimRef: string,
  action: "accept" | "reject",
  meta: DecisionMeta,
): Promise<DecisionOutcome> {
  return record(db, action, meta, async (trx) => {
    const exact = await findClaim(trx, claimRef);
    const found = exact ? [exact] : claimRef.length >= 3 ? await findClaimsByPrefix(trx, claimRef) : [];
    if (found.length > 1) {
      throw new SkeinError("RESOLVE_AMBIGUOUS_ID", `${action}: claim id "${claimRef}" names several claims`, {
        field: "claim",
        received: claimRef,
      });
    }
    if (found.length === 0) {
      throw new SkeinError("DECISION_UNKNOWN_CLAIM", `${action}: no claim with id "${claimRef}"`, {
        field: "claim",
        received: claimRef,
      });
    }
    return { claim: found[0].id };
  });
}

/** Records an analyst's decision on a match (confirm or dismiss). */
export async function decideMatch(
  db: Db,
  matchRef: string,
  action: "confirm" | "dismiss",
  meta: DecisionMeta,
): Promise<DecisionOutcome> {
  return record(
    db,
    action,
    meta,
    async (trx) => {
      const found = await findMatchesByPrefix(trx, matchRef);
      const exact = found.find((m) => m.id === matchRef);
      if (!exact && found.length > 1) {
        throw new SkeinError(
          "RESOLVE_AMBIGUOUS_ID",
          `${action}: match id "${matchRef}" names several matches`,
          {
            field: "match",
            received: matchRef,
          },
        );
      }
      const match = exact ?? found[0];
      if (!match) {
        throw new SkeinError("DECISION_UNKNOWN_MATCH", `${action}: no match with id "${matchRef}"`, {
          field: "match",
          received: matchRef,
        });
      }
      const entity = (await readCaseEntities(trx)).find((e) => e.id === match.entityId);
      return {
        match: match.id,
        entity: match.entityId,
        members: (entity?.memberIds ?? []).join(","),
        snapshot: match.snapshotId,
        entry: match.entryId,
      };
    },
    { resolve: false },
  );
}

/** Undoes a decision: appends an undo entry and marks the original superseded (nothing is deleted). */
export async function undoDecision(db: Db, id: number, meta: DecisionMeta): Promise<DecisionOutcome> {
  checkMeta(meta);
  return db.transaction().execute(async (trx) => {
    const original = Number.isInteger(id) ? await findDecision(trx, id) : undefined;
    if (!original) {
      throw new SkeinError("DECISION_UNKNOWN", `undo: no decision with id "${id}"`, { received: String(id) });
    }
    if (original.supersededBy !== null || original.action === "undo") {
      throw new SkeinError(
        "DECISION_ALREADY_UNDONE",
        original.action === "undo"
          ? `undo: decision ${id} is itself an undo`
          : `undo: decision ${id} was already undone by decision ${original.supersededBy}`,
        { received: String(id) },
      );
    }
    const decision = await appendDecision(trx, {
      by: meta.by,
      why: meta.why,
      action: "undo",
      target: { decision: String(id) },
    });
    await supersedeDecision(trx, id, decision.id);
    const resolution = await resolveWithin(trx);
    return { decision, resolution };
  });
}
