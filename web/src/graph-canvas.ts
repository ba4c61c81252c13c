// The drawing of the graph page: a graphology graph drawn by sigma (WebGL), held outside React so that a
// selection, a hover or a filter only changes what sigma's reducers return and never rebuilds the graph.
// Labels follow the level of detail: after each frame the canvas places labels greedily in screen space
// (the selected and hovered nodes and their neighbours first, then key nodes, then the largest), and a
// label that would overlap one already placed is left out, so labels never cover each other and more show
// as one zooms in; a link's label shows while it is hovered.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { NodeLabelDrawingFunction } from "sigma/rendering";
import type { NodeDisplayData } from "sigma/types";
import { placeAround, placeInRings, WorkerLayout } from "./layout";

/** A node as the page gives it: an entity, or a community of the overview. */
export interface CanvasNode {
  id: string;
  label: string;
  size: number;
  color: string;
  /** Labelled before the others (sanctioned parties, candidates, communities holding them). */
  key?: boolean;
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
/** Label widths remembered, so a placement measures each text once. */
const MAX_KNOWN_WIDTHS = 5_000;
/** Fewest characters of a label shown when the whole does not fit before the edge of the canvas. */
const MIN_LABEL_CHARS = 12;
/** sigma's default label font size, and the width of an average character at that size (without a canvas). */
const LABEL_SIZE = 14;
const LABEL_CHAR_WIDTH = 0.6 * LABEL_SIZE;
/** How long the view rests before its labels are placed again. */
const LABEL_DELAY_MS = 80;
/** Pixels kept free between two labels. */
const LABEL_GAP = 3;
/** Most labels on screen at once, so a dense view stays legible. */
const MAX_LABELS = 80;

type NodeAttributes = CanvasNode & { x: number; y: number };

/** A label placed on the canvas: its text, and whether it sits left of its node (sigma's is right). */
interface PlacedLabel {
  text: string;
  left: boolean;
}

type Box = [number, number, number, number];

/** Draws a node's label right of it, as sigma does, or left of it when the placement chose that side. */
const drawNodeLabel: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes> = (context, data, settings) => {
  if (!data.label) return;
  const left = (data as { labelLeft?: boolean }).labelLeft === true;
  context.fillStyle = settings.labelColor.color ?? "#000";
  context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
  context.textAlign = left ? "right" : "left";
  context.fillText(
    data.label,
    left ? data.x - data.size - 3 : data.x + data.size + 3,
    data.y + settings.labelSize / 3,
  );
  context.textAlign = "left";
};

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
  /** The labels placed, by node: the text (the whole label, or its start when only that fits) and its side. */
  #labelled = new Map<string, PlacedLabel>();
  readonly #measure = document.createElement("canvas").getContext("2d");
  readonly #widths = new Map<string, number>();
  #placing: ReturnType<typeof setTimeout> | undefined;

