// Small shared pieces: badges coloured from the vocabulary, entity links, claim rows with their evidence,
// a hook that loads data, and error display. All text is rendered as text (React escapes it).
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { ApiError, type Claim, type FeatureExplanation, postDecision } from "./api";
import { href, hrefWith } from "./router";
import { useVocabulary } from "./vocabulary";

/** Loads data with `load`, again whenever `deps` change or `reload` is called. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    load()
      .then((value) => live && setData(value))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}

/** An error message from the API, shown as an alert. */
export function ErrorNote({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

/** A placeholder while data loads. */
export function Loading({ what }: { what: string }) {
  return <p className="muted">Loading {what}…</p>;
}

/** An entity type, in its colour from the vocabulary. */
export function TypeBadge({ type }: { type: string }) {
  const { colourOf, typeLabel } = useVocabulary();
  return (
    <span className="badge" style={{ background: colourOf(type) }}>
      {typeLabel(type)}
    </span>
  );
}

/** A certainty level, with its description as the tooltip. */
export function CertaintyBadge({ certainty }: { certainty: string }) {
  const { certaintyOf } = useVocabulary();
  const c = certaintyOf(certainty);
  return (
    <span
      className={`badge certainty certainty-${c?.rank ?? 0}`}
      title={c?.description ?? ""}
      data-certainty={certainty}
    >
      {c?.label ?? certainty}
    </span>
  );
}

/** A review status (proposed, accepted, rejected, confirmed, dismissed). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status status-${status}`}>{status}</span>;
}

/** Marks a listed party. */
export function SanctionedBadge() {
  return <span className="badge sanctioned">sanctioned</span>;
}

/** A link to an entity's page. */
export function EntityLink({ id, caption }: { id: string; caption: string }) {
  return (
    <a href={href("entity", id)} className="entity-link">
      {caption}
    </a>
  );
}

/** The address of the evidence viewer at a span (or a claim) of a source. */
export function evidenceHref(sourceId: string, start: number, end: number, claim?: string) {
  return href("evidence", sourceId, { start, end, claim });
}

/**
 * Records a decision through the API on the version of the record that was shown; errors (409 when someone
 * decided on it meanwhile) are shown by the caller.
 */
export async function decide(body: Record<string, unknown>, version?: number): Promise<void> {
  await postDecision(body, version);
}

/** A claim: subject → predicate → object, certainty, status, attribution, period, its quote and review buttons. */
export function ClaimRow({
  claim,
  onDecided,
  review = true,
  why = "",
}: {
  claim: Claim;
  onDecided?: () => void;
  review?: boolean;
  /** The reason to record with an accept or reject (the review queue's "Why" field). */
  why?: string;
}) {
  const { predicateLabel } = useVocabulary();
  const [error, setError] = useState<string | null>(null);
  const act = (action: "accept" | "reject") =>
    decide({ action, claim: claim.id, ...(why.trim() ? { why: why.trim() } : {}) }, claim.version)
      .then(() => onDecided?.())
      .catch((e: unknown) => {
        setError(e instanceof ApiError ? e.message : String(e));
        // Someone decided meanwhile: show the claim as it is now.
        if (e instanceof ApiError && e.status === 409) onDecided?.();
      });
  return (
    <li className="claim" data-claim={claim.id}>
      <div>
        <EntityLink id={claim.subjectId} caption={claim.subjectCaption} />{" "}
        <strong>{predicateLabel(claim.predicate)}</strong>{" "}
        <EntityLink id={claim.objectId} caption={claim.objectCaption} />{" "}
        <CertaintyBadge certainty={claim.certainty} /> <StatusBadge status={claim.status} />
        {claim.period ? <span className="muted"> · {claim.period.text}</span> : null}
        {claim.amount ? <span className="muted"> · {claim.amount.text}</span> : null}
        {claim.attribution ? <span className="muted"> · per {claim.attribution}</span> : null}
      </div>
      <blockquote>
        “{claim.evidence.quote}”{" "}
        <a
          href={evidenceHref(claim.evidence.sourceId, claim.evidence.start, claim.evidence.end, claim.id)}
          className="evidence-link"
        >
          evidence
        </a>
      </blockquote>
      {review ? (
        <div className="actions">
          <button
            type="button"
            onClick={() => act("accept")}
            disabled={claim.status === "accepted"}
            data-action="accept"
          >
            Accept
          </button>
          <button
            type="button"
            onClick={() => act("reject")}
            disabled={claim.status === "rejected"}
            data-action="reject"
          >
            Reject
          </button>
        </div>
      ) : null}
      <ErrorNote error={error} />
    </li>
  );
}

/** The per-feature explanation of a match score. */
export function Explanation({ explanations }: { explanations: Record<string, FeatureExplanation> }) {
  return (
    <table className="explanation">
      <thead>
        <tr>
          <th>feature</th>
          <th>score</th>
          <th>weight</th>
          <th>compared</th>
          <th>detail</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(explanations).map(([name, e]) => (
          <tr key={name}>
            <td>{name}</td>
            <td>{e.score.toFixed(2)}</td>
            <td>{e.weight}</td>
            <td>
              {e.query ?? "–"} ↔ {e.candidate ?? "–"}
            </td>
            <td>{e.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A titled section of a page. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/**
 * Page links for a long list. The page number lives in the address (`param`), so a reload or a shared link
 * shows the same page. Without a total, `more` says whether a next page exists.
 */
export function Pager({
  page,
  pageSize,
  total,
  more,
  param = "page",
}: {
  page: number;
  pageSize: number;
  total?: number;
  more?: boolean;
  param?: string;
}) {
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / pageSize));
  const hasNext = pages === undefined ? Boolean(more) : page < pages;
  if (page <= 1 && !hasNext) return null;
  const first = (page - 1) * pageSize + 1;
  return (
    <nav className="pager" aria-label="pages" data-param={param} data-page={page}>
      {page > 1 ? (
        <a href={hrefWith({ [param]: page === 2 ? undefined : page - 1 })} rel="prev">
          ‹ previous
        </a>
      ) : null}
      <span className="muted">
        {" "}
        page {page}
        {pages ? ` of ${pages}` : ""}
        {total !== undefined ? ` (${first}–${Math.min(total, page * pageSize)} of ${total})` : ""}{" "}
      </span>
      {hasNext ? (
        <a href={hrefWith({ [param]: page + 1 })} rel="next">
          next ›
        </a>
      ) : null}
    </nav>
  );
}
