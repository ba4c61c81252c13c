// The exposure-path subgraph: the entities and links of the best exposure paths (of one entity, or of the
// whole case), with the links the paths run along marked, so a viewer draws how exposure reaches
// sanctioned parties instead of the whole network.
import type { Analysis } from "../analysis.js";
import type { Network } from "../network.js";
import { type OptionsSchema, resolveOptions } from "../options.js";
import { type Subgraph, subgraphOf } from "../subgraph.js";
import { EXPOSURE_PATHS_DEFAULTS, findExposurePaths } from "./exposure-paths.js";

/** Options of findExposureSubgraph. */
export interface ExposureSubgraphOptions {
  /** Only paths leaving this entity id; the best paths of the case when absent. */
  from?: string;
  maxHops: number;
  /** Most paths drawn, best first. */
  limit: number;
}

/** The subgraph of exposure paths, with the keys of the links the paths run along. */
export interface ExposureSubgraph extends Subgraph {
  paths: number;
  /** Exposure paths there are in all (the subgraph draws the first `limit`). */
  total: number;
  pathEdges: string[];
}

/** Defaults of findExposureSubgraph. */
export const EXPOSURE_SUBGRAPH_DEFAULTS: Readonly<ExposureSubgraphOptions> = Object.freeze({
  maxHops: EXPOSURE_PATHS_DEFAULTS.maxHops,
  limit: 60,
});

const SCHEMA: OptionsSchema = {
  from: {
    type: "string",
    description: "entity id the paths leave from (the best paths of the case when absent)",
  },
  maxHops: { type: "integer", description: "longest path, in links", minimum: 1, maximum: 6 },
  limit: { type: "integer", description: "most paths drawn, best first", minimum: 1, maximum: 500 },
};

/** The entities and links of the best `limit` exposure paths (from one entity, or of the case). */
export function findExposureSubgraph(
  network: Network,
  options?: Partial<ExposureSubgraphOptions>,
): ExposureSubgraph {
  const o = resolveOptions("findExposureSubgraph", SCHEMA, EXPOSURE_SUBGRAPH_DEFAULTS, options);
  const all = findExposurePaths(network, { from: o.from, maxHops: o.maxHops });
  const paths = all.slice(0, o.limit);
  const ids = new Set<string>(o.from ? [o.from] : []);
  const pathEdges = new Set<string>();
  for (const path of paths) {
    for (const hop of path.hops) {
      ids.add(hop.subjectId);
      ids.add(hop.objectId);
      pathEdges.add(`${hop.subjectId}|${hop.predicate}|${hop.objectId}`);
    }
  }
  return {
    ...subgraphOf(network, ids, all.length > paths.length),
    paths: paths.length,
    total: all.length,
    pathEdges: [...pathEdges],
  };
}

/** Registry entry of findExposureSubgraph. */
export const exposureSubgraph: Analysis<ExposureSubgraphOptions, ExposureSubgraph> = {
  name: "exposure",
  description:
    "The exposure-path subgraph for drawing: the entities and links of the best exposure paths of one entity or of the whole case, with the path links marked.",
  reference:
    "Widest (bottleneck) paths (M. Pollack, 'The maximum capacity through a network', Operations Research 8, 1960), drawn as their union.",
  options: SCHEMA,
  defaults: EXPOSURE_SUBGRAPH_DEFAULTS,
  run: findExposureSubgraph,
};
