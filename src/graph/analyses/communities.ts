// The case at a glance: communities of parties tied to each other (Louvain modularity over the ties that
// join parties; places and listing authorities left out, since they would join everything), each drawn as
// one cluster with its size, sanctioned members and best-connected members, placed by ForceAtlas2 over the
// graph of communities. A viewer draws a few hundred clusters instead of every entity.
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import { type EntityType, SkeinError } from "../../model/index.js";
import { isTie } from "../adjacency.js";
import type { Analysis } from "../analysis.js";
import type { Network } from "../network.js";
import { type OptionsSchema, resolveOptions } from "../options.js";
import { compareByWeight } from "../subgraph.js";

/** Options of findCommunities. */
export interface CommunitiesOptions {
  /** Most communities described, biggest first. */
  limit: number;
  /** Members named per community, weightiest first. */
  members: number;
  /** Smallest community described. */
  minSize: number;
}

/** One community: a cluster of parties tied more to each other than to the rest. */
export interface Community {
  /** Stable within a case: `c1` is the biggest. */
  id: string;
  size: number;
  sanctioned: number;
  /** Members by entity type. */
  types: Partial<Record<EntityType, number>>;
  /** Its weightiest members (sanctioned, most exposure links, most neighbours first). */
  top: Array<{ id: string; caption: string; type: EntityType; sanctioned: boolean; degree: number }>;
  /** Ties among its members. */
  links: number;
  /** Position in the overview picture. */
  x: number;
  y: number;
}

/** Ties between two communities. */
export interface CommunityLink {
  source: string;
  target: string;
  links: number;
  /** Of which exposure links (supply, money, control, agency). */
  exposure: number;
}

/** The overview: the biggest communities, the ties between them, and what is left out. */
export interface Communities {
  entities: number;
  /** Entities with no tie to another party. */
  unlinked: number;
  communities: Community[];
  links: CommunityLink[];
  /** Communities (and their entities) not described: past the limit or under the smallest size. */
  more: { communities: number; entities: number };
  modularity: number;
}

/** Defaults of findCommunities. */
export const COMMUNITIES_DEFAULTS: Readonly<CommunitiesOptions> = Object.freeze({
  limit: 150,
  members: 5,
  minSize: 2,
});

const SCHEMA: OptionsSchema = {
  limit: {
    type: "integer",
    description: "most communities described, biggest first",
    minimum: 1,
    maximum: 1000,
  },
  members: { type: "integer", description: "members named per community", minimum: 1, maximum: 50 },
  minSize: { type: "integer", description: "smallest community described", minimum: 1 },
};

/** The communities of a network: member lists by id (biggest first) and the modularity reached. */
interface Detection {
  members: string[][];
  modularity: number;
}

// Both packages are CommonJS: at run time the default import is the function their types call `default`.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

const detections = new WeakMap<Network, Detection>();

/** A small seeded generator (mulberry32): the same case always gives the same communities. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Louvain over the ties between parties (weights: evidence strength), once per network. */
function detect(network: Network): Detection {
  const known = detections.get(network);
  if (known) return known;
  const ties = new UndirectedGraph<Record<string, never>, { weight: number }>();
  network.forEachEdge((_key, data, source, target) => {
    if (!isTie(data)) return;
    ties.mergeNode(source);
    ties.mergeNode(target);
    ties.updateEdge(source, target, (attributes) => ({ weight: (attributes.weight ?? 0) + data.strength }));
  });
  const groups = new Map<number, string[]>();
  let modularity = 0;
  if (ties.size > 0) {
    const result = louvain.detailed(ties, { getEdgeWeight: "weight", rng: seeded(7) });
    modularity = result.modularity;
    ties.forEachNode((id) => {
      const c = result.communities[id];
      const list = groups.get(c);
      if (list) list.push(id);
      else groups.set(c, [id]);
    });
  }
  const members = [...groups.values()]
    .map((list) => list.sort())
    .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  const detection = { members, modularity };
  detections.set(network, detection);
  return detection;
}

/** The members of community `id` (`c1` …), weightiest first; throws GRAPH_BAD_OPTION for an unknown id. */
export function communityMembers(network: Network, id: string): string[] {
  const { members } = detect(network);
  const index = /^c([1-9]\d*)$/.exec(id) ? Number(id.slice(1)) - 1 : -1;
  if (index < 0 || index >= members.length) {
    throw new SkeinError(
      "GRAPH_BAD_OPTION",
      `community "${id}" is not one of this case's ${members.length} communities (c1 … c${members.length})`,
      { field: "community", received: id },
    );
  }
  return [...members[index]].sort(compareByWeight(network));
}

