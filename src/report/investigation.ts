// Gathers everything a report shows from a case view and its network: counts, sanctioned parties with
// their list entries (those that unsanctioned parties are exposed to first), candidates, exposure paths,
// links dated after a listing, intermediaries, focal points, weak spots, a timeline and the network
// picture. Every list is complete and in the order the report reads it; the HTML and Markdown reports show
// the first rows of each and name the export that holds the rest.
import {
  type Candidate,
  type EdgeData,
  type EdgeEvidence,
  type ExposurePath,
  edgeKeyOf,
  type FocalPoint,
  findCandidates,
  findExposurePaths,
  findFocalPoints,
  findIntermediaries,
  type Hop,
  type Intermediary,
  type Network,
  type NetworkFilter,
  type NodeData,
  type SourceRef,
} from "../graph/index.js";
import { CERTAINTIES, type Claim, type Decision, type Listing } from "../model/index.js";
import { layoutPicture, type Picture } from "./layout.js";

/** How many items each section of the HTML and Markdown reports shows at most. */
export interface ReportLimits {
  sanctioned: number;
  candidates: number;
  /** Paths shown under each candidate. */
  candidatePaths: number;
  paths: number;
  /** Links dated after a listing. */
  afterListing: number;
  intermediaries: number;
  focalPoints: number;
  weakSpots: number;
  decisions: number;
  timeline: number;
  /** Entities drawn in the network picture. */
  picture: number;
  /** Sources listed at the end of the report. */
  sources: number;
  /** Candidates listed in summary.json. */
  summaryCandidates: number;
}

/** Options of buildInvestigation. */
export interface InvestigationOptions {
  title?: string;
  /** ISO timestamp printed on the report (defaults to now); fixed in tests for reproducible output. */
  generatedAt?: string;
  limits?: Partial<ReportLimits>;
  /** Longest exposure path, in links. */
  maxHops?: number;
  /** The analyst decision log, oldest first: the report says who decided what. */
  decisions?: Decision[];
}

/** Report defaults. */
export const REPORT_DEFAULTS = Object.freeze({
  title: "Skein investigation",
  maxHops: 3,
  limits: Object.freeze<ReportLimits>({
    sanctioned: 40,
    candidates: 20,
    candidatePaths: 2,
    paths: 40,
    afterListing: 20,
    intermediaries: 15,
    focalPoints: 15,
    weakSpots: 25,
    decisions: 50,
    timeline: 60,
    picture: 100,
    sources: 50,
    summaryCandidates: 1000,
  }),
});

/** A link of the network: one (subject, predicate, object) with its aggregated claims. */
export interface Link {
  key: string;
  subjectId: string;
  objectId: string;
  data: EdgeData;
}

/** A sanctioned party with the list entries it was matched to and the exposure reaching it. */
export interface SanctionedParty {
  entity: { id: string; caption: string; type: string };
  listings: Listing[];
  /** Unsanctioned entities whose best exposure path ends at this party. */
  exposedBy: number;
  /** The strongest of those paths, or null. */
  strongest: ExposurePath | null;
}

/** A link the findings rely on that rests on one origin, on hedged certainty, or that a party denies; or one whose types contradict its predicate. */
export interface WeakSpot {
  link: Link;
  /** Why it is weak: "one origin", "at best assessed", "denied", "types contradict the predicate (…)". */
  reasons: string[];
  /** Candidates' ties and exposure paths that run along it. */
  reliedOn: number;
}

/** A source with the number of claims the case takes from it. */
export type CitedSource = SourceRef & { claims: number };

/** One dated event: a counted claim with a period, or a listing. */
export type TimelineEvent =
  | { kind: "claim"; date: string; end: string; link: Link; evidence: EdgeEvidence; afterListing: boolean }
  | { kind: "listing"; date: string; entity: { id: string; caption: string }; listing: Listing };

/** A section that was cut for size: how many items it shows of how many, and the export holding all. */
export interface Cut {
  section: string;
  shown: number;
  total: number;
  /** The file with every item (null: the picture, drawn in full by Gephi from the GraphML). */
  export: string | null;
}

