// Exposure paths from entities to sanctioned entities along exposure links (supply, money, control,
// agency), ranked by their weakest link: the widest-path (bottleneck) criterion of Pollack (1960),
// "The maximum capacity through a network", computed hop by hop like Bellman–Ford with a hop limit.
import { SkeinError } from "../../model/index.js";
import { type Adjacency, buildAdjacency, type Hop, hopOf, isParty } from "../adjacency.js";
import type { Analysis } from "../analysis.js";
import type { Network } from "../network.js";
import { type OptionsSchema, resolveOptions } from "../options.js";

/** Options of findExposurePaths. */
export interface ExposurePathsOptions {
  /** Only paths leaving this entity id; all entities when absent. */
  from?: string;
  maxHops: number;
  /** At most this many paths, best first (0: all). */
  limit: number;
}

/** A path from an entity to a sanctioned entity. */
export interface ExposurePath {
  from: string;
  to: string;
  hops: Hop[];
  /** The weakest link's evidence strength: a path is as well sourced as its worst hop. */
  score: number;
  /** Index of the weakest hop. */
  weakest: number;
}

/** Defaults of findExposurePaths. */
export const EXPOSURE_PATHS_DEFAULTS: Readonly<ExposurePathsOptions> = Object.freeze({
  maxHops: 3,
  limit: 0,
});

const SCHEMA: OptionsSchema = {
  from: { type: "string", description: "entity id the paths leave from (all entities when absent)" },
  maxHops: { type: "integer", description: "longest path, in links", minimum: 1, maximum: 6 },
  limit: { type: "integer", description: "most paths returned, best first (0: all)", minimum: 0 },
};

/** Most simple paths enumerated from one entity before the search stops (a guard for dense cases). */
const MAX_PATHS_FROM_ONE = 10_000;

/**
 * Exposure paths between parties to sanctioned parties, each hop with its quote and source, ranked by
 * the weakest link's evidence strength (then fewer hops). With `from`, every simple path of up to `maxHops` links
 * from that entity, stopping at the first sanctioned entity reached; without it, the best path of
 * each unsanctioned entity that has one.
 */
export function findExposurePaths(network: Network, options?: Partial<ExposurePathsOptions>): ExposurePath[] {
  const o = resolveOptions("findExposurePaths", SCHEMA, EXPOSURE_PATHS_DEFAULTS, options);
  // Places, states and authorities are context of a path, never a step of it.
  const adjacency = buildAdjacency(
    network,
    (edge, source, target) => edge.exposure && isParty(network, source) && isParty(network, target),
  );
  let paths: ExposurePath[];
  if (o.from !== undefined) {
    if (!network.hasNode(o.from)) {
      throw new SkeinError(
        "GRAPH_UNKNOWN_ENTITY",
        `findExposurePaths: no entity with id "${o.from}" in the case`,
        {
          field: "from",
          received: o.from,
        },
      );
    }
    paths = pathsFrom(network, adjacency, o.from, o.maxHops);
  } else {
    paths = bestPaths(network, adjacency, o.maxHops);
  }
  paths.sort(comparePaths);
  return o.limit > 0 ? paths.slice(0, o.limit) : paths;
}

/** Best first: stronger weakest link, then fewer hops, then entity id for a stable order. */
export function comparePaths(a: ExposurePath, b: ExposurePath): number {
  return (
    b.score - a.score || a.hops.length - b.hops.length || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)
  );
}

/** Builds a path record from hops. */
export function pathOf(hops: Hop[]): ExposurePath {
  let weakest = 0;
  hops.forEach((h, i) => {
    if (h.strength < hops[weakest].strength) weakest = i;
  });
  return { from: hops[0].from, to: hops[hops.length - 1].to, hops, score: hops[weakest].strength, weakest };
}

function isSanctioned(network: Network, adjacency: Adjacency): Uint8Array {
  const flags = new Uint8Array(adjacency.ids.length);
  adjacency.ids.forEach((id, i) => {
    if (network.getNodeAttribute(id, "sanctioned")) flags[i] = 1;
  });
  return flags;
}

