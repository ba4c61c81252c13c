// Builds the case network: one node per case entity, one edge per (subject, predicate, object) with its
// claims aggregated (count, documents, independent origins, strongest certainty, period, evidence). Graph model
// and attribute conventions follow graphology's (Guillaume Plique, graphology specification).
import { MultiDirectedGraph } from "graphology";
import {
  type CaseView,
  CERTAINTIES,
  type Certainty,
  type Claim,
  type EntityRole,
  type EntityType,
  type Listing,
  PREDICATES,
  type Predicate,
  SkeinError,
  type Source,
  typesFit,
} from "../model/index.js";
import { parseDateBound } from "./dates.js";

/** Claims kept by period: `asOf` keeps what had begun by that date, `between` what overlaps the range. */
export interface NetworkFilter {
  asOf?: string;
  between?: [string, string];
}

/** Source metadata carried by the network so every hop can name its source. */
export type SourceRef = Pick<
  Source,
  "id" | "title" | "publisher" | "published" | "url" | "kind" | "filename"
>;

/** One claim's evidence on an edge, as hops and footnotes cite it. */
export interface EdgeEvidence {
  claimId: string;
  sourceId: string;
  quote: string;
  start: number;
  end: number;
  certainty: Certainty;
  attribution: string | null;
  period: Claim["period"];
  amount: Claim["amount"];
  productId: string | null;
  viaId: string | null;
  /** Its independent origin: the outlet a text says it relays ("documents reviewed by X"), else its source's group. */
  origin: string;
}

/** A supply or payment dated after one party's listing date. */
export interface ListingFlag {
  claimId: string;
  /** The listed party. */
  entityId: string;
  listingDate: string;
  authority: string;
  /** End of the claim's period (the latest date it may have happened). */
  claimDate: string;
}

/** Node attributes: the case entity, as analyses and exports need it. */
export interface NodeData {
  id: string;
  caption: string;
  type: EntityType;
  country: string | null;
  sanctioned: boolean;
  listings: Listing[];
  names: string[];
  identifiers: Record<string, string[]>;
  /** A party, context (a place or a state) or an authority: only parties are exposed, tied or intermediaries. */
  role: EntityRole;
}

/** Edge attributes: the claims of one (subject, predicate, object), aggregated. */
export interface EdgeData {
  predicate: Predicate;
  /** Claims counted (neither rejected nor denied). */
  claimCount: number;
  /** Documents the counted claims come from. */
  documentCount: number;
  /**
   * Independent origins among them: documents sharing a publisher, address or title count once, and so
   * do claims two texts say they relay from one outlet ("documents reviewed by X").
   */
  sourceCount: number;
  /** True when the predicate cannot join the two parties' types ("a council member of a person"): flagged, never followed. */
  contradicts: boolean;
  /** The strongest certainty among counted claims (`denied` when every claim is a denial). */
  certainty: Certainty;
  /** Earliest start and latest end over the counted claims' periods, or null when none is dated. */
  period: { start: string; end: string } | null;
  /** Evidence strength in [0, 1]: independent origins combined as independent witnesses (noisy-or). */
  strength: number;
  /** True when exposure travels along it: an exposure predicate with at least one counted claim. */
  exposure: boolean;
  /** Counted claims' evidence, strongest certainty first. */
  evidence: EdgeEvidence[];
  /** Denials of this link, kept for the record and never counted. */
  denials: EdgeEvidence[];
  /** Supplies and payments dated after a party's listing date. */
  afterListing: ListingFlag[];
}

/** Graph attributes: where the network came from. */
export interface NetworkData {
  filter: NetworkFilter | null;
  sources: Record<string, SourceRef>;
  /** Claims in the view, and claims left out by status (rejected) or by the period filter. */
  claimsTotal: number;
  claimsRejected: number;
  claimsFilteredOut: number;
}

/** The case network (graphology multigraph: several predicates may join the same pair). */
export type Network = MultiDirectedGraph<NodeData, EdgeData, NetworkData>;

/** Network defaults: how much one independent source at `stated` certainty counts as evidence. */
export const NETWORK_DEFAULTS = Object.freeze({ sourceTrust: 0.75 });

/** The shared (frozen) empty list of edges without denials or flags; replaced by a fresh list on first use. */
const NONE = Object.freeze([]) as never[];

/** Predicates whose late dating against a listing is flagged (money and goods changing hands). */
const LISTING_FLAG_PREDICATES: ReadonlySet<Predicate> = new Set<Predicate>(["supplies", "pays"]);

/** The key of the edge aggregating claims of (subject, predicate, object). */
export function edgeKeyOf(subjectId: string, predicate: Predicate, objectId: string): string {
  return `${subjectId}|${predicate}|${objectId}`;
}

/**
 * Builds the case network from a case view. Rejected claims are left out; denied claims stay on their
 * edge as `denials` but never count. `filter` keeps claims by period: a claim without a period is
 * dated by its source's publication date as an upper bound (kept by `asOf` when published by then,
 * dropped by `between`).
 */
