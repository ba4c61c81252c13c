// The evidence viewer: a source's text with the quoted span highlighted and scrolled into view, the other
// claims' spans marked around it, and those claims listed. The text is rendered as text, never as HTML.
import { useEffect, useRef } from "react";
import { type Claim, getJson, type Page, type Source } from "../api";
import { ClaimRow, ErrorNote, Loading, Pager, Section, useLoad } from "../components";
import { pageOf, safeUrl } from "../router";

/** Claims listed per page below the text (every claim's span is marked in the text). */
const CLAIMS_PER_PAGE = 20;

interface Piece {
  text: string;
  kind: "plain" | "other" | "focus";
  claim?: string;
}

/** Cuts the text at claim spans: the focused span, other claims' spans, and the plain text between. */
export function piecesOf(
  text: string,
  focus: { start: number; end: number } | null,
  others: Claim[],
): Piece[] {
  const marks = others
    .map((c) => ({ start: c.evidence.start, end: c.evidence.end, claim: c.id }))
    .filter((m) => m.end > m.start && m.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const bounds = new Set<number>([0, text.length]);
  if (focus && focus.end > focus.start) {
    bounds.add(focus.start);
    bounds.add(focus.end);
  }
  for (const m of marks) {
    bounds.add(m.start);
    bounds.add(m.end);
  }
  const cuts = [...bounds].filter((b) => b >= 0 && b <= text.length).sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const inFocus = focus !== null && start >= focus.start && end <= focus.end && focus.end > focus.start;
    const mark = marks.find((m) => start >= m.start && end <= m.end);
    pieces.push({
      text: text.slice(start, end),
      kind: inFocus ? "focus" : mark ? "other" : "plain",
      claim: mark?.claim,
    });
  }
  return pieces;
}

/** The evidence viewer. */
export function EvidencePage({ sourceId, query }: { sourceId: string; query: URLSearchParams }) {
  const claimId = query.get("claim");
  const claimsPage = pageOf(query, "claims");
  const source = useLoad(() => getJson<Source>(`/api/sources/${encodeURIComponent(sourceId)}`), [sourceId]);
  const claims = useLoad(
    () => getJson<Page<Claim>>("/api/claims", { source: sourceId, limit: 1000 }),
    [sourceId],
  );
  const focusRef = useRef<HTMLElement | null>(null);
  const focusClaim = claimId ? claims.data?.items.find((c) => c.id === claimId) : undefined;
  const start = Number(query.get("start") ?? 0);
  const end = Number(query.get("end") ?? 0);
  const focus = focusClaim
    ? { start: focusClaim.evidence.start, end: focusClaim.evidence.end }
    : end > start
      ? { start, end }
      : null;
  useEffect(() => {
    focusRef.current?.scrollIntoView({ block: "center" });
  });
  if (source.error) return <ErrorNote error={source.error} />;
  if (!source.data) return <Loading what="source" />;
  const s = source.data;
  const url = safeUrl(s.url);
  const pieces = piecesOf(s.text, focus, claims.data?.items ?? []);
  let focused = false;
  return (
    <div className="evidence-page">
      <h1>{s.title ?? s.filename ?? s.id.slice(0, 12)}</h1>
      <p className="muted">
        {[
          s.publisher,
          s.author,
          s.published,
          s.kind,
          s.reliability ? `reliability ${s.reliability}` : null,
          s.ingestedBy ? `added by ${s.ingestedBy}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}{" "}
        {url ? (
          <a href={url} rel="noreferrer noopener" target="_blank">
            original
          </a>
        ) : s.url ? (
          <span className="muted">address: {s.url}</span>
        ) : null}
      </p>
      {focusClaim ? (
        <ul className="plain">
          <ClaimRow claim={focusClaim} onDecided={claims.reload} />
        </ul>
      ) : null}
      <div className="source-text" data-testid="source-text">
        {pieces.map((piece, i) => {
          if (piece.kind === "plain") return <span key={i}>{piece.text}</span>;
          const first = piece.kind === "focus" && !focused;
          if (first) focused = true;
          return (
            <mark
              key={i}
              className={piece.kind === "focus" ? "focus" : "other"}
              data-claim={piece.claim}
              ref={
                first
                  ? (el) => {
                      focusRef.current = el;
                    }
                  : undefined
              }
            >
              {piece.text}
            </mark>
          );
        })}
      </div>
      <Section title={`Claims from this source (${claims.data?.total ?? 0})`}>
        <ul className="plain">
          {(claims.data?.items ?? [])
            .slice((claimsPage - 1) * CLAIMS_PER_PAGE, claimsPage * CLAIMS_PER_PAGE)
            .map((c) => (
              <ClaimRow key={c.id} claim={c} onDecided={claims.reload} />
            ))}
        </ul>
        <Pager
          page={claimsPage}
          pageSize={CLAIMS_PER_PAGE}
          total={claims.data?.items.length ?? 0}
          param="claims"
        />
      </Section>
    </div>
  );
}
