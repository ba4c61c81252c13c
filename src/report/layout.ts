// A deterministic layout for the report's network picture: concentric rings, sanctioned parties at the
// centre, their direct counterparties around them, everyone else outside (a radial layout after
// Eades, "Drawing free trees", 1992), so the same case always draws the same picture.
import type { Candidate, FocalPoint, Intermediary, Network } from "../graph/index.js";
import { type Certainty, ENTITY_TYPES, type EntityType, type Predicate } from "../model/index.js";

/** A node placed in the picture. */
export interface PictureNode {
  id: string;
  caption: string;
  type: EntityType;
  sanctioned: boolean;
  x: number;
  y: number;
  r: number;
  colour: string;
}

/** A link drawn in the picture. */
export interface PictureEdge {
  key: string;
  source: string;
  target: string;
  predicate: Predicate;
  certainty: Certainty;
  claimCount: number;
  sourceCount: number;
}

/** The network picture: placed nodes and the counted links among them. */
export interface Picture {
  size: number;
  /** Entities with a counted link: those the picture could draw (the others have no claim to show). */
  linked: number;
  nodes: PictureNode[];
  edges: PictureEdge[];
}

const SIZE = 900;
const RING_RADII = [110, 260, 400];

/**
 * Chooses at most `max` linked entities (all of them when they fit; otherwise sanctioned first, then
 * candidates, intermediaries and focal points in rank order) and places them on rings; returns them
 * with the counted links among them.
 */
export function layoutPicture(
  network: Network,
  sections: {
    sanctioned: Array<{ entity: { id: string } }>;
    candidates: Candidate[];
    intermediaries: Intermediary[];
    focalPoints: FocalPoint[];
  },
  max: number,
): Picture {
  // Entities without a counted link would only clutter the picture.
  const linked = new Set<string>();
  network.forEachNode((id) => {
    if (network.someEdge(id, (_key, data) => data.claimCount > 0)) linked.add(id);
  });
  const chosen = new Set<string>();
  const add = (id: string) => {
    if (chosen.size < max && linked.has(id)) chosen.add(id);
  };
  if (linked.size <= max) for (const id of linked) add(id);
  else {
    for (const s of sections.sanctioned) add(s.entity.id);
    for (const c of sections.candidates) add(c.entity.id);
    for (const i of sections.intermediaries) add(i.entity.id);
    for (const f of sections.focalPoints) add(f.entity.id);
  }
  const pagerank = new Map(sections.focalPoints.map((f) => [f.entity.id, f.pagerank]));
  const topRank = Math.max(1e-12, ...[...chosen].map((id) => pagerank.get(id) ?? 0));
  const rings: string[][] = [[], [], []];
  for (const id of chosen) {
    const node = network.getNodeAttributes(id);
    if (node.sanctioned) rings[0].push(id);
    else {
      let nearSanctioned = false;
      network.forEachNeighbor(id, (other, attributes) => {
        if (attributes.sanctioned && chosen.has(other)) nearSanctioned = true;
      });
      rings[nearSanctioned ? 1 : 2].push(id);
    }
  }
  const nodes: PictureNode[] = [];
  const used = rings.filter((ring) => ring.length > 0);
  used.forEach((ring, level) => {
    ring.sort(
      (a, b) =>
        network.getNodeAttribute(a, "caption").localeCompare(network.getNodeAttribute(b, "caption")) ||
        (a < b ? -1 : 1),
    );
    const radius =
      ring.length === 1 && level === 0 ? 0 : (RING_RADII[level + 3 - used.length] ?? RING_RADII[level]);
    ring.forEach((id, i) => {
      // Alternate rings start half a step apart so spokes do not line up.
      const angle = (2 * Math.PI * (i + (level % 2) * 0.5)) / ring.length - Math.PI / 2;
      const node = network.getNodeAttributes(id);
      nodes.push({
        id,
        caption: node.caption,
        type: node.type,
        sanctioned: node.sanctioned,
        x: round(SIZE / 2 + radius * Math.cos(angle)),
        y: round(SIZE / 2 + radius * Math.sin(angle)),
        r: round(5 + 9 * Math.sqrt((pagerank.get(id) ?? 0) / topRank)),
        colour: ENTITY_TYPES[node.type].colour,
      });
    });
  });
  const edges: PictureEdge[] = [];
  network.forEachEdge((key, data, source, target) => {
    if (data.claimCount === 0 || !chosen.has(source) || !chosen.has(target)) return;
    edges.push({
      key,
      source,
      target,
      predicate: data.predicate,
      certainty: data.certainty,
      claimCount: data.claimCount,
      sourceCount: data.sourceCount,
    });
  });
  return { size: SIZE, linked: linked.size, nodes, edges };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
