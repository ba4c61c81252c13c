// Gathers everything a report shows from a case view and its network: counts, sanctioned parties with
// their list entries, candidates, exposure paths, intermediaries, focal points, a timeline and the
// network picture, each section capped for huge cases with what was cut recorded.
import {
  type Candidate,
  type EdgeData,
  type EdgeEvidence,
  type ExposurePath,
  type FocalPoint,
  findCandidates,
  findExposurePaths,
  findFocalPoints,
  findIntermediaries,
  type Intermediary,
  type Network,
  type NetworkFilter,
  type NodeData,
  type SourceRef,
} from "../graph/index.js";
import type { Claim, Listing } from "../model/index.js";
import { layoutPicture, type Picture } from "./layout.js";

/** How many items each section of the HTML and Markdown reports shows at most. */
export interface ReportLimits {
  candidates: number;
  paths: number;
  intermediaries: number;
  focalPoints: number;
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
}

/** Report defaults. */
export const REPORT_DEFAULTS = Object.freeze({
  title: "Skein investigation",
  maxHops: 3,
  limits: Object.freeze<ReportLimits>({
    candidates: 100,
    paths: 200,
    intermediaries: 25,
    focalPoints: 25,
    timeline: 500,
    picture: 150,
    sources: 500,
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

/** A sanctioned party with the list entries it was matched to. */
export interface SanctionedParty {
  entity: { id: string; caption: string; type: string };
  listings: Listing[];
}

/** One dated event: a counted claim with a period, or a listing. */
export type TimelineEvent =
  | { kind: "claim"; date: string; end: string; link: Link; evidence: EdgeEvidence; afterListing: boolean }
  | { kind: "listing"; date: string; entity: { id: string; caption: string }; listing: Listing };

/** A section that was cut for size: how many items it shows of how many. */
export interface Cut {
  section: string;
  shown: number;
  total: number;
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
  sources: SourceRef[];
  claims: Claim[];
  sanctioned: SanctionedParty[];
  candidates: Candidate[];
  paths: ExposurePath[];
  intermediaries: Intermediary[];
  focalPoints: FocalPoint[];
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
  const sanctioned: SanctionedParty[] = [];
  network.forEachNode((id, node: NodeData) => {
    if (node.sanctioned)
      sanctioned.push({ entity: { id, caption: node.caption, type: node.type }, listings: node.listings });
  });
  sanctioned.sort((a, b) => a.entity.caption.localeCompare(b.entity.caption));
  const candidates = findCandidates(network, undefined);
  const paths = findExposurePaths(network, { maxHops: options?.maxHops ?? REPORT_DEFAULTS.maxHops });
  const intermediaries = findIntermediaries(network, { limit: 0 });
  const focalPoints = findFocalPoints(network, { limit: 0 });
  const timeline = buildTimeline(network, sanctioned);
  const picture = layoutPicture(
    network,
    { sanctioned, candidates, intermediaries, focalPoints },
    limits.picture,
  );
  const cuts: Cut[] = [];
  const cut = (section: string, total: number, limit: number) => {
    if (total > limit) cuts.push({ section, shown: limit, total });
  };
  cut("candidates", candidates.length, limits.candidates);
  cut("exposure paths", paths.length, limits.paths);
  cut("intermediaries", intermediaries.length, limits.intermediaries);
  cut("focal points", focalPoints.length, limits.focalPoints);
  cut("timeline", timeline.length, limits.timeline);
  cut("network picture", network.order, picture.nodes.length);
  cut("sources", Object.keys(graph.sources).length, limits.sources);
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
    sources: Object.values(graph.sources),
    claims: view.claims,
    sanctioned,
    candidates,
    paths,
    intermediaries,
    focalPoints,
    timeline,
    picture,
    limits,
    cuts,
  };
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
