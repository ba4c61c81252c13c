// Composes the report once as format-neutral blocks (headings, paragraphs, lists, tables, the contents,
// the picture, the notes), so report.html and report.md say the same things with the same footnotes. The
// report reads at any size: the first screen tells the case (what was found, the strongest findings) and
// lists the sections with their counts; each section leads with what matters and shows its first rows,
// naming the export that holds every row.
import type { Hop, SourceRef } from "../graph/index.js";
import { CERTAINTIES, type Decision, PREDICATES, type Predicate } from "../model/index.js";
import { type Citation, Footnotes } from "./citations.js";
import type { Cut, Investigation, Link, TimelineEvent } from "./investigation.js";

/** A piece of running text: plain text (escaped by the renderer), bold text, a note reference, a warning. */
export type Inline = string | { strong: string } | { cite: number } | { warn: string };

/** A block of the report. */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string; id: string }
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "list"; items: Inline[][] }
  | { kind: "table"; head: string[]; rows: Inline[][][] }
  | { kind: "contents"; entries: Array<{ id: string; text: string; detail: string }> }
  | { kind: "picture" }
  | { kind: "sources"; sources: SourceRef[] }
  | { kind: "notes" };

/** The composed report: its blocks and the notes they cite. */
export interface ComposedReport {
  blocks: Block[];
  notes: readonly Citation[];
}

/** Links shown beside each intermediary, and the predicates that make its flows. */
const LINKS_PER_INTERMEDIARY = 2;
const FLOWS: ReadonlySet<Predicate> = new Set<Predicate>(["supplies", "pays", "intermediary_for"]);
/** Findings named on the first screen. */
const FIRST_SCREEN = 3;

const fmt = (value: number, digits = 2) => value.toFixed(digits);
const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** "3 claims from 1 document (1 independent origin)": what a finding rests on, counted once each. */
export function evidenceCount(counts: { claims: number; documents: number; origins: number }): string {
  return `${plural(counts.claims, "claim")} from ${plural(counts.documents, "document")} (${plural(counts.origins, "independent origin")})`;
}

/**
 * What the report says of supplies and payments after a listing, naming what could not be checked: a
 * listing date comes only from lists that carry one (OFAC's CSV does not).
 */
function afterListingLine(inv: Investigation): string {
  const undated = inv.sanctioned.filter(
    (s) => !s.listings.some((l) => l.listingDate !== null && l.decision !== "dismissed"),
  ).length;
  const parties = (n: number) => plural(n, "sanctioned party", "sanctioned parties");
  if (inv.sanctioned.length === 0)
    return "Supplies or payments after a listing: none to check (no sanctioned party).";
  if (undated === inv.sanctioned.length)
    return `Supplies or payments after a listing: unknown — the list entries of the ${parties(undated)} carry no listing date.`;
  const links = `${plural(inv.afterListing.length, "supply or payment link")} dated after a party's listing`;
  return undated > 0
    ? `${links}; ${parties(undated)} without a listing date could not be checked.`
    : `${links}.`;
}

/**
 * A section heading's anchor, as GitHub-flavoured Markdown derives it from the text (lower case, spaces to
 * hyphens, punctuation dropped), so the contents link in report.md too.
 */
export function anchorOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

/** What a decision acted on, in a few words: the entities, claim, list entry, caption or decision it names. */
function decisionTarget(d: Decision): string {
  const t = d.target;
  switch (d.action) {
    case "merge":
    case "not_same":
      return `${t.a} and ${t.b}`;
    case "split":
      return `${t.moved} out of ${t.entity}`;
    case "rename":
      return `${t.entity}: “${t.previous}” shown as “${t.caption}”`;
    case "accept":
    case "reject":
      return `claim ${t.claim}`;
    case "confirm":
    case "dismiss":
      return `${t.entity} as list entry ${t.entry}`;
    case "undo":
      return `decision ${t.decision}`;
  }
}

