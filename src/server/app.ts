// Builds the HTTP app over one open workspace without listening (fastify's build/listen split), so tests
// inject requests and open no socket: one plugin per resource, the one error shape, and /openapi.json.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import {
  LOCKOUT_DEFAULTS,
  type LockoutOptions,
  type OidcOptions,
  SESSION_DEFAULTS,
  type SessionOptions,
} from "../auth/index.js";
import { SkeinError } from "../model/index.js";
import type { Workspace } from "../store/index.js";
import { installAccessControl } from "./access.js";
import { installErrorHandlers } from "./errors.js";
import { buildOpenApi, collectRoutes } from "./openapi.js";
import { accountsPlugin } from "./plugins/accounts.js";
import { claimsPlugin } from "./plugins/claims.js";
import { decisionsPlugin } from "./plugins/decisions.js";
import { entitiesPlugin } from "./plugins/entities.js";
import { extractionRunsPlugin } from "./plugins/extraction-runs.js";
import { graphPlugin } from "./plugins/graph.js";
import { listsPlugin } from "./plugins/lists.js";
import { matchesPlugin } from "./plugins/matches.js";
import { searchPlugin } from "./plugins/search.js";
import { sessionPlugin } from "./plugins/session.js";
import { sourcesPlugin } from "./plugins/sources.js";
import { vocabularyPlugin } from "./plugins/vocabulary.js";
import { yentePlugin } from "./plugins/yente.js";
import { createServerState, type ServerState } from "./state.js";
import { acceptUploads } from "./uploads.js";

/** Server configuration; every field has a default in SERVER_DEFAULTS. */
export interface ServerConfig {
  /** Largest JSON body, in bytes. */
  bodyLimit: number;
  /** Largest uploaded document, in bytes. */
  maxUploadBytes: number;
  /** Who decisions are recorded as when a request does not say. */
  analyst: string;
  /** Folder of the built web workbench (index.html); null serves the API only. */
  webRoot: string | null;
  /** fastify's logger option: false (tests), true, or a pino options object. */
  logger: FastifyServerOptions["logger"];
  /**
   * Host names the Host header may carry (any port); null accepts any. A server on loopback accepts only
   * loopback names, so a web page elsewhere cannot reach the case by pointing its own name at 127.0.0.1.
   */
  allowedHosts: readonly string[] | null;
  /** The learned model's weights file for extraction runs; undefined for the one shipped. */
  weights: string | undefined;
  /**
   * "on": every route but sign-in, health and the workbench's files needs an account's session or a token;
   * "off": everyone acts as `analyst` with every right (a single analyst on loopback, or --no-auth).
   */
  auth: "on" | "off";
  /** Session lifetimes (idle and absolute), in minutes. */
  session: SessionOptions;
  /** Lockout after failed sign-ins under one name. */
  lockout: LockoutOptions;
  /** Sign-in attempts allowed per client address per minute. */
  signInsPerMinute: number;
  /** Single sign-on through an OpenID Connect provider; null for none. */
  oidc: OidcOptions | null;
  /** TLS certificate chain and private key (PEM); null serves plain HTTP (loopback, or behind a proxy). */
  tls: { cert: string; key: string } | null;
  /** fastify's trustProxy: addresses of reverse proxies whose X-Forwarded-* headers to believe; false for none. */
  trustProxy: boolean | string;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Defence in depth for the workbench: scripts only from this origin (no inline script, no eval), no
 * plugins, no framing. Document text is rendered as text anyway; this stops it running if it ever were not.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

/** Defaults: 1 MB JSON bodies, 20 MB uploads, the built workbench beside the compiled server. */
export const SERVER_DEFAULTS: Readonly<ServerConfig> = Object.freeze({
  bodyLimit: 1024 * 1024,
  maxUploadBytes: 20 * 1024 * 1024,
  analyst: process.env.USER ?? "analyst",
  webRoot: resolve(here, "../web"),
  logger: false,
  allowedHosts: null,
  weights: undefined,
  auth: "off",
  session: { idleMinutes: SESSION_DEFAULTS.idleMinutes, absoluteMinutes: SESSION_DEFAULTS.absoluteMinutes },
  lockout: LOCKOUT_DEFAULTS,
  signInsPerMinute: 20,
  oidc: null,
  tls: null,
  trustProxy: false,
});

/** The host name of a Host header, without its port, lower case (`[::1]:8080` → `[::1]`). */
export function hostNameOf(header: string | undefined): string {
  const value = (header ?? "").trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(0, value.indexOf("]") + 1);
  return value.split(":")[0];
}

/**
 * The logger with request lines that never carry a secret: the query of the sign-on callback (its one-time
 * code and state) is cut. Headers are not logged at all (they carry cookies and tokens).
 */
function redactingLogger(logger: ServerConfig["logger"]): FastifyServerOptions["logger"] {
  if (!logger) return logger;
  const base = typeof logger === "object" ? logger : {};
  return {
    ...base,
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: request.url.startsWith("/api/oidc/") ? request.url.split("?")[0] : request.url,
        remoteAddress: request.ip,
      }),
      ...(base as { serializers?: Record<string, unknown> }).serializers,
    },
  } as FastifyServerOptions["logger"];
}

