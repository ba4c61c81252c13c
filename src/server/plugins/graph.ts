// The network and its analyses over HTTP: the whole case network for the explorer, the analysis
// registry, and one route per registered analysis (paths, intermediaries, focal points, candidates, ego),
// each with the period filters (asOf, or start and end).
import type { FastifyInstance } from "fastify";
import { ANALYSES, buildNetwork, type Network, type NetworkFilter } from "../../graph/index.js";
import {
  CERTAINTY_NAMES,
  ENTITY_ROLE_NAMES,
  ENTITY_TYPE_NAMES,
  PREDICATE_NAMES,
  SkeinError,
} from "../../model/index.js";
import { type JsonSchema, LISTING_SCHEMA, nullable, objectOf } from "../schemas.js";
import { readCaseIndex } from "./case-data.js";

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
};

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
  const networkOf = async (query: FilterQuery) =>
    buildNetwork((await readCaseIndex(db)).view, filterOf(query));

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
        return { analysis: analysis.name, result: analysis.run(network, options) };
      },
    );
  }
}
