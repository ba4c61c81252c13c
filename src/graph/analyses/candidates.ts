// Designation candidates: unsanctioned parties with well-sourced ties to sanctioned ones. Each link
// weighs its evidence strength (independent origins), what its predicate says of a tie (a supply or a
// payment more than an association) and its recency; a tie path scores the product of its links,
// decayed per extra hop; ties to different sanctioned parties combine as independent evidence
// (noisy-or, Pearl 1988, "Probabilistic Reasoning in Intelligent Systems", §4.3) only when they rest on
// different origins. Places, states and authorities are never candidates nor steps of a tie, and a
// claim whose types contradict its predicate is never followed.
import { type EntityType, PREDICATES } from "../../model/index.js";
import { type Adjacency, buildAdjacency, type Hop, hopOf, isParty, isTie } from "../adjacency.js";
import type { Analysis } from "../analysis.js";
import type { EdgeData, Network } from "../network.js";
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
  /** Claims behind the links of its best ties, the documents they come from, and their independent origins. */
  claims: number;
  documents: number;
  origins: number;
  /** True when every link of its best tie rests on at least two independent origins. */
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

/** A link's weight in years of age: each year before the case's latest dated link takes 3 %, at most 30 %. */
const YEARLY_DECAY = 0.03;
const MAX_AGE_YEARS = 10;
/** The weight of a link with no date at all: as if five years old. */
const UNDATED = 1 - YEARLY_DECAY * 5;

/** How recent each link is, against the latest date of the case: 1 for the latest, down to 0.7. */
function recencyOf(network: Network): (edge: EdgeData) => number {
  const sources = network.getAttribute("sources");
  const dateOf = (edge: EdgeData): string | null => {
    if (edge.period) return edge.period.end;
    let latest: string | null = null;
    for (const e of edge.evidence) {
      const published = sources[e.sourceId]?.published ?? null;
      if (published && (!latest || published > latest)) latest = published;
    }
    return latest;
  };
  let caseLatest: string | null = null;
  network.forEachEdge((_key, edge) => {
    const date = dateOf(edge);
    if (date && (!caseLatest || date > caseLatest)) caseLatest = date;
  });
  return (edge) => {
    const date = dateOf(edge);
    if (!date || !caseLatest) return UNDATED;
    const years = (Date.parse(caseLatest) - Date.parse(date)) / (365.25 * 86_400_000);
    return 1 - YEARLY_DECAY * Math.min(MAX_AGE_YEARS, Math.max(0, years));
  };
}

/**
 * Unsanctioned parties tied to sanctioned ones by counted claims of any kind that links parties
 * (supplies, pays, visits, tests, develops …), within `maxHops` links, scored by evidence strength,
 * predicate and recency, and kept when the score reaches `minScore`.
 */
export function findCandidates(network: Network, options?: Partial<CandidatesOptions>): Candidate[] {
  const o = resolveOptions("findCandidates", SCHEMA, CANDIDATES_DEFAULTS, options);
  const recency = recencyOf(network);
  const adjacency = buildAdjacency(
    network,
    (edge, source, target) => isTie(edge) && isParty(network, source) && isParty(network, target),
    (edge) => edge.strength * PREDICATES[edge.predicate].tie * recency(edge),
  );
  const { ids } = adjacency;
  const originCache = new Map<string, string[]>();
  const originsOf = (key: string) => {
    let origins = originCache.get(key);
    if (!origins) {
      origins = [...new Set(network.getEdgeAttribute(key, "evidence").map((e) => e.origin))];
      originCache.set(key, origins);
    }
    return origins;
  };
  const types = ids.map((id) => network.getNodeAttribute(id, "type"));
  const sanctioned = ids.map((id) => network.getNodeAttribute(id, "sanctioned"));
  const candidates: Candidate[] = [];
  for (let v = 0; v < ids.length; v++) {
    if (sanctioned[v] || !PARTY_TYPES.has(types[v]) || !isParty(network, ids[v])) continue;
    const best = bestTies(adjacency, v, o.maxHops, o.hopDecay, sanctioned, types);
    if (best.size === 0) continue;
    const score = combineTies([...best.values()], (slot) => originsOf(adjacency.edgeKey[slot]));
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
    // Counted once each across the links: one article behind three links is one document, one origin.
    let claims = 0;
    const documents = new Set<string>();
    const origins = new Set<string>();
    for (const key of links) {
      const edge = network.getEdgeAttributes(key);
      claims += edge.claimCount;
      for (const e of edge.evidence) {
        documents.add(e.sourceId);
        origins.add(e.origin);
      }
    }
    const node = network.getNodeAttributes(ids[v]);
    candidates.push({
      entity: { id: node.id, caption: node.caption, type: node.type, country: node.country },
      score,
      ties: best.size,
      claims,
      documents: documents.size,
      origins: origins.size,
      corroborated: paths[0].every((hop) => hop.sourceCount >= 2),
      paths,
    });
  }
  // Equal scores: more independent origins, then more documents, first.
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      b.origins - a.origins ||
      b.documents - a.documents ||
      (a.entity.id < b.entity.id ? -1 : 1),
  );
  return o.limit > 0 ? candidates.slice(0, o.limit) : candidates;
}

interface Tie {
  score: number;
  slots: number[];
}

/**
 * A candidate's score from its ties: ties resting on a common origin are one witness (one press
 * release naming forty listed parties is one piece of evidence, not forty) and count by their best;
 * witnesses with no origin in common combine by noisy-or.
 */
function combineTies(ties: Tie[], originsOfSlot: (slot: number) => string[]): number {
  const parent = ties.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const firstTieOf = new Map<string, number>();
  ties.forEach((tie, i) => {
    for (const slot of tie.slots) {
      for (const origin of originsOfSlot(slot)) {
        const seen = firstTieOf.get(origin);
        if (seen === undefined) firstTieOf.set(origin, i);
        else parent[find(i)] = find(seen);
      }
    }
  });
  const best = new Map<number, number>();
  ties.forEach((tie, i) => {
    const root = find(i);
    best.set(root, Math.max(best.get(root) ?? 0, tie.score));
  });
  let doubt = 1;
  for (const score of best.values()) doubt *= 1 - score;
  return 1 - doubt;
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
    "Designation candidates: unsanctioned parties with well-sourced ties to sanctioned ones, scored by evidence strength (independent origins, certainty), what each link says of a tie and how recent it is, each with its paths and quotes.",
  reference:
    "Path scores as products of link strengths, combined across sanctioned parties by noisy-or: J. Pearl, 'Probabilistic Reasoning in Intelligent Systems' (1988), §4.3.",
  options: SCHEMA,
  defaults: CANDIDATES_DEFAULTS,
  run: findCandidates,
};
