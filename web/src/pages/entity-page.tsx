// One entity: names and aliases, list matches with their explanations (confirm/dismiss), claims grouped by
// predicate with counts (the first of each group, then "show more", a page at a time), exposure paths to
// sanctioned parties, and the sources behind it all, those cited most first. Nothing is rendered whole: a
// body named in thousands of claims shows a few of each kind, and the address keeps how many.
import { useState } from "react";
import {
  ApiError,
  type Claim,
  type Entity,
  type ExposurePath,
  getJson,
  type Match,
  type Page,
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
import { href, hrefWith, safeUrl, setQuery } from "../router";
import { useVocabulary } from "../vocabulary";

interface ClaimGroup {
  predicate: string;
  total: number;
  claims: Claim[];
}

interface EntityView {
  entity: Entity;
  matches: Match[];
  claimCount: number;
  claimGroups: ClaimGroup[];
  sourceCount: number;
  sources: Array<SourceMeta & { claimCount: number }>;
}

/** Claims shown per group at first, added by "show more", and names, matches, paths and sources shown. */
const FIRST_CLAIMS = 10;
const MORE_CLAIMS = 25;
const FIRST_NAMES = 20;
const FIRST_MATCHES = 3;
const PATHS_SHOWN = 10;
const FIRST_SOURCES = 20;

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

/** How many claims each predicate group shows, as the address keeps it: `shown=supplies:35,pays:10`. */
function shownOf(query: URLSearchParams): Map<string, number> {
  const shown = new Map<string, number>();
  for (const part of (query.get("shown") ?? "").split(",")) {
    const [predicate, n] = part.split(":");
    if (predicate && Number(n) > 0) shown.set(predicate, Number(n));
  }
  return shown;
}

/**
 * One predicate's claims: the first from the entity's page, the rest fetched a page at a time from
 * /api/claims in the same order; the address keeps how many are shown.
 */
function ClaimGroupList({
  entityId,
  group,
  shown,
  onShown,
  onDecided,
}: {
  entityId: string;
  group: ClaimGroup;
  shown: number;
  onShown: (n: number) => void;
  onDecided: () => void;
}) {
  const { predicateLabel } = useVocabulary();
  const wanted = Math.min(group.total, Math.max(shown, group.claims.length));
  const rest = useLoad(
    () =>
      wanted > group.claims.length
        ? getJson<Page<Claim>>("/api/claims", {
            entity: entityId,
            predicate: group.predicate,
            offset: group.claims.length,
            limit: wanted - group.claims.length,
          })
        : Promise.resolve(null),
    [entityId, group, wanted],
  );
  const claims = [...group.claims, ...(rest.data?.items ?? [])];
  return (
    <div className="predicate-group" data-predicate={group.predicate} data-total={group.total}>
      <h3>
        {predicateLabel(group.predicate)} <span className="muted">({group.total})</span>
      </h3>
      <ul className="plain">
        {claims.map((c) => (
          <ClaimRow key={c.id} claim={c} onDecided={onDecided} />
        ))}
      </ul>
      <ErrorNote error={rest.error} />
      {claims.length < group.total ? (
        <button type="button" className="show-more" onClick={() => onShown(claims.length + MORE_CLAIMS)}>
          Show {Math.min(MORE_CLAIMS, group.total - claims.length)} more of {group.total - claims.length}
        </button>
      ) : null}
    </div>
  );
}

/** The entity page; `query` keeps how much of each list is shown. */
export function EntityPage({ id, query }: { id: string; query: URLSearchParams }) {
  const [shown, setShown] = useState(() => shownOf(query));
  const [allNames, setAllNames] = useState(false);
  const [allMatches, setAllMatches] = useState(false);
  const sourcesShown = Math.max(FIRST_SOURCES, Number(query.get("sources")) || 0);
  const view = useLoad(
    () =>
      getJson<EntityView>(`/api/entities/${encodeURIComponent(id)}`, {
        claims: FIRST_CLAIMS,
        sources: sourcesShown,
      }),
    [id, sourcesShown],
  );
  const paths = useLoad(
    () => getJson<{ result: ExposurePath[] }>("/api/graph/paths", { from: id, limit: PATHS_SHOWN }),
    [id],
  );
  if (view.error) return <ErrorNote error={view.error} />;
  if (!view.data) return <Loading what="entity" />;
  const { entity, matches, claimCount, claimGroups, sourceCount, sources } = view.data;
  const reload = () => {
    view.reload();
    paths.reload();
  };
  const showMore = (predicate: string, n: number) => {
    const next = new Map(shown).set(predicate, n);
    setShown(next);
    setQuery({ shown: [...next].map(([p, k]) => `${p}:${k}`).join(",") }, { replace: true });
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
      <Section title={`Names and aliases (${entity.names.length})`}>
        <ul className="names">
          {(allNames ? entity.names : entity.names.slice(0, FIRST_NAMES)).map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
        {!allNames && entity.names.length > FIRST_NAMES ? (
          <button type="button" className="show-more" onClick={() => setAllNames(true)}>
            Show all {entity.names.length} names
          </button>
        ) : null}
        {Object.entries(entity.identifiers).map(([kind, values]) => (
          <p key={kind} className="muted">
            {kind}: {values.join(", ")}
          </p>
        ))}
      </Section>
      <Section title={`List matches (${matches.length})`}>
        {matches.length === 0 ? <p className="muted">No list entry matched.</p> : null}
        {(allMatches ? matches : matches.slice(0, FIRST_MATCHES)).map((m) => (
          <MatchCard key={m.id} match={m} onDecided={reload} />
        ))}
        {!allMatches && matches.length > FIRST_MATCHES ? (
          <button type="button" className="show-more" onClick={() => setAllMatches(true)}>
            Show {matches.length - FIRST_MATCHES} more matches
          </button>
        ) : null}
      </Section>
      <Section title="Exposure paths to sanctioned parties">
        {paths.data ? (
          paths.data.result.length ? (
            <>
              <PathList paths={paths.data.result} />
              {paths.data.result.length === PATHS_SHOWN ? (
                <p className="muted">
                  The strongest {PATHS_SHOWN};{" "}
                  <a href={href("graph", null, { paths: entity.id })}>all in the graph</a>.
                </p>
              ) : null}
            </>
          ) : (
            <p className="muted">No path to a sanctioned party.</p>
          )
        ) : (
          <ErrorNote error={paths.error} />
        )}
      </Section>
      <Section title={`Claims (${claimCount})`}>
        {claimGroups.map((group) => (
          <ClaimGroupList
            key={group.predicate}
            entityId={entity.id}
            group={group}
            shown={shown.get(group.predicate) ?? FIRST_CLAIMS}
            onShown={(n) => showMore(group.predicate, n)}
            onDecided={reload}
          />
        ))}
      </Section>
      <Section title={`Sources (${sourceCount})`}>
        <ul className="plain">
          {sources.map((s) => {
            const url = safeUrl(s.url);
            return (
              <li key={s.id}>
                <a href={evidenceHref(s.id, 0, 0)}>{s.title ?? s.filename ?? s.id.slice(0, 12)}</a>{" "}
                <span className="muted">
                  {[
                    `${s.claimCount} claim${s.claimCount === 1 ? "" : "s"}`,
                    s.publisher,
                    s.published,
                    s.reliability ? `reliability ${s.reliability}` : null,
                  ]
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
        {sources.length < sourceCount ? (
          <a className="show-more" href={hrefWith({ sources: sources.length + FIRST_SOURCES })}>
            Show {Math.min(FIRST_SOURCES, sourceCount - sources.length)} more of{" "}
            {sourceCount - sources.length}
          </a>
        ) : null}
      </Section>
    </div>
  );
}
