// OpenRefine reconciliation (the Reconciliation Service API, version 0.2, as yente offers it) at
// /reconcile/{dataset}: the service manifest, batches of queries with properties, entity preview,
// suggest (entity, type, property) and data extension, so a spreadsheet of names can be reconciled
// against a loaded list. OpenRefine posts form-encoded `queries=` or `extend=` JSON.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { SkeinError } from "../../model/index.js";
import { escapeHtml } from "../../report/index.js";
import { type JsonSchema, objectOf } from "../schemas.js";
import { foldText } from "./entities.js";
import { type FtmEntity, isSchema, MATCHABLE_SCHEMATA, PROPERTIES, propertiesOf } from "./ftm.js";
import {
  chooseAlgorithm,
  cleanExample,
  type DatasetCache,
  findEntity,
  matchExample,
  YENTE_LIMITS,
} from "./yente-data.js";

/** What a reconciliation query may say (Reconciliation Service API 0.2). */
interface ReconQuery {
  query?: string;
  type?: string | string[];
  limit?: number;
  properties?: Array<{ pid: string; v: unknown }>;
  type_strict?: string;
}

interface ExtendQuery {
  ids: string[];
  properties: Array<{ id: string; settings?: { limit?: number } }>;
}

/** Schema labels for OpenRefine's type menus. */
const SCHEMA_LABELS: Record<string, string> = {
  LegalEntity: "Legal entity",
  Person: "Person",
  Organization: "Organization",
  Company: "Company",
  PublicBody: "Public body",
  Vessel: "Vessel",
  Airplane: "Airplane",
};
const typeOf = (schema: string) => ({ id: schema, name: SCHEMA_LABELS[schema] ?? schema });

/** Results per reconciliation query unless the query asks for another number. */
const RECONCILE_LIMIT = 5;
/** Suggestions per prefix. */
const SUGGEST_LIMIT = 5;

