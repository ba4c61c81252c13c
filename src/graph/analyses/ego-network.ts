// An entity's neighbourhood: every entity within a number of links of it (direction ignored) and the
// links among them, found by breadth-first search (graphology-traversal's bfsFromNode).
import { bfsFromNode } from "graphology-traversal";
import { SkeinError } from "../../model/index.js";
import type { Analysis } from "../analysis.js";
import type { EdgeData, Network, NodeData } from "../network.js";
import { type OptionsSchema, resolveOptions } from "../options.js";

/** Options of egoNetwork. */
export interface EgoNetworkOptions {
  hops: number;
}

/** The neighbourhood of one entity. */
export interface EgoNetwork {
  center: string;
  /** Entities with their distance from the center, nearest first. */
  nodes: Array<NodeData & { distance: number }>;
  /** Links among those entities (claim order), with their aggregated evidence. */
  edges: Array<EdgeData & { key: string; subjectId: string; objectId: string }>;
}

/** Defaults of egoNetwork. */
export const EGO_NETWORK_DEFAULTS: Readonly<EgoNetworkOptions> = Object.freeze({ hops: 2 });

const SCHEMA: OptionsSchema = {
  hops: { type: "integer", description: "how many links out from the entity", minimum: 1, maximum: 6 },
};

/** The entities within `hops` links of entity `id` and every link among them. */
export function egoNetwork(network: Network, id: string, options?: Partial<EgoNetworkOptions>): EgoNetwork {
  const o = resolveOptions("egoNetwork", SCHEMA, EGO_NETWORK_DEFAULTS, options);
  if (!network.hasNode(id)) {
    throw new SkeinError("GRAPH_UNKNOWN_ENTITY", `egoNetwork: no entity with id "${id}" in the case`, {
      field: "entity",
      received: id,
    });
  }
  const distance = new Map<string, number>();
  bfsFromNode(
    network,
    id,
    (node, _attributes, depth) => {
      distance.set(node, depth);
      return depth >= o.hops;
    },
    // "directed" walks both in- and out-links of a directed graph: direction is ignored.
    { mode: "directed" },
  );
  const nodes = [...distance].map(([node, d]) => ({ ...network.getNodeAttributes(node), distance: d }));
  const edges: EgoNetwork["edges"] = [];
  network.forEachEdge((key, edge, subjectId, objectId) => {
    if (distance.has(subjectId) && distance.has(objectId)) edges.push({ ...edge, key, subjectId, objectId });
  });
  return { center: id, nodes, edges };
}

/** Registry entry of egoNetwork; the entity id is the `entity` option. */
export const ego: Analysis<EgoNetworkOptions & { entity: string }, EgoNetwork> = {
  name: "ego",
  description:
    "An entity's neighbourhood: the entities within a number of links of it and the links among them.",
  reference: "Breadth-first search: E. F. Moore, 'The shortest path through a maze' (1959).",
  options: { ...SCHEMA, entity: { type: "string", description: "the entity id at the center" } },
  defaults: { ...EGO_NETWORK_DEFAULTS, entity: "" },
  run: (network, options) => {
    const { entity = "", ...rest } = options ?? {};
    return egoNetwork(network, entity, rest);
  },
};
