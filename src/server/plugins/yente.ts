// yente-compatible routes over the loaded lists (yente's API, opensanctions/yente): POST /match/{dataset},
// GET /search/{dataset}, GET /entities/{id}, GET /catalog, GET /algorithms, GET /readyz and /updatez in
// yente's shapes and status codes, so yente clients work unchanged, and OpenRefine reconciliation at
// /reconcile/{dataset}. Dataset `default` is every loaded list; a list's name selects one.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { SkeinError } from "../../model/index.js";
import { ALGORITHMS, type Algorithm, DEFAULT_ALGORITHM } from "../../screen/index.js";
import { toErrorBody } from "../errors.js";
import { type JsonSchema, objectOf } from "../schemas.js";
import { foldText } from "./entities.js";
import { type FtmEntity, isoSeconds, isSchema, nestedEntity, schemaIsA } from "./ftm.js";
import { reconcilePlugin } from "./reconcile.js";
import {
  algorithmConfig,
  chooseAlgorithm,
  cleanExample,
  datasetCache,
  entityCountries,
  exampleNames,
  filterDatasets,
  findEntity,
  matchExample,
  passesFilters,
  type RawExample,
  type ResultFilters,
  scoredEntity,
  YENTE_LIMITS,
} from "./yente-data.js";

const str = { type: "string" };
const strings = { type: "array", items: str };
/** A property's values: strings, or nested entities in `nested` answers. */
const PROPERTY_MAP = { type: "object", additionalProperties: { type: "array", items: {} } };

const ENTITY_PROPERTIES: Record<string, JsonSchema> = {
  id: str,
  caption: str,
  schema: str,
  properties: PROPERTY_MAP,
  datasets: strings,
  referents: strings,
  target: { type: "boolean" },
  first_seen: { type: ["string", "null"] },
  last_seen: { type: ["string", "null"] },
  last_change: { type: ["string", "null"] },
};
const ENTITY_RESPONSE = objectOf(ENTITY_PROPERTIES);
const FEATURE_EXPLANATION = {
  type: "object",
  properties: {
    score: { type: "number" },
    weight: { type: "number" },
    detail: str,
    query: { type: ["string", "null"] },
    candidate: { type: ["string", "null"] },
  },
  additionalProperties: false,
};
const SCORED_ENTITY = objectOf({
  ...ENTITY_PROPERTIES,
  score: { type: "number" },
  features: { type: "object", additionalProperties: { type: "number" } },
  match: { type: "boolean" },
  explanations: { type: "object", additionalProperties: FEATURE_EXPLANATION },
});
const TOTAL = objectOf({ value: { type: "integer" }, relation: str });
const EXAMPLE_RESPONSE = objectOf({
  id: { type: ["string", "null"] },
  schema: str,
  properties: { type: "object", additionalProperties: strings },
});
const MATCHER_DOCS = {
  type: "object",
  additionalProperties: objectOf({
    description: str,
    coefficient: { type: "number" },
    url: { type: ["string", "null"] },
  }),
};
const list = (description: string) => ({
  type: "array",
  items: { type: "string", maxLength: 200 },
  description,
});

/** yente's result filters, in the query string of /match and /search. */
const FILTER_PARAMETERS: Record<string, JsonSchema> = {
  include_dataset: list("only results from these datasets"),
  exclude_dataset: list("no results from these datasets (wins over include_dataset)"),
  topics: list("only results with one of these topics (sanction, crime.cyber …)"),
  exclude_schema: list("no results of these schemata"),
  changed_since: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}(:\\d{2}(:\\d{2})?)?)?$" },
};

/** Query parameters yente takes that Skein accepts and answers the same way regardless. */
const ACCEPTED_PARAMETERS: Record<string, JsonSchema> = {
  fuzzy: { type: "boolean", description: "accepted; Skein's matching always allows spelling variants" },
  simple: { type: "boolean", description: "accepted; the text is always read as plain words" },
};