/** Everything the report files are written from. */
export interface Investigation {
  title: string;
  generatedAt: string;
  filter: NetworkFilter | null;
  counts: {
    sources: number;
    entities: number;
    claims: number;
    links: number;
    rejected: number;
    filteredOut: number;
  };
  network: Network;
  /** Sources, those the case takes most claims from first. */
  sources: CitedSource[];
  claims: Claim[];
  /** Sanctioned parties that unsanctioned ones are exposed to first (most exposed first), then the rest. */
  sanctioned: SanctionedParty[];
  candidates: Candidate[];
  paths: ExposurePath[];
  /** Supplies and payments dated after a party's listing, strongest first. */
  afterListing: Link[];
  intermediaries: Intermediary[];
  focalPoints: FocalPoint[];
  /** Weak links the findings rely on, those relied on most first. */
  weakSpots: WeakSpot[];
  /** The analyst decision log, oldest first (undone entries marked). */
  decisions: Decision[];
  /** Every dated claim and listing, in date order. */
  timeline: TimelineEvent[];
  picture: Picture;
  limits: ReportLimits;
  cuts: Cut[];
}

/**
 * Runs the analyses a report needs on `network` (built from `view`) and gathers the report's sections.
 * Section lists are complete here and in the exports; the HTML and Markdown reports cap them by
 * `limits` and say what they cut.
 */
export function buildInvestigation(
  view: { claims: Claim[] },
  network: Network,
  options: InvestigationOptions | undefined,
): Investigation {
  const limits: ReportLimits = { ...REPORT_DEFAULTS.limits, ...options?.limits };
  const graph = network.getAttributes();
  const candidates = findCandidates(network, undefined);
  const paths = findExposurePaths(network, { maxHops: options?.maxHops ?? REPORT_DEFAULTS.maxHops });
  const sanctioned = sanctionedParties(network, paths);
  const intermediaries = findIntermediaries(network, { limit: 0 });
  const focalPoints = findFocalPoints(network, { limit: 0 });
  const afterListing: Link[] = [];
  network.forEachEdge((key, data, subjectId, objectId) => {
    if (data.afterListing.length > 0) afterListing.push({ key, subjectId, objectId, data });
  });
  afterListing.sort((a, b) => b.data.strength - a.data.strength || (a.key < b.key ? -1 : 1));
  const weakSpots = findWeakSpots(network, candidates, paths);
  const timeline = buildTimeline(network, sanctioned);
  const sources = citedSources(graph.sources, view.claims);
  const picture = layoutPicture(
    network,
    { sanctioned, candidates, intermediaries, focalPoints },
    limits.picture,
  );
  const cuts: Cut[] = [];
  const cut = (section: string, total: number, limit: number, file: string | null) => {
    if (total > limit) cuts.push({ section, shown: limit, total, export: file });
  };
  cut("sanctioned parties", sanctioned.length, limits.sanctioned, "sanctioned.csv");
  cut("candidates", candidates.length, limits.candidates, "candidates.csv");
  cut("exposure paths", paths.length, limits.paths, "paths.csv");
  cut("links dated after a listing", afterListing.length, limits.afterListing, "links.csv");
  cut("intermediaries", intermediaries.length, limits.intermediaries, "intermediaries.csv");
  cut("focal points", focalPoints.length, limits.focalPoints, "focal-points.csv");
  cut("weak spots", weakSpots.length, limits.weakSpots, "links.csv");
  cut("timeline", timeline.length, limits.timeline, "timeline.csv");
  cut("network picture", picture.linked, picture.nodes.length, null);
  cut("sources", sources.length, limits.sources, "sources.csv");
  return {
    title: options?.title ?? REPORT_DEFAULTS.title,
    generatedAt: options?.generatedAt ?? new Date().toISOString(),
    filter: graph.filter,
    counts: {
      sources: Object.keys(graph.sources).length,
      entities: network.order,
      claims: view.claims.length,
      links: network.size,
      rejected: graph.claimsRejected,
      filteredOut: graph.claimsFilteredOut,
    },
    network,
    sources,
    claims: view.claims,
    sanctioned,
    candidates,
    paths,
    afterListing,
    intermediaries,
    focalPoints,
    weakSpots,
    decisions: options?.decisions ?? [],
    timeline,
    picture,
    limits,
    cuts,
  };
}

/**
 * Sanctioned parties with the exposure reaching them: those unsanctioned entities' best paths end at come
 * first, most exposed first (then by their strongest path); the rest follow by caption.
 */
