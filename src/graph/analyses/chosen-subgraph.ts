// The links among entities a reader chose: the results of a search, or the members of one community of
// the overview (its weightiest members, up to a limit), so either can be drawn on its own.
import { SkeinError } from "../../model/index.js";
import type { Analysis } from "../analysis.js";
import type { Network } from "../network.js";
import { type OptionsSchema, resolveOptions } from "../options.js";
import { compareByWeight, type Subgraph, subgraphOf } from "../subgraph.js";
import { communityMembers } from "./communities.js";

/** Options of findChosenSubgraph: `entities` or `community`. */
export interface ChosenSubgraphOptions {
  /** Entity ids separated by commas. */
  entities?: string;
  /** A community id of the overview (`c1` …). */
  community?: string;
  /** Most entities returned, weightiest first. */
  limit: number;
}

/** Defaults of findChosenSubgraph. */
export const CHOSEN_SUBGRAPH_DEFAULTS: Readonly<ChosenSubgraphOptions> = Object.freeze({ limit: 200 });

const SCHEMA: OptionsSchema = {
  entities: { type: "string", description: "entity ids separated by commas" },
  community: { type: "string", description: "a community of the overview (c1 is the biggest)" },
  limit: {
    type: "integer",
    description: "most entities returned, weightiest first",
    minimum: 1,
    maximum: 2000,
  },
};

/** The given entities (or a community's weightiest members), at most `limit`, and the links among them. */
export function findChosenSubgraph(network: Network, options?: Partial<ChosenSubgraphOptions>): Subgraph {
  const o = resolveOptions("findChosenSubgraph", SCHEMA, CHOSEN_SUBGRAPH_DEFAULTS, options);
  if ((o.entities === undefined) === (o.community === undefined)) {
    throw new SkeinError("GRAPH_BAD_OPTION", "findChosenSubgraph: give entities or community, one of them", {
      field: "entities",
      received: JSON.stringify({ entities: o.entities, community: o.community }),
    });
  }
  const ids =
    o.community !== undefined
      ? communityMembers(network, o.community)
      : [...new Set(o.entities!.split(",").map((id) => id.trim()))]
          .filter((id) => network.hasNode(id))
          .sort(compareByWeight(network));
  return subgraphOf(network, ids.slice(0, o.limit), ids.length > o.limit);
}

/** Registry entry of findChosenSubgraph. */
export const chosenSubgraph: Analysis<ChosenSubgraphOptions, Subgraph> = {
  name: "subgraph",
  description:
    "The links among chosen entities for drawing: given entity ids (a search result) or one community of the overview, weightiest first up to a limit.",
  reference:
    "Induced subgraph (Diestel, 'Graph Theory', §1.1); members ranked sanctioned first, then by exposure links and degree.",
  options: SCHEMA,
  defaults: CHOSEN_SUBGRAPH_DEFAULTS,
  run: findChosenSubgraph,
};