declare module "fastify" {
  interface FastifyInstance {
    /** The workspace and configuration, the only state shared across plugins. */
    skein: ServerState;
  }
}

/**
 * Builds the app over an open workspace; it does not listen (see startServer). The caller owns the
 * workspace and closes it after the app.
 */
export async function buildApp(options: {
  workspace: Workspace;
  config?: Partial<ServerConfig>;
}): Promise<FastifyInstance> {
  const config: ServerConfig = Object.freeze({ ...SERVER_DEFAULTS, ...options.config });
  const app = Fastify({
    logger: redactingLogger(config.logger),
    ...(config.tls ? { https: config.tls } : {}),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    // Keep each request's id short and unguessable-enough to quote in a bug report.
    genReqId: () => Math.random().toString(36).slice(2, 10),
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: "array",
        useDefaults: true,
        allErrors: false,
        allowUnionTypes: true,
      },
    },
  });
  app.decorate("skein", createServerState(options.workspace.db, config));
  installErrorHandlers(app);
  if (config.allowedHosts) {
    const allowed = new Set(config.allowedHosts.map((h) => h.toLowerCase()));
    app.addHook("onRequest", async (request) => {
      const host = hostNameOf(request.headers.host);
      if (!allowed.has(host)) {
        throw new SkeinError(
          "SERVER_BAD_HOST",
          `this server answers to ${[...allowed].join(", ")}, not "${host}"`,
          {
            field: "host",
            received: host,
          },
        );
      }
    });
  }
  installAccessControl(app);
  acceptUploads(app);
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    return payload;
  });
  const routes = collectRoutes(app);

  await app.register(sessionPlugin);
  await app.register(accountsPlugin);
  await app.register(vocabularyPlugin);
  await app.register(sourcesPlugin);
  await app.register(entitiesPlugin);
  await app.register(claimsPlugin);
  await app.register(matchesPlugin);
  await app.register(decisionsPlugin);
  await app.register(graphPlugin);
  await app.register(searchPlugin);
  await app.register(listsPlugin);
  await app.register(extractionRunsPlugin);
  await app.register(yentePlugin);

  const version = "0.1.0";
  app.get("/openapi.json", { schema: { hide: true }, config: { access: "viewer" } }, async () =>
    buildOpenApi(routes, { title: "Skein API", version }),
  );
  app.get(
    "/healthz",
    {
      config: { access: "public" },
      schema: {
        summary: "Liveness check",
        tags: ["meta"],
        response: {
          200: { type: "object", properties: { status: { type: "string" } }, required: ["status"] },
        },
      },
    },
    async () => ({ status: "ok" }),
  );

  if (config.webRoot && existsSync(join(config.webRoot, "index.html"))) {
    const webRoot = config.webRoot;
    // The workbench's files are public: its sign-in page is one of them, and they hold no case data.
    await app.register(async (files) => {
      files.addHook("onRoute", (route) => {
        route.config = { ...route.config, access: "public" };
      });
      await files.register(fastifyStatic, { root: webRoot, prefix: "/", index: ["index.html"] });
    });
  }
  return app;
}