const MATCH_QUERY: JsonSchema = objectOf(
  {
    threshold: { type: "number", minimum: 0, maximum: 1, description: "score at which a result is a match" },
    cutoff: {
      type: "number",
      minimum: 0,
      maximum: 1,
      description: "lowest score returned (yente: deprecated, at most the threshold)",
    },
    limit: {
      type: "integer",
      minimum: 1,
      maximum: YENTE_LIMITS.maxMatches,
      description: "results per query",
    },
    algorithm: { type: "string", maxLength: 100, description: "screening algorithm (GET /algorithms)" },
    exclude_entity_ids: { ...list("entity ids or referents never returned"), maxItems: 50 },
    ...FILTER_PARAMETERS,
    ...ACCEPTED_PARAMETERS,
  },
  [
    "threshold",
    "cutoff",
    "limit",
    "algorithm",
    "exclude_entity_ids",
    ...Object.keys(FILTER_PARAMETERS),
    ...Object.keys(ACCEPTED_PARAMETERS),
  ],
);

const EXAMPLE: JsonSchema = {
  type: "object",
  properties: {
    id: { type: ["string", "null"], maxLength: 200 },
    schema: { type: "string", minLength: 1, maxLength: 50 },
    properties: {
      type: "object",
      additionalProperties: {
        anyOf: [str, { type: "number" }, { type: "array", items: { type: ["string", "number"] } }],
      },
    },
  },
  required: ["schema", "properties"],
  additionalProperties: true,
};

interface MatchQuerystring {
  threshold?: number;
  cutoff?: number;
  limit?: number;
  algorithm?: string;
  exclude_entity_ids?: string[];
  include_dataset?: string[];
  exclude_dataset?: string[];
  topics?: string[];
  exclude_schema?: string[];
  changed_since?: string;
}

/** The filters of a /match or /search query string. */
function filtersOf(
  query: MatchQuerystring & { countries?: string[]; filter_op?: "OR" | "AND" },
): ResultFilters {
  return {
    includeDataset: query.include_dataset,
    excludeDataset: query.exclude_dataset,
    topics: query.topics,
    excludeSchema: query.exclude_schema,
    excludeEntityIds: query.exclude_entity_ids,
    changedSince: query.changed_since ? (isoSeconds(query.changed_since) ?? query.changed_since) : undefined,
    countries: query.countries?.map((c) => c.toLowerCase()),
    filterOp: query.filter_op,
  };
}

/**
 * yente's error answers: a request that does not validate is 422, as FastAPI gives it; every error keeps
 * the API's one shape and adds yente's `detail`.
 */
function yenteErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const out = toErrorBody(error, String(request.id));
  if (error.validation) out.statusCode = 422;
  out.detail = out.message;
  if (out.statusCode >= 500) request.log.error({ err: error, requestId: request.id }, "request failed");
  return reply.status(out.statusCode).type("application/json; charset=utf-8").send(out);
}

