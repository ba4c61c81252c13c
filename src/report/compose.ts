// Composes the report once as format-neutral blocks (headings, paragraphs, lists, tables, the picture,
// the notes), so report.html and report.md say the same things with the same footnotes.
import { edgeKeyOf, type Hop, type SourceRef } from "../graph/index.js";
import { CERTAINTIES, PREDICATES, type Predicate } from "../model/index.js";
import { type Citation, Footnotes } from "./citations.js";
import type { Investigation, Link } from "./investigation.js";

/** A piece of running text: plain text (escaped by the renderer), bold text, a note reference, a warning. */
export type Inline = string | { strong: string } | { cite: number } | { warn: string };

/** A block of the report. */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string; id: string }
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "list"; items: Inline[][] }
  | { kind: "table"; head: string[]; rows: Inline[][][] }
  | { kind: "picture" }
  | { kind: "sources"; sources: SourceRef[] }
  | { kind: "notes" };

/** The composed report: its blocks and the notes they cite. */
export interface ComposedReport {
  blocks: Block[];
  notes: readonly Citation[];
}

/** Links shown beside each intermediary, and the predicates that make its flows. */
const LINKS_PER_INTERMEDIARY = 3;
const FLOWS: ReadonlySet<Predicate> = new Set<Predicate>(["supplies", "pays", "intermediary_for"]);

const fmt = (value: number, digits = 2) => value.toFixed(digits);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "3 claims from 1 document (1 independent origin)": what a finding rests on, counted once each. */
export function evidenceCount(counts: { claims: number; documents: number; origins: number }): string {
  return `${plural(counts.claims, "claim")} from ${plural(counts.documents, "document")} (${plural(counts.origins, "independent origin")})`;
}

/**
 * The summary line on supplies and payments after a listing, saying what could not be checked: a
 * listing date comes only from lists that carry one (OFAC's CSV does not).
 */
function afterListingLine(inv: Investigation, flagged: number): string {
  const undated = inv.sanctioned.filter(
    (s) => !s.listings.some((l) => l.listingDate !== null && l.decision !== "dismissed"),
  ).length;
  const links = `${plural(flagged, "supply or payment link")} dated after a party's listing`;
  const parties = (n: number) => `${n} sanctioned part${n === 1 ? "y" : "ies"}`;
  if (inv.sanctioned.length === 0)
    return "Supplies or payments after a listing: none to check (no sanctioned party).";
  if (undated === inv.sanctioned.length)
    return `Supplies or payments after a listing: unknown — the list entries of the ${parties(undated)} carry no listing date.`;
  if (undated > 0) return `${links}; ${parties(undated)} without a listing date could not be checked.`;
  return `${links}.`;
}