export function buildNetwork(view: CaseView, filter: NetworkFilter | undefined): Network {
  const window = readFilter(filter);
  const graph: Network = new MultiDirectedGraph<NodeData, EdgeData, NetworkData>({ allowSelfLoops: false });
  const sources: Record<string, SourceRef> = {};
  for (const s of view.sources) {
    sources[s.id] = {
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      published: s.published,
      url: s.url,
      kind: s.kind,
      filename: s.filename,
    };
  }
  const independence = groupSources(view.sources);
  const firstListing = new Map<string, Listing>();
  for (const e of view.entities) {
    graph.addNode(e.id, {
      id: e.id,
      caption: e.caption,
      type: e.type,
      country: e.country,
      sanctioned: e.sanctioned,
      listings: e.listings,
      names: e.names,
      identifiers: e.identifiers,
      role: e.role ?? "party",
    });
    const dated = e.listings.filter((l) => l.listingDate !== null && l.decision !== "dismissed");
    dated.sort((a, b) => (a.listingDate! < b.listingDate! ? -1 : 1));
    if (e.sanctioned && dated.length > 0) firstListing.set(e.id, dated[0]);
  }

  let rejected = 0;
  let filteredOut = 0;
  // Aggregate in a plain map first and add each edge to the graph once: far cheaper on large cases.
  const pending = new Map<string, PendingEdge>();
  for (const claim of view.claims) {
    if (claim.status === "rejected") {
      rejected++;
      continue;
    }
    if (window && !keptByWindow(claim, window, sources)) {
      filteredOut++;
      continue;
    }
    if (!graph.hasNode(claim.subjectId) || !graph.hasNode(claim.objectId)) {
      throw new SkeinError(
        "INTERNAL_INVARIANT",
        `buildNetwork: claim ${claim.id} points at an entity missing from the case view`,
        { field: "subjectId/objectId", received: `${claim.subjectId} → ${claim.objectId}` },
      );
    }
    if (claim.subjectId === claim.objectId) continue;
    const key = edgeKeyOf(claim.subjectId, claim.predicate, claim.objectId);
    let entry = pending.get(key);
    if (!entry) {
      entry = {
        subjectId: claim.subjectId,
        objectId: claim.objectId,
        group: null,
        weight: 0,
        groups: null,
        documents: new Set(),
        data: {
          predicate: claim.predicate,
          claimCount: 0,
          documentCount: 0,
          sourceCount: 0,
          contradicts: !typesFit(
            claim.predicate,
            graph.getNodeAttribute(claim.subjectId, "type"),
            graph.getNodeAttribute(claim.objectId, "type"),
          ),
          certainty: "denied",
          period: null,
          strength: 0,
          exposure: false,
          evidence: [],
          denials: NONE,
          afterListing: NONE,
        },
      };
      pending.set(key, entry);
    }
    const edge = entry.data;
    const group = relayedOrigin(claim.attribution) ?? `g${independence.get(claim.evidence.sourceId) ?? -1}`;
    const evidence = evidenceOf(claim, group);
    if (claim.certainty === "denied") {
      if (edge.denials === NONE) edge.denials = [];
      edge.denials.push(evidence);
      continue;
    }
    edge.evidence.push(evidence);
    edge.claimCount++;
    entry.documents.add(claim.evidence.sourceId);
    if (CERTAINTIES[claim.certainty].rank > CERTAINTIES[edge.certainty].rank)
      edge.certainty = claim.certainty;
    if (claim.period) {
      if (!edge.period) edge.period = { start: claim.period.start, end: claim.period.end };
      else {
        if (claim.period.start < edge.period.start) edge.period.start = claim.period.start;
        if (claim.period.end > edge.period.end) edge.period.end = claim.period.end;
      }
      if (LISTING_FLAG_PREDICATES.has(claim.predicate)) {
        for (const party of [claim.objectId, claim.subjectId]) {
          const listing = firstListing.get(party);
          if (listing && claim.period.end > listing.listingDate!) {
            if (edge.afterListing === NONE) edge.afterListing = [];
            edge.afterListing.push({
              claimId: claim.id,
              entityId: party,
              listingDate: listing.listingDate!,
              authority: listing.authority,
              claimDate: claim.period.end,
            });
          }
        }
      }
    }
    // Best certainty weight per independent origin of this edge (pairs: origin, weight).
    const weight = CERTAINTIES[claim.certainty].weight;
    if (entry.group === null || entry.group === group) {
      entry.group = group;
      if (entry.weight < weight) entry.weight = weight;
    } else {
      entry.groups ??= new Map();
      if ((entry.groups.get(group) ?? -1) < weight) entry.groups.set(group, weight);
    }
  }

  for (const [key, { subjectId, objectId, group, weight, groups, documents, data }] of pending) {
    data.documentCount = documents.size;
    data.sourceCount = group === null ? 0 : 1 + (groups?.size ?? 0);
    let doubt = group === null ? 1 : 1 - NETWORK_DEFAULTS.sourceTrust * weight;
    if (groups) for (const w of groups.values()) doubt *= 1 - NETWORK_DEFAULTS.sourceTrust * w;
    data.strength = 1 - doubt;
    data.exposure = PREDICATES[data.predicate].exposure && data.claimCount > 0 && !data.contradicts;
    if (data.evidence.length > 1) {
      data.evidence.sort((a, b) => CERTAINTIES[b.certainty].rank - CERTAINTIES[a.certainty].rank);
    }
    graph.addDirectedEdgeWithKey(key, subjectId, objectId, data);
  }
  graph.replaceAttributes({
    filter: window ? { ...filter } : null,
    sources,
    claimsTotal: view.claims.length,
    claimsRejected: rejected,
    claimsFilteredOut: filteredOut,
  });
  return graph;
}

