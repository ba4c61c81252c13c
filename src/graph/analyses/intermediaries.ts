// Intermediaries: parties on many shortest flows from suppliers to sanctioned buyers, by betweenness
// restricted to those source–target pairs over the supply, payment and intermediary subgraph
// (U. Brandes, "On variants of shortest-path betweenness centrality", Social Networks 30, 2008): a
// party that receives from a supplier and passes on to, or acts for, a sanctioned party. Places, states
// and authorities carry no goods; claims whose types contradict their predicate are not followed.
import type { Predicate } from "../../model/index.js";
import { isParty } from "../adjacency.js";
import type { Analysis } from "../analysis.js";
import type { Network } from "../network.js";
import { type OptionsSchema, resolveOptions } from "../options.js";

/** Options of findIntermediaries. */
export interface IntermediariesOptions {
  /** At most this many results (0: all). */
  limit: number;
  /** Suppliers searched from; above it an evenly spaced sample is used and scores are scaled up. */
  maxSources: number;
  /** Longest flow followed, in links (flows longer than this say little about exposure). */
  maxHops: number;
}

/** An entity that sits between suppliers and sanctioned buyers. */
export interface Intermediary {
  entity: { id: string; caption: string };
  sanctioned: boolean;
  /** Restricted betweenness: shortest supplier → sanctioned-buyer flows passing through it. */
  score: number;
  /** Suppliers with at least one shortest flow through it. */
  suppliers: number;
  /** True when scores were estimated from a sample of suppliers. */
  estimated: boolean;
}

/** Defaults of findIntermediaries. */
export const INTERMEDIARIES_DEFAULTS: Readonly<IntermediariesOptions> = Object.freeze({
  limit: 20,
  maxSources: 2000,
  maxHops: 4,
});

const SCHEMA: OptionsSchema = {
  limit: { type: "integer", description: "most results returned (0: all)", minimum: 0 },
  maxSources: { type: "integer", description: "suppliers searched before sampling", minimum: 1 },
  maxHops: { type: "integer", description: "longest flow followed, in links", minimum: 2, maximum: 8 },
};

/**
 * Orientation of each flow predicate along the movement of goods: a supplier's goods move from subject
 * to object, an intermediary acts toward its client, and a payment runs opposite to the goods it buys.
 */
const FLOW: Partial<Record<Predicate, 1 | -1>> = { supplies: 1, intermediary_for: 1, pays: -1 };

/**
 * Parties that sit on many shortest flows from suppliers (those who supply, or are paid) to sanctioned
 * buyers, over supply, payment and intermediary links oriented along the goods, and the route a supply
 * names ("delivered through Z": supplier → Z → buyer). Endpoints of a flow do not count for it; a
 * sanctioned buyer passed on the way to another counts as an intermediary too.
 */
export function findIntermediaries(
  network: Network,
  options?: Partial<IntermediariesOptions>,
): Intermediary[] {
  const o = resolveOptions("findIntermediaries", SCHEMA, INTERMEDIARIES_DEFAULTS, options);
  const ids = network.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const out: number[][] = ids.map(() => []);
  const suppliers = new Set<number>();
  const party = ids.map((id) => isParty(network, id));
  network.forEachEdge((_key, edge, source, target) => {
    const flow = FLOW[edge.predicate];
    if (!flow || edge.claimCount === 0 || edge.contradicts) return;
    const s = index.get(source)!;
    const t = index.get(target)!;
    if (!party[s] || !party[t]) return;
    const [from, to] = flow === 1 ? [s, t] : [t, s];
    if (edge.predicate !== "intermediary_for") suppliers.add(from);
    // A claim that names its route goes through it; only claims that name none make a direct step.
    let direct = false;
    for (const e of edge.evidence) {
      const via = e.viaId === null ? undefined : index.get(e.viaId);
      if (via === undefined || !party[via] || via === from || via === to) {
        direct = true;
        continue;
      }
      out[from].push(via);
      out[via].push(to);
    }
    if (direct) out[from].push(to);
  });
  // Several predicates may join the same pair; a pair is one step.
  for (let v = 0; v < out.length; v++) if (out[v].length > 1) out[v] = [...new Set(out[v])];
  const sanctioned = ids.map((id) => network.getNodeAttribute(id, "sanctioned"));
  const allSources = [...suppliers].filter((s) => !sanctioned[s]).sort((a, b) => a - b);
  const step = Math.max(1, allSources.length / o.maxSources);
  const sources: number[] = [];
  for (let i = 0; i < allSources.length && sources.length < o.maxSources; i += step) {
    sources.push(allSources[Math.floor(i)]);
  }
  const scale = sources.length > 0 ? allSources.length / sources.length : 1;

  const n = ids.length;
  const score = new Float64Array(n);
  const supplierCount = new Int32Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const delta = new Float64Array(n);
  const order: number[] = [];
  const preds: number[][] = ids.map(() => []);
  for (const s of sources) {
    order.length = 0;
    sigma[s] = 1;
    dist[s] = 0;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      order.push(v);
      if (dist[v] >= o.maxHops) continue;
      for (const w of out[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push(w);
        }
        if (dist[w] === dist[v] + 1) {
          sigma[w] += sigma[v];
          preds[w].push(v);
        }
      }
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const w = order[i];
      const target = sanctioned[w] && w !== s ? 1 : 0;
      for (const v of preds[w]) delta[v] += (sigma[v] / sigma[w]) * (target + delta[w]);
      if (w !== s && delta[w] > 0) {
        score[w] += delta[w] * scale;
        supplierCount[w]++;
      }
    }
    for (const v of order) {
      sigma[v] = 0;
      dist[v] = -1;
      delta[v] = 0;
      preds[v].length = 0;
    }
  }
  const estimated = sources.length < allSources.length;
  const results: Intermediary[] = [];
  for (let v = 0; v < n; v++) {
    if (score[v] <= 0) continue;
    results.push({
      entity: { id: ids[v], caption: network.getNodeAttribute(ids[v], "caption") },
      sanctioned: sanctioned[v],
      score: score[v],
      suppliers: Math.round(supplierCount[v] * scale),
      estimated,
    });
  }
  results.sort((a, b) => b.score - a.score || (a.entity.id < b.entity.id ? -1 : 1));
  return o.limit > 0 ? results.slice(0, o.limit) : results;
}

/** Registry entry of findIntermediaries. */
export const intermediaries: Analysis<IntermediariesOptions, Intermediary[]> = {
  name: "intermediaries",
  description:
    "Entities that sit on many shortest flows from suppliers to sanctioned buyers (betweenness over supply, payment and intermediary links).",
  reference:
    "Source–target restricted betweenness: U. Brandes, 'On variants of shortest-path betweenness centrality and their generic computation', Social Networks 30 (2008).",
  options: SCHEMA,
  defaults: INTERMEDIARIES_DEFAULTS,
  run: findIntermediaries,
};
