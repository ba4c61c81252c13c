// The network and its analyses over HTTP: the whole case network (for exports and small cases), the
// analysis registry, and one route per registered analysis (paths, intermediaries, focal points,
// candidates, ego, and what the workbench draws: neighbourhood, communities, exposure, subgraph), each with
// the period filters (asOf, or start and end). The network and each analysis's answer are kept while the
// workspace is unchanged, so a viewer's requests on a large case cost one build.
import type { FastifyInstance } from "fastify";
import {
  ANALYSES,
  buildNetwork,
  findChosenSubgraph,
  type Network,
  type NetworkFilter,
} from "../../graph/index.js";
import {
  CERTAINTY_NAMES,
  ENTITY_ROLE_NAMES,
  ENTITY_TYPE_NAMES,
  PREDICATE_NAMES,
  SkeinError,
} from "../../model/index.js";
import { type JsonSchema, LISTING_SCHEMA, nullable, objectOf } from "../schemas.js";
import { type CaseIndex, readCaseIndex } from "./case-data.js";

const str = { type: "string" };
const nstr = { type: ["string", "null"] };
const num = { type: "number" };
const int = { type: "integer" };
const bool = { type: "boolean" };
const nullableObject = (properties: Record<string, JsonSchema>) => nullable(objectOf(properties));

const SOURCE_REF = nullableObject({
  id: str,
  title: nstr,
  publisher: nstr,
  published: nstr,
  url: nstr,
  kind: str,
  filename: nstr,
});
const PERIOD = nullableObject({ start: str, end: str, precision: str, text: str });

const EVIDENCE = objectOf({
  claimId: str,
  sourceId: str,
  quote: str,
  start: int,
  end: int,
  certainty: { type: "string", enum: CERTAINTY_NAMES },
  attribution: nstr,
  period: PERIOD,
  amount: nullableObject({ value: num, currency: str, qualifier: nstr, text: str }),
  productId: nstr,
  viaId: nstr,
  origin: str,
});

/** A node of the network: a case entity. */
export const NODE_SCHEMA = objectOf({
  id: str,
  caption: str,
  type: { type: "string", enum: ENTITY_TYPE_NAMES },
  country: nstr,
  sanctioned: bool,
  listings: { type: "array", items: LISTING_SCHEMA },
  names: { type: "array", items: str },
  role: { type: "string", enum: ENTITY_ROLE_NAMES },
});

/** An edge of the network: the claims of one (subject, predicate, object), aggregated. */
export const EDGE_SCHEMA = objectOf({
  key: str,
  subjectId: str,
  objectId: str,
  predicate: { type: "string", enum: PREDICATE_NAMES },
  claimCount: int,
  documentCount: int,
  sourceCount: int,
  contradicts: bool,
  certainty: { type: "string", enum: CERTAINTY_NAMES },
  period: nullableObject({ start: str, end: str }),
  strength: num,
  exposure: bool,
  evidence: { type: "array", items: EVIDENCE },
  denials: { type: "array", items: EVIDENCE },
  afterListing: {
    type: "array",
    items: objectOf({ claimId: str, entityId: str, listingDate: str, authority: str, claimDate: str }),
  },
});

/** One hop of a path, with the quote and source that carry it. */
export const HOP_SCHEMA = objectOf({
  from: str,
  to: str,
  fromCaption: str,
  toCaption: str,
  subjectId: str,
  objectId: str,
  forward: bool,
  predicate: { type: "string", enum: PREDICATE_NAMES },
  strength: num,
  certainty: { type: "string", enum: CERTAINTY_NAMES },
  claimCount: int,
  documentCount: int,
  sourceCount: int,
  claimId: str,
  quote: str,
  sourceId: str,
  source: SOURCE_REF,
  attribution: nstr,
  afterListing: bool,
});

const ref = objectOf({ id: str, caption: str });
const arrayOf = (items: JsonSchema) => ({ type: "array", items });

/** An entity of a drawable subgraph, with its neighbours in the whole case and those left out. */
const SUBGRAPH_NODE = objectOf({
  id: str,
  caption: str,
  type: { type: "string", enum: ENTITY_TYPE_NAMES },
  country: nstr,
  sanctioned: bool,
  degree: int,
  hidden: int,
});

