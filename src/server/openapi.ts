// The OpenAPI 3.1 document, generated from the route schemas themselves (fastify's "schemas are the
// contract" habit), so validation, response filtering and the published contract never disagree.
import type { FastifyInstance, RouteOptions } from "fastify";
import { SESSION_COOKIE } from "../auth/index.js";
import type { RouteAccess } from "./access.js";
import { ERROR_SCHEMA, type JsonSchema } from "./schemas.js";

/** One documented route: what the generator needs from fastify's route options. */
export interface RouteDoc {
  method: string;
  url: string;
  /** Who may call it (a route that does not say needs an admin). */
  access: RouteAccess;
  /** A read-only matching route, open to tokens scoped to matching. */
  matching: boolean;
  schema: {
    summary?: string;
    description?: string;
    tags?: string[];
    params?: JsonSchema;
    querystring?: JsonSchema;
    body?: JsonSchema;
    response?: Record<string, JsonSchema>;
    consumes?: string[];
  };
}

/** Adds the error schema for 4xx and 5xx to every route that declares responses but not these. */
export function withErrorResponses(route: RouteOptions): void {
  const schema = route.schema as RouteDoc["schema"] | undefined;
  if (!schema?.response) return;
  schema.response["4xx"] ??= ERROR_SCHEMA;
  schema.response["5xx"] ??= ERROR_SCHEMA;
}

/** Collects every route with a schema as it is registered (call before registering routes). */
export function collectRoutes(app: FastifyInstance): RouteDoc[] {
  const routes: RouteDoc[] = [];
  app.addHook("onRoute", (route) => {
    withErrorResponses(route);
    if (!route.schema || (route.schema as { hide?: boolean }).hide) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routes.push({
        method,
        url: route.url ?? route.path,
        access: route.config?.access ?? "admin",
        matching: route.config?.matching === true,
        schema: route.schema as RouteDoc["schema"],
      });
    }
  });
  return routes;
}

function parametersOf(schema: JsonSchema | undefined, where: "path" | "query"): JsonSchema[] {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property as { description?: string };
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** The OpenAPI document of the collected routes. */
export function buildOpenApi(routes: RouteDoc[], info: { title: string; version: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const { schema } = route;
    const responses: Record<string, JsonSchema> = {};
    for (const [status, response] of Object.entries(schema.response ?? {})) {
      const key = status.toUpperCase();
      const description =
        (response as { description?: string }).description ?? (status.startsWith("2") ? "OK" : "Error");
      responses[key] = { description, content: { "application/json": { schema: response } } };
    }
    const operation: JsonSchema = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
      ...(schema.summary ? { summary: schema.summary } : {}),
      ...(schema.description ? { description: schema.description } : {}),
      ...(schema.tags ? { tags: schema.tags } : {}),
      // Who may call it: no credentials on public routes; else a token or a session, with this least role.
      security: route.access === "public" ? [] : [{ bearer: [] }, { session: [] }],
      "x-skein-access": route.access,
      ...(route.matching ? { "x-skein-token-scope": ["all", "match"] } : {}),
      parameters: [...parametersOf(schema.params, "path"), ...parametersOf(schema.querystring, "query")],
      responses: Object.keys(responses).length ? responses : { "200": { description: "OK" } },
    };
    if (schema.body || schema.consumes) {
      const types = schema.consumes ?? ["application/json"];
      const body = schema.body ?? { type: "string", format: "binary" };
      operation.requestBody = {
        required: true,
        content: Object.fromEntries(types.map((type) => [type, { schema: body }])),
      };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      ...info,
      description:
        "Skein's workspace over HTTP: sources, entities, claims with evidence, list matches, analyst decisions, " +
        "network analyses, search and extraction runs; plus yente-compatible /match, /search, /entities and /algorithms.",
    },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "an API token from `skein tokens create` or POST /api/tokens",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "the workbench's session; state-changing requests also send X-CSRF-Token",
        },
      },
    },
  };
}

declare module "fastify" {
  interface FastifySchema {
    /** One line for /openapi.json. */
    summary?: string;
    description?: string;
    tags?: string[];
    /** Leaves the route out of /openapi.json. */
    hide?: boolean;
    /** Media types of the body, when not JSON. */
    consumes?: string[];
  }
}
