// Designation candidates: unsanctioned parties with well-sourced ties to sanctioned ones. Each tie path
// scores the product of its links' evidence strength, decayed per extra hop; ties to different
// sanctioned parties combine as independent evidence (noisy-or, Pearl 1988, "Probabilistic Reasoning
// in Intelligent Systems", §4.3).
import type { EntityType } from "../../model/index.js";
import { type Adjacency, buildAdjacency, type Hop, hopOf, isTie } from "../adjacency.js";
import type { Analysis } from "../analysis.js";
import type { Network } from "../network.js";
import { type OptionsSchema, resolveOptions } from "../options.js";

/** Options of findCandidates. */
export interface CandidatesOptions {
  maxHops: number;
  /** Lowest score reported. */
  minScore: number;
  /** Weight of each hop beyond the first (a tie through a third party counts for less). */
  hopDecay: number;
  /** Paths kept per candidate, best first. */
  pathsPerCandidate: number;
  /** At most this many candidates (0: all). */
  limit: number;
}

/** An unsanctioned party with ties to sanctioned ones. */
export interface Candidate {
  entity: { id: string; caption: string; type: EntityType; country: string | null };
  /** 0..1: evidence strength and certainty of its ties combined. */
  score: number;
  /** Distinct sanctioned parties it is tied to. */
  ties: number;
  /** Claims, and independent sources summed per link, behind the links of its best ties. */
  claims: number;
  sources: number;
  /** True when every link of its best tie rests on at least two independent sources. */
  corroborated: boolean;
  /** Best path to each sanctioned party, best first, each hop with its quote and source. */
  paths: Hop[][];
}

/** Defaults of findCandidates. */
export const CANDIDATES_DEFAULTS: Readonly<CandidatesOptions> = Object.freeze({
  maxHops: 2,
  minScore: 0.25,
  hopDecay: 0.75,
  pathsPerCandidate: 5,
  limit: 0,
});

const SCHEMA: OptionsSchema = {
  maxHops: { type: "integer", description: "longest tie, in links", minimum: 1, maximum: 4 },
  minScore: { type: "number", description: "lowest score reported", minimum: 0, maximum: 1 },
  hopDecay: { type: "number", description: "weight of each hop beyond the first", minimum: 0, maximum: 1 },
  pathsPerCandidate: { type: "integer", description: "paths kept per candidate", minimum: 1 },
  limit: { type: "integer", description: "most candidates returned (0: all)", minimum: 0 },
};

/** Parties that can be designated. */
const PARTY_TYPES: ReadonlySet<EntityType> = new Set<EntityType>([
  "Person",
  "Company",
  "Organization",
  "PublicBody",
  "Vessel",
  "Aircraft",
]);

/**
 * Unsanctioned parties tied to sanctioned ones by counted claims of any kind that links parties
 * (supplies, pays, visits, tests, develops …; places never join two parties), within `maxHops` links,
 * scored by evidence strength and certainty, and kept when the score reaches `minScore`.
 */
export function findCandidates(network: Network, options?: Partial<CandidatesOptions>): Candidate[] {
  const o = resolveOptions("findCandidates", SCHEMA, CANDIDATES_DEFAULTS, options);
  const adjacency = buildAdjacency(network, isTie);
  const { ids } = adjacency;
  const types = ids.map((id) => network.getNodeAttribute(id, "type"));
  const sanctioned = ids.map((id) => network.getNodeAttribute(id, "sanctioned"));
  const candidates: Candidate[] = [];
  for (let v = 0; v < ids.length; v++) {
    if (sanctioned[v] || !PARTY_TYPES.has(types[v])) continue;
    const best = bestTies(adjacency, v, o.maxHops, o.hopDecay, sanctioned, types);
    if (best.size === 0) continue;
    let doubt = 1;
    for (const tie of best.values()) doubt *= 1 - tie.score;
    const score = 1 - doubt;
    if (score < o.minScore) continue;
    const ranked = [...best.values()].sort((a, b) => b.score - a.score).slice(0, o.pathsPerCandidate);
    const paths = ranked.map((tie) => {
      let from = ids[v];
      return tie.slots.map((slot) => {
        const hop = hopOf(network, adjacency.edgeKey[slot], from);
        from = hop.to;
        return hop;
      });
    });
    const links = new Set<string>();
    for (const tie of best.values()) for (const slot of tie.slots) links.add(adjacency.edgeKey[slot]);
    let claims = 0;
    let sources = 0;
    for (const key of links) {
      const edge = network.getEdgeAttributes(key);
      claims += edge.claimCount;
      sources += edge.sourceCount;
    }
    const node = network.getNodeAttributes(ids[v]);
    candidates.push({
      entity: { id: node.id, caption: node.caption, type: node.type, country: node.country },
      score,
      ties: best.size,
      claims,
      sources,
      corroborated: paths[0].every((hop) => hop.sourceCount >= 2),
      paths,
    });
  }
  candidates.sort((a, b) => b.score - a.score || (a.entity.id < b.entity.id ? -1 : 1));
  return o.limit > 0 ? candidates.slice(0, o.limit) : candidates;
}

interface Tie {
  score: number;
  slots: number[];
}

/** Best tie (simple path, stopping at the first sanctioned party) from v to each sanctioned party. */
function bestTies(
  adjacency: Adjacency,
  v: number,
  maxHops: number,
  hopDecay: number,
  sanctioned: boolean[],
  types: EntityType[],
): Map<number, Tie> {
  const { offsets, neighbour, strength } = adjacency;
  const best = new Map<number, Tie>();
  const slots: number[] = [];
  const onPath = new Set<number>([v]);
  const walk = (at: number, product: number): void => {
    for (let s = offsets[at]; s < offsets[at + 1]; s++) {
      const u = neighbour[s];
      if (onPath.has(u)) continue;
      const p = product * strength[s];
      slots.push(s);
      if (sanctioned[u]) {
        const score = p * hopDecay ** (slots.length - 1);
        const known = best.get(u);
        if (!known || score > known.score) best.set(u, { score, slots: [...slots] });
      } else if (slots.length < maxHops && types[u] !== "Place") {
        onPath.add(u);
        walk(u, p);
        onPath.delete(u);
      }
      slots.pop();
    }
  };
  walk(v, 1);
  return best;
}

/** Registry entry of findCandidates. */
export const candidates: Analysis<CandidatesOptions, Candidate[]> = {
  name: "candidates",
  description:
    "Designation candidates: unsanctioned parties with well-sourced ties to sanctioned ones, scored by evidence strength and certainty, each with its paths and quotes.",
  reference:
    "Path scores as products of link strengths, combined across sanctioned parties by noisy-or: J. Pearl, 'Probabilistic Reasoning in Intelligent Systems' (1988), §4.3.",
  options: SCHEMA,
  defaults: CANDIDATES_DEFAULTS,
  run: findCandidates,
};