function pathsFrom(network: Network, adjacency: Adjacency, from: string, maxHops: number): ExposurePath[] {
  const sanctioned = isSanctioned(network, adjacency);
  const { offsets, neighbour, edgeKey } = adjacency;
  const start = adjacency.index.get(from)!;
  const onPath = new Uint8Array(adjacency.ids.length);
  const slots: number[] = [];
  const paths: ExposurePath[] = [];
  const walk = (v: number): void => {
    if (paths.length >= MAX_PATHS_FROM_ONE) return;
    if (v !== start && sanctioned[v]) {
      let at = from;
      const hops = slots.map((slot) => {
        const hop = hopOf(network, edgeKey[slot], at);
        at = hop.to;
        return hop;
      });
      paths.push(pathOf(hops));
      return;
    }
    if (slots.length === maxHops) return;
    onPath[v] = 1;
    for (let s = offsets[v]; s < offsets[v + 1]; s++) {
      const u = neighbour[s];
      if (onPath[u]) continue;
      slots.push(s);
      walk(u);
      slots.pop();
    }
    onPath[v] = 0;
  };
  walk(start);
  return paths;
}

function bestPaths(network: Network, adjacency: Adjacency, maxHops: number): ExposurePath[] {
  const sanctioned = isSanctioned(network, adjacency);
  const { offsets, neighbour, strength, edgeKey, ids } = adjacency;
  const n = ids.length;
  // Level h holds, for each node, the widest path of at most h links found so far and its next step.
  let width = new Float64Array(n).fill(-1);
  for (let v = 0; v < n; v++) if (sanctioned[v]) width[v] = 1;
  const next: Int32Array[] = [new Int32Array(n).fill(-1)];
  const via: Int32Array[] = [new Int32Array(n).fill(-1)];
  for (let h = 1; h <= maxHops; h++) {
    const nextWidth = width.slice();
    const nextStep = next[h - 1].slice();
    const nextVia = via[h - 1].slice();
    for (let v = 0; v < n; v++) {
      if (sanctioned[v]) continue;
      for (let s = offsets[v]; s < offsets[v + 1]; s++) {
        const u = neighbour[s];
        if (width[u] < 0) continue;
        const w = Math.min(strength[s], width[u]);
        if (w > nextWidth[v]) {
          nextWidth[v] = w;
          nextStep[v] = u;
          nextVia[v] = s;
        }
      }
    }
    width = nextWidth;
    next.push(nextStep);
    via.push(nextVia);
  }
  const paths: ExposurePath[] = [];
  // Position of each node on the path being rebuilt, stamped per path so the array is never cleared.
  const position = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (sanctioned[v] || width[v] < 0) continue;
    // Follow the next steps, each one level lower, so the path has at most maxHops links.
    const slots: number[] = [];
    const nodes: number[] = [v];
    stamp[v] = v;
    position[v] = 0;
    let at = v;
    for (let level = maxHops; !sanctioned[at]; level--) {
      const slot = via[level][at];
      at = neighbour[slot];
      if (stamp[at] === v) {
        // A revisited node closes a cycle; cutting it leaves a shorter path at least as wide.
        const earlier = position[at];
        for (let i = earlier + 1; i < nodes.length; i++) stamp[nodes[i]] = -1;
        slots.length = earlier;
        nodes.length = earlier + 1;
      } else {
        slots.push(slot);
        nodes.push(at);
        stamp[at] = v;
        position[at] = slots.length;
      }
    }
    let from = ids[v];
    const hops = slots.map((slot) => {
      const hop = hopOf(network, edgeKey[slot], from);
      from = hop.to;
      return hop;
    });
    paths.push(pathOf(hops));
  }
  return paths;
}

/** Registry entry of findExposurePaths. */
export const exposurePaths: Analysis<ExposurePathsOptions, ExposurePath[]> = {
  name: "paths",
  description:
    "Exposure paths from entities to sanctioned entities along supply, payment, control and agency links, ranked by the weakest link's evidence; each hop carries its quote and source.",
  reference:
    "Widest (bottleneck) paths: M. Pollack, 'The maximum capacity through a network', Operations Research 8 (1960).",
  options: SCHEMA,
  defaults: EXPOSURE_PATHS_DEFAULTS,
  run: findExposurePaths,
};