/** Composes the report of an investigation, each section showing its first rows. */
export function composeReport(inv: Investigation): ComposedReport {
  const network = inv.network;
  const notes = new Footnotes(network.getAttribute("sources"));
  const blocks: Block[] = [];
  const caption = (id: string) => network.getNodeAttribute(id, "caption");
  const limits = inv.limits;
  const cutOf = new Map<string, Cut>(inv.cuts.map((c) => [c.section, c]));
  const heading = (level: 1 | 2 | 3, text: string, id = anchorOf(text)) =>
    blocks.push({ kind: "heading", level, text, id });
  const paragraph = (...inlines: Inline[]) => blocks.push({ kind: "paragraph", inlines });
  /** "… 1,234 more in sanctioned.csv." after a cut section. */
  const rest = (section: string, what: string) => {
    const cut = cutOf.get(section);
    if (cut?.export)
      paragraph(`${(cut.total - cut.shown).toLocaleString("en")} more ${what} in ${cut.export}.`);
  };
  const pathInlines = (hops: Hop[]): Inline[] => {
    const out: Inline[] = [{ strong: hops[0].fromCaption }];
    for (const h of hops) {
      const label = PREDICATES[h.predicate].label;
      out.push(h.forward ? ` —${label}→ ` : ` ←${label}— `, { strong: h.toCaption }, " ", {
        cite: notes.cite(h),
      });
      out.push(` (${CERTAINTIES[h.certainty].label}, ${plural(h.sourceCount, "origin")})`);
      if (h.afterListing) out.push(" ", { warn: "dated after a listing" });
    }
    return out;
  };
  const linkInlines = (link: Link, cites = 3): Inline[] => {
    const d = link.data;
    const out: Inline[] = [
      { strong: caption(link.subjectId) },
      ` ${PREDICATES[d.predicate].label} `,
      { strong: caption(link.objectId) },
      " ",
      ...d.evidence.slice(0, cites).map((e) => ({ cite: notes.cite(e) })),
      ` (${plural(d.claimCount, "claim")}, ${plural(d.documentCount, "document")}, ${plural(d.sourceCount, "origin")}, ${CERTAINTIES[d.certainty].label})`,
    ];
    if (d.afterListing.length > 0) out.push(" ", { warn: "dated after a listing" });
    return out;
  };

  // The first screen: what the case is, what was found, and where each finding is.
  heading(1, inv.title, "top");
  const c = inv.counts;
  paragraph(
    `Generated ${inv.generatedAt}. ${plural(c.sources, "source")}, ${plural(c.entities, "entity", "entities")}, ${plural(c.claims, "claim")} (${c.rejected} rejected, ${c.filteredOut} outside the period), ${plural(c.links, "link")}.`,
    inv.filter?.asOf ? ` Claims as of ${inv.filter.asOf}.` : "",
    inv.filter?.between ? ` Claims between ${inv.filter.between[0]} and ${inv.filter.between[1]}.` : "",
  );
  heading(2, "The case in brief");
  const exposed = inv.sanctioned.filter((s) => s.exposedBy > 0);
  const brief: Inline[][] = [
    [
      { strong: plural(inv.sanctioned.length, "sanctioned party", "sanctioned parties") },
      ` matched to list entries; unsanctioned parties have exposure paths to ${plural(exposed.length, "of them", "of them")}`,
      ...exposed
        .slice(0, FIRST_SCREEN)
        .flatMap((s, i): Inline[] => [
          i === 0 ? ", most to " : ", ",
          { strong: s.entity.caption },
          ` (${s.exposedBy})`,
        ]),
      ".",
    ],
    [
      { strong: plural(inv.candidates.length, "designation candidate") },
      " (unsanctioned parties with sourced ties to sanctioned ones)",
      ...inv.candidates
        .slice(0, FIRST_SCREEN)
        .flatMap((cand, i): Inline[] => [
          i === 0 ? "; the strongest: " : ", ",
          { strong: cand.entity.caption },
          ` (${fmt(cand.score)})`,
        ]),
      ".",
    ],
    [
      { strong: plural(inv.paths.length, "entity", "entities") },
      " with an exposure path to a sanctioned party",
      ...(inv.paths[0] ? ["; the strongest: ", ...pathInlines(inv.paths[0].hops)] : []),
      ".",
    ],
  ];
  if (inv.intermediaries[0]) {
    brief.push([
      "Main intermediary: ",
      { strong: inv.intermediaries[0].entity.caption },
      ` (of ${plural(inv.intermediaries.length, "intermediary", "intermediaries")}).`,
    ]);
  }
  brief.push([afterListingLine(inv)]);
  brief.push([
    { strong: plural(inv.weakSpots.length, "weak spot") },
    " (links the findings rely on that rest on one origin, on hedged certainty, or that a party denies, and links whose types contradict their predicate).",
  ]);
  blocks.push({ kind: "list", items: brief });

  // The contents: every section with its count and, when cut, the export holding every row.
  const sections: Array<[string, string, number | null, string | null]> = [
    ["Sanctioned parties", "sanctioned parties", inv.sanctioned.length, null],
    ["Designation candidates", "candidates", inv.candidates.length, null],
    ["Exposure paths", "exposure paths", inv.paths.length, null],
    ["Links dated after a listing", "links dated after a listing", inv.afterListing.length, null],
    ["Intermediaries", "intermediaries", inv.intermediaries.length, null],
    ["Focal points", "focal points", inv.focalPoints.length, null],
    ["Weak spots", "weak spots", inv.weakSpots.length, null],
    ["Analyst decisions", "analyst decisions", inv.decisions.length, null],
    ["Network", "network picture", null, `${inv.picture.nodes.length} entities drawn`],
    ["Timeline", "timeline", inv.timeline.length, null],
    ["Sources", "sources", inv.sources.length, null],
    ["Notes", "", null, "the quote and source behind every reference"],
  ];
  blocks.push({
    kind: "contents",
    entries: sections.map(([text, section, total, detail]) => {
      const cut = cutOf.get(section);
      const count = total === null ? "" : `${total.toLocaleString("en")}`;
      const shown = cut?.export ? ` (first ${cut.shown} here, all in ${cut.export})` : "";
      return { id: anchorOf(text), text, detail: detail ?? `${count}${shown}` };
    }),
  });

  heading(2, "Sanctioned parties");
  if (inv.sanctioned.length === 0) paragraph("No party of the case matched a list entry.");
  else {
    paragraph(
      `Parties matched to list entries, those that unsanctioned parties have exposure paths to first (${exposed.length} of ${inv.sanctioned.length}), most exposed first.`,
    );
    blocks.push({
      kind: "table",
      head: ["Party", "List entries", "Exposed parties", "Strongest path to it"],
      rows: inv.sanctioned.slice(0, limits.sanctioned).map((s) => [
        [{ strong: s.entity.caption }, ` (${s.entity.type})`],
        s.listings
          .slice(0, 3)
          .flatMap((l, i): Inline[] => [
            i > 0 ? "; " : "",
            `${l.authority.toUpperCase()} ${l.list} ${l.authorityId}${l.programs.length ? ` [${l.programs.join(", ")}]` : ""}${l.listingDate ? `, listed ${l.listingDate}` : ""}, score ${fmt(l.score)} `,
            { cite: notes.citeListing(s.entity.caption, l) },
          ])
          .concat(s.listings.length > 3 ? [`; ${s.listings.length - 3} more`] : []),
        [String(s.exposedBy)],
        s.strongest ? pathInlines(s.strongest.hops) : ["—"],
      ]),
    });
    rest("sanctioned parties", "sanctioned parties");
  }

  heading(2, "Designation candidates");
  if (inv.candidates.length === 0) paragraph("No unsanctioned party has a sourced tie to a sanctioned one.");
  else
    paragraph(
      "Unsanctioned parties with sourced ties to sanctioned ones, strongest first, each with its best ties.",
    );
  for (const cand of inv.candidates.slice(0, limits.candidates)) {
    heading(3, cand.entity.caption, `candidate-${cand.entity.id}`);
    paragraph(
      `${cand.entity.type}${cand.entity.country ? `, ${cand.entity.country.toUpperCase()}` : ""}. Score ${fmt(cand.score)}; tied to ${plural(cand.ties, "sanctioned party", "sanctioned parties")}; ${cand.corroborated ? "its best tie is corroborated by independent origins at every link" : "its best tie rests on a single origin at some link"}; the ties rest on ${evidenceCount(cand)}.`,
    );
    blocks.push({ kind: "list", items: cand.paths.slice(0, limits.candidatePaths).map(pathInlines) });
    if (cand.paths.length > limits.candidatePaths)
      paragraph(`${plural(cand.paths.length - limits.candidatePaths, "more tie")} in candidates.csv.`);
  }
  rest("candidates", "candidates");

  heading(2, "Exposure paths");
  paragraph(
    "The best path of each exposed entity to a sanctioned party, ranked by its weakest link's evidence strength.",
  );
  if (inv.paths.length > 0) {
    blocks.push({
      kind: "table",
      head: ["#", "Strength", "Hops", "Path"],
      rows: inv.paths
        .slice(0, limits.paths)
        .map((p, i) => [[String(i + 1)], [fmt(p.score)], [String(p.hops.length)], pathInlines(p.hops)]),
    });
  }
  rest("exposure paths", "exposure paths");

  heading(2, "Links dated after a listing");
  if (inv.afterListing.length === 0) paragraph(afterListingLine(inv));
  else {
    paragraph("Supplies and payments whose period ends after a party's listing date, strongest first.");
    blocks.push({
      kind: "list",
      items: inv.afterListing.slice(0, limits.afterListing).map((l) => linkInlines(l)),
    });
    rest("links dated after a listing", "such links (after_listing yes)");
  }

  heading(2, "Intermediaries");
  paragraph("Entities on shortest supply, payment and agency flows from suppliers to sanctioned buyers.");
  if (inv.intermediaries.length > 0) {
    blocks.push({
      kind: "table",
      head: ["Entity", "Flows", "Suppliers", "Links"],
      rows: inv.intermediaries.slice(0, limits.intermediaries).map((m) => {
        const links: Inline[] = [];
        let shown = 0;
        network.forEachEdge(m.entity.id, (key, data, subjectId, objectId) => {
          if (shown >= LINKS_PER_INTERMEDIARY || data.claimCount === 0 || !FLOWS.has(data.predicate)) return;
          if (shown++ > 0) links.push("; ");
          links.push(...linkInlines({ key, subjectId, objectId, data }, 1));
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
  rest("intermediaries", "intermediaries");

  heading(2, "Focal points");
  paragraph("The most connected parties (PageRank over links weighted by evidence strength).");
  blocks.push({
    kind: "table",
    head: ["Entity", "Type", "Linked entities", "Weighted degree", "PageRank"],
    rows: inv.focalPoints
      .slice(0, limits.focalPoints)
      .map((f) => [
        [{ strong: f.entity.caption }, f.sanctioned ? " (sanctioned)" : ""],
        [f.type],
        [String(f.degree)],
        [fmt(f.weightedDegree)],
        [fmt(f.pagerank, 4)],
      ]),
  });
  rest("focal points", "entities");

  heading(2, "Weak spots");
  paragraph(
    "Links the findings above rely on that rest on one origin, on hedged or weaker certainty, or that a party denies, those most relied on first; then links whose parties' types their predicate cannot join (a body “member of” a person, a place that supplies), a misread direction or type never followed in the findings.",
  );
  if (inv.weakSpots.length === 0)
    paragraph(
      "None: every link relied on has two or more independent origins at reported certainty or better, and no link contradicts its types.",
    );
  else {
    blocks.push({
      kind: "list",
      items: inv.weakSpots.slice(0, limits.weakSpots).map((w) => {
        const out = linkInlines(w.link, 1);
        out.push(" — ", { warn: w.reasons.join(", ") });
        if (w.reliedOn > 0) out.push(` (relied on by ${plural(w.reliedOn, "finding")})`);
        for (const denial of w.link.data.denials.slice(0, 1)) out.push(" ", { cite: notes.cite(denial) });
        return out;
      }),
    });
    rest("weak spots", "weak spots (weak_spot column)");
  }

  heading(2, "Analyst decisions");
  if (inv.decisions.length === 0) paragraph("No analyst decision: every finding is as Skein read it.");
  else {
    const people = [...new Set(inv.decisions.map((d) => d.by))];
    const undone = inv.decisions.filter((d) => d.supersededBy !== null).length;
    paragraph(
      `${plural(inv.decisions.length, "decision")} by ${people.join(", ")}${undone ? `, ${undone} of them undone` : ""}; newest first${inv.decisions.length > limits.decisions ? `, the first ${limits.decisions} (all with \`skein decisions\`)` : ""}.`,
    );
    blocks.push({
      kind: "table",
      head: ["#", "When", "Who", "Decision", "On", "Why"],
      rows: [...inv.decisions]
        .reverse()
        .slice(0, limits.decisions)
        .map((d) => [
          [String(d.id)],
          [d.at.slice(0, 16).replace("T", " ")],
          [d.by],
          [d.supersededBy === null ? d.action : `${d.action} (undone by ${d.supersededBy})`],
          [decisionTarget(d)],
          [d.why ?? ""],
        ]),
    });
  }

  heading(2, "Network");
  blocks.push({ kind: "picture" });

  heading(2, "Timeline");
  if (inv.timeline.length === 0) paragraph("No dated claims or listings.");
  else {
    const parties = new Set<string>([
      ...inv.sanctioned.slice(0, limits.sanctioned).map((s) => s.entity.id),
      ...inv.candidates.slice(0, limits.candidates).map((cand) => cand.entity.id),
      ...inv.paths.slice(0, limits.paths).flatMap((p) => p.hops.map((h) => h.to).concat(p.from)),
    ]);
    const involves = (event: TimelineEvent) =>
      event.kind === "listing"
        ? parties.has(event.entity.id)
        : event.afterListing || parties.has(event.link.subjectId) || parties.has(event.link.objectId);
    const relevant = inv.timeline.filter(involves);
    paragraph(
      `Dated claims and listings of the parties above (${relevant.length.toLocaleString("en")} of ${plural(inv.timeline.length, "event")}), in date order${relevant.length > limits.timeline ? `; the first ${limits.timeline}` : ""}. Every event is in timeline.csv.`,
    );
    blocks.push({
      kind: "list",
      items: relevant.slice(0, limits.timeline).map((event): Inline[] => {
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

  heading(2, "Sources");
  paragraph("The sources the case takes most claims from first.");
  blocks.push({ kind: "sources", sources: inv.sources.slice(0, limits.sources) });
  rest("sources", "sources");
  heading(2, "Notes");
  blocks.push({ kind: "notes" });
  return { blocks, notes: notes.notes };
}
