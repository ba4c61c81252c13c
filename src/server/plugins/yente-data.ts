// What the yente-compatible routes (/match, /search, /entities, /reconcile) share: the loaded lists as
// yente datasets, each indexed once per snapshot, the filters yente applies to results, and matching an
// FtM example entity against the lists.
import { readStoredEntries } from "../../lists/index.js";
import {
  type ListEntry,
  type ListSnapshot,
  NAME_PART_ROLES,
  namePartsOf,
  SkeinError,
} from "../../model/index.js";
import {
  type Algorithm,
  buildIndex,
  DEFAULT_ALGORITHM,
  findAlgorithm,
  type ScreenResult,
  screen,
} from "../../screen/index.js";
import { listListSnapshots, type Queryable } from "../../store/index.js";
import {
  cleanProperties,
  datasetName,
  entryToFtm,
  type FtmEntity,
  ftmId,
  isSchema,
  MATCHABLE_SCHEMATA,
  schemataMatch,
} from "./ftm.js";

/** How often, at most, the loaded snapshots are re-read from the store. */
const LIST_RECHECK_MS = 1000;

/** yente's limits: results per query by default and at most, queries per batch, name clauses per query. */
export const YENTE_LIMITS = Object.freeze({
  matchPage: 5,
  maxMatches: 500,
  maxBatch: 100,
  maxClauses: 900,
  searchPage: 10,
  maxResults: 500,
  maxOffset: 9499,
  scoreThreshold: 0.7,
});

/** One loaded list with its index and its entries in yente's shape. */
export interface Dataset {
  name: string;
  snapshot: ListSnapshot;
  entries: ListEntry[];
  index: ReturnType<typeof buildIndex>;
  entities: Map<string, FtmEntity>;
}

/** The loaded lists, re-read when their snapshots change. */
export interface DatasetCache {
  /** Every loaded list (the newest snapshot of each). */
  all(): Promise<Dataset[]>;
  /** The lists a yente dataset name selects: `default` (all) or one list's name; unknown is 404. */
  select(name: string): Promise<Dataset[]>;
  /** Forgets the cache, so the next request reads the store again. */
  reset(): void;
}

/** The cache of the loaded lists of a workspace. */
export function datasetCache(db: Queryable): DatasetCache {
  let cache: { key: string; datasets: Dataset[]; checkedAt: number } | null = null;

  // The snapshot table is looked at no more than once per LIST_RECHECK_MS, so a list loaded by another
  // process shows within that time and a busy server does not query the store on every match.
  async function all(): Promise<Dataset[]> {
    const now = Date.now();
    if (cache && now - cache.checkedAt < LIST_RECHECK_MS) return cache.datasets;
    const key = (await listListSnapshots(db)).map((s) => s.id).join(",");
    if (cache?.key === key) {
      cache.checkedAt = now;
      return cache.datasets;
    }
    const datasets = (await readStoredEntries(db)).map(({ snapshot, entries }) => ({
      name: datasetName(snapshot.list),
      snapshot,
      entries,
      index: buildIndex(entries),
      entities: new Map(entries.map((e) => [e.id, entryToFtm(e)])),
    }));
    cache = { key, datasets, checkedAt: now };
    return datasets;
  }

  async function select(name: string): Promise<Dataset[]> {
    const datasets = await all();
    if (name === "default") return datasets;
    const chosen = datasets.filter(
      (d) => d.name === name || d.snapshot.list === name || d.snapshot.id === name,
    );
    if (chosen.length === 0) {
      const names = datasets.map((d) => d.name);
      throw new SkeinError(
        "SERVER_UNKNOWN_DATASET",
        `Dataset not found: ${name}; use default${names.length ? ` or one of: ${names.join(", ")}` : " (no list is loaded yet)"}`,
        { field: "dataset", received: name },
      );
    }
    return chosen;
  }

  return { all, select, reset: () => (cache = null) };
}

/** yente's result filters. */
export interface ResultFilters {
  includeDataset?: string[];
  excludeDataset?: string[];
  topics?: string[];
  excludeSchema?: string[];
  excludeEntityIds?: string[];
  changedSince?: string;
  countries?: string[];
  /** How topics and countries combine: any (OR, yente's default) or all (AND). */
  filterOp?: "OR" | "AND";
}

/** The datasets left after include_dataset and exclude_dataset (exclusion wins). */
export function filterDatasets(datasets: Dataset[], filters: ResultFilters): Dataset[] {
  return datasets.filter(
    (d) =>
      !(filters.excludeDataset ?? []).includes(d.name) &&
      (!filters.includeDataset?.length || filters.includeDataset.includes(d.name)),
  );
}

