// The report's long sections as complete CSV files, in the order the report reads them: report.html and
// report.md show the first rows of a section and name the file holding every row. One definition per
// file: its name, its columns and where its rows come from (RFC 4180, cells quoted by claims.csv's rule).
import type { Hop } from "../../graph/index.js";
import { PREDICATES } from "../../model/index.js";
import type { Investigation, Link } from "../investigation.js";
import type { ExportFormat, ReportRecord } from "../writer.js";
import { csvCell } from "./claims-csv.js";

type Cell = string | number | null | undefined;

/** A path as one line of text: `A —supplies→ B ←owns— C`. */
export function pathText(hops: Hop[]): string {
  if (hops.length === 0) return "";
  let text = hops[0].fromCaption;
  for (const h of hops) {
    const label = PREDICATES[h.predicate].label;
    text += h.forward ? ` —${label}→ ${h.toCaption}` : ` ←${label}— ${h.toCaption}`;
  }
  return text;
}

const yes = (flag: boolean) => (flag ? "yes" : "no");

/**
 * A CSV export of one section: `rows` gives every row of the investigation at finish, or `row` turns each
 * streamed record into at most one row (for sections as long as the network itself).
 */
function sectionCsv(spec: {
  name: string;
  filename: string;
  description: string;
  columns: readonly string[];
  rows?: (inv: Investigation) => Iterable<Cell[]>;
  row?: (inv: Investigation) => (record: ReportRecord) => Cell[] | null;
}): ExportFormat {
  return {
    name: spec.name,
    filename: spec.filename,
    description: spec.description,
    create(investigation, sink) {
      const line = (cells: Cell[]) => sink.write(`${cells.map(csvCell).join(",")}\r\n`);
      line([...spec.columns]);
      const row = spec.row?.(investigation);
      return {
        write(record) {
          const cells = row?.(record);
          if (cells) line(cells);
        },
        finish() {
          if (spec.rows) for (const cells of spec.rows(investigation)) line(cells);
        },
      };
    },
  };
}

/** sanctioned.csv: every sanctioned party, those unsanctioned parties are exposed to first. */
export const sanctionedCsv = sectionCsv({
  name: "sanctioned",
  filename: "sanctioned.csv",
  description:
    "Every sanctioned party with its list entries and the exposure reaching it, most exposed first.",
  columns: [
    "entity_id",
    "party",
    "type",
    "exposed_parties",
    "strongest_path_strength",
    "strongest_path",
    "authorities",
    "list_entries",
    "programs",
    "listing_dates",
    "best_score",
  ],
  rows: (inv) =>
    inv.sanctioned.map((s) => [
      s.entity.id,
      s.entity.caption,
      s.entity.type,
      s.exposedBy,
      s.strongest ? Number(s.strongest.score.toFixed(4)) : null,
      s.strongest ? pathText(s.strongest.hops) : null,
      [...new Set(s.listings.map((l) => `${l.authority} ${l.list}`))].join("; "),
      s.listings.map((l) => l.authorityId).join("; "),
      [...new Set(s.listings.flatMap((l) => l.programs))].join("; "),
      [...new Set(s.listings.flatMap((l) => (l.listingDate ? [l.listingDate] : [])))].join("; "),
      Number(Math.max(0, ...s.listings.map((l) => l.score)).toFixed(4)),
    ]),
});

/** candidates.csv: every designation candidate with all its ties, strongest first. */
export const candidatesCsv = sectionCsv({
  name: "candidates",
  filename: "candidates.csv",
  description: "Every designation candidate with its score, evidence counts and ties, strongest first.",
  columns: [
    "entity_id",
    "candidate",
    "type",
    "country",
    "score",
    "ties",
    "claims",
    "documents",
    "origins",
    "corroborated",
    "paths",
  ],
  rows: (inv) =>
    inv.candidates.map((c) => [
      c.entity.id,
      c.entity.caption,
      c.entity.type,
      c.entity.country,
      Number(c.score.toFixed(4)),
      c.ties,
      c.claims,
      c.documents,
      c.origins,
      yes(c.corroborated),
      c.paths.map(pathText).join(" | "),
    ]),
});

/** paths.csv: the best exposure path of every exposed entity, strongest first. */
export const pathsCsv = sectionCsv({
  name: "paths",
  filename: "paths.csv",
  description: "The best exposure path of every exposed entity, ranked by its weakest link.",
  columns: [
    "rank",
    "from_id",
    "from",
    "to_id",
    "to",
    "strength",
    "hops",
    "path",
    "weakest_link",
    "weakest_quote",
  ],
  rows: (inv) =>
    inv.paths.map((p, i) => {
      const weakest = p.hops[p.weakest];
      return [
        i + 1,
        p.from,
        p.hops[0].fromCaption,
        p.to,
        p.hops[p.hops.length - 1].toCaption,
        Number(p.score.toFixed(4)),
        p.hops.length,
        pathText(p.hops),
        pathText([weakest]),
        weakest.quote,
      ];
    }),
});

