// The graph explorer. It never loads the whole network: it opens on what was asked for — an entity's
// neighbourhood (?focus=), the exposure paths of an entity (?paths=) or of the case (?exposure=1), a search
// result (?q=), one community (?community=) — or on the case overview, its communities drawn as clusters
// with their best-connected members. Expanding an entity fetches its neighbours; the layout runs in a web
// worker; filters by predicate and certainty only change what is drawn; the address keeps the view, the
// expansions and the selection.
import { useEffect, useMemo, useRef, useState } from "react";
import {
  type AnalysisAnswer,
  type Communities,
  type Community,
  type ExposurePath,
  getJson,
  postJson,
  type Subgraph,
  type SubgraphEdge,
  type SubgraphNode,
} from "../api";
import {
  CertaintyBadge,
  EntityLink,
  ErrorNote,
  evidenceHref,
  Loading,
  SanctionedBadge,
  useLoad,
} from "../components";
import { type CanvasEdge, type CanvasNode, GraphCanvas } from "../graph-canvas";
import { href, setQuery } from "../router";
import { useVocabulary } from "../vocabulary";
import { PathList } from "./entity-page";

interface Candidate {
  entity: { id: string; caption: string };
  score: number;
}

/** Entities added per expansion, and most entities drawn at once. */
const EXPAND_STEP = 60;
const MAX_SHOWN = 1500;
/** Links listed beside the selected entity before "more". */
const LINKS_LISTED = 25;
const COMMUNITY_COLOUR = "#7c8798";
const PATH_COLOUR = "#d62728";

/** What the page shows, read from the address. */
interface View {
  kind: "overview" | "focus" | "paths" | "exposure" | "search" | "community";
  arg: string | null;
  hops: number;
}

function viewOf(query: URLSearchParams): View {
  const hops = Math.min(3, Math.max(1, Number(query.get("hops")) || 1));
  for (const kind of ["focus", "paths", "community"] as const) {
    const arg = query.get(kind);
    if (arg) return { kind, arg, hops };
  }
  if (query.get("q")) return { kind: "search", arg: query.get("q"), hops };
  if (query.get("exposure")) return { kind: "exposure", arg: null, hops };
  return { kind: "overview", arg: null, hops };
}

/** The request answering a view. */
async function loadView(view: View, asOf: string | undefined): Promise<Subgraph | Communities> {
  const answer = <T,>(path: string, query: Record<string, string | number | undefined>) =>
    getJson<AnalysisAnswer<T>>(path, { ...query, asOf }).then((a) => a.result);
  switch (view.kind) {
    case "overview":
      return answer<Communities>("/api/graph/communities", {});
    case "focus":
      return answer<Subgraph>("/api/graph/neighbourhood", { entity: view.arg!, hops: view.hops, limit: 200 });
    case "paths":
      return answer<Subgraph>("/api/graph/exposure", { from: view.arg!, limit: 40 });
    case "exposure":
      return answer<Subgraph>("/api/graph/exposure", { limit: 60 });
    case "community":
      return answer<Subgraph>("/api/graph/subgraph", { community: view.arg!, limit: 250 });
    case "search": {
      const found = await getJson<{ entities: Array<{ id: string }> }>("/api/search", {
        q: view.arg!,
        limit: 100,
      });
      if (found.entities.length === 0) return { nodes: [], edges: [], truncated: false };
      return answer<Subgraph>("/api/graph/subgraph", { entities: found.entities.map((e) => e.id).join(",") });
    }
  }
}

const isOverview = (data: Subgraph | Communities): data is Communities => "communities" in data;