/** A link of a drawable subgraph with its strongest evidence. */
const SUBGRAPH_EDGE = objectOf({
  key: str,
  subjectId: str,
  objectId: str,
  predicate: { type: "string", enum: PREDICATE_NAMES },
  claimCount: int,
  sourceCount: int,
  certainty: { type: "string", enum: CERTAINTY_NAMES },
  strength: num,
  exposure: bool,
  period: nullableObject({ start: str, end: str }),
  afterListing: bool,
  evidence: nullableObject({ claimId: str, sourceId: str, start: int, end: int, quote: str }),
});

const SUBGRAPH_PROPERTIES = {
  nodes: arrayOf(SUBGRAPH_NODE),
  edges: arrayOf(SUBGRAPH_EDGE),
  truncated: bool,
};

/** Result schema of each registered analysis, by name. */
const RESULT_SCHEMAS: Record<string, JsonSchema> = {
  paths: arrayOf(objectOf({ from: str, to: str, hops: arrayOf(HOP_SCHEMA), score: num, weakest: int })),
  intermediaries: arrayOf(
    objectOf({ entity: ref, sanctioned: bool, score: num, suppliers: int, estimated: bool }),
  ),
  "focal-points": arrayOf(
    objectOf({ entity: ref, type: str, sanctioned: bool, degree: int, weightedDegree: num, pagerank: num }),
  ),
  candidates: arrayOf(
    objectOf({
      entity: objectOf({ id: str, caption: str, type: str, country: nstr }),
      score: num,
      ties: int,
      claims: int,
      documents: int,
      origins: int,
      corroborated: bool,
      paths: arrayOf(arrayOf(HOP_SCHEMA)),
    }),
  ),
  ego: objectOf({
    center: str,
    nodes: arrayOf(objectOf({ ...(NODE_SCHEMA.properties as Record<string, JsonSchema>), distance: int })),
    edges: arrayOf(EDGE_SCHEMA),
  }),
  neighbourhood: objectOf(SUBGRAPH_PROPERTIES),
  subgraph: objectOf(SUBGRAPH_PROPERTIES),
  exposure: objectOf({ ...SUBGRAPH_PROPERTIES, paths: int, total: int, pathEdges: arrayOf(str) }),
  communities: objectOf({
    entities: int,
    unlinked: int,
    communities: arrayOf(
      objectOf({
        id: str,
        size: int,
        sanctioned: int,
        types: { type: "object", additionalProperties: int },
        top: arrayOf(
          objectOf({
            id: str,
            caption: str,
            type: { type: "string", enum: ENTITY_TYPE_NAMES },
            sanctioned: bool,
            degree: int,
          }),
        ),
        links: int,
        x: num,
        y: num,
      }),
    ),
    links: arrayOf(objectOf({ source: str, target: str, links: int, exposure: int })),
    more: objectOf({ communities: int, entities: int }),
    modularity: num,
  }),
};

/** Answers kept per network: the most recent ones, by analysis and options. */
const KEPT_ANSWERS = 64;

