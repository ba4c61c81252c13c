// Accounts, API tokens and the audit trail over HTTP, for admins: add, change, disable and reset accounts;
// create (shown once) and revoke tokens; read who did what. The CLI's `skein users` and `skein tokens` do
// the same through the same auth stage.
import type { FastifyInstance } from "fastify";
import {
  addAccount,
  changeRole,
  createToken,
  disableAccount,
  enableAccount,
  MAX_PASSWORD_LENGTH,
  parseLifetime,
  readAccount,
  readAccounts,
  readAuditTrail,
  readTokens,
  resetPassword,
  revokeToken,
} from "../../auth/index.js";
import { ROLE_NAMES, type Role, TOKEN_SCOPE_NAMES, type TokenScope } from "../../model/index.js";
import { principalOf } from "../access.js";
import {
  ACCOUNT_SCHEMA,
  AUDIT_ENTRY_SCHEMA,
  listOf,
  objectOf,
  PAGE_QUERY_PROPERTIES,
  TOKEN_SCHEMA,
} from "../schemas.js";

const admin = { access: "admin" } as const;
const name = { type: "string", minLength: 1, maxLength: 64 };
const NAME_PARAMS = objectOf({ name });
const password = {
  type: "string",
  minLength: 1,
  maxLength: MAX_PASSWORD_LENGTH,
  description: "left out: one is generated and returned once",
};
const GENERATED = { type: ["string", "null"], description: "the generated password, shown this once" };

/** The accounts plugin. */
export async function accountsPlugin(app: FastifyInstance): Promise<void> {
  const { db } = app.skein;

  app.get(
    "/api/users",
    {
      config: admin,
      schema: {
        summary: "The case's accounts",
        tags: ["accounts"],
        response: { 200: listOf(ACCOUNT_SCHEMA) },
      },
    },
    async () => {
      const items = await readAccounts(db);
      return { total: items.length, items };
    },
  );

  app.post<{ Body: { name: string; role: Role; password?: string; ssoOnly?: boolean } }>(
    "/api/users",
    {
      config: admin,
      schema: {
        summary: "Add an account (a password is generated when none is given)",
        tags: ["accounts"],
        body: objectOf(
          {
            name,
            role: { type: "string", enum: ROLE_NAMES },
            password,
            ssoOnly: { type: "boolean", description: "no password: signs in only through single sign-on" },
          },
          ["password", "ssoOnly"],
        ),
        response: { 201: objectOf({ account: ACCOUNT_SCHEMA, password: GENERATED }) },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const created = await addAccount(db, {
        name: body.name,
        role: body.role,
        password: body.password,
        ssoOnly: body.ssoOnly ?? false,
        by: principalOf(request).label,
      });
      reply.status(201);
      return created;
    },
  );

  app.patch<{ Params: { name: string }; Body: { role?: Role; disabled?: boolean } }>(
    "/api/users/:name",
    {
      config: admin,
      schema: {
        summary: "Change an account's role, or disable or enable it (its sessions end)",
        tags: ["accounts"],
        params: NAME_PARAMS,
        body: objectOf({ role: { type: "string", enum: ROLE_NAMES }, disabled: { type: "boolean" } }, [
          "role",
          "disabled",
        ]),
        response: { 200: ACCOUNT_SCHEMA },
      },
    },
    async (request) => {
      const by = principalOf(request).label;
      const { role, disabled } = request.body;
      if (role !== undefined) await changeRole(db, request.params.name, role, by);
      if (disabled === true) await disableAccount(db, request.params.name, by);
      if (disabled === false) await enableAccount(db, request.params.name, by);
      return readAccount(db, request.params.name);
    },
  );

  app.post<{ Params: { name: string }; Body: { password?: string } }>(
    "/api/users/:name/password",
    {
      config: admin,
      schema: {
        summary: "Reset an account's password (generated when none is given); its sessions end",
        tags: ["accounts"],
        params: NAME_PARAMS,
        body: objectOf({ password }, ["password"]),
        response: { 200: objectOf({ account: ACCOUNT_SCHEMA, password: GENERATED }) },
      },
    },
    async (request) =>
      resetPassword(db, request.params.name, request.body?.password, principalOf(request).label),
  );

  app.get(
    "/api/tokens",
    {
      config: admin,
      schema: {
        summary: "The case's API tokens (never their secrets)",
        tags: ["accounts"],
        response: { 200: listOf(TOKEN_SCHEMA) },
      },
    },
    async () => {
      const items = await readTokens(db);
      return { total: items.length, items };
    },
  );

  app.post<{ Body: { name: string; role: Role; scope: TokenScope; expires?: string } }>(
    "/api/tokens",
    {
      config: admin,
      schema: {
        summary: "Create an API token; its secret is in this answer only",
        tags: ["accounts"],
        body: objectOf(
          {
            name: { type: "string", minLength: 1, maxLength: 100 },
            role: { type: "string", enum: ROLE_NAMES },
            scope: { type: "string", enum: TOKEN_SCOPE_NAMES, default: "all" },
            expires: {
              type: "string",
              maxLength: 10,
              description: "lifetime such as 90d, 12h, 30m; none: never",
            },
          },
          ["scope", "expires"],
        ),
        response: {
          201: objectOf({
            token: { type: "string", description: "send as `Authorization: Bearer <token>`; shown once" },
            record: TOKEN_SCHEMA,
          }),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const created = await createToken(db, {
        name: body.name,
        role: body.role,
        scope: body.scope,
        expiresInMinutes: body.expires === undefined ? null : parseLifetime(body.expires),
        by: principalOf(request).label,
      });
      reply.status(201);
      return created;
    },
  );

  app.delete<{ Params: { id: string } }>(
    "/api/tokens/:id",
    {
      config: admin,
      schema: {
        summary: "Revoke an API token (its record stays, marked revoked)",
        tags: ["accounts"],
        params: objectOf({ id: { type: "string", minLength: 1, maxLength: 100 } }),
        response: { 200: TOKEN_SCHEMA },
      },
    },
    async (request) => revokeToken(db, request.params.id, principalOf(request).label),
  );

  app.get<{
    Querystring: { actor?: string; action?: string; since?: string; limit: number; offset: number };
  }>(
    "/api/audit",
    {
      config: admin,
      schema: {
        summary:
          "The audit trail with the decision log: who signed in, uploaded, extracted, loaded lists, decided",
        tags: ["accounts"],
        querystring: objectOf(
          {
            actor: { type: "string", maxLength: 200, description: "an account name or token:tok_…" },
            action: {
              type: "string",
              maxLength: 100,
              description: "e.g. upload, list_load, login, decision",
            },
            since: { type: "string", maxLength: 40, description: "ISO date or time" },
            ...PAGE_QUERY_PROPERTIES,
          },
          ["actor", "action", "since", "limit", "offset"],
        ),
        response: { 200: listOf(AUDIT_ENTRY_SCHEMA) },
      },
    },
    async (request) => {
      const { actor, action, since, limit, offset } = request.query;
      const entries = await readAuditTrail(db, { actor, action, since });
      return { total: entries.length, items: entries.slice(offset, offset + limit) };
    },
  );
}