/** The independent-source group of each source: sources sharing a publisher, address or title join. */
function groupSources(list: CaseView["sources"]): Map<string, number> {
  const parent = list.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const owner = new Map<string, number>();
  list.forEach((s, i) => {
    const keys = [
      s.publisher && `p:${normaliseKey(s.publisher)}`,
      s.url && `u:${normaliseKey(s.url.replace(/^https?:\/\/(www\.)?/i, "").replace(/[?#].*$/, ""))}`,
      s.title && `t:${normaliseKey(s.title)}`,
    ];
    for (const k of keys) {
      if (!k || k.length < 3) continue;
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  return new Map(list.map((s, i) => [s.id, find(i)]));
}

function normaliseKey(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Words before an outlet a text says it relays: "documents reviewed by X", "according to X". */
const RELAY =
  /\b(?:reviewed|seen|obtained|published|reported|compiled) by (?:the )?((?:[A-Z][\w&’'.-]*\s?){1,4})|\baccording to (?:the )?((?:[A-Z][\w&’'.-]*\s?){1,4})/;

/**
 * The outlet a claim's attribution says it relays, as an origin key, or null: "documents reviewed by
 * Reuters" in two newspapers is one origin. A nationality alone ("according to European officials") is
 * no outlet.
 */
function relayedOrigin(attribution: string | null): string | null {
  if (!attribution) return null;
  const match = RELAY.exec(attribution);
  const outlet = (match?.[1] ?? match?.[2])?.trim();
  if (!outlet || /^[A-Z][a-z]+(?:an|ish|ese|i)$/.test(outlet)) return null;
  return `r:${normaliseKey(outlet)}`;
}

function evidenceOf(claim: Claim, origin: string): EdgeEvidence {
  return {
    origin,
    claimId: claim.id,
    sourceId: claim.evidence.sourceId,
    quote: claim.evidence.quote,
    start: claim.evidence.start,
    end: claim.evidence.end,
    certainty: claim.certainty,
    attribution: claim.attribution,
    period: claim.period,
    amount: claim.amount,
    productId: claim.productId,
    viaId: claim.viaId,
  };
}

interface PendingEdge {
  subjectId: string;
  objectId: string;
  /** The first independent origin seen (null: none yet) and its best certainty weight. */
  group: string | null;
  weight: number;
  /** Further origins and their best weights, on the few edges with more than one. */
  groups: Map<string, number> | null;
  /** Documents of the counted claims. */
  documents: Set<string>;
  data: EdgeData;
}

interface Window {
  from: string | null;
  to: string;
  /** Undated claims are kept when their source was published by `to` (asOf only). */
  keepUndated: boolean;
}

function readFilter(filter: NetworkFilter | undefined): Window | null {
  if (!filter || (filter.asOf === undefined && filter.between === undefined)) return null;
  if (filter.asOf !== undefined && filter.between !== undefined) {
    throw new SkeinError("GRAPH_BAD_DATE", "buildNetwork: give either asOf or between, not both", {
      field: "filter",
      received: JSON.stringify(filter),
    });
  }
  if (filter.asOf !== undefined) {
    return { from: null, to: parseDateBound(filter.asOf, "end", "asOf"), keepUndated: true };
  }
  const between = filter.between!;
  if (!Array.isArray(between) || between.length !== 2) {
    throw new SkeinError(
      "GRAPH_BAD_DATE",
      "buildNetwork: between takes two dates, e.g. [2023-01-01, 2023-12-31]",
      {
        field: "between",
        received: JSON.stringify(between),
      },
    );
  }
  const from = parseDateBound(between[0], "start", "between[0]");
  const to = parseDateBound(between[1], "end", "between[1]");
  if (from > to) {
    throw new SkeinError(
      "GRAPH_BAD_DATE",
      "buildNetwork: between must run from the earlier date to the later",
      {
        field: "between",
        received: `${between[0]} … ${between[1]}`,
      },
    );
  }
  return { from, to, keepUndated: false };
}

function keptByWindow(claim: Claim, window: Window, sources: Record<string, SourceRef>): boolean {
  if (claim.period) {
    return claim.period.start <= window.to && (window.from === null || claim.period.end >= window.from);
  }
  if (!window.keepUndated) return false;
  const published = sources[claim.evidence.sourceId]?.published;
  return published !== null && published !== undefined && published <= window.to;
}
