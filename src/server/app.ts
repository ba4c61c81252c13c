// Builds the HTTP app over one open workspace without listening (fastify's build/listen split), so tests
// inject requests and open no socket: one plugin per resource, the one error shape, and /openapi.json.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { SkeinError } from "../model/index.js";
import type { Workspace } from "../store/index.js";
import { installErrorHandlers } from "./errors.js";
import { buildOpenApi, collectRoutes } from "./openapi.js";
import { claimsPlugin } from "./plugins/claims.js";
import { decisionsPlugin } from "./plugins/decisions.js";
import { entitiesPlugin } from "./plugins/entities.js";
import { extractionRunsPlugin } from "./plugins/extraction-runs.js";
import { graphPlugin } from "./plugins/graph.js";
import { listsPlugin } from "./plugins/lists.js";
import { matchesPlugin } from "./plugins/matches.js";
import { searchPlugin } from "./plugins/search.js";
import { sourcesPlugin } from "./plugins/sources.js";
import { vocabularyPlugin } from "./plugins/vocabulary.js";
import { yentePlugin } from "./plugins/yente.js";
import { createServerState, type ServerState } from "./state.js";

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
});

/** The host name of a Host header, without its port, lower case (`[::1]:8080` → `[::1]`). */
export function hostNameOf(header: string | undefined): string {
  const value = (header ?? "").trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(0, value.indexOf("]") + 1);
  return value.split(":")[0];
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
    logger: config.logger,
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
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    return payload;
  });
  const routes = collectRoutes(app);

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
  app.get("/openapi.json", { schema: { hide: true } }, async () =>
    buildOpenApi(routes, { title: "Skein API", version }),
  );
  app.get(
    "/healthz",
    {
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
    await app.register(fastifyStatic, { root: config.webRoot, prefix: "/", index: ["index.html"] });
  }
  return app;
}
