// Citations built from evidence records: each statement in a report points at a numbered note giving
// the exact quote, its source (title, publisher, date, address, character span), who says it and how
// firmly (in the manner of footnoted citations, Chicago Manual of Style ch. 14).
import type { EdgeEvidence, SourceRef } from "../graph/index.js";
import { CERTAINTIES, type Certainty, type Listing } from "../model/index.js";

/** A numbered note: a quote from a source, or a list entry. */
export type Citation =
  | {
      n: number;
      kind: "evidence";
      claimId: string;
      quote: string;
      source: SourceRef | null;
      sourceId: string;
      start: number;
      end: number;
      certainty: Certainty;
      attribution: string | null;
    }
  | { n: number; kind: "listing"; caption: string; listing: Listing };

/** The evidence fields a citation needs (an edge's evidence or a path hop). */
export type Citable = Pick<
  EdgeEvidence,
  "claimId" | "quote" | "sourceId" | "start" | "end" | "certainty" | "attribution"
>;

/** Numbers citations in order of first use; citing the same claim or list entry again reuses its number. */
export class Footnotes {
  readonly #sources: Record<string, SourceRef>;
  readonly #byKey = new Map<string, Citation>();
  readonly #notes: Citation[] = [];

  constructor(sources: Record<string, SourceRef>) {
    this.#sources = sources;
  }

  /** The note number for a claim's evidence (an edge's evidence or a path hop). */
  cite(evidence: Citable): number {
    const key = `c:${evidence.claimId}`;
    const known = this.#byKey.get(key);
    if (known) return known.n;
    const note: Citation = {
      n: this.#notes.length + 1,
      kind: "evidence",
      claimId: evidence.claimId,
      quote: evidence.quote,
      source: this.#sources[evidence.sourceId] ?? null,
      sourceId: evidence.sourceId,
      start: evidence.start,
      end: evidence.end,
      certainty: evidence.certainty,
      attribution: evidence.attribution,
    };
    return this.#add(key, note);
  }

  /** The note number for a list entry of a sanctioned party. */
  citeListing(caption: string, listing: Listing): number {
    const key = `l:${listing.matchId}`;
    const known = this.#byKey.get(key);
    if (known) return known.n;
    return this.#add(key, { n: this.#notes.length + 1, kind: "listing", caption, listing });
  }

  /** Every note, in number order. */
  get notes(): readonly Citation[] {
    return this.#notes;
  }

  #add(key: string, note: Citation): number {
    this.#byKey.set(key, note);
    this.#notes.push(note);
    return note.n;
  }
}

/** The parts of a citation as plain text (escaped by each format): quote, where, how firmly. */
export function describeCitation(note: Citation): {
  quote: string;
  where: string;
  how: string;
  url: string | null;
} {
  if (note.kind === "listing") {
    const l = note.listing;
    return {
      quote: `${note.caption}: ${l.authority.toUpperCase()} ${l.list} entry ${l.authorityId}`,
      where: [
        l.programs.length > 0 ? `programs ${l.programs.join(", ")}` : null,
        l.listingDate ? `listed ${l.listingDate}` : null,
      ]
        .filter(Boolean)
        .join("; "),
      how: `match score ${l.score.toFixed(2)}${l.decision ? `, ${l.decision} by ${l.decidedBy}` : ""}`,
      url: null,
    };
  }
  const s = note.source;
  const title = s?.title ?? s?.filename ?? `source ${note.sourceId.slice(0, 12)}`;
  const where = [title, s?.publisher, s?.published, `characters ${note.start}–${note.end}`]
    .filter(Boolean)
    .join(", ");
  const how = `${CERTAINTIES[note.certainty].label}${note.attribution ? `, according to ${note.attribution}` : ""}`;
  return { quote: note.quote, where, how, url: s?.url ?? null };
}
