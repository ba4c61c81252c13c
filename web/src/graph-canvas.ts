// The drawing of the graph page: a graphology graph drawn by sigma (WebGL), held outside React so that a
// selection, a hover or a filter only changes what sigma's reducers return and never rebuilds the graph.
// Labels follow the level of detail: sigma labels the nodes drawn large enough (more as one zooms in),
// the selected and hovered nodes and their neighbours always; a link's label shows while it is hovered.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { NodeDisplayData } from "sigma/types";
import { placeAround, placeInRings, WorkerLayout } from "./layout";

/** A node as the page gives it: an entity, or a community of the overview. */
export interface CanvasNode {
  id: string;
  label: string;
  size: number;
  color: string;
  x?: number;
  y?: number;
}

/** A link as the page gives it; `label` shows on hover. */
export interface CanvasEdge {
  key: string;
  source: string;
  target: string;
  label: string;
  size: number;
  directed: boolean;
  predicate: string | null;
  certaintyRank: number;
}

/** What the canvas calls back. */
export interface CanvasEvents {
  /** A node was clicked (null: the empty stage was). */
  select(id: string | null): void;
  /** A node was double-clicked. */
  open(id: string): void;
}

const EDGE_COLOUR = "#b8b8b8";
/** Most neighbours labelled along with the selected node. */
const LABELLED_NEIGHBOURS = 20;
const DIM_EDGE_COLOUR = "#e4e4e4";
const PATH_COLOUR = "#d62728";
const SELECTED_EDGE_COLOUR = "#555555";

type NodeAttributes = CanvasNode & { x: number; y: number };

interface EdgeAttributes {
  size: number;
  color: string;
  type: string;
  fullLabel: string;
  predicate: string | null;
  certaintyRank: number;
}

/** The sigma drawing of the page's graph, with selection, hover, filters and a worker layout. */
export class GraphCanvas {
  readonly graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  readonly #renderer: Sigma<NodeAttributes, EdgeAttributes>;
  readonly #layout = new WorkerLayout();
  #selected: string | null = null;
  #hoveredNode: string | null = null;
  #hoveredEdge: string | null = null;
  #near = new Set<string>();
  #predicates: ReadonlySet<string> | null = null;
  #minCertainty = 0;
  #pathEdges: ReadonlySet<string> = new Set();

