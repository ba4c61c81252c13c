// Placing the entities the graph page draws: a quick ring placement to show something at once, then
// ForceAtlas2 in a web worker (layout-worker.ts) whose positions replace it, so no layout blocks clicks.
import type Graph from "graphology";

/** What the page posts to the worker: node i's position is positions[2i], positions[2i + 1]. */
export interface LayoutRequest {
  id: number;
  positions: Float32Array;
  sizes: Float32Array;
  /** 1 for a node that stays where it is. */
  fixed: Uint8Array;
  /** Pairs of node indices. */
  links: Uint32Array;
  iterations: number;
}

/** What the worker posts back. */
export interface LayoutAnswer {
  id: number;
  positions: Float32Array;
}

/** Rings around `center` by distance (breadth-first, direction ignored); unreached nodes on an outer ring. */
export function placeInRings(graph: Graph, center: string | null): void {
  const distance = new Map<string, number>();
  if (center && graph.hasNode(center)) {
    distance.set(center, 0);
    let ring = [center];
    while (ring.length > 0) {
      const next: string[] = [];
      for (const at of ring) {
        graph.forEachNeighbor(at, (other) => {
          if (!distance.has(other)) {
            distance.set(other, distance.get(at)! + 1);
            next.push(other);
          }
        });
      }
      ring = next;
    }
  }
  const outer = Math.max(0, ...distance.values()) + 1;
  const rings = new Map<number, string[]>();
  graph.forEachNode((id) => {
    const d = distance.get(id) ?? outer;
    rings.set(d, [...(rings.get(d) ?? []), id]);
  });
  for (const [d, ids] of rings) {
    ids.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / ids.length + d * 0.5;
      const radius = d === 0 && ids.length === 1 ? 0 : 10 * (d + 1) * Math.sqrt(ids.length);
      graph.mergeNodeAttributes(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  }
}

/** Places `added` nodes on a small circle around the node they were expanded from. */
export function placeAround(graph: Graph, from: string, added: string[]): void {
  const { x, y } = graph.getNodeAttributes(from) as { x: number; y: number };
  added.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / added.length;
    const radius = 5 + Math.sqrt(added.length);
    graph.mergeNodeAttributes(id, { x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
  });
}

/** More iterations for small graphs (they settle cheaply), fewer for large ones. */
function iterationsFor(order: number): number {
  return order <= 100 ? 300 : order <= 400 ? 180 : 100;
}

/** Runs ForceAtlas2 on a graph in a worker; a newer run supersedes an older one. */
export class WorkerLayout {
  #worker: Worker | null = null;
  #sequence = 0;

  /** Lays `graph` out in the worker and writes the positions into it; resolves false when superseded. */
  run(graph: Graph, fixed: ReadonlySet<string> = new Set()): Promise<boolean> {
    const ids = graph.nodes();
    if (ids.length < 2) return Promise.resolve(true);
    const index = new Map(ids.map((id, i) => [id, i]));
    const positions = new Float32Array(ids.length * 2);
    const sizes = new Float32Array(ids.length);
    const pinned = new Uint8Array(ids.length);
    ids.forEach((id, i) => {
      const node = graph.getNodeAttributes(id) as { x: number; y: number; size: number };
      positions[2 * i] = node.x;
      positions[2 * i + 1] = node.y;
      sizes[i] = node.size;
      if (fixed.has(id)) pinned[i] = 1;
    });
    const links = new Uint32Array(graph.size * 2);
    let j = 0;
    graph.forEachEdge((_key, _attributes, source, target) => {
      links[j++] = index.get(source)!;
      links[j++] = index.get(target)!;
    });
    const id = ++this.#sequence;
    const worker = this.#ensureWorker();
    if (!worker) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onAnswer = (event: MessageEvent<LayoutAnswer>) => {
        if (event.data.id !== id) return;
        worker.removeEventListener("message", onAnswer);
        if (id !== this.#sequence) return resolve(false);
        const out = event.data.positions;
        graph.updateEachNodeAttributes((node, attributes) => {
          const i = index.get(node);
          return i === undefined ? attributes : { ...attributes, x: out[2 * i], y: out[2 * i + 1] };
        });
        resolve(true);
      };
      worker.addEventListener("message", onAnswer);
      const request: LayoutRequest = {
        id,
        positions,
        sizes,
        fixed: pinned,
        links: links.subarray(0, j),
        iterations: iterationsFor(ids.length),
      };
      worker.postMessage(request, [positions.buffer, sizes.buffer, pinned.buffer]);
    });
  }

  /** Stops the worker. */
  stop(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }

  #ensureWorker(): Worker | null {
    if (!this.#worker) {
      try {
        this.#worker = new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module" });
      } catch {
        // No worker (a very old browser): the ring placement stays.
        return null;
      }
    }
    return this.#worker;
  }
}
