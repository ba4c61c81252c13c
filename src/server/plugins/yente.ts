// yente-compatible routes over the loaded lists (yente's API, opensanctions/yente): POST /match/{dataset},
// GET /search/{dataset}, GET /entities/{id}, GET /algorithms and GET /catalog in yente's shapes, so yente
// clients work unchanged. Dataset `default` is every loaded list; a list name selects one.
import type { FastifyInstance } from "fastify";
import { readStoredEntries } from "../../lists/index.js";
import {
  type ListEntry,
  type ListSnapshot,
  NAME_PART_ROLES,
  namePartsOf,
  SkeinError,
} from "../../model/index.js";
import {
  ALGORITHMS,
  type Algorithm,
  buildIndex,
  DEFAULT_ALGORITHM,
  findAlgorithm,
  type ScreenResult,
  screen,
} from "../../screen/index.js";
import { listListSnapshots } from "../../store/index.js";
import { type JsonSchema, objectOf } from "../schemas.js";
import { foldText } from "./entities.js";

/** yente's defaults: at most `limit` results per query; threshold and cutoff come from the algorithm. */
export const YENTE_DEFAULTS = Object.freeze({ limit: 5, searchLimit: 10 });

/** How often, at most, the loaded snapshots are re-read from the store. */
const LIST_RECHECK_MS = 1000;

/** FtM properties read as names, countries, birth dates and identifiers of a query. */
const NAME_PROPERTIES = ["name", "alias", "previousName", "weakAlias", "abbreviation"];
const COUNTRY_PROPERTIES = [
  "country",
  "jurisdiction",
  "nationality",
  "citizenship",
  "registrationCountry",
  "mainCountry",
];
const IDENTIFIER_PROPERTIES = [
  "registrationNumber",
  "idNumber",
  "taxNumber",
  "innCode",
  "ogrnCode",
  "leiCode",
  "swiftBic",
  "imoNumber",
  "mmsi",
  "passportNumber",
  "vatCode",
];

const str = { type: "string" };
const strings = { type: "array", items: str };
const PROPERTY_VALUES = {
  type: "object",
  additionalProperties: { anyOf: [str, { type: "array", items: { type: ["string", "number"] } }] },
};

const ENTITY_EXAMPLE = {
  type: "object",
  properties: {
    id: { type: ["string", "null"] },
    schema: { type: "string", minLength: 1 },
    properties: PROPERTY_VALUES,
  },
  required: ["schema", "properties"],
  additionalProperties: true,
};