/** links.csv: every link, with its evidence counts and whether it is dated after a listing or a weak spot. */
export const linksCsv = sectionCsv({
  name: "links",
  filename: "links.csv",
  description:
    "Every link (claims of one subject, predicate and object) with its evidence, after-listing flag and weak-spot reasons.",
  columns: [
    "link",
    "subject_id",
    "subject",
    "predicate",
    "object_id",
    "object",
    "claims",
    "documents",
    "origins",
    "contradicts",
    "certainty",
    "strength",
    "period_start",
    "period_end",
    "after_listing",
    "weak_spot",
    "relied_on",
    "denials",
    "quote",
  ],
  row: (inv) => {
    const weak = new Map(inv.weakSpots.map((w) => [w.link.key, w]));
    const caption = (id: string) => inv.network.getNodeAttribute(id, "caption");
    return (record) => {
      if (record.kind !== "link") return null;
      const { key, subjectId, objectId, data }: Link = record.link;
      const w = weak.get(key);
      return [
        key,
        subjectId,
        caption(subjectId),
        data.predicate,
        objectId,
        caption(objectId),
        data.claimCount,
        data.documentCount,
        data.sourceCount,
        yes(data.contradicts),
        data.certainty,
        Number(data.strength.toFixed(4)),
        data.period?.start,
        data.period?.end,
        yes(data.afterListing.length > 0),
        w ? w.reasons.join("; ") : null,
        w?.reliedOn ?? 0,
        data.denials.length,
        (data.evidence[0] ?? data.denials[0])?.quote,
      ];
    };
  },
});

/** intermediaries.csv: every intermediary, most flows first. */
export const intermediariesCsv = sectionCsv({
  name: "intermediaries",
  filename: "intermediaries.csv",
  description: "Every entity on shortest supplier-to-sanctioned-buyer flows, most flows first.",
  columns: ["entity_id", "entity", "sanctioned", "flows", "suppliers", "estimated"],
  rows: (inv) =>
    inv.intermediaries.map((m) => [
      m.entity.id,
      m.entity.caption,
      yes(m.sanctioned),
      Number(m.score.toFixed(4)),
      m.suppliers,
      yes(m.estimated),
    ]),
});

/** focal-points.csv: every entity by PageRank. */
export const focalPointsCsv = sectionCsv({
  name: "focal-points",
  filename: "focal-points.csv",
  description: "Every entity with its PageRank, weighted degree and degree, most central first.",
  columns: ["entity_id", "entity", "type", "sanctioned", "degree", "weighted_degree", "pagerank"],
  rows: (inv) =>
    inv.focalPoints.map((f) => [
      f.entity.id,
      f.entity.caption,
      f.type,
      yes(f.sanctioned),
      f.degree,
      Number(f.weightedDegree.toFixed(4)),
      Number(f.pagerank.toFixed(8)),
    ]),
});

/** timeline.csv: every dated claim and listing in date order. */
export const timelineCsv = sectionCsv({
  name: "timeline",
  filename: "timeline.csv",
  description: "Every dated claim and listing in date order, with after-listing flags.",
  columns: [
    "date",
    "end",
    "event",
    "subject_id",
    "subject",
    "predicate",
    "object_id",
    "object",
    "certainty",
    "after_listing",
    "claim_id",
    "period_text",
    "list_entry",
    "quote",
  ],
  rows: (inv) => {
    const caption = (id: string) => inv.network.getNodeAttribute(id, "caption");
    return inv.timeline.map((e) =>
      e.kind === "listing"
        ? [
            e.date,
            e.date,
            "listing",
            e.entity.id,
            e.entity.caption,
            "listed",
            null,
            `${e.listing.authority.toUpperCase()} ${e.listing.list}`,
            null,
            null,
            null,
            null,
            e.listing.authorityId,
            null,
          ]
        : [
            e.date,
            e.end,
            "claim",
            e.link.subjectId,
            caption(e.link.subjectId),
            e.link.data.predicate,
            e.link.objectId,
            caption(e.link.objectId),
            e.evidence.certainty,
            yes(e.afterListing),
            e.evidence.claimId,
            e.evidence.period?.text,
            null,
            e.evidence.quote,
          ],
    );
  },
});

/** sources.csv: every source, those the case takes most claims from first. */
export const sourcesCsv = sectionCsv({
  name: "sources",
  filename: "sources.csv",
  description: "Every source with the number of claims taken from it, most first.",
  columns: ["source_id", "title", "publisher", "published", "kind", "url", "claims"],
  rows: (inv) =>
    inv.sources.map((s) => [s.id, s.title ?? s.filename, s.publisher, s.published, s.kind, s.url, s.claims]),
});

/** Every section CSV, in the order of the report's sections. */
export const SECTION_CSVS: readonly ExportFormat[] = Object.freeze([
  sanctionedCsv,
  candidatesCsv,
  pathsCsv,
  linksCsv,
  intermediariesCsv,
  focalPointsCsv,
  timelineCsv,
  sourcesCsv,
]);