/** The yente plugin. */
export async function yentePlugin(app: FastifyInstance): Promise<void> {
  const datasets = datasetCache(app.skein.db);
  app.setErrorHandler(yenteErrorHandler);

  // Read-only matching: viewers, and tokens scoped to matching, may call these (POST /match changes nothing).
  const yente = { config: { yente: true, access: "viewer", matching: true } as const };
  const datasetParams = objectOf({ dataset: { type: "string", minLength: 1, maxLength: 100 } });

  app.post<{
    Params: { dataset: string };
    Querystring: MatchQuerystring;
    Body: {
      queries: Record<string, RawExample>;
      config?: Record<string, unknown>;
      weights?: Record<string, number>;
    } & Pick<MatchQuerystring, "threshold" | "cutoff" | "limit" | "algorithm">;
  }>(
    "/match/:dataset",
    {
      ...yente,
      schema: {
        summary: "yente-compatible matching: score each example entity against the loaded lists",
        tags: ["yente"],
        params: datasetParams,
        querystring: MATCH_QUERY,
        body: {
          type: "object",
          properties: {
            queries: { type: "object", additionalProperties: EXAMPLE },
            config: {
              type: "object",
              additionalProperties: true,
              description: "algorithm options (GET /algorithms), e.g. nm_number_mismatch",
            },
            weights: { type: "object", additionalProperties: { type: "number" } },
            threshold: { type: "number", minimum: 0, maximum: 1 },
            cutoff: { type: "number", minimum: 0, maximum: 1 },
            limit: { type: "integer", minimum: 1, maximum: YENTE_LIMITS.maxMatches },
            algorithm: { type: "string", maxLength: 100 },
          },
          required: ["queries"],
          additionalProperties: true,
        },
        response: {
          200: objectOf({
            responses: {
              type: "object",
              additionalProperties: objectOf({
                status: { type: "integer" },
                results: { type: "array", items: SCORED_ENTITY },
                total: TOTAL,
                query: EXAMPLE_RESPONSE,
              }),
            },
            matcher: MATCHER_DOCS,
            limit: { type: "integer" },
          }),
        },
      },
    },
    async (request, reply) => {
      const { body, query: qs } = request;
      const algorithmName = qs.algorithm ?? body.algorithm ?? DEFAULT_ALGORITHM;
      const algorithm = chooseAlgorithm(algorithmName);
      const config = algorithmConfig(algorithm, body.config, algorithmName);
      const threshold = qs.threshold ?? body.threshold ?? YENTE_LIMITS.scoreThreshold;
      // yente: the cutoff defaults to the threshold and is never above it.
      const cutoff = Math.min(qs.cutoff ?? body.cutoff ?? threshold, threshold);
      const limit = qs.limit ?? body.limit ?? YENTE_LIMITS.matchPage;
      const entries = Object.entries(body.queries);
      if (entries.length > YENTE_LIMITS.maxBatch) {
        throw new SkeinError(
          "SERVER_BAD_REQUEST",
          `Too many queries in one batch (limit: ${YENTE_LIMITS.maxBatch})`,
          { field: "queries", received: String(entries.length) },
        );
      }
      const examples = entries.map(([key, raw]) => [key, cleanExample(raw)] as const);
      for (const [key, example] of examples) {
        // One clause per name and one for the rest, as yente counts them; the bound keeps a query's cost fixed.
        const clauses = exampleNames(example).length + 1;
        if (clauses > YENTE_LIMITS.maxClauses) {
          throw new SkeinError(
            "SERVER_BAD_REQUEST",
            `Query "${key}" requires ${clauses} clauses; maximum is ${YENTE_LIMITS.maxClauses}`,
            { field: `queries.${key}.properties.name`, received: String(clauses - 1) },
          );
        }
      }
      if (!examples.length)
        throw new SkeinError("SERVER_BAD_REQUEST", "No queries provided.", { field: "queries" });
      const filters = filtersOf(qs);
      const chosen = filterDatasets(await datasets.select(request.params.dataset), filters);
      const responses: Record<string, unknown> = {};
      for (const [key, example] of examples) {
        const results = matchExample(chosen, example, {
          algorithm,
          config,
          threshold,
          cutoff,
          limit,
          filters,
        });
        responses[key] = {
          status: 200,
          results: results.map((r) => scoredEntity(r, threshold)),
          total: { value: results.length, relation: "eq" },
          query: example,
        };
      }
      reply.header("x-batch-size", String(examples.length));
      return { responses, matcher: matcherDocs(algorithm), limit };
    },
  );

  const FACETS = ["countries", "topics", "datasets", "schema"] as const;
  type Facet = (typeof FACETS)[number];

  app.get<{
    Params: { dataset: string };
    Querystring: MatchQuerystring & {
      q?: string;
      schema?: string;
      countries?: string[];
      filter?: string[];
      filter_op: "OR" | "AND";
      target?: boolean;
      facets: Facet[];
      sort?: string[];
      limit: number;
      offset: number;
    };
  }>(
    "/search/:dataset",
    {
      ...yente,
      schema: {
        summary: "yente-compatible search: entities whose names or properties hold every word of the text",
        tags: ["yente"],
        params: datasetParams,
        querystring: objectOf(
          {
            q: { type: "string", maxLength: 1000 },
            schema: { type: "string", maxLength: 50 },
            countries: list("only entities of one of these countries (ISO codes)"),
            filter: list("field:value, every one must hold, e.g. properties.birthDate:1965-09-21"),
            filter_op: { type: "string", enum: ["OR", "AND"], default: "OR" },
            target: { type: "boolean" },
            facets: {
              type: "array",
              items: { type: "string", enum: [...FACETS] },
              default: ["countries", "topics", "datasets"],
            },
            sort: list("field:asc or field:desc, e.g. first_seen:desc"),
            limit: {
              type: "integer",
              minimum: 0,
              maximum: YENTE_LIMITS.maxResults,
              default: YENTE_LIMITS.searchPage,
            },
            offset: { type: "integer", minimum: 0, maximum: YENTE_LIMITS.maxOffset, default: 0 },
            ...FILTER_PARAMETERS,
            ...ACCEPTED_PARAMETERS,
            fuzzy: ACCEPTED_PARAMETERS.fuzzy,
          },
          [
            "q",
            "schema",
            "countries",
            "filter",
            "filter_op",
            "target",
            "facets",
            "sort",
            "limit",
            "offset",
            ...Object.keys(FILTER_PARAMETERS),
            ...Object.keys(ACCEPTED_PARAMETERS),
          ],
        ),
        response: {
          200: objectOf({
            limit: { type: "integer" },
            offset: { type: "integer" },
            total: TOTAL,
            results: { type: "array", items: ENTITY_RESPONSE },
            facets: {
              type: "object",
              additionalProperties: objectOf({
                label: str,
                values: {
                  type: "array",
                  items: objectOf({ name: str, label: str, count: { type: "integer" } }),
                },
              }),
            },
          }),
        },
      },
    },
    async (request) => {
      const qs = request.query;
      if (qs.schema && !isSchema(qs.schema)) {
        throw new SkeinError("SERVER_BAD_REQUEST", `Invalid schema: ${qs.schema}`, {
          field: "schema",
          received: qs.schema,
        });
      }
      const filters = filtersOf(qs);
      const words = foldText(qs.q ?? "")
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      const hits: Array<{ entity: FtmEntity; rank: number }> = [];
      for (const dataset of filterDatasets(await datasets.select(request.params.dataset), filters)) {
        for (const entry of dataset.entries) {
          const entity = dataset.entities.get(entry.id)!;
          if (qs.schema && !schemaIsA(entity.schema, qs.schema)) continue;
          if (qs.target !== undefined && entity.target !== qs.target) continue;
          if (!(qs.filter ?? []).every((f) => holdsFilter(entity, f))) continue;
          if (!passesFilters(entry, entity, filters)) continue;
          const rank = searchRank(entity, words);
          if (rank > 0) hits.push({ entity, rank });
        }
      }
      hits.sort((a, b) => b.rank - a.rank || a.entity.id.localeCompare(b.entity.id));
      const [sortField, sortOrder] = (qs.sort?.[0] ?? "").split(":");
      if (sortField === "first_seen" || sortField === "last_seen" || sortField === "last_change") {
        const sign = sortOrder === "desc" ? -1 : 1;
        hits.sort((a, b) => sign * (a.entity[sortField] ?? "").localeCompare(b.entity[sortField] ?? ""));
      }
      const entities = hits.map((h) => h.entity);
      return {
        limit: qs.limit,
        offset: qs.offset,
        total: { value: entities.length, relation: "eq" },
        results: entities.slice(qs.offset, qs.offset + qs.limit),
        facets: Object.fromEntries(qs.facets.map((facet) => [facet, facetOf(facet, entities)])),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { nested: boolean } }>(
    "/entities/:id",
    {
      ...yente,
      schema: {
        summary: "yente-compatible: one entity by id; a referent's id redirects to the entity",
        tags: ["yente"],
        params: objectOf({ id: { type: "string", minLength: 1, maxLength: 200 } }),
        querystring: objectOf(
          { nested: { type: "boolean", default: true, description: "adjacent entities written inline" } },
          ["nested"],
        ),
        response: { 200: ENTITY_RESPONSE },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const found = await findEntity(datasets, id);
      if (!found) {
        throw new SkeinError("SERVER_NOT_FOUND", `No entity with ID: ${id}`, { field: "id", received: id });
      }
      if (found.entity.id !== id && found.entry.id !== id) {
        const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
        return reply.redirect(`/entities/${encodeURIComponent(found.entity.id)}${query}`, 308);
      }
      return request.query.nested ? nestedEntity(found.entry) : found.entity;
    },
  );

  app.get(
    "/catalog",
    {
      ...yente,
      schema: {
        summary: "yente-compatible: the datasets, `default` (every loaded list) and one per list",
        tags: ["yente"],
        response: {
          200: objectOf({
            datasets: {
              type: "array",
              items: objectOf({
                name: str,
                title: str,
                summary: { type: ["string", "null"] },
                url: { type: ["string", "null"] },
                load: { type: "boolean" },
                entities_url: { type: ["string", "null"] },
                version: str,
                index_version: { type: ["string", "null"] },
                index_current: { type: "boolean" },
                children: strings,
              }),
            },
            current: strings,
            outdated: strings,
            index_stale: { type: "boolean" },
          }),
        },
      },
    },
    async () => {
      const lists = (await datasets.all()).map(({ name, snapshot }) => ({
        name,
        title: `${snapshot.authority.toUpperCase()} ${snapshot.list}`,
        summary: `${snapshot.entryCount} entries, published ${snapshot.publishDate ?? "(date not in the file)"}`,
        url: null,
        load: true,
        entities_url: null,
        version: snapshot.publishDate ?? snapshot.loadedAt.slice(0, 10),
        index_version: snapshot.id,
        index_current: true,
        children: [],
      }));
      const all = {
        name: "default",
        title: "Every loaded list",
        summary: null,
        url: null,
        load: true,
        entities_url: null,
        version:
          lists
            .map((l) => l.version)
            .sort()
            .at(-1) ?? "",
        index_version: null,
        index_current: true,
        children: lists.map((l) => l.name),
      };
      const all_datasets = [all, ...lists];
      return {
        datasets: all_datasets,
        current: all_datasets.map((d) => d.name),
        outdated: [],
        index_stale: false,
      };
    },
  );

  app.get(
    "/algorithms",
    {
      ...yente,
      schema: {
        summary: "yente-compatible: the screening algorithms, their features and weights",
        tags: ["yente"],
        response: {
          200: objectOf({
            algorithms: {
              type: "array",
              items: objectOf({ name: str, description: str, features: MATCHER_DOCS }),
            },
            default: str,
            best: str,
          }),
        },
      },
    },
    async () => ({
      algorithms: ALGORITHMS.map((a) => ({
        name: a.name,
        description: a.description,
        features: matcherDocs(a),
      })),
      default: DEFAULT_ALGORITHM,
      best: DEFAULT_ALGORITHM,
    }),
  );

  const STATUS_OK = { 200: objectOf({ status: str }) };
  app.get(
    "/readyz",
    {
      config: { ...yente.config, access: "public" },
      schema: {
        summary: "yente-compatible: ready once the loaded lists are indexed",
        tags: ["yente"],
        response: STATUS_OK,
      },
    },
    async () => {
      await datasets.all();
      return { status: "ok" };
    },
  );

  app.get("/updatez", { ...yente, schema: { hide: true } }, async (_request, reply) =>
    reply.status(405).send({ detail: "Method Not Allowed" }),
  );
  app.post<{ Querystring: { token?: string; sync?: boolean } }>(
    "/updatez",
    {
      // Re-reading the lists is an administrator's act where accounts exist, as well as needing the token.
      config: { ...yente.config, access: "admin", matching: false },
      schema: {
        summary:
          "yente-compatible: re-read the loaded lists now; needs the token set in SKEIN_UPDATE_TOKEN (403 without)",
        tags: ["yente"],
        querystring: objectOf({ token: { type: "string", maxLength: 200 }, sync: { type: "boolean" } }, [
          "token",
          "sync",
        ]),
        response: STATUS_OK,
      },
    },
    async (request) => {
      const expected = process.env.SKEIN_UPDATE_TOKEN ?? "";
      if (!expected || request.query.token !== expected) {
        throw new SkeinError("SERVER_FORBIDDEN", "Invalid token.", { field: "token" });
      }
      datasets.reset();
      if (request.query.sync) await datasets.all();
      return { status: "ok" };
    },
  );

  await app.register(reconcilePlugin, { datasets });
}

/** True when a yente `filter` (`field:value`, `properties.<name>:value`) holds of an entity. */
function holdsFilter(entity: FtmEntity, filter: string): boolean {
  const at = filter.indexOf(":");
  if (at < 1) return false;
  const field = filter.slice(0, at);
  const value = filter.slice(at + 1);
  const values: unknown[] = field.startsWith("properties.")
    ? (entity.properties[field.slice("properties.".length)] ?? [])
    : [(entity as unknown as Record<string, unknown>)[field]].flat();
  return values.some((v) => String(v) === value);
}

/** How well an entity answers a search: every word must be found; words in its names count double. */
function searchRank(entity: FtmEntity, words: string[]): number {
  if (!words.length) return 1;
  const nameProps = ["name", "alias", "previousName", "weakAlias", "firstName", "lastName", "middleName"];
  const text = (props: string[] | null) =>
    foldText(
      Object.entries(entity.properties)
        .filter(([name]) => (props ? props.includes(name) : true))
        .flatMap(([, values]) => values)
        .filter((v): v is string => typeof v === "string")
        .join(" "),
    );
  const names = ` ${text(nameProps)} ${foldText(entity.caption)} `;
  const all = `${names} ${text(null)} `;
  let rank = 0;
  for (const word of words) {
    if (names.includes(word)) rank += 2;
    else if (all.includes(word)) rank += 1;
    else return 0;
  }
  return rank;
}

const FACET_LABELS = {
  countries: "Countries",
  topics: "Topics",
  datasets: "Data sources",
  schema: "Entity types",
};

/** One search facet: each value of the field among the hits, most frequent first. */
function facetOf(facet: keyof typeof FACET_LABELS, entities: FtmEntity[]) {
  const counts = new Map<string, number>();
  for (const entity of entities) {
    const values =
      facet === "countries"
        ? entityCountries(entity)
        : facet === "topics"
          ? (entity.properties.topics ?? []).filter((v): v is string => typeof v === "string")
          : facet === "datasets"
            ? entity.datasets
            : [entity.schema];
    for (const value of new Set(values)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const values = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count]) => ({ name, label: name, count }));
  return { label: FACET_LABELS[facet], values };
}

/** yente's matcher documentation: each feature's description and weight. */
function matcherDocs(algorithm: Algorithm) {
  return Object.fromEntries(
    algorithm.features.map((f) => [
      f.feature.name,
      { description: f.feature.description, coefficient: f.weight, url: null },
    ]),
  );
}
