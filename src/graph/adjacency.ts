// Compact undirected adjacency (compressed sparse rows) over the edges an analysis walks, and the hop
// records paths are made of; analyses read it instead of the graph so walks over large cases stay fast.
import { type Certainty, PREDICATES, type Predicate } from "../model/index.js";
import type { EdgeData, Network, SourceRef } from "./network.js";

/**
 * True for a counted link that ties two parties (supplies, pays, owns, visits …): not a place, a variant
 * name or the authority that lists (their predicates say nothing of a tie), nor a link whose types
 * contradict its predicate.
 */
export function isTie(edge: EdgeData): boolean {
  return edge.claimCount > 0 && PREDICATES[edge.predicate].tie > 0 && !edge.contradicts;
}

/** Undirected adjacency of a filtered network: slot i of node v joins v to `neighbour[i]` by `edgeKey[i]`. */
export interface Adjacency {
  ids: string[];
  index: Map<string, number>;
  /** Slots of node v are offsets[v] … offsets[v + 1] - 1. */
  offsets: Int32Array;
  neighbour: Int32Array;
  edgeKey: string[];
  strength: Float64Array;
}

/** True when an entity can be exposed or tied: a party, not context (a place, a state) nor an authority. */
export function isParty(network: Network, id: string): boolean {
  return network.getNodeAttribute(id, "role") === "party";
}

/**
 * Builds the adjacency of the edges `keep` accepts (given the edge and its two ends), each usable in
 * both directions, with `weigh` as each slot's strength (the edge's evidence strength by default).
 */
export function buildAdjacency(
  network: Network,
  keep: (edge: EdgeData, source: string, target: string) => boolean,
  weigh: (edge: EdgeData) => number = (edge) => edge.strength,
): Adjacency {
  const ids = network.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i], i);
  // Two passes over the edges (count, then fill) so nothing is allocated per edge.
  const offsets = new Int32Array(ids.length + 1);
  let kept = 0;
  network.forEachEdge((_key, edge, source, target) => {
    if (!keep(edge, source, target)) return;
    offsets[index.get(source)! + 1]++;
    offsets[index.get(target)! + 1]++;
    kept++;
  });
  for (let i = 1; i <= ids.length; i++) offsets[i] += offsets[i - 1];
  const fill = offsets.slice(0, ids.length);
  const neighbour = new Int32Array(kept * 2);
  const strength = new Float64Array(kept * 2);
  const edgeKey = new Array<string>(kept * 2);
  network.forEachEdge((key, edge, source, target) => {
    if (!keep(edge, source, target)) return;
    const s = index.get(source)!;
    const t = index.get(target)!;
    const weight = weigh(edge);
    let slot = fill[s]++;
    neighbour[slot] = t;
    strength[slot] = weight;
    edgeKey[slot] = key;
    slot = fill[t]++;
    neighbour[slot] = s;
    strength[slot] = weight;
    edgeKey[slot] = key;
  });
  return { ids, index, offsets, neighbour, edgeKey, strength };
}

/** One step of a path, with the evidence that carries it. */
export interface Hop {
  /** The entity the path leaves and the one it reaches (path order, not claim order). */
  from: string;
  to: string;
  fromCaption: string;
  toCaption: string;
  /** Claim order: `subject predicate object`; `forward` is true when from is the subject. */
  subjectId: string;
  objectId: string;
  forward: boolean;
  predicate: Predicate;
  strength: number;
  certainty: Certainty;
  claimCount: number;
  /** Documents and independent origins behind the link. */
  documentCount: number;
  sourceCount: number;
  /** The strongest claim's quote (with its [start, end) span), its source and who says it. */
  claimId: string;
  quote: string;
  start: number;
  end: number;
  sourceId: string;
  source: SourceRef | null;
  attribution: string | null;
  /** A supply or payment dated after a party's listing date. */
  afterListing: boolean;
}

/** The hop across edge `key` leaving `from`. */
export function hopOf(network: Network, key: string, from: string): Hop {
  const edge = network.getEdgeAttributes(key);
  const subjectId = network.source(key);
  const objectId = network.target(key);
  const forward = subjectId === from;
  const to = forward ? objectId : subjectId;
  const best = edge.evidence[0];
  return {
    from,
    to,
    fromCaption: network.getNodeAttribute(from, "caption"),
    toCaption: network.getNodeAttribute(to, "caption"),
    subjectId,
    objectId,
    forward,
    predicate: edge.predicate,
    strength: edge.strength,
    certainty: edge.certainty,
    claimCount: edge.claimCount,
    documentCount: edge.documentCount,
    sourceCount: edge.sourceCount,
    claimId: best.claimId,
    quote: best.quote,
    start: best.start,
    end: best.end,
    sourceId: best.sourceId,
    source: network.getAttribute("sources")[best.sourceId] ?? null,
    attribution: best.attribution,
    afterListing: edge.afterListing.length > 0,
  };
}