const DATE = { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" };
const FILTER_PROPERTIES: Record<string, JsonSchema> = {
  asOf: { ...DATE, description: "keep claims that had begun by this date (YYYY, YYYY-MM or YYYY-MM-DD)" },
  start: { ...DATE, description: "with end: keep claims whose period overlaps start..end" },
  end: { ...DATE, description: "with start: keep claims whose period overlaps start..end" },
};

interface FilterQuery {
  asOf?: string;
  start?: string;
  end?: string;
}

/** The network filter a query asks for. */
function filterOf(query: FilterQuery): NetworkFilter | undefined {
  if (query.asOf && (query.start || query.end)) {
    throw new SkeinError("SERVER_BAD_REQUEST", "querystring: give asOf, or start and end, not both", {
      part: "querystring",
      field: "asOf",
    });
  }
  if (query.asOf) return { asOf: query.asOf };
  if (query.start || query.end) return { between: [query.start ?? "1000", query.end ?? "9999"] };
  return undefined;
}

/** Every node and edge of a network, in the shapes above. */
export function networkToJson(network: Network) {
  return {
    nodes: network.mapNodes((_, attributes) => attributes),
    edges: network.mapEdges((key, attributes, subjectId, objectId) => ({
      key,
      subjectId,
      objectId,
      ...attributes,
    })),
  };
}

/** The graph plugin. */
export async function graphPlugin(app: FastifyInstance): Promise<void> {
  const { db } = app.skein;
  // Networks per case index (a new index is read whenever the workspace changes) and filter; answers per
  // network, so nothing outlives the case version it was computed on.
  const networks = new WeakMap<CaseIndex, Map<string, Network>>();
  const answers = new WeakMap<Network, Map<string, unknown>>();
  const networkOf = async (query: FilterQuery) => {
    const filter = filterOf(query);
    const index = await readCaseIndex(db);
    const key = JSON.stringify(filter ?? null);
    const byFilter = networks.get(index) ?? new Map<string, Network>();
    networks.set(index, byFilter);
    const network = byFilter.get(key) ?? buildNetwork(index.view, filter);
    byFilter.set(key, network);
    return network;
  };
  const answerOf = (network: Network, key: string, compute: () => unknown) => {
    const kept = answers.get(network) ?? new Map<string, unknown>();
    answers.set(network, kept);
    if (kept.has(key)) return kept.get(key);
    const answer = compute();
    kept.set(key, answer);
    if (kept.size > KEPT_ANSWERS) kept.delete(kept.keys().next().value as string);
    return answer;
  };

  app.get<{ Querystring: FilterQuery }>(
    "/api/graph",
    {
      config: { access: "viewer" },
      schema: {
        summary: "The case network: entities as nodes, aggregated claims as edges",
        tags: ["graph"],
        querystring: objectOf(FILTER_PROPERTIES, Object.keys(FILTER_PROPERTIES)),
        response: {
          200: objectOf({
            nodes: arrayOf(NODE_SCHEMA),
            edges: arrayOf(EDGE_SCHEMA),
            sources: { type: "object", additionalProperties: SOURCE_REF },
          }),
        },
      },
    },
    async (request) => {
      const network = await networkOf(request.query);
      return { ...networkToJson(network), sources: network.getAttribute("sources") };
    },
  );

  app.get(
    "/api/graph/analyses",
    {
      config: { access: "viewer" },
      schema: {
        summary: "The registered analyses: name, description, method reference, options",
        tags: ["graph"],
        response: {
          200: arrayOf(
            objectOf({
              name: str,
              description: str,
              reference: str,
              options: { type: "object", additionalProperties: true },
              defaults: { type: "object", additionalProperties: true },
            }),
          ),
        },
      },
    },
    async () =>
      ANALYSES.map(({ name, description, reference, options, defaults }) => ({
        name,
        description,
        reference,
        options,
        defaults,
      })),
  );

  app.post<{ Body: FilterQuery & { entities: string[] } }>(
    "/api/graph/subgraph",
    {
      config: { access: "viewer" },
      schema: {
        summary:
          "The links among the entities a viewer shows (too many ids for a query string): the subgraph analysis, with the ids in the body",
        tags: ["graph"],
        body: objectOf(
          {
            entities: {
              type: "array",
              items: { type: "string", minLength: 1, maxLength: 200 },
              maxItems: 2000,
            },
            ...FILTER_PROPERTIES,
          },
          Object.keys(FILTER_PROPERTIES),
        ),
        response: { 200: objectOf({ analysis: str, result: RESULT_SCHEMAS.subgraph }) },
      },
    },
    async (request) => {
      const { entities, ...filter } = request.body;
      const network = await networkOf(filter);
      const result = findChosenSubgraph(network, { entities: entities.join(","), limit: 2000 });
      return { analysis: "subgraph", result };
    },
  );

  for (const analysis of ANALYSES) {
    const optionProperties: Record<string, JsonSchema> = {};
    for (const [name, spec] of Object.entries(analysis.options)) {
      optionProperties[name] = {
        type: spec.type,
        description: spec.description,
        ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
        ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}),
      };
    }
    const properties = { ...optionProperties, ...FILTER_PROPERTIES };
    app.get<{ Querystring: FilterQuery & Record<string, unknown> }>(
      `/api/graph/${analysis.name}`,
      {
        config: { access: "viewer" },
        schema: {
          summary: analysis.description,
          description: `Method: ${analysis.reference}`,
          tags: ["graph"],
          querystring: objectOf(properties, Object.keys(properties)),
          response: { 200: objectOf({ analysis: str, result: RESULT_SCHEMAS[analysis.name] ?? {} }) },
        },
      },
      async (request) => {
        const { asOf, start, end, ...options } = request.query;
        const network = await networkOf({ asOf, start, end });
        const key = `${analysis.name} ${JSON.stringify(Object.entries(options).sort())}`;
        return {
          analysis: analysis.name,
          result: answerOf(network, key, () => analysis.run(network, options)),
        };
      },
    );
  }
}
