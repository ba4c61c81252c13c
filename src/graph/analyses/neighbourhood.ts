// An entity's neighbourhood within a budget: breadth-first, ring by ring, and when a ring holds more
// entities than the budget lets in, the ones a reader needs first (sanctioned, most exposure links, most
// neighbours). What a graph viewer opens on, and what "expand" fetches, without shipping the whole case.
import { SkeinError } from "../../model/index.js";
import type { Analysis } from "../analysis.js";
import type { Network } from "../network.js";
import { type OptionsSchema, resolveOptions } from "../options.js";
import { compareByWeight, type Subgraph, subgraphOf } from "../subgraph.js";

/** Options of findNeighbourhood. */
export interface NeighbourhoodOptions {
  hops: number;
  /** Most entities returned, the entity itself included. */
  limit: number;
}

/** Defaults of findNeighbourhood. */
export const NEIGHBOURHOOD_DEFAULTS: Readonly<NeighbourhoodOptions> = Object.freeze({ hops: 1, limit: 200 });

const SCHEMA: OptionsSchema = {
  hops: { type: "integer", description: "how many links out from the entity", minimum: 1, maximum: 3 },
  limit: {
    type: "integer",
    description: "most entities returned, the entity included",
    minimum: 1,
    maximum: 2000,
  },
};

/**
 * The entities within `hops` links of `id` (direction ignored), at most `limit` of them, nearest rings
 * first and the weightiest entities first within a ring, with every link among them.
 */
export function findNeighbourhood(
  network: Network,
  id: string,
  options?: Partial<NeighbourhoodOptions>,
): Subgraph {
  const o = resolveOptions("findNeighbourhood", SCHEMA, NEIGHBOURHOOD_DEFAULTS, options);
  if (!network.hasNode(id)) {
    throw new SkeinError("GRAPH_UNKNOWN_ENTITY", `findNeighbourhood: no entity with id "${id}" in the case`, {
      field: "entity",
      received: id,
    });
  }
  const compare = compareByWeight(network);
  const chosen = new Set<string>([id]);
  let ring = [id];
  let truncated = false;
  for (let hop = 0; hop < o.hops && ring.length > 0 && !truncated; hop++) {
    const next = new Set<string>();
    for (const at of ring) {
      network.forEachNeighbor(at, (other) => {
        if (!chosen.has(other)) next.add(other);
      });
    }
    const ranked = [...next].sort(compare);
    const room = o.limit - chosen.size;
    if (ranked.length > room) truncated = true;
    ring = ranked.slice(0, Math.max(0, room));
    for (const other of ring) chosen.add(other);
  }
  return subgraphOf(network, chosen, truncated);
}

/** Registry entry of findNeighbourhood; the entity id is the `entity` option. */
export const neighbourhood: Analysis<NeighbourhoodOptions & { entity: string }, Subgraph> = {
  name: "neighbourhood",
  description:
    "An entity's neighbourhood for drawing: the entities within a number of links, at most a limit of them (sanctioned and best-connected first), the links among them, and how many neighbours each leaves out.",
  reference:
    "Breadth-first search (E. F. Moore, 'The shortest path through a maze', 1959), cut to a budget per ring as in egocentric network sampling (Leskovec & Faloutsos, 'Sampling from large graphs', KDD 2006).",
  options: { ...SCHEMA, entity: { type: "string", description: "the entity id at the center" } },
  defaults: { ...NEIGHBOURHOOD_DEFAULTS, entity: "" },
  run: (network, options) => {
    const { entity = "", ...rest } = options ?? {};
    return findNeighbourhood(network, entity, rest);
  },
};