/** True when an entity passes yente's entity filters (topics, countries, schemata, ids, change date). */
export function passesFilters(entry: ListEntry, entity: FtmEntity, filters: ResultFilters): boolean {
  if (filters.excludeSchema?.includes(entity.schema)) return false;
  const excluded = filters.excludeEntityIds ?? [];
  if (excluded.length && [entity.id, entry.id, ...entity.referents].some((id) => excluded.includes(id)))
    return false;
  if (filters.changedSince && (entity.last_change ?? "") < filters.changedSince) return false;
  const valuesOf = (names: string[]) =>
    names.flatMap((n) => entity.properties[n] ?? []).filter((v): v is string => typeof v === "string");
  const checks: boolean[][] = [];
  if (filters.topics?.length) {
    const topics = valuesOf(["topics"]);
    checks.push(filters.topics.map((t) => topics.includes(t)));
  }
  if (filters.countries?.length) {
    const countries = new Set([...entityCountries(entity), ...entry.countries]);
    checks.push(filters.countries.map((c) => countries.has(c)));
  }
  const all = checks.flat();
  if (!all.length) return true;
  return filters.filterOp === "AND" ? all.every(Boolean) : all.some(Boolean);
}

/** The country codes an FtM entity carries, in any country-typed property. */
export function entityCountries(entity: FtmEntity): string[] {
  const names = [
    "country",
    "nationality",
    "citizenship",
    "jurisdiction",
    "mainCountry",
    "birthCountry",
    "flag",
  ];
  return [
    ...new Set(
      names.flatMap((n) => entity.properties[n] ?? []).filter((v): v is string => typeof v === "string"),
    ),
  ];
}

/** yente's algorithm names, all answered by Skein's algorithm (Skein has one, tuned on its own data). */
const YENTE_ALGORITHMS = new Set(["best", "default", "name-based", "name-qualified", "logic-v1", "logic-v2"]);

/** The algorithm a yente name selects; yente's own names select Skein's default algorithm. */
export function chooseAlgorithm(name: string | undefined): Algorithm {
  return findAlgorithm(name === undefined || YENTE_ALGORITHMS.has(name) ? DEFAULT_ALGORITHM : name);
}

/** yente (nomenklatura logic-v2) config options and the Skein config variable each sets. */
const YENTE_CONFIG: Record<string, string> = { nm_number_mismatch: "numberMismatch" };

/**
 * An algorithm config from a request's `config`: Skein's own variables by name and yente's by theirs;
 * any other name is refused as yente refuses it (400, naming the option and the algorithm).
 */
export function algorithmConfig(
  algorithm: Algorithm,
  requested: Record<string, unknown> | undefined,
  algorithmName: string,
): Record<string, number> {
  const config: Record<string, number> = {};
  for (const [key, value] of Object.entries(requested ?? {})) {
    const variable = YENTE_CONFIG[key] ?? key;
    if (!Object.hasOwn(algorithm.config, variable) || typeof value !== "number") {
      throw new SkeinError(
        "SERVER_BAD_REQUEST",
        `Invalid configuration parameter: ${key} for algorithm ${algorithmName}`,
        { field: `config.${key}`, received: String(value) },
      );
    }
    config[variable] = value;
  }
  return config;
}

/** A cleaned FtM example entity, as yente echoes it. */
export interface ExampleEntity {
  id: string | null;
  schema: string;
  properties: Record<string, string[]>;
}

export interface RawExample {
  id?: string | null;
  schema: string;
  properties: Record<string, unknown>;
}

/** A yente example entity cleaned by its schema's property types; an unknown schema is refused (400). */
export function cleanExample(raw: RawExample): ExampleEntity {
  if (!isSchema(raw.schema)) {
    throw new SkeinError("SERVER_BAD_REQUEST", `Cannot parse example entity: invalid schema: ${raw.schema}`, {
      field: "schema",
      received: raw.schema,
    });
  }
  if (!MATCHABLE_SCHEMATA.includes(raw.schema)) {
    throw new SkeinError(
      "SERVER_BAD_REQUEST",
      `Cannot parse example entity: schema ${raw.schema} cannot be matched; use one of ${MATCHABLE_SCHEMATA.join(", ")}`,
      { field: "schema", received: raw.schema },
    );
  }
  return { id: raw.id ?? null, schema: raw.schema, properties: cleanProperties(raw.schema, raw.properties) };
}