/** Parses one JSON form field, or refuses it with 400 naming the field. */
function parseJsonField<T>(field: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new SkeinError(
      "SERVER_BAD_REQUEST",
      `Cannot decode the "${field}" field: it must be JSON (${(cause as Error).message})`,
      { part: "body", field, received: text.slice(0, 200) },
    );
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The example entity of one reconciliation query; a query that is not an object or names no schema is 400. */
function exampleOf(key: string, query: unknown) {
  if (!isObject(query)) {
    throw new SkeinError("SERVER_BAD_REQUEST", `query "${key}" must be an object with a "query" text`, {
      field: `queries.${key}`,
    });
  }
  const q = query as ReconQuery;
  const schema = (Array.isArray(q.type) ? q.type[0] : q.type) ?? "LegalEntity";
  const properties: Record<string, unknown[]> = {};
  if (typeof q.query === "string") properties.name = [q.query];
  for (const property of Array.isArray(q.properties) ? q.properties : []) {
    if (!isObject(property) || typeof property.pid !== "string") continue;
    const name = property.pid.includes(":") ? property.pid.split(":")[1] : property.pid;
    properties[name] = [
      ...(properties[name] ?? []),
      ...(Array.isArray(property.v) ? property.v : [property.v]),
    ];
  }
  const limit =
    typeof q.limit === "number" && q.limit > 0 ? Math.min(q.limit, YENTE_LIMITS.maxMatches) : RECONCILE_LIMIT;
  try {
    return { example: cleanExample({ schema, properties }), limit };
  } catch (error) {
    if (error instanceof SkeinError) {
      throw new SkeinError("SERVER_BAD_REQUEST", `query "${key}": ${error.message}`, {
        field: `queries.${key}.type`,
      });
    }
    throw error;
  }
}

/** True when every word of the prefix begins a word of one of the texts, or is part of one name. */
function matchesPrefix(prefix: string, ...texts: string[]): boolean {
  const needle = foldText(prefix).trim();
  if (!needle) return false;
  return texts.some((t) => foldText(t).includes(needle));
}

/** A short description of an entity for OpenRefine's candidate lists. */
function describe(entity: FtmEntity): string {
  const values = (name: string) =>
    (entity.properties[name] ?? []).filter((v): v is string => typeof v === "string");
  return [
    entity.schema,
    ...values("birthDate").slice(0, 1),
    ...values("country").slice(0, 3),
    ...entity.datasets,
  ].join(" · ");
}

/** The reconciliation plugin, over the yente plugin's datasets. */
export async function reconcilePlugin(
  app: FastifyInstance,
  options: { datasets: DatasetCache },
): Promise<void> {
  const { datasets } = options;
  // OpenRefine posts HTML forms; parsed here, in this plugin only, with the server's body limit.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string" },
    (_request: FastifyRequest, body: string, done: (error: Error | null, value?: unknown) => void) => {
      done(null, Object.fromEntries(new URLSearchParams(body)));
    },
  );

  // Read-only matching: viewers, and tokens scoped to matching, may call these.
  const yente = { config: { yente: true, access: "viewer", matching: true } as const };
  const params = objectOf({ dataset: { type: "string", minLength: 1, maxLength: 100 } });
  const prefixQuery = objectOf(
    {
      prefix: { type: "string", maxLength: 200, default: "" },
      limit: { type: "integer", minimum: 1, maximum: 100, default: SUGGEST_LIMIT },
    },
    ["prefix", "limit"],
  );
  const base = (request: FastifyRequest, dataset: string) =>
    `${request.protocol}://${request.host}/reconcile/${encodeURIComponent(dataset)}`;

  /** The service manifest OpenRefine reads when the service is added. */
  async function manifest(request: FastifyRequest, dataset: string) {
    const chosen = await datasets.select(dataset);
    const url = base(request, dataset);
    return {
      versions: ["0.2"],
      name: `${chosen.map((d) => d.name).join(", ") || dataset} (Skein)`,
      identifierSpace: "https://www.opensanctions.org/reference/#schema",
      schemaSpace: "https://www.opensanctions.org/reference/#schema",
      view: { url: `${request.protocol}://${request.host}/entities/{{id}}` },
      documentation: `${request.protocol}://${request.host}/openapi.json`,
      batchSize: 10,
      preview: { url: `${url}/preview?id={{id}}`, width: 430, height: 300 },
      suggest: {
        entity: { service_url: url, service_path: "/suggest/entity" },
        type: { service_url: url, service_path: "/suggest/type" },
        property: { service_url: url, service_path: "/suggest/property" },
      },
      extend: {
        propose_properties: { service_url: url, service_path: "/extend/property" },
        property_settings: [
          {
            name: "limit",
            label: "Limit",
            type: "number",
            default: 0,
            help_text: "Maximum number of values to return per row (0 for no limit).",
          },
        ],
      },
      defaultTypes: MATCHABLE_SCHEMATA.map(typeOf),
    };
  }

  /** Answers a batch of reconciliation queries. */
  async function reconcile(dataset: string, text: string) {
    const queries = parseJsonField<unknown>("queries", text);
    if (!isObject(queries)) {
      throw new SkeinError(
        "SERVER_BAD_REQUEST",
        'the "queries" field must be a JSON object of queries by key',
        {
          part: "body",
          field: "queries",
        },
      );
    }
    const keys = Object.keys(queries);
    if (keys.length > YENTE_LIMITS.maxBatch) {
      throw new SkeinError(
        "SERVER_BAD_REQUEST",
        `Too many queries in one batch (limit: ${YENTE_LIMITS.maxBatch})`,
        {
          field: "queries",
          received: String(keys.length),
        },
      );
    }
    const examples = keys.map((key) => [key, exampleOf(key, queries[key])] as const);
    const chosen = await datasets.select(dataset);
    const algorithm = chooseAlgorithm(undefined);
    const threshold = YENTE_LIMITS.scoreThreshold;
    const out: Record<string, { result: unknown[] }> = {};
    for (const [key, { example, limit }] of examples) {
      const results = matchExample(chosen, example, {
        algorithm,
        config: {},
        threshold,
        cutoff: 0,
        limit,
        filters: {},
      });
      out[key] = {
        result: results.map(({ entity, result }) => ({
          id: entity.id,
          name: entity.caption,
          description: describe(entity),
          type: [typeOf(entity.schema)],
          score: Math.round(result.score * 1000) / 10,
          match: result.score >= threshold,
          features: Object.entries(result.explanations).map(([id, e]) => ({ id, value: e.score })),
        })),
      };
    }
    return out;
  }

  /** Answers a data-extension request: the asked properties of each entity. */
  async function extend(text: string) {
    const query = parseJsonField<ExtendQuery>("extend", text);
    if (!isObject(query) || !Array.isArray(query.ids) || !Array.isArray(query.properties)) {
      throw new SkeinError(
        "SERVER_BAD_REQUEST",
        'the "extend" field must be {"ids": [...], "properties": [{"id": ...}]}',
        {
          part: "body",
          field: "extend",
        },
      );
    }
    if (query.ids.length > YENTE_LIMITS.maxBatch) {
      throw new SkeinError(
        "SERVER_BAD_REQUEST",
        `Too many queries in one batch (limit: ${YENTE_LIMITS.maxBatch})`,
        {
          field: "extend.ids",
          received: String(query.ids.length),
        },
      );
    }
    const meta = new Map<string, { id: string; name: string }>();
    const rows: Record<string, Record<string, Array<{ str: string }>>> = {};
    for (const id of query.ids.map(String)) {
      rows[id] = {};
      const found = await findEntity(datasets, id);
      if (!found) continue;
      const known = new Map(propertiesOf(found.entity.schema).map((p) => [p.name, p]));
      for (const asked of query.properties) {
        if (!isObject(asked) || typeof asked.id !== "string") continue;
        const property = known.get(asked.id);
        const values = (found.entity.properties[asked.id] ?? []).filter(
          (v): v is string => typeof v === "string",
        );
        if (!property && !values.length) continue;
        if (!meta.has(asked.id)) meta.set(asked.id, { id: asked.id, name: property?.label ?? asked.id });
        const limit = Number(asked.settings?.limit ?? 0);
        rows[id][asked.id] = (limit > 0 ? values.slice(0, limit) : values).map((str) => ({ str }));
      }
    }
    return { meta: [...meta.values()], rows };
  }

  const FORM: JsonSchema = objectOf(
    {
      queries: { type: "string", maxLength: 1_000_000, description: "JSON object of queries by key" },
      extend: { type: "string", maxLength: 1_000_000, description: "JSON data-extension request" },
    },
    ["queries", "extend"],
  );

  app.get<{ Params: { dataset: string }; Querystring: { queries?: string; extend?: string } }>(
    "/reconcile/:dataset",
    {
      ...yente,
      schema: {
        summary: "OpenRefine reconciliation: the service manifest, or a batch given as `queries=` in the URL",
        tags: ["reconcile"],
        params,
        querystring: FORM,
      },
    },
    async (request) => {
      const { dataset } = request.params;
      if (request.query.extend) return extend(request.query.extend);
      if (request.query.queries) return reconcile(dataset, request.query.queries);
      return manifest(request, dataset);
    },
  );

  app.post<{ Params: { dataset: string }; Body: { queries?: string; extend?: string } }>(
    "/reconcile/:dataset",
    {
      ...yente,
      schema: {
        summary: "OpenRefine reconciliation: a batch of queries (`queries=`) or a data extension (`extend=`)",
        tags: ["reconcile"],
        params,
        body: FORM,
      },
    },
    async (request) => {
      const { dataset } = request.params;
      const body = request.body ?? {};
      if (body.extend?.trim()) return extend(body.extend);
      if (body.queries === undefined) {
        throw new SkeinError("SERVER_BAD_REQUEST", 'send a "queries" or an "extend" form field', {
          part: "body",
          field: "queries",
        });
      }
      return reconcile(dataset, body.queries);
    },
  );

  app.get<{ Params: { dataset: string }; Querystring: { id: string } }>(
    "/reconcile/:dataset/preview",
    {
      ...yente,
      schema: {
        summary: "OpenRefine reconciliation: a small HTML card of one entity",
        tags: ["reconcile"],
        params,
        querystring: objectOf({ id: { type: "string", minLength: 1, maxLength: 200 } }),
      },
    },
    async (request, reply) => {
      const found = await findEntity(datasets, request.query.id);
      if (!found) {
        throw new SkeinError("SERVER_NOT_FOUND", `No entity with ID: ${request.query.id}`, {
          field: "id",
          received: request.query.id,
        });
      }
      const { entity } = found;
      const rows = propertiesOf(entity.schema)
        .filter((p) => p.name !== "notes" && entity.properties[p.name]?.length)
        .map((p) => {
          const values = (entity.properties[p.name] ?? []).filter((v): v is string => typeof v === "string");
          return `<tr><th>${escapeHtml(p.label)}</th><td>${values
            .slice(0, 5)
            .map((v) => escapeHtml(v))
            .join("; ")}</td></tr>`;
        });
      const html =
        `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(entity.caption)}</title></head>` +
        `<body style="font:13px sans-serif;margin:6px"><h3 style="margin:0 0 4px">${escapeHtml(entity.caption)}</h3>` +
        `<div>${escapeHtml(entity.schema)} · ${entity.datasets.map((v) => escapeHtml(v)).join(", ")}</div>` +
        `<table>${rows.join("")}</table></body></html>`;
      return reply.type("text/html; charset=utf-8").send(html);
    },
  );

  /** A suggest route: what `find` offers for the prefix in the datasets chosen, at most `limit`. */
  const suggest = (
    kind: "entity" | "type" | "property",
    summary: string,
    find: (chosen: Awaited<ReturnType<typeof datasets.select>>, prefix: string) => unknown[],
  ) =>
    app.get<{ Params: { dataset: string }; Querystring: { prefix: string; limit: number } }>(
      `/reconcile/:dataset/suggest/${kind}`,
      { ...yente, schema: { summary, tags: ["reconcile"], params, querystring: prefixQuery } },
      async (request) => {
        const chosen = await datasets.select(request.params.dataset);
        const { prefix, limit } = request.query;
        return { prefix, result: find(chosen, prefix).slice(0, limit) };
      },
    );

  suggest(
    "entity",
    "OpenRefine reconciliation: entities whose names contain the prefix",
    (chosen, prefix) => {
      const result: unknown[] = [];
      if (!foldText(prefix).trim()) return result;
      for (const dataset of chosen) {
        for (const entity of dataset.entities.values()) {
          const names = ["name", "alias", "previousName"].flatMap((n) => entity.properties[n] ?? []);
          if (
            !matchesPrefix(prefix, entity.caption, ...names.filter((v): v is string => typeof v === "string"))
          )
            continue;
          result.push({
            id: entity.id,
            name: entity.caption,
            description: describe(entity),
            type: [typeOf(entity.schema)],
          });
        }
      }
      return result;
    },
  );
  suggest(
    "type",
    "OpenRefine reconciliation: the entity types (schemata) matching the prefix",
    (_chosen, prefix) =>
      MATCHABLE_SCHEMATA.filter((s) => matchesPrefix(prefix, s, SCHEMA_LABELS[s])).map(typeOf),
  );
  suggest(
    "property",
    "OpenRefine reconciliation: the properties (Schema:name) matching the prefix",
    (_chosen, prefix) =>
      PROPERTIES.filter((p) => matchesPrefix(prefix, p.name, p.label)).map((p) => ({
        id: `${p.schema}:${p.name}`,
        name: p.label,
      })),
  );

  app.get<{ Params: { dataset: string }; Querystring: { type: string; limit: number } }>(
    "/reconcile/:dataset/extend/property",
    {
      ...yente,
      schema: {
        summary: "OpenRefine data extension: the properties an entity type offers",
        tags: ["reconcile"],
        params,
        querystring: objectOf({
          type: { type: "string", minLength: 1, maxLength: 50 },
          limit: { type: "integer", minimum: 1, maximum: 100, default: 10 },
        }),
      },
    },
    async (request) => {
      await datasets.select(request.params.dataset);
      const { type, limit } = request.query;
      if (!isSchema(type)) {
        throw new SkeinError("SERVER_BAD_REQUEST", `Invalid schema: ${type}`, {
          field: "type",
          received: type,
        });
      }
      const properties = propertiesOf(type)
        .filter((p) => p.type !== "text" || p.name === "address")
        .slice(0, limit)
        .map((p) => ({ id: p.name, name: p.label }));
      return { type, limit, properties };
    },
  );
}
