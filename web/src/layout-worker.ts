// ForceAtlas2 off the main thread: the graph page posts positions, sizes and links, this worker runs the
// layout (graphology-layout-forceatlas2, Jacomy et al., PLoS ONE 2014) and posts the new positions back,
// so the page keeps answering clicks and zooms while a few hundred entities settle.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { LayoutAnswer, LayoutRequest } from "./layout";

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, positions, sizes, fixed, links, iterations } = event.data;
  const graph = new Graph({ type: "undirected", multi: false });
  const count = sizes.length;
  for (let i = 0; i < count; i++) {
    graph.addNode(i, { x: positions[2 * i], y: positions[2 * i + 1], size: sizes[i], fixed: fixed[i] === 1 });
  }
  for (let j = 0; j < links.length; j += 2) {
    if (links[j] !== links[j + 1]) graph.mergeEdge(links[j], links[j + 1]);
  }
  if (graph.order > 1 && graph.size > 0) {
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: graph.order > 400,
      adjustSizes: true,
    };
    forceAtlas2.assign(graph, { iterations, settings });
  }
  const out = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    const node = graph.getNodeAttributes(i);
    out[2 * i] = node.x;
    out[2 * i + 1] = node.y;
  }
  const answer: LayoutAnswer = { id, positions: out };
  self.postMessage(answer, { transfer: [out.buffer] });
};