const ENTITY_PROPERTIES: Record<string, JsonSchema> = {
  id: str,
  caption: str,
  schema: str,
  properties: { type: "object", additionalProperties: strings },
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
const CLEAN_QUERY = objectOf({
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

/**
 * yente's other parameters (topics, include_dataset, changed_since, facets …) are accepted and ignored,
 * so that clients sending them work unchanged.
 */
const YENTE_OTHER_PARAMETERS = { additionalProperties: true };

const MATCH_QUERY: JsonSchema = {
  ...objectOf(
    {
      threshold: {
        type: "number",
        minimum: 0,
        maximum: 1,
        description: "score at which a result is a match",
      },
      cutoff: { type: "number", minimum: 0, maximum: 1, description: "lowest score returned" },
      limit: { type: "integer", minimum: 1, maximum: 500, description: "results per query" },
      algorithm: { type: "string", maxLength: 100, description: "screening algorithm (GET /algorithms)" },
    },
    ["threshold", "cutoff", "limit", "algorithm"],
  ),
  ...YENTE_OTHER_PARAMETERS,
};

/** A cleaned yente query: every property a list of non-empty strings. */
interface CleanQuery {
  id: string | null;
  schema: string;
  properties: Record<string, string[]>;
}

type ScreenIndex = ReturnType<typeof buildIndex>;

/** One loaded list with its index, built once per snapshot and reused until the snapshots change. */
interface Dataset {
  snapshot: ListSnapshot;
  entries: ListEntry[];
  index: ScreenIndex;
  byId: Map<string, ListEntry>;
}

/** Cleans a query as yente does: values to lists of trimmed strings, empty ones dropped. */
export function cleanQuery(query: {
  id?: string | null;
  schema: string;
  properties: Record<string, unknown>;
}): CleanQuery {
  const properties: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(query.properties ?? {})) {
    const values = (Array.isArray(value) ? value : [value])
      .map((v) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : ""))
      .filter((v) => v !== "");
    if (values.length) properties[name] = [...new Set(values)];
  }
  return { id: query.id ?? null, schema: query.schema, properties };
}

/** The names a query is screened by: its name properties, or first and last names joined. */
function queryNames(q: CleanQuery): string[] {
  const names = NAME_PROPERTIES.flatMap((p) => q.properties[p] ?? []);
  if (names.length) return names;
  const parts = NAME_PART_ROLES.map((p) => q.properties[p]?.[0]).filter(Boolean);
  return parts.length ? [parts.join(" ")] : [];
}

/** A list entry in yente's entity shape (FtM properties). */
export function entryToEntity(entry: ListEntry) {
  const properties: Record<string, string[]> = {};
  const put = (name: string, values: Array<string | null | undefined>) => {
    const kept = values.filter((v): v is string => typeof v === "string" && v !== "");
    if (kept.length) properties[name] = [...new Set(kept)];
  };
  put("name", entry.names.slice(0, 1));
  put("alias", entry.names.slice(1));
  put("weakAlias", entry.weakAliases);
  put(entry.schema === "Person" ? "nationality" : "country", entry.countries);
  put("birthDate", entry.birthDates);
  put("program", entry.programs);
  put("address", entry.addresses);
  put("notes", [entry.remarks]);
  put("topics", ["sanction"]);
  for (const identifier of entry.identifiers)
    put(identifier.type, [...(properties[identifier.type] ?? []), identifier.value]);
  return {
    id: entry.id,
    caption: entry.caption,
    schema: entry.schema,
    properties,
    datasets: [entry.list],
    referents: [`${entry.authority}-${entry.authorityId}`],
    target: true,
    first_seen: entry.listingDate,
    last_seen: null,
    last_change: null,
  };
}

/** The yente plugin. */
export async function yentePlugin(app: FastifyInstance): Promise<void> {
  const { db } = app.skein;
  let cache: { key: string; datasets: Dataset[]; checkedAt: number } | null = null;

  /**
   * The loaded lists (newest snapshot of each), indexed; rebuilt only when the snapshots change. The
   * snapshot table is looked at no more than once per LIST_RECHECK_MS, so a list loaded by another
   * process shows within that time and a busy server does not query the store on every match.
   */
  async function loadedDatasets(): Promise<Dataset[]> {
    const now = Date.now();
    if (cache && now - cache.checkedAt < LIST_RECHECK_MS) return cache.datasets;
    const key = (await listListSnapshots(db)).map((s) => s.id).join(",");
    if (cache?.key === key) {
      cache.checkedAt = now;
      return cache.datasets;
    }
    const datasets = (await readStoredEntries(db)).map(({ snapshot, entries }) => ({
      snapshot,
      entries,
      index: buildIndex(entries),
      byId: new Map(entries.map((e) => [e.id, e])),
    }));
    cache = { key, datasets, checkedAt: now };
    return datasets;
  }

  /** The datasets a name selects: `default` (all), a list name, `authority_list`, or a snapshot id. */
  async function selectDatasets(name: string): Promise<Dataset[]> {
    const all = await loadedDatasets();
    if (name === "default") return all;
    const chosen = all.filter(
      (d) =>
        d.snapshot.list === name ||
        `${d.snapshot.authority}_${d.snapshot.list}` === name ||
        d.snapshot.id === name,
    );
    if (chosen.length === 0) {
      const names = [...new Set(all.map((d) => d.snapshot.list))];
      throw new SkeinError(
        "SERVER_UNKNOWN_DATASET",
        `no loaded list named "${name}"; use default${names.length ? ` or one of: ${names.join(", ")}` : " (no list is loaded yet)"}`,
        { field: "dataset", received: name },
      );
    }
    return chosen;
  }

  const yente = { config: { yente: true } };
  const datasetParams = objectOf({ dataset: { type: "string", minLength: 1, maxLength: 100 } });

  app.post<{
    Params: { dataset: string };
    Querystring: { threshold?: number; cutoff?: number; limit?: number; algorithm?: string };
    Body: {
      queries: Record<string, { id?: string | null; schema: string; properties: Record<string, unknown> }>;
      threshold?: number;
      cutoff?: number;
      limit?: number;
      algorithm?: string;
    };
  }>(
    "/match/:dataset",
    {
      ...yente,
      schema: {
        summary: "yente-compatible matching: score each query entity against the loaded lists",
        tags: ["yente"],
        params: datasetParams,
        querystring: MATCH_QUERY,
        body: {
          type: "object",
          properties: {
            queries: {
              type: "object",
              additionalProperties: ENTITY_EXAMPLE,
              minProperties: 1,
              maxProperties: 100,
            },
            weights: { type: "object", additionalProperties: { type: "number" } },
            ...(MATCH_QUERY.properties as Record<string, JsonSchema>),
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
                query: CLEAN_QUERY,
              }),
            },
            matcher: MATCHER_DOCS,
            limit: { type: "integer" },
          }),
        },
      },
    },
    async (request) => {
      const body = request.body;
      const algorithm = chooseAlgorithm(request.query.algorithm ?? body.algorithm);
      const threshold = request.query.threshold ?? body.threshold ?? algorithm.config.threshold.default;
      const cutoff = Math.min(
        request.query.cutoff ?? body.cutoff ?? algorithm.config.cutoff.default,
        threshold,
      );
      const limit = request.query.limit ?? body.limit ?? YENTE_DEFAULTS.limit;
      const datasets = await selectDatasets(request.params.dataset);
      const responses: Record<string, unknown> = {};
      for (const [key, raw] of Object.entries(body.queries)) {
        const query = cleanQuery(raw);
        const p = query.properties;
        const countries = COUNTRY_PROPERTIES.flatMap((name) => p[name] ?? []).map((c) => c.toLowerCase());
        const best = new Map<string, ScreenResult>();
        for (const name of queryNames(query)) {
          const screenQuery = {
            name,
            schema: query.schema,
            countries,
            birthDate: p.birthDate?.[0],
            identifiers: IDENTIFIER_PROPERTIES.flatMap((n) => p[n] ?? []),
            nameParts: namePartsOf(p),
          };
          for (const dataset of datasets) {
            const options = { threshold, limit, algorithm: algorithm.name, config: { cutoff } };
            for (const result of screen(dataset.index, screenQuery, options)) {
              const seen = best.get(result.entry.id);
              if (!seen || seen.score < result.score) best.set(result.entry.id, result);
            }
          }
        }
        const ranked = [...best.values()].filter((r) => r.score >= cutoff).sort((a, b) => b.score - a.score);
        responses[key] = {
          status: 200,
          results: ranked.slice(0, limit).map((r) => ({
            ...entryToEntity(r.entry),
            score: r.score,
            features: Object.fromEntries(Object.entries(r.explanations).map(([name, e]) => [name, e.score])),
            match: r.score >= threshold,
            explanations: r.explanations,
          })),
          total: { value: ranked.length, relation: "eq" },
          query,
        };
      }
      return { responses, matcher: matcherDocs(algorithm), limit };
    },
  );

  app.get<{
    Params: { dataset: string };
    Querystring: { q?: string; schema?: string; limit: number; offset: number };
  }>(
    "/search/:dataset",
    {
      ...yente,
      schema: {
        summary: "yente-compatible search: list entries whose names contain the text",
        tags: ["yente"],
        params: datasetParams,
        querystring: {
          ...objectOf(
            {
              q: { type: "string", maxLength: 200 },
              schema: { type: "string", maxLength: 50 },
              limit: { type: "integer", minimum: 0, maximum: 500, default: YENTE_DEFAULTS.searchLimit },
              offset: { type: "integer", minimum: 0, default: 0 },
            },
            ["q", "schema", "limit", "offset"],
          ),
          ...YENTE_OTHER_PARAMETERS,
        },
        response: {
          200: objectOf({
            limit: { type: "integer" },
            offset: { type: "integer" },
            total: TOTAL,
            results: { type: "array", items: ENTITY_RESPONSE },
            facets: { type: "object", additionalProperties: true },
          }),
        },
      },
    },
    async (request) => {
      const { q, schema, limit, offset } = request.query;
      const needle = foldText((q ?? "").trim());
      const hits: ListEntry[] = [];
      for (const dataset of await selectDatasets(request.params.dataset)) {
        for (const entry of dataset.entries) {
          if (schema && entry.schema !== schema) continue;
          if (!needle || [...entry.names, ...entry.weakAliases].some((n) => foldText(n).includes(needle)))
            hits.push(entry);
        }
      }
      return {
        limit,
        offset,
        total: { value: hits.length, relation: "eq" },
        results: hits.slice(offset, offset + limit).map(entryToEntity),
        facets: {},
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/entities/:id",
    {
      ...yente,
      schema: {
        summary: "yente-compatible: one list entry by id",
        tags: ["yente"],
        params: objectOf({ id: { type: "string", minLength: 1, maxLength: 200 } }),
        response: { 200: ENTITY_RESPONSE },
      },
    },
    async (request) => {
      for (const dataset of await loadedDatasets()) {
        const entry = dataset.byId.get(request.params.id);
        if (entry) return entryToEntity(entry);
      }
      throw new SkeinError(
        "SERVER_NOT_FOUND",
        `no list entry with id "${request.params.id}" in the loaded lists`,
        {
          field: "id",
          received: request.params.id,
        },
      );
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
      const lists = (await loadedDatasets()).map(({ snapshot }) => ({
        name: snapshot.list,
        title: `${snapshot.authority.toUpperCase()} ${snapshot.list.toUpperCase()}`,
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
      const datasets = [all, ...lists];
      return { datasets, current: datasets.map((d) => d.name), outdated: [], index_stale: false };
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
}

/** The algorithm a name selects; yente's aliases `best` and `default` name the default one. */
function chooseAlgorithm(name: string | undefined): Algorithm {
  return findAlgorithm(
    name === undefined || name === "best" || name === "default" ? DEFAULT_ALGORITHM : name,
  );
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
