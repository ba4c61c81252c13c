// The workspace store. Reads and writes every table; stages call these functions with the db (or
// a transaction) first, so several writes compose into one transaction.
// Public: openWorkspace, resolveWorkspacePath, source queries, toJson/fromJson, table types, account,
// token, session and audit queries, record versions.
export {
  type AccountRow,
  type ApiTokenRow,
  type AuditEvent,
  appendAuditEvent,
  clearLoginFailure,
  countCredentials,
  deleteSession,
  deleteSessionsExpiredBy,
  deleteSessionsOf,
  findAccount,
  findLoginFailure,
  findSession,
  findToken,
  insertAccount,
  insertSession,
  insertToken,
  type LoginFailureRow,
  listAccounts,
  listAuditEvents,
  listTokens,
  type SessionRow,
  saveLoginFailure,
  touchSession,
  updateAccount,
  updateToken,
} from "./accounts.js";
export {
  appendDecision,
  findDecision,
  listDecisions,
  type NewDecision,
  supersedeDecision,
} from "./decisions.js";
export { fromJson, toJson } from "./dialect.js";
export {
  type ClaimFilter,
  type ClaimRow,
  type ExtractionWrite,
  listClaims,
  listMentions,
  listSourceEntities,
  replaceExtraction,
} from "./extraction.js";
export {
  findListSnapshotBySha,
  findListSnapshotsByPrefix,
  insertListEntries,
  insertListSnapshot,
  type ListEntryHit,
  listListEntries,
  listListSnapshots,
  searchListEntries,
} from "./lists.js";
export { findMatchesByPrefix, listMatches, replaceMatches, type StoredMatch } from "./matches.js";
export {
  CASE_ENTITY_PRODUCER,
  countUnresolved,
  type DocumentEntity,
  type EntityJoin,
  findClaim,
  findClaimsByPrefix,
  findMentionRef,
  type MentionRef,
  readCaseEntities,
  readDocumentEntities,
  readMemberships,
  readMentionRefs,
  readStoredClaims,
  replaceCaseEntities,
  type StoredCaseEntity,
  setClaimStatus,
} from "./resolution.js";
export type * from "./schema.js";
export { countRecords, findSource, findSourcesByPrefix, insertSource, listSources } from "./sources.js";
export {
  type MemberView,
  mentionIdsOf,
  readMembers,
  SPLIT_PRODUCER,
  splitEntityIdOf,
  syncMentionSplits,
} from "./split-mentions.js";
export { lockDecisionLog, readAllVersions, readVersions, writeVersions } from "./versions.js";
export {
  type Db,
  DEFAULT_WORKSPACE,
  isWorkspaceEmpty,
  type OpenOptions,
  openWorkspace,
  type Queryable,
  resolveWorkspacePath,
  type Workspace,
} from "./workspace.js";