  /** Draws into `container`; throws when WebGL is not available (the page then says so). */
  constructor(container: HTMLElement, events: CanvasEvents) {
    this.#renderer = new Sigma(this.graph, container, {
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      defaultEdgeType: "arrow",
      labelSize: LABEL_SIZE,
      defaultDrawNodeLabel: drawNodeLabel,
      // While the camera moves, labels are not drawn: a zoom or a pan keeps its frame rate.
      hideLabelsOnMove: true,
      hideEdgesOnMove: true,
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
    // Labels are placed for what was drawn once the view rests (not on every frame of a zoom or a pan); a new
    // placement redraws once, and the next one finds the same labels.
    this.#renderer.on("afterRender", () => {
      clearTimeout(this.#placing);
      this.#placing = setTimeout(() => this.#placeLabels(), LABEL_DELAY_MS);
    });
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
    clearTimeout(this.#placing);
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

  #reduceNode(node: string, data: NodeAttributes): Partial<NodeDisplayData> & { labelLeft: boolean } {
    const placed = this.#labelled.get(node);
    const label = placed?.text ?? null;
    const labelLeft = placed?.left ?? false;
    if (node === this.#selected)
      return {
        ...data,
        label,
        labelLeft,
        highlighted: true,
        forceLabel: true,
        zIndex: 2,
        size: data.size + 3,
      };
    if (node === this.#hoveredNode || this.#near.has(node))
      return { ...data, label, labelLeft, forceLabel: true, zIndex: 1 };
    return { ...data, label, labelLeft, forceLabel: label !== null };
  }

  /** The label's width on screen, in sigma's label font. */
  #widthOf(label: string): number {
    const known = this.#widths.get(label);
    if (known !== undefined) return known;
    let width = label.length * LABEL_CHAR_WIDTH;
    if (this.#measure) {
      this.#measure.font = `${LABEL_SIZE}px ${this.#renderer.getSetting("labelFont")}`;
      width = this.#measure.measureText(label).width;
    }
    if (this.#widths.size > MAX_KNOWN_WIDTHS) this.#widths.clear();
    this.#widths.set(label, width);
    return width;
  }

  /** The label, or as many of its first characters (at least a few) as fit in `room` pixels, with an ellipsis. */
  #fit(label: string, room: number): string {
    if (this.#widthOf(label) <= room) return label;
    const cutAt = (n: number) => `${label.slice(0, n).trimEnd()}…`;
    if (this.#widthOf(cutAt(MIN_LABEL_CHARS)) > room) return "";
    // The longest start that fits, by bisection: widths grow with the characters kept.
    let fits = MIN_LABEL_CHARS;
    let over = label.length;
    while (over - fits > 1) {
      const mid = (fits + over) >> 1;
      if (this.#widthOf(cutAt(mid)) <= room) fits = mid;
      else over = mid;
    }
    return cutAt(fits);
  }

  /** How soon a node's label is placed: the selection and the hovered node always, then its neighbours, then key nodes. */
  #labelRank(node: string, data: NodeAttributes): number {
    if (node === this.#selected) return 4;
    if (node === this.#hoveredNode) return 3;
    if (this.#near.has(node)) return 2;
    return data.key ? 1 : 0;
  }

  /** Chooses the labels that fit on screen without overlapping; redraws when the choice changed. */
  #placeLabels(): void {
    const { width, height } = this.#renderer.getDimensions();
    const order = this.graph
      .mapNodes((node, data) => ({ node, data, rank: this.#labelRank(node, data) }))
      .sort((a, b) => b.rank - a.rank || b.data.size - a.data.size || (a.node < b.node ? -1 : 1));
    const boxes: Box[] = [];
    const free = (box: Box) =>
      !boxes.some(
        (b) =>
          box[0] < b[2] + LABEL_GAP &&
          b[0] < box[2] + LABEL_GAP &&
          box[1] < b[3] + LABEL_GAP &&
          b[1] < box[3] + LABEL_GAP,
      );
    const labelled = new Map<string, PlacedLabel>();
    for (const { node, data, rank } of order) {
      if (labelled.size >= MAX_LABELS && rank === 0) break;
      const shown = this.#renderer.getNodeDisplayData(node);
      if (!shown || shown.hidden || !data.label) continue;
      const at = this.#renderer.framedGraphToViewport(shown);
      const top = at.y - LABEL_SIZE / 2;
      const bottom = at.y + LABEL_SIZE / 2;
      const radius = this.#renderer.scaleSize(shown.size);
      // Right of the node first, as sigma draws labels; left of it when the right is taken or too narrow.
      // A label that cannot show its first words before the edge is cut with an ellipsis, or not shown;
      // the selection's and the hovered node's always show.
      const right = this.#fit(data.label, width - (at.x + radius + 3));
      const rightBox: Box = [at.x + radius + 2, top, at.x + radius + 4 + this.#widthOf(right), bottom];
      const inside = top >= 0 && bottom <= height;
      const rightFree = inside && free(rightBox);
      const whole = right === data.label && rightFree;
      const left = whole || !inside ? "" : this.#fit(data.label, at.x - radius - 3);
      const leftBox: Box = [at.x - radius - 4 - this.#widthOf(left), top, at.x - radius - 2, bottom];
      const choice = !inside
        ? null
        : whole
          ? { text: right, left: false, box: rightBox }
          : left === data.label && free(leftBox)
            ? { text: left, left: true, box: leftBox }
            : right !== "" && rightFree
              ? { text: right, left: false, box: rightBox }
              : left !== "" && free(leftBox)
                ? { text: left, left: true, box: leftBox }
                : null;
      const placed = choice ?? (rank >= 3 ? { text: data.label, left: false, box: rightBox } : null);
      if (!placed) continue;
      boxes.push(placed.box);
      labelled.set(node, { text: placed.text, left: placed.left });
    }
    const same =
      labelled.size === this.#labelled.size &&
      [...labelled].every(
        ([id, label]) =>
          this.#labelled.get(id)?.text === label.text && this.#labelled.get(id)?.left === label.left,
      );
    if (same) return;
    this.#labelled = labelled;
    this.#renderer.refresh({ skipIndexation: true, schedule: true });
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
