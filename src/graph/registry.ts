// The registry of analyses, looked up by their stable names: the CLI commands, the API and the docs
// read names, descriptions, options and method references from here (nomenklatura's registry habit).

import { candidates } from "./analyses/candidates.js";
import { chosenSubgraph } from "./analyses/chosen-subgraph.js";
import { communities } from "./analyses/communities.js";
import { ego } from "./analyses/ego-network.js";
import { exposurePaths } from "./analyses/exposure-paths.js";
import { exposureSubgraph } from "./analyses/exposure-subgraph.js";
import { focalPoints } from "./analyses/focal-points.js";
import { intermediaries } from "./analyses/intermediaries.js";
import { neighbourhood } from "./analyses/neighbourhood.js";
import type { Analysis } from "./analysis.js";

/**
 * Every analysis, by stable name: paths, intermediaries, focal-points, candidates, ego, and what a viewer
 * draws of a large case: neighbourhood, communities, exposure, subgraph.
 */
export const ANALYSES = Object.freeze([
  exposurePaths,
  intermediaries,
  focalPoints,
  candidates,
  ego,
  neighbourhood,
  communities,
  exposureSubgraph,
  chosenSubgraph,
]) as readonly Analysis<
  // Each entry keeps its own option and result types; the registry lists them side by side.
  // biome-ignore lint/suspicious/noExplicitAny: entries differ in option types
  any,
  unknown
>[];

/** The analysis registered under `name`, or undefined. */
export function findAnalysis(name: string): Analysis<Record<string, unknown>, unknown> | undefined {
  return ANALYSES.find((a) => a.name === name);
}
