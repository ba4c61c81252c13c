// A part of the network small enough to draw: chosen entities, the links among them, and for each entity
// how many neighbours it has in the whole case, so a viewer can offer to expand it. The analyses that
// answer "what should the graph show" (neighbourhood, exposure, subgraph) all return this shape.
import type { Certainty, EntityType, Predicate } from "../model/index.js";
import type { EdgeData, Network } from "./network.js";

/** An entity of a subgraph: what a drawing needs, and its neighbours in the whole case. */
export interface SubgraphNode {
  id: string;
  caption: string;
  type: EntityType;
  country: string | null;
  sanctioned: boolean;
  /** Distinct neighbours in the whole network. */
  degree: number;
  /** Neighbours left out of this subgraph (what expanding the entity would add). */
  hidden: number;
}

/** A link of a subgraph: the aggregated claims of one (subject, predicate, object) and its best evidence. */
export interface SubgraphEdge {
  key: string;
  subjectId: string;
  objectId: string;
  predicate: Predicate;
  claimCount: number;
  sourceCount: number;
  certainty: Certainty;
  strength: number;
  exposure: boolean;
  period: { start: string; end: string } | null;
  afterListing: boolean;
  /** The strongest claim's evidence (null for a link that is only denied). */
  evidence: { claimId: string; sourceId: string; start: number; end: number; quote: string } | null;
}

/** A drawable part of the network. */
export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  /** True when the selection held more entities than the limit let in. */
  truncated: boolean;
}

/** The subgraph of the entities `ids` (unknown ids skipped): them and every link among them. */
export function subgraphOf(network: Network, ids: Iterable<string>, truncated: boolean): Subgraph {
  const chosen = new Set<string>();
  for (const id of ids) if (network.hasNode(id)) chosen.add(id);
  const nodes: SubgraphNode[] = [];
  const edges: SubgraphEdge[] = [];
  for (const id of chosen) {
    const node = network.getNodeAttributes(id);
    let degree = 0;
    let shown = 0;
    network.forEachNeighbor(id, (other) => {
      degree++;
      if (chosen.has(other)) shown++;
    });
    nodes.push({
      id,
      caption: node.caption,
      type: node.type,
      country: node.country,
      sanctioned: node.sanctioned,
      degree,
      hidden: degree - shown,
    });
    // Each link is listed once, from its subject.
    network.forEachOutEdge(id, (key, data, subjectId, objectId) => {
      if (chosen.has(objectId)) edges.push(edgeOf(key, data, subjectId, objectId));
    });
  }
  return { nodes, edges, truncated };
}

function edgeOf(key: string, data: EdgeData, subjectId: string, objectId: string): SubgraphEdge {
  const best = data.evidence[0] ?? data.denials[0];
  return {
    key,
    subjectId,
    objectId,
    predicate: data.predicate,
    claimCount: data.claimCount,
    sourceCount: data.sourceCount,
    certainty: data.certainty,
    strength: data.strength,
    exposure: data.exposure,
    period: data.period,
    afterListing: data.afterListing.length > 0,
    evidence: best
      ? {
          claimId: best.claimId,
          sourceId: best.sourceId,
          start: best.start,
          end: best.end,
          quote: best.quote,
        }
      : null,
  };
}

/**
 * Orders entities by what a reader looks at first: sanctioned parties, then those with more exposure
 * links, then more neighbours, then id (so the same case always gives the same order).
 */
export function compareByWeight(network: Network): (a: string, b: string) => number {
  const weight = new Map<string, [number, number, number]>();
  const of = (id: string) => {
    let w = weight.get(id);
    if (!w) {
      let exposure = 0;
      network.forEachEdge(id, (_key, data) => {
        if (data.exposure) exposure++;
      });
      w = [network.getNodeAttribute(id, "sanctioned") ? 1 : 0, exposure, network.degree(id)];
      weight.set(id, w);
    }
    return w;
  };
  return (a, b) => {
    const [wa, wb] = [of(a), of(b)];
    return wb[0] - wa[0] || wb[1] - wa[1] || wb[2] - wa[2] || (a < b ? -1 : a > b ? 1 : 0);
  };
}