/** Composes the report of an investigation, each section capped by its limits. */
export function composeReport(inv: Investigation): ComposedReport {
  const network = inv.network;
  const notes = new Footnotes(network.getAttribute("sources"));
  const blocks: Block[] = [];
  const caption = (id: string) => network.getNodeAttribute(id, "caption");
  const heading = (level: 1 | 2 | 3, text: string, id: string) =>
    blocks.push({ kind: "heading", level, text, id });
  const paragraph = (...inlines: Inline[]) => blocks.push({ kind: "paragraph", inlines });
  const hopInlines = (hops: Hop[]): Inline[] => {
    const out: Inline[] = [{ strong: hops[0].fromCaption }];
    for (const h of hops) {
      const label = PREDICATES[h.predicate].label;
      out.push(h.forward ? ` —${label}→ ` : ` ←${label}— `, { strong: h.toCaption }, " ", {
        cite: notes.cite(h),
      });
      out.push(
        ` (${CERTAINTIES[h.certainty].label}, ${h.sourceCount} source${h.sourceCount === 1 ? "" : "s"})`,
      );
      if (h.afterListing) out.push(" ", { warn: "dated after a listing" });
    }
    return out;
  };
  const linkInlines = (link: Link): Inline[] => {
    const d = link.data;
    const out: Inline[] = [
      { strong: caption(link.subjectId) },
      ` ${PREDICATES[d.predicate].label} `,
      { strong: caption(link.objectId) },
      " ",
      ...d.evidence.slice(0, 3).map((e) => ({ cite: notes.cite(e) })),
      ` (${d.claimCount} claim${d.claimCount === 1 ? "" : "s"}, ${d.sourceCount} source${d.sourceCount === 1 ? "" : "s"}, ${CERTAINTIES[d.certainty].label})`,
    ];
    if (d.afterListing.length > 0) out.push(" ", { warn: "dated after a listing" });
    return out;
  };

  heading(1, inv.title, "top");
  const c = inv.counts;
  paragraph(
    `Generated ${inv.generatedAt}. ${c.sources} sources, ${c.entities} entities, ${c.claims} claims (${c.rejected} rejected, ${c.filteredOut} outside the period), ${c.links} links.`,
    inv.filter?.asOf ? ` Claims as of ${inv.filter.asOf}.` : "",
    inv.filter?.between ? ` Claims between ${inv.filter.between[0]} and ${inv.filter.between[1]}.` : "",
  );
  if (inv.cuts.length > 0) {
    paragraph(
      "Cut for size (every export file is complete): ",
      inv.cuts.map((cut) => `${cut.section}: ${cut.shown} of ${cut.total} shown`).join("; "),
      ".",
    );
  }

  heading(2, "Summary", "summary");
  const flagged: Link[] = [];
  network.forEachEdge((key, data, subjectId, objectId) => {
    if (data.afterListing.length > 0) flagged.push({ key, subjectId, objectId, data });
  });
  const summary: Inline[][] = [
    [`${inv.sanctioned.length} sanctioned parties matched to list entries.`],
    [
      `${inv.candidates.length} designation candidates (unsanctioned parties with sourced ties to sanctioned ones).`,
    ],
    [`${inv.paths.length} entities with an exposure path to a sanctioned party.`],
  ];
  if (inv.candidates[0]) {
    summary.push([
      "Strongest candidate: ",
      { strong: inv.candidates[0].entity.caption },
      ` (score ${fmt(inv.candidates[0].score)}).`,
    ]);
  }
  if (inv.intermediaries[0])
    summary.push(["Main intermediary: ", { strong: inv.intermediaries[0].entity.caption }, "."]);
  summary.push([afterListingLine(inv, flagged.length)]);
  blocks.push({ kind: "list", items: summary });
  if (flagged.length > 0)
    blocks.push({ kind: "list", items: flagged.slice(0, inv.limits.paths).map(linkInlines) });

  heading(2, "Sanctioned parties", "sanctioned");
  if (inv.sanctioned.length === 0) paragraph("No party of the case matched a list entry.");
  else {
    blocks.push({
      kind: "table",
      head: ["Party", "List entries"],
      rows: inv.sanctioned.map((s) => [
        [{ strong: s.entity.caption }, ` (${s.entity.type})`],
        s.listings.flatMap((l, i): Inline[] => [
          i > 0 ? "; " : "",
          `${l.authority.toUpperCase()} ${l.list} ${l.authorityId}${l.programs.length ? ` [${l.programs.join(", ")}]` : ""}${l.listingDate ? `, listed ${l.listingDate}` : ""}, score ${fmt(l.score)} `,
          { cite: notes.citeListing(s.entity.caption, l) },
        ]),
      ]),
    });
  }

  heading(2, "Designation candidates", "candidates");
  if (inv.candidates.length === 0) paragraph("No unsanctioned party has a sourced tie to a sanctioned one.");
  else if (inv.candidates.length > inv.limits.candidates)
    paragraph(
      `The ${inv.limits.candidates} strongest of ${inv.candidates.length} candidates; summary.json lists up to ${inv.limits.summaryCandidates}, and the exports hold every link.`,
    );
  for (const cand of inv.candidates.slice(0, inv.limits.candidates)) {
    heading(3, cand.entity.caption, `candidate-${cand.entity.id}`);
    paragraph(
      `${cand.entity.type}${cand.entity.country ? `, ${cand.entity.country.toUpperCase()}` : ""}. Score ${fmt(cand.score)}; tied to ${cand.ties} sanctioned part${cand.ties === 1 ? "y" : "ies"}; ${cand.corroborated ? "its best tie is corroborated by independent origins at every link" : "its best tie rests on a single origin at some link"}; the ties rest on ${evidenceCount(cand)}.`,
    );
    blocks.push({ kind: "list", items: cand.paths.map(hopInlines) });
  }

  heading(2, "Exposure paths", "paths");
  paragraph(
    "The best path of each exposed entity to a sanctioned party, ranked by its weakest link's evidence strength.",
  );
  if (inv.paths.length > 0) {
    blocks.push({
      kind: "table",
      head: ["#", "Strength", "Hops", "Path"],
      rows: inv.paths
        .slice(0, inv.limits.paths)
        .map((p, i) => [[String(i + 1)], [fmt(p.score)], [String(p.hops.length)], hopInlines(p.hops)]),
    });
  }

  heading(2, "Intermediaries", "intermediaries");
  paragraph("Entities on shortest supply, payment and agency flows from suppliers to sanctioned buyers.");
  if (inv.intermediaries.length > 0) {
    blocks.push({
      kind: "table",
      head: ["Entity", "Flows", "Suppliers", "Links"],
      rows: inv.intermediaries.slice(0, inv.limits.intermediaries).map((m) => {
        const links: Inline[] = [];
        let shown = 0;
        network.forEachEdge(m.entity.id, (key, data, subjectId, objectId) => {
          if (shown >= LINKS_PER_INTERMEDIARY || data.claimCount === 0 || !FLOWS.has(data.predicate)) return;
          if (shown++ > 0) links.push("; ");
          links.push(...linkInlines({ key, subjectId, objectId, data }));
        });
        return [
          [{ strong: m.entity.caption }, m.sanctioned ? " (sanctioned)" : ""],
          [`${fmt(m.score)}${m.estimated ? " (estimated)" : ""}`],
          [String(m.suppliers)],
          links,
        ];
      }),
    });
  }

  heading(2, "Focal points", "focal-points");
  blocks.push({
    kind: "table",
    head: ["Entity", "Type", "Linked entities", "Weighted degree", "PageRank"],
    rows: inv.focalPoints
      .slice(0, inv.limits.focalPoints)
      .map((f) => [
        [{ strong: f.entity.caption }, f.sanctioned ? " (sanctioned)" : ""],
        [f.type],
        [String(f.degree)],
        [fmt(f.weightedDegree)],
        [fmt(f.pagerank, 4)],
      ]),
  });

  heading(2, "Weak spots", "weak-spots");
  paragraph(
    "Links the findings above rely on that rest on one source, on hedged or weaker certainty, or that a party denies.",
  );
  const relied = new Map<string, Link>();
  const rely = (hops: Hop[]) => {
    for (const h of hops) {
      const key = edgeKeyOf(h.subjectId, h.predicate, h.objectId);
      if (!relied.has(key))
        relied.set(key, {
          key,
          subjectId: h.subjectId,
          objectId: h.objectId,
          data: network.getEdgeAttributes(key),
        });
    }
  };
  for (const cand of inv.candidates.slice(0, inv.limits.candidates)) for (const p of cand.paths) rely(p);
  for (const p of inv.paths.slice(0, inv.limits.paths)) rely(p.hops);
  const weak = [...relied.values()].filter(
    (l) =>
      l.data.sourceCount < 2 ||
      CERTAINTIES[l.data.certainty].rank <= CERTAINTIES.assessed.rank ||
      l.data.denials.length > 0,
  );
  if (weak.length === 0)
    paragraph(
      "None: every link relied on has two or more independent origins at reported certainty or better.",
    );
  else {
    blocks.push({
      kind: "list",
      items: weak.map((link) => {
        const why = [
          link.data.sourceCount < 2 ? "one source" : null,
          CERTAINTIES[link.data.certainty].rank <= CERTAINTIES.assessed.rank
            ? `at best ${CERTAINTIES[link.data.certainty].label}`
            : null,
          link.data.denials.length > 0 ? "denied" : null,
        ].filter(Boolean);
        const out = linkInlines(link);
        out.push(" — ", { warn: why.join(", ") });
        for (const denial of link.data.denials.slice(0, 2)) out.push(" ", { cite: notes.cite(denial) });
        return out;
      }),
    });
  }

  const contradicting: Link[] = [];
  network.forEachEdge((key, data, subjectId, objectId) => {
    if (data.contradicts && data.claimCount > 0) contradicting.push({ key, subjectId, objectId, data });
  });
  if (contradicting.length > 0) {
    paragraph(
      `${plural(contradicting.length, "link")} whose parties' types its predicate cannot join (a body “member of” a person, a place that supplies): a misread direction or type, never followed in the paths above.`,
    );
    blocks.push({
      kind: "list",
      items: contradicting.slice(0, inv.limits.paths).map((link) => {
        const out = linkInlines(link);
        const types = `${network.getNodeAttribute(link.subjectId, "type")} → ${network.getNodeAttribute(link.objectId, "type")}`;
        out.push(" — ", { warn: `types contradict the predicate (${types})` });
        return out;
      }),
    });
  }

  heading(2, "Network", "network");
  blocks.push({ kind: "picture" });

  heading(2, "Timeline", "timeline");
  if (inv.timeline.length === 0) paragraph("No dated claims or listings.");
  else {
    blocks.push({
      kind: "list",
      items: inv.timeline.slice(0, inv.limits.timeline).map((event): Inline[] => {
        if (event.kind === "listing") {
          const l = event.listing;
          return [
            `${event.date}: `,
            { strong: event.entity.caption },
            ` listed by ${l.authority.toUpperCase()} ${l.list} (${l.authorityId}) `,
            { cite: notes.citeListing(event.entity.caption, l) },
          ];
        }
        const { link, evidence } = event;
        const when = event.end !== event.date ? `${event.date} – ${event.end}` : event.date;
        const out: Inline[] = [
          `${when}${evidence.period?.text ? ` (“${evidence.period.text}”)` : ""}: `,
          { strong: caption(link.subjectId) },
          ` ${PREDICATES[link.data.predicate].label} `,
          { strong: caption(link.objectId) },
          " ",
          { cite: notes.cite(evidence) },
          ` (${CERTAINTIES[evidence.certainty].label})`,
        ];
        if (event.afterListing) out.push(" ", { warn: "after the counterparty's listing" });
        return out;
      }),
    });
  }

  heading(2, "Sources", "sources");
  blocks.push({ kind: "sources", sources: inv.sources.slice(0, inv.limits.sources) });
  heading(2, "Notes", "notes");
  blocks.push({ kind: "notes" });
  return { blocks, notes: notes.notes };
}
