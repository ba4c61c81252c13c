// The analyst decision log over HTTP: read it, and record merge, split, not-same, rename, accept/reject a
// claim, confirm/dismiss a match, or undo, each through the resolve stage (append-only, applied at once).
// The decision is recorded as the signed-in account or token; one made on a stale version answers 409.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { DECISION_ACTIONS, type DecisionAction, SkeinError } from "../../model/index.js";
import {
  type DecisionMeta,
  type DecisionOutcome,
  decideMatch,
  markNotSame,
  mergeEntities,
  renameEntity,
  reviewClaim,
  splitEntity,
  undoDecision,
} from "../../resolve/index.js";
import { listDecisions } from "../../store/index.js";
import { principalOf } from "../access.js";
import { DECISION_SCHEMA, listOf, objectOf } from "../schemas.js";

const ref = { type: "string", minLength: 1, maxLength: 200 };

/** The body of POST /api/decisions: an action and the ids it acts on. */
const DECISION_BODY = objectOf(
  {
    action: { type: "string", enum: DECISION_ACTIONS },
    entities: {
      type: "array",
      items: ref,
      minItems: 2,
      maxItems: 2,
      description: "merge, not_same: two entity ids",
    },
    entity: { ...ref, description: "split: the entity to split; rename: the entity to rename" },
    caption: { type: "string", minLength: 1, maxLength: 200, description: "rename: the caption to show" },
    mentions: {
      type: "array",
      items: ref,
      minItems: 1,
      maxItems: 500,
      description: "split: mention ids moved out",
    },
    claim: { ...ref, description: "accept, reject: the claim id" },
    match: { ...ref, description: "confirm, dismiss: the match id" },
    decision: { type: "integer", minimum: 1, description: "undo: the decision id" },
    by: {
      type: "string",
      minLength: 1,
      maxLength: 100,
      description: "who decides, on a server without accounts (default: the server's analyst)",
    },
    why: { type: "string", minLength: 1, maxLength: 2000 },
    version: {
      type: "integer",
      minimum: 0,
      description:
        "the version of the record read (the larger of two entities'); refused with 409 if it changed since. Or send If-Match",
    },
  },
  ["entities", "entity", "caption", "mentions", "claim", "match", "decision", "by", "why", "version"],
);

interface DecisionBody {
  action: DecisionAction;
  entities?: [string, string];
  entity?: string;
  caption?: string;
  mentions?: string[];
  claim?: string;
  match?: string;
  decision?: number;
  by?: string;
  why?: string;
  version?: number;
}

/** The version a request expects: the body's `version` or an If-Match header ("12", W/"12" or 12). */
function expectedVersion(request: FastifyRequest<{ Body: DecisionBody }>): number | undefined {
  const header = request.headers["if-match"];
  const fromHeader = header === undefined ? undefined : /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim());
  if (header !== undefined && !fromHeader) {
    throw new SkeinError(
      "SERVER_BAD_REQUEST",
      'headers: If-Match must be a record version, e.g. If-Match: "12"',
      {
        part: "headers",
        field: "if-match",
        received: header,
      },
    );
  }
  const version = fromHeader ? Number(fromHeader[1]) : undefined;
  const { body } = request;
  if (version !== undefined && body.version !== undefined && version !== body.version) {
    throw new SkeinError("SERVER_BAD_REQUEST", "If-Match and body.version disagree; send one of them", {
      part: "headers",
      field: "if-match",
      received: header,
    });
  }
  return version ?? body.version;
}

/** Who a decision is recorded as: the signed-in account or token; without accounts, `by` or the analyst. */
function decider(app: FastifyInstance, request: FastifyRequest<{ Body: DecisionBody }>): string {
  const principal = principalOf(request);
  if (principal.kind === "local") return request.body.by ?? app.skein.config.analyst;
  if (request.body.by !== undefined && request.body.by !== principal.label) {
    throw new SkeinError(
      "AUTH_FORBIDDEN",
      `decisions are recorded as who signed in (${principal.label}), not as "${request.body.by}"; leave out "by"`,
      { field: "by", received: request.body.by },
    );
  }
  return principal.label;
}

/** The field an action needs, or SERVER_BAD_REQUEST naming it. */
function need<T>(value: T | undefined, action: string, field: string, example: string): T {
  if (value === undefined) {
    throw new SkeinError(
      "SERVER_BAD_REQUEST",
      `body: action "${action}" needs field "${field}", e.g. ${example}`,
      {
        part: "body",
        field,
      },
    );
  }
  return value;
}

/** Records one decision through the resolve stage. */
export async function recordDecision(
  app: FastifyInstance,
  request: FastifyRequest<{ Body: DecisionBody }>,
): Promise<DecisionOutcome> {
  const { db } = app.skein;
  const { body } = request;
  const meta: DecisionMeta = {
    by: decider(app, request),
    why: body.why ?? null,
    expectedVersion: expectedVersion(request),
  };
  const { action } = body;
  switch (action) {
    case "merge":
    case "not_same": {
      const [a, b] = need(body.entities, action, "entities", '["ent_a", "ent_b"]');
      return action === "merge" ? mergeEntities(db, a, b, meta) : markNotSame(db, a, b, meta);
    }
    case "split":
      return splitEntity(
        db,
        need(body.entity, action, "entity", '"ent_a"'),
        need(body.mentions, action, "mentions", '["men_1"]'),
        meta,
      );
    case "rename":
      return renameEntity(
        db,
        need(body.entity, action, "entity", '"ent_a"'),
        need(body.caption, action, "caption", '"Orlov Precision Instruments JSC"'),
        meta,
      );
    case "accept":
    case "reject":
      return reviewClaim(db, need(body.claim, action, "claim", '"clm_1"'), action, meta);
    case "confirm":
    case "dismiss":
      return decideMatch(db, need(body.match, action, "match", '"mat_1"'), action, meta);
    case "undo":
      return undoDecision(db, need(body.decision, action, "decision", "12"), meta);
  }
}

/** The decisions plugin. */
export async function decisionsPlugin(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { newestFirst?: boolean; limit?: number; offset: number } }>(
    "/api/decisions",
    {
      config: { access: "viewer" },
      schema: {
        summary:
          "The analyst decision log, oldest first (undone entries marked); pages with limit and offset",
        tags: ["decisions"],
        querystring: objectOf(
          {
            newestFirst: { type: "boolean", description: "newest decision first" },
            limit: {
              type: "integer",
              minimum: 1,
              maximum: 1000,
              description: "at most this many (all when absent)",
            },
            offset: { type: "integer", minimum: 0, default: 0 },
          },
          ["newestFirst", "limit", "offset"],
        ),
        response: { 200: listOf(DECISION_SCHEMA) },
      },
    },
    async (request) => {
      const { newestFirst, limit, offset } = request.query;
      const log = await listDecisions(app.skein.db);
      const ordered = newestFirst ? [...log].reverse() : log;
      return {
        total: log.length,
        items: ordered.slice(offset, limit === undefined ? undefined : offset + limit),
      };
    },
  );

  app.post<{ Body: DecisionBody }>(
    "/api/decisions",
    {
      config: { access: "analyst" },
      schema: {
        summary:
          "Record a decision: merge, split, not_same, rename, accept, reject, confirm, dismiss or undo",
        tags: ["decisions"],
        body: DECISION_BODY,
        response: {
          201: objectOf({
            decision: DECISION_SCHEMA,
            resolution: { type: ["object", "null"], additionalProperties: true },
          }),
        },
      },
    },
    async (request, reply) => {
      const outcome = await recordDecision(app, request);
      reply.status(201);
      return outcome;
    },
  );
}
