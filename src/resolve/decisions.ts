// Analyst decisions: merge, split, not-same, accept/reject a claim, confirm/dismiss a match, undo. Each
// is checked against the current state first (a bad one writes nothing), appended to the log, and
// takes effect at once, in the same transaction, by replaying the log (nomenklatura's resolver habit).
// Decisions take turns on the log's lock, and one made on a stale version of its record is refused
// (optimistic concurrency: the decider says which version it saw, as HTTP's If-Match does).
import { type Decision, type DecisionAction, SkeinError } from "../model/index.js";
import {
  appendDecision,
  type Db,
  findClaim,
  findClaimsByPrefix,
  findDecision,
  findMatchesByPrefix,
  findMentionRef,
  lockDecisionLog,
  mentionIdsOf,
  type Queryable,
  readCaseEntities,
  readDocumentEntities,
  readMemberships,
  readVersions,
  type StoredCaseEntity,
  splitEntityIdOf,
  supersedeDecision,
  writeVersions,
} from "../store/index.js";
import { type ResolutionSummary, resolveWithin } from "./run-resolution.js";

/** Who decides and why; `by` defaults to the OS user in the CLI. */
export interface DecisionMeta {
  by: string;
  why: string | null;
  /**
   * The version of the decided record the decider saw (for two entities, the larger of their two versions);
   * the decision is refused with DECISION_CONFLICT when the record has changed since. Undefined: no check.
   */
  expectedVersion?: number;
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

/** The key under which a decided record's version is kept. */
export function versionKey(kind: "claim" | "match" | "entity", id: string): string {
  return `${kind}:${id}`;
}

/** The version keys of the records a decision acts on. */
export function versionKeysOf(action: DecisionAction, target: Record<string, string>): string[] {
  switch (action) {
    case "merge":
    case "not_same":
      return [versionKey("entity", target.a), versionKey("entity", target.b)];
    case "split":
    case "rename":
      return [versionKey("entity", target.entity)];
    case "accept":
    case "reject":
      return [versionKey("claim", target.claim)];
    case "confirm":
    case "dismiss":
      return [versionKey("match", target.match)];
    case "undo":
      return [];
  }
}

/** Refuses the decision when its records changed since the version the decider saw; returns the current one. */
async function checkVersion(trx: Queryable, keys: string[], expected: number | undefined): Promise<number> {
  const versions = await readVersions(trx, keys);
  const current = Math.max(0, ...versions.values());
  if (expected === undefined || expected === current) return current;
  const last = current > 0 ? await findDecision(trx, current) : undefined;
  const claimPrefix = versionKey("claim", "");
  const claimKey = keys.find((k) => k.startsWith(claimPrefix));
  const claim = claimKey ? await findClaim(trx, claimKey.slice(claimPrefix.length)) : undefined;
  throw new SkeinError(
    "DECISION_CONFLICT",
    `decision: ${keys.join(" and ")} changed since version ${expected} (now version ${current}${
      last ? `, decision ${last.id} (${last.action}) by ${last.by}` : ""
    }); reload and decide again`,
    {
      field: "version",
      received: String(expected),
      current: {
        version: current,
        records: keys,
        decision: last ?? null,
        ...(claim ? { status: claim.status } : {}),
      },
    },
  );
}

/** Under the log's lock: checks the version, appends the decision and sets its records' versions to its id. */
async function append(
  trx: Queryable,
  action: DecisionAction,
  meta: DecisionMeta,
  target: Record<string, string>,
  keys: string[],
): Promise<Decision> {
  await checkVersion(trx, keys, meta.expectedVersion);
  const decision = await appendDecision(trx, { by: meta.by, why: meta.why, action, target });
  await writeVersions(trx, keys, decision.id);
  return decision;
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
    await lockDecisionLog(trx);
    const target = await build(trx);
    const decision = await append(trx, action, meta, target, versionKeysOf(action, target));
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
 * into, and re-resolves; the rest of the entity must keep at least one mention. Mentions that are only
 * part of what one text says about a party (one of its eight mentions) become a party of their own.
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
    const named = new Map<string, string[]>();
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
      named.set(mention.entityId, [...(named.get(mention.entityId) ?? []), mention.id]);
    }
    // A document-level entity named by all its mentions moves whole; by some, those split off it.
    const detached: string[] = [];
    for (const [entityId, ids] of named) {
      if (moved.has(entityId)) continue;
      const all = await mentionIdsOf(trx, entityId);
      if (all.every((id) => ids.includes(id))) {
        moved.add(entityId);
        continue;
      }
      const splitId = splitEntityIdOf(ids);
      moved.add(splitId);
      detached.push(`${splitId}=${[...new Set(ids)].sort().join("|")}`);
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
      ...(detached.length > 0 ? { detached: detached.join(",") } : {}),
    };
  });
}

/** Longest caption an analyst may choose. */
const MAX_CAPTION = 200;

/**
 * Records the caption an analyst chose for an entity (a garbled or partial name read from a text) and
 * applies it; the entity keeps it through re-resolution while it holds the same document-level entities.
 */
export async function renameEntity(
  db: Db,
  entity: string,
  caption: string,
  meta: DecisionMeta,
): Promise<DecisionOutcome> {
  return record(db, "rename", meta, async (trx) => {
    const target = await findCaseEntity(trx, entity);
    const chosen = typeof caption === "string" ? caption.normalize("NFC").replace(/\s+/g, " ").trim() : "";
    // Control characters would garble terminals and exports; a caption is one line of readable text.
    if (chosen === "" || chosen.length > MAX_CAPTION || /\p{Cc}/u.test(chosen)) {
      throw new SkeinError(
        "DECISION_BAD_VALUE",
        `rename: the caption must be 1–${MAX_CAPTION} characters of text on one line, e.g. "Orlov Precision Instruments JSC"`,
        { field: "caption", received: String(caption).slice(0, MAX_CAPTION) },
      );
    }
    return {
      entity: target.id,
      members: target.memberIds.join(","),
      caption: chosen,
      previous: target.caption,
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
    await lockDecisionLog(trx);
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
    const keys = versionKeysOf(original.action, original.target);
    const decision = await append(trx, "undo", meta, { decision: String(id) }, keys);
    await supersedeDecision(trx, id, decision.id);
    const resolution = await resolveWithin(trx);
    return { decision, resolution };
  });
}
