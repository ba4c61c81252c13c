// API tokens for scripts and yente or OpenRefine clients: created with a role, a scope and a lifetime, shown
// once as `skn_<id>.<secret>`, stored as the SHA-256 of the secret, revocable. A bad, expired or revoked
// token is refused only after its secret checked out, so a guess learns nothing about which tokens exist.
import { randomBytes } from "node:crypto";
import { isOneOf, type Role, SkeinError, TOKEN_SCOPE_NAMES, type TokenScope } from "../model/index.js";
import {
  type ApiTokenRow,
  appendAuditEvent,
  type Db,
  findToken,
  insertToken,
  listTokens,
  updateToken,
} from "../store/index.js";
import { checkRole } from "./accounts.js";
import type { Principal } from "./principal.js";
import { hashSecret, randomSecret, sameSecret } from "./secrets.js";

/** A token as listed: never its secret or hash. */
export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  scope: TokenScope;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

/** Longest token accepted, in characters (the format is 61). */
export const MAX_TOKEN_LENGTH = 256;

const TOKEN_PATTERN = /^skn_([a-z0-9]{12})\.([A-Za-z0-9_-]{43})$/;
const DURATION_PATTERN = /^(\d{1,5})([mhd])$/;
const MINUTES = { m: 1, h: 60, d: 24 * 60 } as const;
/** How often a token's last use is written, at most (a script may call thousands of times a minute). */
const LAST_USED_EVERY_MS = 60_000;

/** The id under which the token's secret is stored. */
function tokenIdOf(idPart: string): string {
  return `tok_${idPart}`;
}

/** The hash a token compares against when its id is unknown, so the check costs the same. */
const DECOY_HASH = hashSecret(randomSecret());

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    scope: row.scope as TokenScope,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    lastUsedAt: row.last_used_at,
  };
}

/** Reads a lifetime such as 90d, 12h or 30m into minutes; AUTH_BAD_VALUE otherwise. */
export function parseLifetime(text: string): number {
  const found = DURATION_PATTERN.exec(text.trim());
  const minutes = found ? Number(found[1]) * MINUTES[found[2] as keyof typeof MINUTES] : 0;
  if (!found || minutes <= 0 || minutes > 3660 * 24 * 60) {
    throw new SkeinError(
      "AUTH_BAD_VALUE",
      `--expires must be a number with m, h or d, up to ten years, e.g. --expires 90d`,
      { field: "expires", received: text },
    );
  }
  return minutes;
}

/** Creates a token; the returned `token` is its only appearance in clear. */
export async function createToken(
  db: Db,
  input: { name: string; role: string; scope: string; expiresInMinutes: number | null; by: string },
): Promise<{ token: string; record: ApiToken }> {
  const role = checkRole(input.role);
  if (!isOneOf(TOKEN_SCOPE_NAMES, input.scope)) {
    throw new SkeinError("AUTH_BAD_VALUE", `--scope must be one of ${TOKEN_SCOPE_NAMES.join(", ")}`, {
      field: "scope",
      received: input.scope,
    });
  }
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) {
    throw new SkeinError(
      "AUTH_BAD_VALUE",
      "a token's name has 1 to 100 characters, e.g. --name screening-job",
      {
        field: "name",
        received: input.name,
      },
    );
  }
  const idPart = randomBytes(6).toString("hex");
  const secret = randomSecret();
  const now = new Date();
  const row: ApiTokenRow = {
    id: tokenIdOf(idPart),
    name,
    secret_hash: hashSecret(secret),
    role,
    scope: input.scope,
    created_at: now.toISOString(),
    created_by: input.by,
    expires_at:
      input.expiresInMinutes === null
        ? null
        : new Date(now.getTime() + input.expiresInMinutes * 60_000).toISOString(),
    revoked_at: null,
    revoked_by: null,
    last_used_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await insertToken(trx, row);
    await appendAuditEvent(trx, {
      at: row.created_at,
      actor: input.by,
      action: "token_create",
      target: row.id,
      detail: { name, role, scope: row.scope, expiresAt: row.expires_at },
    });
  });
  return { token: `skn_${idPart}.${secret}`, record: toApiToken(row) };
}

/** Every token, oldest first. */
export async function readTokens(db: Db): Promise<ApiToken[]> {
  return (await listTokens(db)).map(toApiToken);
}

/** Revokes a token (the record stays, marked); AUTH_UNKNOWN_TOKEN for an id that does not exist. */
export async function revokeToken(db: Db, id: string, by: string): Promise<ApiToken> {
  const row = await findToken(db, id);
  if (!row) {
    throw new SkeinError("AUTH_UNKNOWN_TOKEN", `no token with id "${id}"`, { field: "id", received: id });
  }
  if (row.revoked_at) return toApiToken(row);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await updateToken(trx, id, { revoked_at: at, revoked_by: by });
    await appendAuditEvent(trx, { at, actor: by, action: "token_revoke", target: id, detail: {} });
  });
  return toApiToken({ ...row, revoked_at: at, revoked_by: by });
}

/** The principal a presented token stands for; AUTH_BAD_TOKEN, AUTH_TOKEN_EXPIRED or AUTH_TOKEN_REVOKED. */
export async function authenticateToken(db: Db, presented: string, now = new Date()): Promise<Principal> {
  if (presented.length > MAX_TOKEN_LENGTH) {
    throw new SkeinError("AUTH_CREDENTIALS_TOO_LARGE", `a token has at most ${MAX_TOKEN_LENGTH} characters`, {
      field: "authorization",
      received: `${presented.length} characters`,
    });
  }
  const parts = TOKEN_PATTERN.exec(presented);
  const row = parts ? await findToken(db, tokenIdOf(parts[1])) : undefined;
  const matches =
    sameSecret(hashSecret(parts?.[2] ?? ""), row?.secret_hash ?? DECOY_HASH) && row !== undefined;
  if (!row || !matches) {
    throw new SkeinError("AUTH_BAD_TOKEN", "the token is not one this case issued", {
      field: "authorization",
    });
  }
  if (row.revoked_at) {
    throw new SkeinError("AUTH_TOKEN_REVOKED", `token ${row.id} was revoked`, { field: "authorization" });
  }
  if (row.expires_at && row.expires_at <= now.toISOString()) {
    throw new SkeinError("AUTH_TOKEN_EXPIRED", `token ${row.id} expired at ${row.expires_at}`, {
      field: "authorization",
    });
  }
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > LAST_USED_EVERY_MS) {
    await updateToken(db, row.id, { last_used_at: now.toISOString() });
  }
  return {
    kind: "token",
    name: row.id,
    role: row.role as Role,
    scope: row.scope as TokenScope,
    label: `token:${row.id}`,
    session: null,
  };
}
