// The resolve stage: clusters the document-level entities that extraction wrote into case entities (one
// per real-world party), replays the analyst decision log on every run, screens case entities against
// stored list snapshots, and reads the case view that analyses and reports use.
// Reads: entities, mentions, claims, decisions, list entries. Writes: case entities, entity_members,
// claim statuses, matches, decisions.
// Public: resolveEntities (pure), runResolution, readCaseView, the decision functions,
// findCaseEntity, readMatchesWithDecisions.
export { CASE_VIEW_DEFAULTS, type CaseViewOptions, readCaseView } from "./case-view.js";
export {
  buildCaseEntity,
  type Constraints,
  RESOLUTION_DEFAULTS,
  type ResolutionInput,
  type ResolutionOptions,
  type ResolvedEntity,
  resolveEntities,
} from "./cluster.js";
export {
  type DecisionMeta,
  type DecisionOutcome,
  decideMatch,
  findCaseEntity,
  markNotSame,
  mergeEntities,
  renameEntity,
  reviewClaim,
  splitEntity,
  undoDecision,
  versionKey,
  versionKeysOf,
} from "./decisions.js";
export { type MatchView, matchIdOf, readMatchesWithDecisions } from "./matches.js";
export { isOnlyLegalForm, keyOfName, keyOfSchemaName, keysOfNames, type NameKey } from "./names.js";
export {
  decisionForMatch,
  findMatchDecision,
  type MatchDecision,
  type Replay,
  replayDecisions,
} from "./replay.js";
export { ensureResolved, type ResolutionSummary, resolveWithin, runResolution } from "./run-resolution.js";
export {
  type ClusteredItem,
  type ClusteringScores,
  type ClusterScore,
  scoreClustering,
  scoreResolution,
} from "./score.js";
export {
  type ConfirmedMatchChange,
  carryConfirmed,
  namesToScreen,
  runScreening,
  SCREENING_DEFAULTS,
  type ScreeningOptions,
  type ScreeningSummary,
  screenEntities,
} from "./screen-entities.js";