/**
 * The biggest communities of the network (at most `limit`, of `minSize` members or more), each with its
 * weightiest members and a position, and the ties between them.
 */
export function findCommunities(network: Network, options?: Partial<CommunitiesOptions>): Communities {
  const o = resolveOptions("findCommunities", SCHEMA, COMMUNITIES_DEFAULTS, options);
  const { members, modularity } = detect(network);
  const compare = compareByWeight(network);
  const linked = members.reduce((sum, list) => sum + list.length, 0);
  const shown = members.filter((list) => list.length >= o.minSize).slice(0, o.limit);
  const communityOf = new Map<string, number>();
  shown.forEach((list, c) => {
    for (const id of list) communityOf.set(id, c);
  });
  const internal = new Array<number>(shown.length).fill(0);
  const between = new Map<string, CommunityLink>();
  network.forEachEdge((_key, data, source, target) => {
    if (!isTie(data)) return;
    const [a, b] = [communityOf.get(source), communityOf.get(target)];
    if (a === undefined || b === undefined) return;
    if (a === b) {
      internal[a]++;
      return;
    }
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = `${lo}|${hi}`;
    const link = between.get(key) ?? { source: `c${lo + 1}`, target: `c${hi + 1}`, links: 0, exposure: 0 };
    link.links++;
    if (data.exposure) link.exposure++;
    between.set(key, link);
  });
  const positions = placeCommunities(shown, [...between.values()]);
  const communities = shown.map((list, c): Community => {
    const types: Partial<Record<EntityType, number>> = {};
    let sanctioned = 0;
    for (const id of list) {
      const node = network.getNodeAttributes(id);
      types[node.type] = (types[node.type] ?? 0) + 1;
      if (node.sanctioned) sanctioned++;
    }
    const top = [...list]
      .sort(compare)
      .slice(0, o.members)
      .map((id) => {
        const node = network.getNodeAttributes(id);
        return {
          id,
          caption: node.caption,
          type: node.type,
          sanctioned: node.sanctioned,
          degree: network.degree(id),
        };
      });
    return {
      id: `c${c + 1}`,
      size: list.length,
      sanctioned,
      types,
      top,
      links: internal[c],
      ...positions[c],
    };
  });
  const shownEntities = shown.reduce((sum, list) => sum + list.length, 0);
  return {
    entities: network.order,
    unlinked: network.order - linked,
    communities,
    links: [...between.values()],
    more: { communities: members.length - shown.length, entities: linked - shownEntities },
    modularity,
  };
}

/**
 * Places communities: biggest in the middle on a sunflower spiral (Vogel, "A better way to construct the
 * sunflower head", 1979), then ForceAtlas2 (Jacomy et al., PLoS ONE 2014) over the graph of communities so
 * that tied communities draw together while sizes keep them from overlapping.
 */
function placeCommunities(lists: string[][], links: CommunityLink[]): Array<{ x: number; y: number }> {
  const graph = new UndirectedGraph<{ size: number; x: number; y: number }, { weight: number }>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  lists.forEach((list, c) => {
    const radius = 12 * Math.sqrt(c);
    graph.addNode(`c${c + 1}`, {
      size: Math.sqrt(list.length),
      x: radius * Math.cos(c * golden),
      y: radius * Math.sin(c * golden),
    });
  });
  for (const link of links) graph.addEdge(link.source, link.target, { weight: link.links });
  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: 150,
      getEdgeWeight: "weight",
      settings: {
        ...forceAtlas2.inferSettings(graph),
        gravity: 1,
        adjustSizes: true,
        edgeWeightInfluence: 0.5,
      },
    });
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return lists.map((_, c) => {
    const { x, y } = graph.getNodeAttributes(`c${c + 1}`);
    return { x: round(x), y: round(y) };
  });
}

/** Registry entry of findCommunities. */
export const communities: Analysis<CommunitiesOptions, Communities> = {
  name: "communities",
  description:
    "The case at a glance: communities of parties tied to each other, each with its size, sanctioned members and best-connected members, placed for drawing, and the ties between them.",
  reference:
    "Louvain modularity (Blondel et al., 'Fast unfolding of communities in large networks', J. Stat. Mech. 2008); ForceAtlas2 placement (Jacomy et al., PLoS ONE 2014).",
  options: SCHEMA,
  defaults: COMMUNITIES_DEFAULTS,
  run: findCommunities,
};
