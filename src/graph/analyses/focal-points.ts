// Focal points: the most connected parties, by weighted degree (sum of evidence strength of their links)
// and PageRank over the undirected network weighted by evidence strength (Page, Brin, Motwani and
// Winograd, "The PageRank citation ranking", Stanford 1999), computed by power iteration.
import { buildAdjacency } from "../adjacency.js";
import type { Analysis } from "../analysis.js";
import type { Network } from "../network.js";
import { type OptionsSchema, resolveOptions } from "../options.js";

/** Options of findFocalPoints. */
export interface FocalPointsOptions {
  /** At most this many results (0: all). */
  limit: number;
  /** Probability of following a link rather than jumping anywhere. */
  damping: number;
}

/** A party and how central it is. */
export interface FocalPoint {
  entity: { id: string; caption: string };
  type: string;
  sanctioned: boolean;
  /** Distinct entities it is linked to. */
  degree: number;
  /** Sum of the evidence strength of its links. */
  weightedDegree: number;
  pagerank: number;
}

/** Defaults of findFocalPoints. */
export const FOCAL_POINTS_DEFAULTS: Readonly<FocalPointsOptions> = Object.freeze({
  limit: 20,
  damping: 0.85,
});

const SCHEMA: OptionsSchema = {
  limit: { type: "integer", description: "most results returned (0: all)", minimum: 0 },
  damping: { type: "number", description: "PageRank damping factor", minimum: 0, maximum: 0.99 },
};

const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-9;

/**
 * The most connected parties (entities with at least one counted link), ranked by PageRank (links weighted by evidence strength, direction
 * ignored: a buyer and a supplier are equally connected by a sale), with weighted degree alongside.
 */
export function findFocalPoints(network: Network, options?: Partial<FocalPointsOptions>): FocalPoint[] {
  const o = resolveOptions("findFocalPoints", SCHEMA, FOCAL_POINTS_DEFAULTS, options);
  const { ids, offsets, neighbour, strength } = buildAdjacency(network, (edge) => edge.claimCount > 0);
  const n = ids.length;
  if (n === 0) return [];
  const weighted = new Float64Array(n);
  const degree = new Int32Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    for (let s = offsets[v]; s < offsets[v + 1]; s++) {
      weighted[v] += strength[s];
      if (mark[neighbour[s]] !== v) {
        mark[neighbour[s]] = v;
        degree[v]++;
      }
    }
  }
  let rank = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const nextRank = new Float64Array(n);
    // Rank held by entities without links is spread evenly, as in the original formulation.
    let dangling = 0;
    for (let v = 0; v < n; v++) {
      if (weighted[v] === 0) {
        dangling += rank[v];
        continue;
      }
      const share = rank[v] / weighted[v];
      for (let s = offsets[v]; s < offsets[v + 1]; s++)
        nextRank[neighbour[s]] += o.damping * share * strength[s];
    }
    const base = (1 - o.damping) / n + (o.damping * dangling) / n;
    let change = 0;
    for (let v = 0; v < n; v++) {
      nextRank[v] += base;
      change += Math.abs(nextRank[v] - rank[v]);
    }
    rank = nextRank;
    if (change < TOLERANCE * n) break;
  }
  const results: FocalPoint[] = [];
  ids.forEach((id, v) => {
    // An entity with no counted link is nobody's focal point.
    if (degree[v] === 0) return;
    const node = network.getNodeAttributes(id);
    results.push({
      entity: { id, caption: node.caption },
      type: node.type,
      sanctioned: node.sanctioned,
      degree: degree[v],
      weightedDegree: weighted[v],
      pagerank: rank[v],
    });
  });
  results.sort(
    (a, b) =>
      b.pagerank - a.pagerank || b.weightedDegree - a.weightedDegree || (a.entity.id < b.entity.id ? -1 : 1),
  );
  return o.limit > 0 ? results.slice(0, o.limit) : results;
}

/** Registry entry of findFocalPoints. */
export const focalPoints: Analysis<FocalPointsOptions, FocalPoint[]> = {
  name: "focal-points",
  description:
    "The most connected parties: PageRank and weighted degree, links weighted by their evidence strength.",
  reference:
    "L. Page, S. Brin, R. Motwani, T. Winograd, 'The PageRank citation ranking: bringing order to the web', Stanford InfoLab (1999).",
  options: SCHEMA,
  defaults: FOCAL_POINTS_DEFAULTS,
  run: findFocalPoints,
};
