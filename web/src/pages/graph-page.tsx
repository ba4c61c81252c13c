// The graph explorer: the case network drawn with sigma over graphology, neighbours expanded on demand,
// filters by predicate, certainty and date, exposure paths to sanctioned parties highlighted, sanctioned
// parties and designation candidates marked (in the drawing and in the side lists).
import Graph from "graphology";
import { circular } from "graphology-layout";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { useEffect, useMemo, useRef, useState } from "react";
import Sigma from "sigma";
import { type ExposurePath, type GraphEdge, type GraphNode, getJson } from "../api";
import {
  CertaintyBadge,
  EntityLink,
  ErrorNote,
  evidenceHref,
  Loading,
  SanctionedBadge,
  useLoad,
} from "../components";
import { href } from "../router";
import { useVocabulary } from "../vocabulary";
import { PathList } from "./entity-page";

interface NetworkJson {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

interface Candidate {
  entity: { id: string; caption: string };
  score: number;
}

const PATH_COLOUR = "#d62728";
const EDGE_COLOUR = "#b0b0b0";

/** Years spanned by the network's dated edges, for the time slider. */
function yearsOf(edges: GraphEdge[]): [number, number] | null {
  const years = edges.flatMap((e) =>
    e.period ? [Number(e.period.start.slice(0, 4)), Number(e.period.end.slice(0, 4))] : [],
  );
  return years.length ? [Math.min(...years), Math.max(...years)] : null;
}

/** The graph explorer; `focus` starts from one entity's neighbours. */
export function GraphPage({ focus }: { focus: string | null }) {
  const { vocabulary, colourOf, predicateLabel, certaintyRank } = useVocabulary();
  const [asOfYear, setAsOfYear] = useState<number | null>(null);
  const asOf = asOfYear ? `${asOfYear}-12-31` : undefined;
  const network = useLoad(() => getJson<NetworkJson>("/api/graph", { asOf }), [asOf]);
  const paths = useLoad(
    () => getJson<{ result: ExposurePath[] }>("/api/graph/paths", { asOf, limit: 200 }),
    [asOf],
  );
  const candidates = useLoad(
    () => getJson<{ result: Candidate[] }>("/api/graph/candidates", { asOf }),
    [asOf],
  );
  const allYears = useLoad(() => getJson<NetworkJson>("/api/graph").then((n) => yearsOf(n.edges)), []);
  const [predicates, setPredicates] = useState<Set<string>>(
    () => new Set(vocabulary.predicates.map((p) => p.name)),
  );
  const [minCertainty, setMinCertainty] = useState(0);
  const [visible, setVisible] = useState<Set<string> | null>(null);
  const [selected, setSelected] = useState<string | null>(focus);
  const [drawError, setDrawError] = useState<string | null>(null);
  const container = useRef<HTMLDivElement | null>(null);
  const rendererRef = useRef<Sigma | null>(null);

  const edges = useMemo(
    () =>
      (network.data?.edges ?? []).filter(
        (e) => predicates.has(e.predicate) && certaintyRank(e.certainty) >= minCertainty,
      ),
    [network.data, predicates, minCertainty, certaintyRank],
  );
  const neighbours = (id: string) => {
    const out = new Set<string>([id]);
    for (const e of edges) {
      if (e.subjectId === id) out.add(e.objectId);
      if (e.objectId === id) out.add(e.subjectId);
    }
    return out;
  };
  // With a focus, start from its neighbourhood; otherwise show every entity.
  useEffect(() => {
    if (!network.data) return;
    setVisible((current) => current ?? (focus ? neighbours(focus) : null));
  }, [network.data, focus]);

  const pathEdges = useMemo(() => {
    const keys = new Set<string>();
    for (const p of paths.data?.result ?? [])
      for (const h of p.hops) keys.add(`${h.subjectId}|${h.predicate}|${h.objectId}`);
    return keys;
  }, [paths.data]);
  const candidateIds = useMemo(
    () => new Set((candidates.data?.result ?? []).map((c) => c.entity.id)),
    [candidates.data],
  );
  const shownNodes = (network.data?.nodes ?? []).filter((n) => !visible || visible.has(n.id));
  const shownIds = new Set(shownNodes.map((n) => n.id));
  const shownEdges = edges.filter((e) => shownIds.has(e.subjectId) && shownIds.has(e.objectId));

  useEffect(() => {
    if (!container.current || !network.data) return;
    const graph = new Graph({ multi: true, type: "directed" });
    // Smaller dots and a wider spread when many entities are shown, so a few hundred stay readable.
    const base = shownNodes.length > 100 ? 4 : 8;
    for (const n of shownNodes) {
      const mark = n.sanctioned ? " [SANCTIONED]" : candidateIds.has(n.id) ? " [candidate]" : "";
      graph.addNode(n.id, {
        label: `${n.caption}${mark}`,
        size: n.sanctioned ? base + 6 : candidateIds.has(n.id) ? base + 3 : base,
        color: colourOf(n.type),
        x: 0,
        y: 0,
      });
    }
    for (const e of shownEdges) {
      const onPath = pathEdges.has(`${e.subjectId}|${e.predicate}|${e.objectId}`);
      const directed = vocabulary.predicates.find((p) => p.name === e.predicate)?.directed ?? true;
      graph.addEdgeWithKey(e.key, e.subjectId, e.objectId, {
        label: `${predicateLabel(e.predicate)} (${e.certainty}, ${e.sourceCount} src)`,
        size: onPath ? 3 : 1 + Math.min(3, e.sourceCount),
        color: onPath ? PATH_COLOUR : EDGE_COLOUR,
        type: directed ? "arrow" : "line",
      });
    }
    circular.assign(graph);
    if (graph.order > 1) {
      const settings = { ...forceAtlas2.inferSettings(graph), scalingRatio: graph.order > 100 ? 20 : 10 };
      forceAtlas2.assign(graph, { iterations: 150, settings });
    }
    let renderer: Sigma | null = null;
    try {
      renderer = new Sigma(graph, container.current, {
        renderEdgeLabels: graph.order <= 60,
        defaultEdgeType: "arrow",
        // Every label on small cases; on a few hundred nodes, sigma's own density culling keeps it readable.
        labelRenderedSizeThreshold: graph.order <= 60 ? 0 : 4,
      });
      renderer.on("clickNode", ({ node }) => setSelected(node));
      rendererRef.current = renderer;
      setDrawError(null);
    } catch (e) {
      setDrawError(
        `The network cannot be drawn here (${e instanceof Error ? e.message : String(e)}); the lists beside it still work.`,
      );
    }
    return () => {
      rendererRef.current = null;
      renderer?.kill();
    };
  }, [network.data, visible, edges, pathEdges, candidateIds]);

  // Selecting an entity highlights it without laying the network out again.
  useEffect(() => {
    const renderer = rendererRef.current;
    if (!renderer) return;
    renderer.setSetting("nodeReducer", (node, data) =>
      node === selected ? { ...data, highlighted: true, size: (data.size ?? 8) + 4 } : data,
    );
    renderer.refresh();
  }, [selected, network.data, visible, edges]);

  if (network.error) return <ErrorNote error={network.error} />;
  if (!network.data) return <Loading what="network" />;
  const years = allYears.data;
  const node = selected ? network.data.nodes.find((n) => n.id === selected) : undefined;
  const nodeEdges = node ? edges.filter((e) => e.subjectId === node.id || e.objectId === node.id) : [];
  const captionOf = (id: string) => network.data?.nodes.find((n) => n.id === id)?.caption ?? id;

  return (
    <div className="graph-page">
      <aside className="filters">
        <h2>Filters</h2>
        <fieldset>
          <legend>Predicates</legend>
          {vocabulary.predicates.map((p) => (
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
            {[...vocabulary.certainties]
              .sort((a, b) => a.rank - b.rank)
              .map((c) => (
                <option key={c.name} value={c.rank}>
                  {c.label}
                </option>
              ))}
          </select>
        </label>
        {years ? (
          <div className="time">
            <label>
              As of {asOfYear ?? "all time"}
              <input
                type="range"
                min={years[0]}
                max={years[1] + 1}
                value={asOfYear ?? years[1] + 1}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  setAsOfYear(v > years[1] ? null : v);
                }}
                aria-label="as of year"
              />
            </label>
          </div>
        ) : null}
        <button type="button" onClick={() => setVisible(null)}>
          Show every entity
        </button>
        <h2>Legend</h2>
        <ul className="plain legend">
          {vocabulary.entityTypes.map((t) => (
            <li key={t.name}>
              <span className="swatch" style={{ background: t.colour }} /> {t.label}
            </li>
          ))}
          <li>
            <span className="swatch" style={{ background: PATH_COLOUR }} /> exposure path
          </li>
          <li>[SANCTIONED] listed party · [candidate] designation candidate (larger dots)</li>
        </ul>
      </aside>
      <div className="canvas-wrap">
        <div ref={container} className="sigma" data-testid="graph-canvas" />
        <ErrorNote error={drawError} />
        <p className="muted">
          {shownNodes.length} of {network.data.nodes.length} entities · {shownEdges.length} links · click an
          entity to select it
        </p>
      </div>
      <aside className="details">
        {node ? (
          <div className="selected" data-selected={node.id}>
            <h2>
              <EntityLink id={node.id} caption={node.caption} />{" "}
              {node.sanctioned ? <SanctionedBadge /> : null}
              {candidateIds.has(node.id) ? <span className="badge candidate">candidate</span> : null}
            </h2>
            <button
              type="button"
              onClick={() => setVisible(new Set([...(visible ?? shownIds), ...neighbours(node.id)]))}
            >
              Expand neighbours
            </button>
            <ul className="plain">
              {nodeEdges.map((e) => (
                <li key={e.key}>
                  {captionOf(e.subjectId)} <strong>{predicateLabel(e.predicate)}</strong>{" "}
                  {captionOf(e.objectId)} <CertaintyBadge certainty={e.certainty} />{" "}
                  {e.evidence[0] ? (
                    <a
                      href={evidenceHref(
                        e.evidence[0].sourceId,
                        e.evidence[0].start,
                        e.evidence[0].end,
                        e.evidence[0].claimId,
                      )}
                    >
                      evidence
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="muted">No entity selected.</p>
        )}
        <h2>Sanctioned parties</h2>
        <ul className="plain sanctioned-list">
          {network.data.nodes
            .filter((n) => n.sanctioned)
            .map((n) => (
              <li key={n.id}>
                <a href={href("graph", null, { focus: n.id })} onClick={() => setSelected(n.id)}>
                  {n.caption}
                </a>{" "}
                <span className="muted">
                  {n.listings.map((l) => `${l.authority.toUpperCase()} ${l.authorityId}`).join(", ")}
                </span>
              </li>
            ))}
        </ul>
        <h2>Designation candidates</h2>
        <ul className="plain candidate-list">
          {(candidates.data?.result ?? []).map((c) => (
            <li key={c.entity.id}>
              <EntityLink id={c.entity.id} caption={c.entity.caption} />{" "}
              <span className="muted">{c.score.toFixed(2)}</span>
            </li>
          ))}
        </ul>
        <h2>Exposure paths</h2>
        {paths.data ? <PathList paths={paths.data.result} /> : <ErrorNote error={paths.error} />}
      </aside>
    </div>
  );
}