  /** Draws into `container`; throws when WebGL is not available (the page then says so). */
  constructor(container: HTMLElement, events: CanvasEvents) {
    this.#renderer = new Sigma(this.graph, container, {
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      defaultEdgeType: "arrow",
      labelRenderedSizeThreshold: 7,
      labelDensity: 0.35,
      labelGridCellSize: 120,
      zIndex: true,
      nodeReducer: (node, data) => this.#reduceNode(node, data),
      edgeReducer: (edge, data) => this.#reduceEdge(edge, data),
    });
    this.#renderer.on("clickNode", ({ node }) => events.select(node));
    this.#renderer.on("clickStage", () => events.select(null));
    this.#renderer.on("doubleClickNode", ({ node, preventSigmaDefault }) => {
      preventSigmaDefault();
      events.open(node);
    });
    this.#renderer.on("enterNode", ({ node }) => this.#hover(node, this.#hoveredEdge));
    this.#renderer.on("leaveNode", () => this.#hover(null, this.#hoveredEdge));
    this.#renderer.on("enterEdge", ({ edge }) => this.#hover(this.#hoveredNode, edge));
    this.#renderer.on("leaveEdge", () => this.#hover(this.#hoveredNode, null));
  }

  /** Replaces the drawing; nodes without a position are placed in rings around `center`, then laid out. */
  replace(nodes: CanvasNode[], edges: CanvasEdge[], center: string | null, layout: boolean): Promise<void> {
    this.graph.clear();
    this.#add(nodes, edges);
    if (nodes.some((n) => n.x === undefined)) placeInRings(this.graph, center);
    this.#renderer.refresh();
    return layout ? this.#runLayout(center) : Promise.resolve();
  }

  /** Adds nodes and links (known ones are updated), placing new nodes around `from`, then lays out again. */
  merge(nodes: CanvasNode[], edges: CanvasEdge[], from: string | null): Promise<void> {
    const added = this.#add(nodes, edges);
    if (from && this.graph.hasNode(from)) placeAround(this.graph, from, added);
    return this.#runLayout(null);
  }

  /** Selects a node (or none): it and its neighbours are labelled, its links stand out. */
  select(id: string | null): void {
    this.#selected = id && this.graph.hasNode(id) ? id : null;
    // Neighbours are labelled with the selection while they are few enough to read.
    const neighbours = this.#selected ? this.graph.neighbors(this.#selected) : [];
    this.#near = new Set(neighbours.length <= LABELLED_NEIGHBOURS ? neighbours : []);
    this.#renderer.refresh({ skipIndexation: true });
  }

  /** Shows only links of these predicates (null: all) at this certainty rank or above. */
  filter(predicates: ReadonlySet<string> | null, minCertainty: number): void {
    this.#predicates = predicates;
    this.#minCertainty = minCertainty;
    this.#renderer.refresh({ skipIndexation: true });
  }

  /** Marks the links exposure paths run along. */
  markPaths(keys: ReadonlySet<string>): void {
    this.#pathEdges = keys;
    this.#renderer.refresh({ skipIndexation: true });
  }

  /** Moves the view to a node. */
  centreOn(id: string): void {
    if (!this.graph.hasNode(id)) return;
    const at = this.#renderer.getNodeDisplayData(id);
    if (at) this.#renderer.getCamera().animate({ x: at.x, y: at.y }, { duration: 250 });
  }

  /** Calls `f` once after the next frame is drawn. */
  afterRender(f: () => void): void {
    this.#renderer.once("afterRender", f);
  }

  /** Stops drawing and the layout worker. */
  kill(): void {
    this.#layout.stop();
    this.#renderer.kill();
  }

  #add(nodes: CanvasNode[], edges: CanvasEdge[]): string[] {
    const added: string[] = [];
    for (const n of nodes) {
      if (this.graph.hasNode(n.id)) {
        const { x, y } = this.graph.getNodeAttributes(n.id);
        this.graph.replaceNodeAttributes(n.id, { ...n, x: n.x ?? x, y: n.y ?? y });
      } else {
        this.graph.addNode(n.id, { ...n, x: n.x ?? 0, y: n.y ?? 0 });
        added.push(n.id);
      }
    }
    for (const e of edges) {
      if (this.graph.hasEdge(e.key) || !this.graph.hasNode(e.source) || !this.graph.hasNode(e.target))
        continue;
      this.graph.addDirectedEdgeWithKey(e.key, e.source, e.target, {
        size: e.size,
        color: EDGE_COLOUR,
        type: e.directed ? "arrow" : "line",
        fullLabel: e.label,
        predicate: e.predicate,
        certaintyRank: e.certaintyRank,
      });
    }
    return added;
  }

  async #runLayout(center: string | null): Promise<void> {
    const fixed = new Set(center && this.graph.hasNode(center) ? [center] : []);
    if (await this.#layout.run(this.graph, fixed)) {
      const target = this.#selected ?? center;
      if (target) this.centreOn(target);
    }
  }

  #hover(node: string | null, edge: string | null): void {
    this.#hoveredNode = node;
    this.#hoveredEdge = edge;
    this.#renderer.refresh({ skipIndexation: true });
  }

  #reduceNode(node: string, data: NodeAttributes): Partial<NodeDisplayData> {
    if (node === this.#selected)
      return { ...data, highlighted: true, forceLabel: true, zIndex: 2, size: data.size + 3 };
    if (node === this.#hoveredNode || this.#near.has(node)) return { ...data, forceLabel: true, zIndex: 1 };
    return data;
  }

  #reduceEdge(edge: string, data: EdgeAttributes) {
    const hidden =
      data.predicate !== null &&
      ((this.#predicates !== null && !this.#predicates.has(data.predicate)) ||
        data.certaintyRank < this.#minCertainty);
    const onPath = this.#pathEdges.has(edge);
    const touchesSelected =
      this.#selected !== null &&
      (this.graph.source(edge) === this.#selected || this.graph.target(edge) === this.#selected);
    const colour = onPath
      ? PATH_COLOUR
      : touchesSelected
        ? SELECTED_EDGE_COLOUR
        : this.#selected
          ? DIM_EDGE_COLOUR
          : data.color;
    const hovered = edge === this.#hoveredEdge;
    return {
      ...data,
      hidden,
      color: colour,
      size: onPath ? Math.max(3, data.size) : data.size,
      label: hovered ? data.fullLabel : null,
      forceLabel: hovered,
      zIndex: onPath || touchesSelected ? 1 : 0,
    };
  }
}
