// One entity: names and aliases, list matches with their explanations (confirm/dismiss), claims grouped by
// predicate with evidence and certainty, exposure paths to sanctioned parties, and the sources behind it all.
import { useState } from "react";
import {
  ApiError,
  type Claim,
  type Entity,
  type ExposurePath,
  getJson,
  type Match,
  type SourceMeta,
} from "../api";
import {
  CertaintyBadge,
  ClaimRow,
  decide,
  EntityLink,
  ErrorNote,
  Explanation,
  evidenceHref,
  Loading,
  SanctionedBadge,
  Section,
  TypeBadge,
  useLoad,
} from "../components";
import { href, safeUrl } from "../router";
import { useVocabulary } from "../vocabulary";

interface EntityView {
  entity: Entity;
  matches: Match[];
  claims: Claim[];
  sources: SourceMeta[];
}

/** Exposure paths, each hop linking to its evidence; the weakest hop stands out. */
export function PathList({ paths }: { paths: ExposurePath[] }) {
  const { predicateLabel } = useVocabulary();
  return (
    <ol className="paths">
      {paths.map((path, i) => (
        <li key={`${path.from}-${path.to}-${i}`} className="path">
          <span className="muted">weakest link {path.score.toFixed(2)} · </span>
          {path.hops.map((hop, j) => (
            <span key={hop.claimId} className={j === path.weakest ? "hop weakest" : "hop"}>
              {j === 0 ? <EntityLink id={hop.from} caption={hop.fromCaption} /> : null}{" "}
              <a className="hop-link" href={evidenceHref(hop.sourceId, 0, 0, hop.claimId)} title={hop.quote}>
                {hop.forward ? "→" : "←"} {predicateLabel(hop.predicate)} {hop.forward ? "→" : "←"}
              </a>{" "}
              <EntityLink id={hop.to} caption={hop.toCaption} /> <CertaintyBadge certainty={hop.certainty} />
              {hop.afterListing ? <span className="badge sanctioned">after listing</span> : null}
            </span>
          ))}
        </li>
      ))}
    </ol>
  );
}

function MatchCard({ match, onDecided }: { match: Match; onDecided: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const act = (action: "confirm" | "dismiss") =>
    decide({ action, match: match.id }, match.version)
      .then(onDecided)
      .catch((e: unknown) => {
        setError(e instanceof ApiError ? e.message : String(e));
        if (e instanceof ApiError && e.status === 409) onDecided();
      });
  const entry = match.entry;
  return (
    <div className="match" data-match={match.id}>
      <h3>
        {entry?.caption ?? match.entryId}{" "}
        <span className="muted">
          {entry ? `${entry.authority.toUpperCase()} ${entry.list.toUpperCase()} ${entry.authorityId}` : ""} ·
          score {match.score.toFixed(2)}
        </span>{" "}
        {match.decision ? (
          <>
            <span className={`badge status status-${match.decision}`}>{match.decision}</span>{" "}
            <span className="muted" data-testid="decided-by">
              by {match.decidedBy}
            </span>
          </>
        ) : null}
      </h3>
      {entry ? (
        <p className="muted">
          {entry.programs.join(", ")}
          {entry.listingDate ? ` · listed ${entry.listingDate}` : ""}
          {entry.remarks ? ` · ${entry.remarks}` : ""}
        </p>
      ) : null}
      <Explanation explanations={match.explanations} />
      <div className="actions">
        <button type="button" onClick={() => act("confirm")} disabled={match.decision === "confirmed"}>
          Confirm
        </button>
        <button type="button" onClick={() => act("dismiss")} disabled={match.decision === "dismissed"}>
          Dismiss
        </button>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}

/** The entity page. */
export function EntityPage({ id }: { id: string }) {
  const { predicateLabel } = useVocabulary();
  const view = useLoad(() => getJson<EntityView>(`/api/entities/${encodeURIComponent(id)}`), [id]);
  const paths = useLoad(
    () => getJson<{ result: ExposurePath[] }>("/api/graph/paths", { from: id, limit: 20 }),
    [id],
  );
  if (view.error) return <ErrorNote error={view.error} />;
  if (!view.data) return <Loading what="entity" />;
  const { entity, matches, claims, sources } = view.data;
  const byPredicate = new Map<string, Claim[]>();
  for (const claim of claims)
    byPredicate.set(claim.predicate, [...(byPredicate.get(claim.predicate) ?? []), claim]);
  const reload = () => {
    view.reload();
    paths.reload();
  };
  return (
    <div className="entity-page">
      <h1>
        {entity.caption} <TypeBadge type={entity.type} /> {entity.sanctioned ? <SanctionedBadge /> : null}
      </h1>
      <p className="muted">
        {entity.country ? `country ${entity.country} · ` : ""}id {entity.id} ·{" "}
        <a href={href("graph", null, { focus: entity.id })}>show in graph</a> ·{" "}
        <a href={href("timeline", null, { entity: entity.id })}>timeline</a>
      </p>
      <Section title="Names and aliases">
        <ul className="names">
          {entity.names.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
        {Object.entries(entity.identifiers).map(([kind, values]) => (
          <p key={kind} className="muted">
            {kind}: {values.join(", ")}
          </p>
        ))}
      </Section>
      <Section title={`List matches (${matches.length})`}>
        {matches.length === 0 ? <p className="muted">No list entry matched.</p> : null}
        {matches.map((m) => (
          <MatchCard key={m.id} match={m} onDecided={reload} />
        ))}
      </Section>
      <Section title="Exposure paths to sanctioned parties">
        {paths.data ? (
          paths.data.result.length ? (
            <PathList paths={paths.data.result} />
          ) : (
            <p className="muted">No path to a sanctioned party.</p>
          )
        ) : (
          <ErrorNote error={paths.error} />
        )}
      </Section>
      <Section title={`Claims (${claims.length})`}>
        {[...byPredicate.entries()].map(([predicate, list]) => (
          <div key={predicate} className="predicate-group">
            <h3>{predicateLabel(predicate)}</h3>
            <ul className="plain">
              {list.map((c) => (
                <ClaimRow key={c.id} claim={c} onDecided={reload} />
              ))}
            </ul>
          </div>
        ))}
      </Section>
      <Section title={`Sources (${sources.length})`}>
        <ul className="plain">
          {sources.map((s) => {
            const url = safeUrl(s.url);
            return (
              <li key={s.id}>
                <a href={evidenceHref(s.id, 0, 0)}>{s.title ?? s.filename ?? s.id.slice(0, 12)}</a>{" "}
                <span className="muted">
                  {[s.publisher, s.published, s.reliability ? `reliability ${s.reliability}` : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>{" "}
                {url ? (
                  <a href={url} rel="noreferrer noopener" target="_blank">
                    original
                  </a>
                ) : null}
              </li>
            );
          })}
        </ul>
      </Section>
    </div>
  );
}
