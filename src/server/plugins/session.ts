// Signing in and out of the workbench: what sign-in offers, password sign-in (rate-limited per address,
// locked per name after failures), the current session with its CSRF token, sign-out, and single sign-on
// through OpenID Connect (authorisation code with PKCE).
import type { FastifyInstance, FastifyReply } from "fastify";
import {
  AttemptLimiter,
  endSession,
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  type NewSession,
  OIDC_COOKIE,
  OidcSignIn,
  SESSION_COOKIE,
  signIn,
} from "../../auth/index.js";
import { SkeinError } from "../../model/index.js";
import { clearedCookie, cookieOf, principalOf, sessionCookie } from "../access.js";
import { objectOf, PRINCIPAL_SCHEMA } from "../schemas.js";

const SESSION_SCHEMA = objectOf({
  auth: { type: "string", enum: ["on", "off"] },
  principal: PRINCIPAL_SCHEMA,
  csrfToken: {
    type: ["string", "null"],
    description: "send as X-CSRF-Token on every state-changing request",
  },
  expiresAt: { type: ["string", "null"] },
});

/** How long a started single sign-on may take, in seconds (the binding cookie's lifetime). */
const OIDC_COOKIE_SECONDS = 600;

/** The session plugin. */
export async function sessionPlugin(app: FastifyInstance): Promise<void> {
  const { db, config } = app.skein;
  const limiter = new AttemptLimiter({ limit: config.signInsPerMinute, windowMs: 60_000 });
  const sso = config.oidc ? new OidcSignIn(config.oidc) : null;
  const public_ = { access: "public" } as const;

  /** Sets the session cookie of a new session and answers what the workbench needs. */
  function established(reply: FastifyReply, session: NewSession) {
    const seconds = Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000);
    reply.header("set-cookie", sessionCookie(SESSION_COOKIE, session.cookieValue, seconds, "strict"));
    return {
      auth: "on" as const,
      principal: session.principal,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    };
  }

  function needsAccounts(): void {
    if (config.auth === "off") {
      throw new SkeinError(
        "SERVER_BAD_REQUEST",
        "sign-in: this server runs without accounts (a single analyst on loopback, or --no-auth)",
        { part: "body" },
      );
    }
  }

  app.get(
    "/api/login",
    {
      config: public_,
      schema: {
        summary: "What sign-in offers: whether accounts are on, and the sign-in methods",
        tags: ["session"],
        response: {
          200: objectOf({
            auth: { type: "string", enum: ["on", "off"] },
            methods: { type: "array", items: { type: "string", enum: ["password", "oidc"] } },
          }),
        },
      },
    },
    async () => ({
      auth: config.auth,
      methods: config.auth === "off" ? [] : sso ? ["password", "oidc"] : ["password"],
    }),
  );

  app.post<{ Body: { name: string; password: string } }>(
    "/api/login",
    {
      config: public_,
      schema: {
        summary: "Sign in with an account name and password; sets the session cookie",
        tags: ["session"],
        // Bounded here loosely; the auth stage refuses longer credentials with its own code.
        body: objectOf({
          name: { type: "string", minLength: 1, maxLength: MAX_NAME_LENGTH * 16 },
          password: { type: "string", minLength: 1, maxLength: MAX_PASSWORD_LENGTH * 16 },
        }),
        response: { 200: SESSION_SCHEMA },
      },
    },
    async (request, reply) => {
      needsAccounts();
      limiter.take(request.ip);
      const session = await signIn(
        db,
        { ...request.body, address: request.ip },
        { session: config.session, lockout: config.lockout },
      );
      return established(reply, session);
    },
  );

  app.get(
    "/api/session",
    {
      config: { access: "viewer" },
      schema: {
        summary: "Who the request acts as, and the session's CSRF token",
        tags: ["session"],
        response: { 200: SESSION_SCHEMA },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return {
        auth: config.auth,
        principal,
        csrfToken: principal.session?.csrfToken ?? null,
        expiresAt: principal.session?.expiresAt ?? null,
      };
    },
  );

  app.post(
    "/api/logout",
    {
      config: { access: "viewer" },
      schema: {
        summary: "Sign out: ends the session and clears its cookie",
        tags: ["session"],
        response: { 200: objectOf({ status: { type: "string", enum: ["signed out"] } }) },
      },
    },
    async (request, reply) => {
      await endSession(db, principalOf(request));
      reply.header("set-cookie", clearedCookie(SESSION_COOKIE));
      return { status: "signed out" as const };
    },
  );

  function ssoOrNotFound(): OidcSignIn {
    needsAccounts();
    if (!sso) {
      throw new SkeinError("SERVER_NOT_FOUND", "single sign-on is not set up on this server", {
        field: "oidc",
      });
    }
    return sso;
  }

  app.get(
    "/api/oidc/login",
    {
      config: public_,
      schema: {
        summary: "Single sign-on: redirects to the identity provider (authorisation code with PKCE)",
        tags: ["session"],
      },
    },
    async (_request, reply) => {
      const { url, binding } = await ssoOrNotFound().begin();
      // Lax: the provider sends the browser back here from its own site.
      reply.header("set-cookie", sessionCookie(OIDC_COOKIE, binding, OIDC_COOKIE_SECONDS, "lax"));
      return reply.redirect(url, 302);
    },
  );

  app.get(
    "/api/oidc/callback",
    {
      config: public_,
      schema: {
        summary: "Single sign-on: where the identity provider returns; sets the session cookie",
        tags: ["session"],
      },
    },
    async (request, reply) => {
      const flow = ssoOrNotFound();
      const url = new URL(request.url, "http://callback.invalid");
      const session = await flow.finish(db, url, cookieOf(request, OIDC_COOKIE), config.session);
      established(reply, session);
      reply.header("set-cookie", [reply.getHeader("set-cookie") as string, clearedCookie(OIDC_COOKIE)]);
      return reply.redirect("/", 302);
    },
  );
}
