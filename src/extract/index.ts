// Extraction stage: reads sources' text from the workspace and writes mentions, document-level entities
// and proposed claims (with evidence, period, amount, attribution and certainty).
// Public: extractText (pure), toContractDocument (the `skein extract --format json` shape),
// runExtraction (store I/O), RULES (the claim rule registry), findPeriods, findAmounts, the gazetteer,
// extractWithModel (the optional model-assisted extractor), the place and demonym lexicons.
export { type AmountInText, findAmounts } from "./amounts.js";
export {
  type ContractDocument,
  type ContractEntity,
  type ContractRelation,
  formatPeriod,
  toContractDocument,
} from "./contract.js";
export { normaliseName } from "./coreference.js";
export { findPeriods, type PeriodInText } from "./dates.js";
export {
  type Analysis,
  analyseText,
  type Extraction,
  type ExtractOptions,
  extractText,
  filterClaims,
  finishExtraction,
  RULES_VERSION,
} from "./extract.js";
export {
  buildGazetteer,
  findInText,
  type Gazetteer,
  type GazetteerHit,
  type GazetteerItem,
} from "./gazetteer.js";
export {
  ANNOTATION_TYPES,
  type AnnotatedDocument,
  type AnnotatedEntity,
  type AnnotatedRelation,
  type AnnotationIssue,
  type ClusterFile,
  GENRE_NAMES,
  GENRES,
  type Genre,
  isAnnotationDate,
  normaliseForScoring,
  sharesPassage,
  validateAnnotation,
  validateClusters,
} from "./learn/annotation.js";
export { CORPUS_FOLDERS, type Corpus, readCorpus } from "./learn/corpus.js";
export { ENTITY_CLASSES, type EntityModel } from "./learn/entity-model.js";
export { FEATURE_FAMILIES, FEATURE_SET_VERSION, type FeatureFamily } from "./learn/features/index.js";
export {
  applyLearned,
  LEARNED_MODEL_NAME,
  type LearnedModel,
  type ModelHeader,
  parseModel,
  serialiseModel,
} from "./learn/learned-model.js";
export { DEFAULT_WEIGHTS_FILE, loadLearnedModel } from "./learn/load-model.js";
export { findPairs, type PairCandidate } from "./learn/pairs.js";
export { type Decoding, RELATION_MODEL_NAME, type RelationModel } from "./learn/relation-model.js";
export {
  alignEntities,
  type DocumentScore,
  matchRelations,
  type Score,
  type ScoredDocument,
  scoreDocument,
  scoreOf,
  sumScores,
} from "./learn/score.js";
export {
  CLASSES,
  extractPrepared,
  foldsOf,
  type PreparedDocument,
  prepareDocument,
  roundScore,
  TRAINING_DEFAULTS,
  type TrainingConfig,
  trainLearnedModel,
} from "./learn/train.js";
export { findDemonym, findPlace, type PlaceHit } from "./lexicons/index.js";
export {
  extractWithModel,
  type ModelExtraction,
  type ModelOptions,
  modelOptionsFromEnv,
} from "./llm/extract-with-model.js";
export { type ClaimRule, RULES } from "./rules/index.js";
export {
  buildWorkspaceGazetteer,
  type ExtractionRun,
  type RunExtractionOptions,
  runExtraction,
  type SourceExtraction,
} from "./run.js";
