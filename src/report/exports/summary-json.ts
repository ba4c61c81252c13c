// summary.json: the investigation's findings in the shape other tools read — counts, sanctioned
// parties with their list entries, candidates with their paths and quotes, intermediaries and focal points.
import type { Hop } from "../../graph/index.js";
import type { Investigation } from "../investigation.js";
import type { ExportFormat } from "../writer.js";

/**
 * One hop in summary.json: `from` and `to` in path order; the claim reads `subject predicate object`,
 * and `forward` says whether the path goes with it (from is the subject) or against it.
 */
export interface SummaryHop {
  from: { id: string; caption: string };
  to: { id: string; caption: string };
  predicate: string;
  subject: { id: string; caption: string };
  object: { id: string; caption: string };
  forward: boolean;
  quote: string;
  source: { id: string; title: string | null; publisher: string | null; url: string | null };
}

/** The summary.json document. */
export interface Summary {
  sources: number;
  entities: number;
  claims: number;
  sanctioned: Array<{
    entity: { id: string; caption: string };
    matches: Array<{ authority: string; authorityId: string; list: string; program: string; score: number }>;
  }>;
  /** Every candidate found; `candidates` lists the strongest, up to the report's limit. */
  candidatesTotal: number;
  candidates: Array<{
    entity: { id: string; caption: string };
    score: number;
    claims: number;
    documents: number;
    origins: number;
    paths: SummaryHop[][];
  }>;
  intermediaries: Array<{
    entity: { id: string; caption: string };
    score: number;
    suppliers: number;
    sanctioned: boolean;
  }>;
  focalPoints: Array<{
    entity: { id: string; caption: string };
    pagerank: number;
    weightedDegree: number;
    degree: number;
    sanctioned: boolean;
  }>;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function hopOf(hop: Hop): SummaryHop {
  const from = { id: hop.from, caption: hop.fromCaption };
  const to = { id: hop.to, caption: hop.toCaption };
  return {
    from,
    to,
    predicate: hop.predicate,
    subject: hop.forward ? from : to,
    object: hop.forward ? to : from,
    forward: hop.forward,
    quote: hop.quote,
    source: {
      id: hop.sourceId,
      title: hop.source?.title ?? hop.source?.filename ?? null,
      publisher: hop.source?.publisher ?? null,
      url: hop.source?.url ?? null,
    },
  };
}

/** Builds the summary.json document (candidates capped by `limits.summaryCandidates`). */
export function buildSummary(inv: Investigation): Summary {
  return {
    sources: inv.counts.sources,
    entities: inv.counts.entities,
    claims: inv.counts.claims,
    sanctioned: inv.sanctioned.map((s) => ({
      entity: { id: s.entity.id, caption: s.entity.caption },
      matches: s.listings
        .filter((l) => l.decision !== "dismissed")
        .map((l) => ({
          authority: l.authority,
          authorityId: l.authorityId,
          list: l.list,
          program: l.programs.join("; "),
          score: round(l.score),
        })),
    })),
    candidatesTotal: inv.candidates.length,
    candidates: inv.candidates.slice(0, inv.limits.summaryCandidates).map((c) => ({
      entity: { id: c.entity.id, caption: c.entity.caption },
      score: round(c.score),
      claims: c.claims,
      documents: c.documents,
      origins: c.origins,
      paths: c.paths.map((p) => p.map(hopOf)),
    })),
    intermediaries: inv.intermediaries.slice(0, inv.limits.intermediaries).map((i) => ({
      entity: i.entity,
      score: round(i.score),
      suppliers: i.suppliers,
      sanctioned: i.sanctioned,
    })),
    focalPoints: inv.focalPoints.slice(0, inv.limits.focalPoints).map((f) => ({
      entity: f.entity,
      pagerank: round(f.pagerank),
      weightedDegree: round(f.weightedDegree),
      degree: f.degree,
      sanctioned: f.sanctioned,
    })),
  };
}

/** The summary.json format (composed at finish; records are not needed). */
export const summaryJson: ExportFormat = {
  name: "summary",
  filename: "summary.json",
  description:
    "Counts, sanctioned parties with list entries, candidates with paths and quotes, intermediaries, focal points.",
  create(investigation, sink) {
    return {
      write() {},
      finish() {
        sink.write(`${JSON.stringify(buildSummary(investigation), null, 2)}\n`);
      },
    };
  },
};
