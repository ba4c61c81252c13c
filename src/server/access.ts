// Who may call what: every request is identified (a bearer token, a session cookie, or the local user when
// accounts are off), then checked against its route's access (public, or the least role it needs), the
// token's scope, and, for state-changing requests on a session, the CSRF token and the request's origin.
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  authenticateSession,
  authenticateToken,
  isSessionCsrfToken,
  localPrincipal,
  MAX_TOKEN_LENGTH,
  type Principal,
  SESSION_COOKIE,
} from "../auth/index.js";
import { ROLES, type Role, roleAllows, SkeinError } from "../model/index.js";

/** A route's access: "public" (no credentials), or the least role it needs. */
export type RouteAccess = "public" | Role;

/** Methods that change nothing; every other method needs the CSRF token on a session. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Longest Authorization header accepted, in characters. */
const MAX_AUTHORIZATION_LENGTH = MAX_TOKEN_LENGTH + 16;

declare module "fastify" {
  interface FastifyContextConfig {
    /** Who may call the route; a route that does not say needs an admin (fail closed). */
    access?: RouteAccess;
    /** A read-only matching route, which tokens scoped to matching may call. */
    matching?: boolean;
  }
  interface FastifyRequest {
    /** Who the request acts as; null on a public route called without credentials. */
    principal: Principal | null;
  }
}

/** The Set-Cookie value of a cookie the browser must keep to itself and send only to this site. */
export function sessionCookie(
  name: string,
  value: string,
  maxAgeSeconds: number,
  sameSite: "strict" | "lax",
) {
  return serializeCookie(name, value, {
    httpOnly: true,
    secure: true,
    sameSite,
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

/** The Set-Cookie value that removes a cookie. */
export function clearedCookie(name: string): string {
  return serializeCookie(name, "", {
    httpOnly: true,
    secure: true,
    sameSite: "strict",
    path: "/",
    maxAge: 0,
  });
}

/** One cookie of the request, or undefined. */
export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  return header ? parseCookies(header)[name] : undefined;
}

/** The principal a request's credentials name; null when it carries none. */
async function identify(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const { db, config } = app.skein;
  if (config.auth === "off") return localPrincipal(config.analyst);
  const header = request.headers.authorization;
  if (header !== undefined) {
    if (header.length > MAX_AUTHORIZATION_LENGTH) {
      throw new SkeinError("AUTH_CREDENTIALS_TOO_LARGE", "the Authorization header is too long for a token", {
        field: "authorization",
        received: `${header.length} characters`,
      });
    }
    const found = /^Bearer +(\S+)$/i.exec(header.trim());
    if (!found) {
      throw new SkeinError("AUTH_BAD_HEADER", "the Authorization header must read `Bearer <token>`", {
        field: "authorization",
      });
    }
    return authenticateToken(db, found[1]);
  }
  const cookie = cookieOf(request, SESSION_COOKIE);
  if (cookie === undefined) return null;
  try {
    return await authenticateSession(db, cookie, config.session);
  } catch (error) {
    reply.header("set-cookie", clearedCookie(SESSION_COOKIE));
    throw error;
  }
}

/**
 * Refuses a state-changing request that a browser sent from another site: the Fetch metadata and Origin
 * headers, where the browser sends them, must name this very origin. Behind a trusted reverse proxy
 * (--trust-proxy) the host is the one the browser asked for, X-Forwarded-Host; else the Host header.
 */
function checkSameOrigin(request: FastifyRequest): void {
  const site = request.headers["sec-fetch-site"];
  const origin = request.headers.origin;
  const host = request.host.toLowerCase();
  const crossSite = site !== undefined && site !== "same-origin" && site !== "none";
  const otherOrigin =
    origin !== undefined && (!URL.canParse(origin) || new URL(origin).host.toLowerCase() !== host);
  if (crossSite || otherOrigin) {
    throw new SkeinError("AUTH_CSRF", "a state-changing request must come from this server's own pages", {
      field: "origin",
      received: origin ?? String(site),
    });
  }
}

/** Installs the check on every request. */
export function installAccessControl(app: FastifyInstance): void {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (request, reply) => {
    const { config } = app.skein;
    const routeConfig = request.routeOptions.config ?? {};
    const access: RouteAccess = routeConfig.access ?? "admin";
    const unsafe = !SAFE_METHODS.has(request.method);
    if (access === "public") {
      if (config.auth === "on" && unsafe) checkSameOrigin(request);
      request.principal = await identify(app, request, reply).catch(() => null);
      return;
    }
    const principal = await identify(app, request, reply);
    if (!principal) {
      reply.header("www-authenticate", 'Bearer realm="skein"');
      throw new SkeinError("AUTH_REQUIRED", "sign in, or send a token: this route needs credentials", {
        field: "authorization",
      });
    }
    if (principal.scope === "match" && !routeConfig.matching) {
      throw new SkeinError(
        "AUTH_FORBIDDEN",
        `${principal.label} is scoped to read-only matching (/match, /search, /entities, /algorithms, /catalog)`,
        { field: "scope", received: principal.scope },
      );
    }
    if (!roleAllows(principal.role, access)) {
      throw new SkeinError(
        "AUTH_FORBIDDEN",
        `${request.method} ${request.routeOptions.url} needs the ${access} role (${ROLES[access].description}); ${principal.label} is ${principal.role}`,
        { field: "role", received: principal.role },
      );
    }
    if (principal.session && unsafe) {
      checkSameOrigin(request);
      if (!isSessionCsrfToken(principal, request.headers["x-csrf-token"])) {
        throw new SkeinError("AUTH_CSRF", "this request needs the session's X-CSRF-Token header", {
          field: "x-csrf-token",
        });
      }
    }
    request.principal = principal;
  });
}

/** The principal of a request that passed the check (routes that are not public always have one). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) {
    throw new SkeinError("INTERNAL_INVARIANT", `no principal on ${request.method} ${request.url}`, {});
  }
  return request.principal;
}