/** The names an example is matched by: its name properties, or its name parts joined. */
export function exampleNames(example: ExampleEntity): string[] {
  const p = example.properties;
  const names = ["name", "alias", "previousName", "weakAlias", "abbreviation"].flatMap((n) => p[n] ?? []);
  if (names.length) return [...new Set(names)];
  const parts = NAME_PART_ROLES.map((n) => p[n]?.[0]).filter(Boolean);
  return parts.length ? [parts.join(" ")] : [];
}

const IDENTIFIER_TYPED = [
  "registrationNumber",
  "idNumber",
  "taxNumber",
  "innCode",
  "ogrnCode",
  "okpoCode",
  "kppCode",
  "leiCode",
  "swiftBic",
  "imoNumber",
  "mmsi",
  "passportNumber",
  "vatCode",
  "dunsCode",
  "uscCode",
  "permId",
];

/** One scored result. */
export interface ScoredEntry {
  entry: ListEntry;
  entity: FtmEntity;
  result: ScreenResult;
}

/**
 * Scores an example against the datasets: each of its names is screened, the best score per entry kept;
 * entries of a schema the example cannot be, and those the filters drop, are left out. Returns the
 * results at or above `cutoff`, best first, at most `limit`.
 */
export function matchExample(
  datasets: Dataset[],
  example: ExampleEntity,
  options: {
    algorithm: Algorithm;
    config: Record<string, number>;
    threshold: number;
    cutoff: number;
    limit: number;
    filters: ResultFilters;
  },
): ScoredEntry[] {
  const p = example.properties;
  const countries = [
    "country",
    "jurisdiction",
    "nationality",
    "citizenship",
    "mainCountry",
    "birthCountry",
  ].flatMap((n) => p[n] ?? []);
  const query = (name: string) => ({
    name,
    schema: example.schema,
    countries,
    birthDate: p.birthDate?.[0],
    identifiers: IDENTIFIER_TYPED.flatMap((n) => p[n] ?? []),
    nameParts: namePartsOf(p),
  });
  // Screening builds an explanation per result, so a few more than the limit are taken; when the
  // filters leave fewer than the limit of a full take, the take is widened (as yente takes ten times
  // the limit as candidates) and screened again.
  const run = (take: number) => {
    const best = new Map<string, ScoredEntry>();
    let full = false;
    for (const name of exampleNames(example)) {
      for (const dataset of datasets) {
        const results = screen(dataset.index, query(name), {
          threshold: options.threshold,
          limit: take,
          algorithm: options.algorithm.name,
          config: { ...options.config, cutoff: options.cutoff },
        });
        if (results.length === take) full = true;
        for (const result of results) {
          const entity = dataset.entities.get(result.entry.id)!;
          if (!schemataMatch(example.schema, entity.schema)) continue;
          if (!passesFilters(result.entry, entity, options.filters)) continue;
          const seen = best.get(result.entry.id);
          if (!seen || seen.result.score < result.score)
            best.set(result.entry.id, { entry: result.entry, entity, result });
        }
      }
    }
    const ranked = [...best.values()]
      .filter((r) => r.result.score >= options.cutoff)
      .sort((a, b) => b.result.score - a.result.score || a.entity.id.localeCompare(b.entity.id))
      .slice(0, options.limit);
    return { ranked, full };
  };
  const first = run(options.limit * 2);
  if (first.ranked.length >= options.limit || !first.full) return first.ranked;
  return run(Math.max(20, Math.min(YENTE_LIMITS.maxResults, options.limit * 10))).ranked;
}

/** An entry in yente's scored shape. */
export function scoredEntity(scored: ScoredEntry, threshold: number) {
  const { result, entity } = scored;
  return {
    ...entity,
    score: result.score,
    features: Object.fromEntries(Object.entries(result.explanations).map(([name, e]) => [name, e.score])),
    match: result.score >= threshold,
    explanations: result.explanations,
  };
}

/** The entity with a yente id (or a referent of one) and its list entry, from the loaded lists. */
export async function findEntity(
  cache: DatasetCache,
  id: string,
): Promise<{ entry: ListEntry; entity: FtmEntity } | null> {
  const datasets = await cache.all();
  for (const dataset of datasets) {
    for (const entry of dataset.entries) {
      if (ftmId(entry) === id || entry.id === id) return { entry, entity: dataset.entities.get(entry.id)! };
    }
  }
  for (const dataset of datasets) {
    for (const entry of dataset.entries) {
      const entity = dataset.entities.get(entry.id)!;
      if (entity.referents.includes(id)) return { entry, entity };
    }
  }
  return null;
}