/** The graph explorer; `query` is the address's query. */
export function GraphPage({ query }: { query: URLSearchParams }) {
  const vocabulary = useVocabulary();
  const { colourOf, predicateLabel, certaintyRank } = vocabulary;
  const view = useMemo(() => viewOf(query), [query]);
  const asOf = query.get("asOf") ? `${query.get("asOf")}-12-31` : undefined;
  const data = useLoad(() => loadView(view, asOf), [view.kind, view.arg, view.hops, asOf]);
  const periods = useLoad(() => getJson<{ years: Array<{ period: string }> }>("/api/timeline"), []);
  const candidates = useLoad(
    () => getJson<{ result: Candidate[] }>("/api/graph/candidates", { asOf, limit: 200 }),
    [asOf],
  );
  const paths = useLoad(
    () =>
      view.kind === "overview"
        ? getJson<{ result: ExposurePath[] }>("/api/graph/paths", { asOf, limit: 10 })
        : Promise.resolve(null),
    [view.kind, asOf],
  );
  const [predicates, setPredicates] = useState<Set<string>>(
    () => new Set(vocabulary.vocabulary.predicates.map((p) => p.name)),
  );
  const [minCertainty, setMinCertainty] = useState(0);
  const [selected, setSelected] = useState<string | null>(query.get("selected") ?? view.arg);
  const [drawError, setDrawError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(0);
  const [laidOut, setLaidOut] = useState(false);
  // Entities and links by id, as last fetched: the side panel reads them.
  const entities = useRef(new Map<string, SubgraphNode>());
  const links = useRef(new Map<string, SubgraphEdge>());
  const container = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<GraphCanvas | null>(null);
  const candidateIds = useMemo(
    () => new Set((candidates.data?.result ?? []).map((c) => c.entity.id)),
    [candidates.data],
  );

  const nodeOf = (n: SubgraphNode): CanvasNode => {
    const mark = n.sanctioned ? " [SANCTIONED]" : candidateIds.has(n.id) ? " [candidate]" : "";
    return {
      id: n.id,
      label: `${n.caption}${mark}`,
      size: Math.min(16, 3 + 1.6 * Math.log2(1 + n.degree)) + (n.sanctioned ? 2 : 0),
      color: colourOf(n.type),
      key: mark !== "",
    };
  };
  const edgeOf = (e: SubgraphEdge): CanvasEdge => ({
    key: e.key,
    source: e.subjectId,
    target: e.objectId,
    label: `${predicateLabel(e.predicate)} (${e.certainty}, ${e.sourceCount} source${e.sourceCount === 1 ? "" : "s"})`,
    size: 1 + Math.min(3, e.sourceCount),
    directed: vocabulary.vocabulary.predicates.find((p) => p.name === e.predicate)?.directed ?? true,
    predicate: e.predicate,
    certaintyRank: certaintyRank(e.certainty),
  });
  const remember = (sub: Subgraph) => {
    for (const n of sub.nodes) entities.current.set(n.id, n);
    for (const e of sub.edges) links.current.set(e.key, e);
  };

  /** Selects an entity or a community; the address keeps it. */
  const choose = (id: string | null) => {
    setSelected(id);
    setQuery({ selected: id ?? undefined }, { replace: true });
  };

  // The canvas lives as long as the page (a new view is a new page).
  useEffect(() => {
    if (!container.current) return;
    try {
      canvas.current = new GraphCanvas(container.current, {
        select: choose,
        open: (id) => {
          const kind = view.kind === "overview" ? "community" : "focus";
          window.location.hash = href("graph", null, { [kind]: id, asOf: query.get("asOf") ?? undefined });
        },
      });
    } catch (e) {
      setDrawError(
        `The network cannot be drawn here (${e instanceof Error ? e.message : String(e)}); the lists beside it still work.`,
      );
    }
    return () => {
      canvas.current?.kill();
      canvas.current = null;
    };
  }, []);

  // Draw what the view asks for, then replay the expansions the address keeps.
  useEffect(() => {
    const c = canvas.current;
    const d = data.data;
    if (!c || !d) return;
    entities.current.clear();
    links.current.clear();
    if (isOverview(d)) {
      const nodes = d.communities.map((community) => communityNode(community, colourOf));
      const edges = d.links.map(
        (l): CanvasEdge => ({
          key: `${l.source}|${l.target}`,
          source: l.source,
          target: l.target,
          label: `${l.links} tie${l.links === 1 ? "" : "s"} (${l.exposure} exposure)`,
          size: Math.min(6, 1 + Math.log2(l.links)),
          directed: false,
          predicate: null,
          certaintyRank: 0,
        }),
      );
      c.afterRender(() => setDrawn((n) => n + 1));
      c.replace(nodes, edges, null, false);
      setLaidOut(true);
      return;
    }
    remember(d);
    c.markPaths(new Set(d.pathEdges ?? []));
    c.afterRender(() => setDrawn((n) => n + 1));
    let live = true;
    c.replace(d.nodes.map(nodeOf), d.edges.map(edgeOf), view.arg, true).then(async () => {
      setLaidOut(true);
      for (const id of (query.get("expand") ?? "").split(",").filter(Boolean)) {
        if (!live) return;
        await expand(id, false);
      }
    });
    return () => {
      live = false;
    };
  }, [data.data]);

  // An address naming another selection (typed, pasted, or a link on this page) selects it.
  const addressed = query.get("selected");
  useEffect(() => {
    if (addressed) setSelected(addressed);
  }, [addressed]);
  useEffect(() => canvas.current?.select(selected), [selected, drawn]);
  useEffect(
    () =>
      canvas.current?.filter(
        predicates.size === vocabulary.vocabulary.predicates.length ? null : predicates,
        minCertainty,
      ),
    [predicates, minCertainty],
  );

  /** Adds an entity's next neighbours and the links among everything drawn. */
  async function expand(id: string, record = true) {
    const c = canvas.current;
    if (!c?.graph.hasNode(id)) return;
    setBusy(`Expanding ${entities.current.get(id)?.caption ?? id}…`);
    try {
      const shown = c.graph.neighbors(id).length;
      const around = await getJson<AnalysisAnswer<Subgraph>>("/api/graph/neighbourhood", {
        entity: id,
        hops: 1,
        limit: Math.min(2000, shown + 1 + EXPAND_STEP),
        asOf,
      });
      const room = Math.max(0, MAX_SHOWN - c.graph.order);
      const added = around.result.nodes.filter((n) => !c.graph.hasNode(n.id)).slice(0, room);
      const all = await postJson<AnalysisAnswer<Subgraph>>("/api/graph/subgraph", {
        entities: [...c.graph.nodes(), ...added.map((n) => n.id)],
        ...(asOf ? { asOf } : {}),
      });
      remember(all.result);
      await c.merge(all.result.nodes.map(nodeOf), all.result.edges.map(edgeOf), id);
      if (record) {
        const kept = new Set(
          (new URLSearchParams(window.location.hash.split("?")[1] ?? "").get("expand") ?? "")
            .split(",")
            .filter(Boolean),
        );
        kept.add(id);
        setQuery({ expand: [...kept].join(",") }, { replace: true });
      }
      setBusy(added.length === 0 && room === 0 ? `At most ${MAX_SHOWN} entities are drawn at once.` : null);
      setDrawn((n) => n + 1);
    } catch (e) {
      setBusy(e instanceof Error ? e.message : String(e));
    }
  }

  if (data.error) return <ErrorNote error={data.error} />;
  const d = data.data;
  const years = periods.data?.years.map((y) => Number(y.period)) ?? [];
  const community = d && isOverview(d) ? d.communities.find((c) => c.id === selected) : undefined;
  const entity = selected ? entities.current.get(selected) : undefined;
  const entityLinks = entity
    ? [...links.current.values()].filter((e) => e.subjectId === entity.id || e.objectId === entity.id)
    : [];
  const captionOf = (id: string) => entities.current.get(id)?.caption ?? id;
  const shownCount = canvas.current?.graph.order ?? 0;

  return (
    <div className="graph-page">
      <aside className="filters">
        <h2>Show</h2>
        <ul className="plain views">
          <li>
            <a href={href("graph", null, {})}>Case overview (communities)</a>
          </li>
          <li>
            <a href={href("graph", null, { exposure: 1 })}>Exposure paths of the case</a>
          </li>
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const text = new FormData(e.currentTarget).get("q");
            if (typeof text === "string" && text.trim())
              window.location.hash = href("graph", null, { q: text.trim() });
          }}
        >
          <input
            name="q"
            type="search"
            placeholder="entities named…"
            aria-label="graph search"
            defaultValue={view.kind === "search" ? (view.arg ?? "") : ""}
          />
        </form>
        <h2>Filters</h2>
        <fieldset>
          <legend>Predicates</legend>
          {vocabulary.vocabulary.predicates.map((p) => (
            <label key={p.name} className="check">
              <input
                type="checkbox"
                checked={predicates.has(p.name)}
                onChange={(e) => {
                  const next = new Set(predicates);
                  if (e.target.checked) next.add(p.name);
                  else next.delete(p.name);
                  setPredicates(next);
                }}
              />{" "}
              {p.label}
            </label>
          ))}
        </fieldset>
        <label>
          Certainty at least{" "}
          <select
            value={minCertainty}
            onChange={(e) => setMinCertainty(Number(e.target.value))}
            aria-label="minimum certainty"
          >
            {/* The lowest rank is a denial: "at least denied" means any link, so it reads so. */}
            <option value={0}>any</option>
            {[...vocabulary.vocabulary.certainties]
              .filter((c) => c.rank > 0)
              .sort((a, b) => a.rank - b.rank)
              .map((c) => (
                <option key={c.name} value={c.rank}>
                  {c.label}
                </option>
              ))}
          </select>
        </label>
        {years.length > 0 ? (
          <div className="time">
            <label>
              As of {query.get("asOf") ?? "all time"}
              <input
                type="range"
                min={Math.min(...years)}
                max={Math.max(...years) + 1}
                defaultValue={Number(query.get("asOf")) || Math.max(...years) + 1}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  setQuery({
                    asOf: v > Math.max(...years) ? undefined : v,
                    expand: undefined,
                    selected: undefined,
                  });
                }}
                aria-label="as of year"
              />
            </label>
          </div>
        ) : null}
      </aside>
      <div className="canvas-wrap">
        <p className="view-title" data-view={view.kind}>
          {d ? describeView(view, d, shownCount, captionOf) : <Loading what="graph" />}
        </p>
        <div
          ref={container}
          className="sigma"
          data-testid="graph-canvas"
          data-drawn={drawn > 0 ? "yes" : "no"}
          data-layout={laidOut ? "done" : "running"}
          data-selected={selected ?? ""}
          data-nodes={shownCount}
        />
        <ul className="plain legend" aria-label="legend">
          {vocabulary.vocabulary.entityTypes.map((t) => (
            <li key={t.name}>
              <span className="swatch" style={{ background: t.colour }} /> {t.label}
            </li>
          ))}
          <li>
            <span className="swatch" style={{ background: PATH_COLOUR }} /> exposure path
          </li>
          <li>[SANCTIONED] listed party · [candidate] designation candidate (larger dots)</li>
          <li>Overview: one dot per community, sized by its members, coloured by its most common type</li>
        </ul>
        <ErrorNote error={drawError} />
        {busy ? <p className="muted">{busy}</p> : null}
        <p className="muted">
          Click to select, double-click to open; labels show as you zoom in; hover a link to read it.
        </p>
      </div>
      <aside className="details">
        {community ? (
          <CommunityDetails community={community} />
        ) : entity ? (
          <div className="selected" data-selected={entity.id}>
            <h2>
              <EntityLink id={entity.id} caption={entity.caption} />{" "}
              {entity.sanctioned ? <SanctionedBadge /> : null}
              {candidateIds.has(entity.id) ? <span className="badge candidate">candidate</span> : null}
            </h2>
            <p className="muted">
              {entity.degree} linked entities,{" "}
              {Math.max(0, entity.degree - (canvas.current?.graph.neighbors(entity.id).length ?? 0))} not
              drawn · <a href={href("graph", null, { focus: entity.id })}>its neighbourhood</a> ·{" "}
              <a href={href("graph", null, { paths: entity.id })}>its exposure paths</a>
            </p>
            <button
              type="button"
              onClick={() => expand(entity.id)}
              disabled={entity.degree <= (canvas.current?.graph.neighbors(entity.id).length ?? 0)}
            >
              Expand neighbours
            </button>
            <ul className="plain links">
              {entityLinks.slice(0, LINKS_LISTED).map((e) => (
                <li key={e.key}>
                  {captionOf(e.subjectId)} <strong>{predicateLabel(e.predicate)}</strong>{" "}
                  {captionOf(e.objectId)} <CertaintyBadge certainty={e.certainty} />{" "}
                  {e.evidence ? (
                    <a
                      href={evidenceHref(
                        e.evidence.sourceId,
                        e.evidence.start,
                        e.evidence.end,
                        e.evidence.claimId,
                      )}
                      title={e.evidence.quote}
                    >
                      evidence
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
            {entityLinks.length > LINKS_LISTED ? (
              <p className="muted">
                {entityLinks.length - LINKS_LISTED} more links drawn; all on its{" "}
                <EntityLink id={entity.id} caption="entity page" />.
              </p>
            ) : null}
          </div>
        ) : (
          <p className="muted">No entity selected.</p>
        )}
        {d && isOverview(d) ? <CommunityList overview={d} onSelect={choose} /> : null}
        <h2>Designation candidates</h2>
        <ul className="plain candidate-list">
          {(candidates.data?.result ?? []).slice(0, 10).map((c) => (
            <li key={c.entity.id}>
              <a href={href("graph", null, { paths: c.entity.id })}>{c.entity.caption}</a>{" "}
              <span className="muted">{c.score.toFixed(2)}</span>
            </li>
          ))}
        </ul>
        {(candidates.data?.result.length ?? 0) > 10 ? (
          <p className="muted">
            <a href={href("graph", null, { exposure: 1 })}>all exposure paths</a>
          </p>
        ) : null}
        {paths.data ? (
          <>
            <h2>Strongest exposure paths</h2>
            <PathList paths={paths.data.result} />
          </>
        ) : null}
      </aside>
    </div>
  );
}

/** A community as one dot of the overview: sized by members, coloured by its most common type. */
function communityNode(community: Community, colourOf: (type: string) => string): CanvasNode {
  const [type] = Object.entries(community.types).sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  const head = community.top[0]?.caption ?? community.id;
  return {
    id: community.id,
    label: `${head}${community.size > 1 ? ` +${community.size - 1}` : ""}${community.sanctioned ? ` (${community.sanctioned} sanctioned)` : ""}`,
    size: 4 + 1.5 * Math.sqrt(community.size),
    color: type ? colourOf(type) : COMMUNITY_COLOUR,
    key: community.sanctioned > 0,
    x: community.x,
    y: community.y,
  };
}

/** One line saying what the canvas shows and what it leaves out. */
function describeView(
  view: View,
  d: Subgraph | Communities,
  shown: number,
  captionOf: (id: string) => string,
) {
  if (isOverview(d)) {
    const drawn = d.communities.reduce((sum, c) => sum + c.size, 0);
    return `Case overview: ${d.communities.length} communities of ${drawn} entities (of ${d.entities}); ${d.more.communities} smaller communities (${d.more.entities} entities) and ${d.unlinked} entities without ties to another party are not drawn.`;
  }
  const cut = d.truncated ? " (limited: expand an entity to see more)" : "";
  switch (view.kind) {
    case "focus":
      return `Neighbourhood of ${captionOf(view.arg!)} (${view.hops} link${view.hops === 1 ? "" : "s"}): ${shown} entities${cut}.`;
    case "paths":
      return `Exposure paths of ${captionOf(view.arg!)}: ${d.paths ?? 0} of ${d.total ?? 0} paths, ${shown} entities.`;
    case "exposure":
      return `Exposure paths of the case: the ${d.paths ?? 0} strongest of ${d.total ?? 0}, ${shown} entities.`;
    case "community":
      return `Community ${view.arg}: ${shown} entities${cut}.`;
    case "search":
      return `Entities named “${view.arg}”: ${shown}${cut}.`;
    default:
      return "";
  }
}

function CommunityDetails({ community }: { community: Community }) {
  return (
    <div className="selected" data-selected={community.id}>
      <h2>
        Community {community.id}: {community.size} entities
      </h2>
      <p className="muted">
        {community.sanctioned} sanctioned · {community.links} ties inside ·{" "}
        {Object.entries(community.types)
          .map(([type, n]) => `${n} ${type}`)
          .join(", ")}
      </p>
      <a href={href("graph", null, { community: community.id })} className="open-community">
        Open this community
      </a>
      <ul className="plain">
        {community.top.map((m) => (
          <li key={m.id}>
            <a href={href("graph", null, { focus: m.id })}>{m.caption}</a>{" "}
            {m.sanctioned ? <SanctionedBadge /> : null} <span className="muted">{m.degree} links</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The overview's biggest communities as a list (the same as the dots, for reading and keyboard use). */
function CommunityList({ overview, onSelect }: { overview: Communities; onSelect: (id: string) => void }) {
  return (
    <>
      <h2>Biggest communities</h2>
      <ul className="plain community-list">
        {overview.communities.slice(0, 15).map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => onSelect(c.id)}>
              {c.top[0]?.caption ?? c.id}
            </button>{" "}
            <span className="muted">
              {c.size} entities, {c.sanctioned} sanctioned ·{" "}
            </span>
            <a href={href("graph", null, { community: c.id })}>open</a>
          </li>
        ))}
      </ul>
    </>
  );
}
