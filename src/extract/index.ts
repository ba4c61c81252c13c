// Extraction stage: reads sources' text from the workspace and writes mentions, document-level entities
// and proposed claims (with evidence, period, amount, attribution and certainty).
// Public: extractText (pure), toContractDocument (the `skein extract --format json` shape),
// runExtraction (store I/O), RULES (the claim rule registry), findPeriods, findAmounts, the gazetteer,
// extractWithModel (the optional model-assisted extractor).
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
export { type Extraction, type ExtractOptions, extractText, RULES_VERSION } from "./extract.js";
export {
  buildGazetteer,
  findInText,
  type Gazetteer,
  type GazetteerHit,
  type GazetteerItem,
} from "./gazetteer.js";
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
