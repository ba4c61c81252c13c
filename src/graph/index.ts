// The analyse stage: reads a CaseView (entities with their list matches, claims with evidence) and
// builds the case network, then answers analysts' questions on it. Public functions: buildNetwork,
// findExposurePaths, findIntermediaries, findFocalPoints, findCandidates, egoNetwork, and for drawing a
// large case findNeighbourhood, findCommunities, findExposureSubgraph, findChosenSubgraph; the ANALYSES
// registry. Analyses take the network first and options last and never change it.
export type { Hop } from "./adjacency.js";
export {
  CANDIDATES_DEFAULTS,
  type Candidate,
  type CandidatesOptions,
  findCandidates,
} from "./analyses/candidates.js";
export {
  CHOSEN_SUBGRAPH_DEFAULTS,
  type ChosenSubgraphOptions,
  findChosenSubgraph,
} from "./analyses/chosen-subgraph.js";
export {
  COMMUNITIES_DEFAULTS,
  type Communities,
  type CommunitiesOptions,
  type Community,
  type CommunityLink,
  communityMembers,
  findCommunities,
} from "./analyses/communities.js";
export {
  EGO_NETWORK_DEFAULTS,
  type EgoNetwork,
  type EgoNetworkOptions,
  egoNetwork,
} from "./analyses/ego-network.js";
export {
  EXPOSURE_PATHS_DEFAULTS,
  type ExposurePath,
  type ExposurePathsOptions,
  findExposurePaths,
} from "./analyses/exposure-paths.js";
export {
  EXPOSURE_SUBGRAPH_DEFAULTS,
  type ExposureSubgraph,
  type ExposureSubgraphOptions,
  findExposureSubgraph,
} from "./analyses/exposure-subgraph.js";
export {
  FOCAL_POINTS_DEFAULTS,
  type FocalPoint,
  type FocalPointsOptions,
  findFocalPoints,
} from "./analyses/focal-points.js";
export {
  findIntermediaries,
  INTERMEDIARIES_DEFAULTS,
  type IntermediariesOptions,
  type Intermediary,
} from "./analyses/intermediaries.js";
export {
  findNeighbourhood,
  NEIGHBOURHOOD_DEFAULTS,
  type NeighbourhoodOptions,
} from "./analyses/neighbourhood.js";
export type { Analysis } from "./analysis.js";
export { parseDateBound } from "./dates.js";
export {
  buildNetwork,
  type EdgeData,
  type EdgeEvidence,
  edgeKeyOf,
  type ListingFlag,
  NETWORK_DEFAULTS,
  type Network,
  type NetworkData,
  type NetworkFilter,
  type NodeData,
  type SourceRef,
} from "./network.js";
export type { OptionSpec, OptionsSchema } from "./options.js";
export { ANALYSES, findAnalysis } from "./registry.js";
export type { Subgraph, SubgraphEdge, SubgraphNode } from "./subgraph.js";