function sanctionedParties(network: Network, paths: ExposurePath[]): SanctionedParty[] {
  const reaching = new Map<string, { count: number; strongest: ExposurePath }>();
  for (const path of paths) {
    const known = reaching.get(path.to);
    // Paths come best first, so the first one seen is the strongest.
    if (known) known.count++;
    else reaching.set(path.to, { count: 1, strongest: path });
  }
  const parties: SanctionedParty[] = [];
  network.forEachNode((id, node: NodeData) => {
    if (!node.sanctioned) return;
    const exposure = reaching.get(id);
    parties.push({
      entity: { id, caption: node.caption, type: node.type },
      listings: node.listings,
      exposedBy: exposure?.count ?? 0,
      strongest: exposure?.strongest ?? null,
    });
  });
  return parties.sort(
    (a, b) =>
      b.exposedBy - a.exposedBy ||
      (b.strongest?.score ?? 0) - (a.strongest?.score ?? 0) ||
      a.entity.caption.localeCompare(b.entity.caption) ||
      (a.entity.id < b.entity.id ? -1 : 1),
  );
}

/** Links that candidates' ties and exposure paths run along and that are weakly sourced, most relied on first. */
function findWeakSpots(network: Network, candidates: Candidate[], paths: ExposurePath[]): WeakSpot[] {
  const relied = new Map<string, number>();
  const rely = (hops: Hop[]) => {
    for (const h of hops) {
      const key = edgeKeyOf(h.subjectId, h.predicate, h.objectId);
      relied.set(key, (relied.get(key) ?? 0) + 1);
    }
  };
  for (const candidate of candidates) for (const p of candidate.paths) rely(p);
  for (const p of paths) rely(p.hops);
  const weak: WeakSpot[] = [];
  for (const [key, reliedOn] of relied) {
    const data = network.getEdgeAttributes(key);
    const reasons = [
      data.sourceCount < 2 ? "one origin" : null,
      CERTAINTIES[data.certainty].rank <= CERTAINTIES.assessed.rank
        ? `at best ${CERTAINTIES[data.certainty].label}`
        : null,
      data.denials.length > 0 ? "denied" : null,
    ].filter((r): r is string => r !== null);
    if (reasons.length === 0) continue;
    weak.push({
      link: { key, subjectId: network.source(key), objectId: network.target(key), data },
      reasons,
      reliedOn,
    });
  }
  weak.sort((a, b) => b.reliedOn - a.reliedOn || (a.link.key < b.link.key ? -1 : 1));
  // Links whose types contradict their predicate are never followed, so nothing relies on them; they
  // come last, for the analyst to correct.
  network.forEachEdge((key, data, subjectId, objectId) => {
    if (!data.contradicts || data.claimCount === 0) return;
    const types = `${network.getNodeAttribute(subjectId, "type")} → ${network.getNodeAttribute(objectId, "type")}`;
    weak.push({
      link: { key, subjectId, objectId, data },
      reasons: [`types contradict the predicate (${types})`],
      reliedOn: 0,
    });
  });
  return weak;
}

/** Sources with the number of claims taken from each, most first (then by date and title). */
function citedSources(sources: Record<string, SourceRef>, claims: Claim[]): CitedSource[] {
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.evidence.sourceId, (counts.get(c.evidence.sourceId) ?? 0) + 1);
  return Object.values(sources)
    .map((s) => ({ ...s, claims: counts.get(s.id) ?? 0 }))
    .sort(
      (a, b) =>
        b.claims - a.claims ||
        (a.published ?? "").localeCompare(b.published ?? "") ||
        (a.title ?? a.id).localeCompare(b.title ?? b.id),
    );
}

function buildTimeline(network: Network, sanctioned: SanctionedParty[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  network.forEachEdge((key, data, subjectId, objectId) => {
    if (data.claimCount === 0) return;
    const flagged = new Set(data.afterListing.map((f) => f.claimId));
    for (const evidence of data.evidence) {
      if (!evidence.period) continue;
      events.push({
        kind: "claim",
        date: evidence.period.start,
        end: evidence.period.end,
        link: { key, subjectId, objectId, data },
        evidence,
        afterListing: flagged.has(evidence.claimId),
      });
    }
  });
  for (const party of sanctioned) {
    for (const listing of party.listings) {
      if (listing.listingDate && listing.decision !== "dismissed") {
        events.push({ kind: "listing", date: listing.listingDate, entity: party.entity, listing });
      }
    }
  }
  // On the same day a listing comes first, so the claims after it read in order.
  events.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? 0 : a.kind === "listing" ? -1 : 1,
  );
  return events;
}
