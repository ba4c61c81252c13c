// Table types of the workspace, one interface per table (Kysely's Database shape). JSON columns are
// TEXT holding JSON; src/store/dialect.ts converts them so stages see plain values.
import type { Generated } from "kysely";

export interface SourceTable {
  id: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  published: string | null;
  url: string | null;
  kind: string;
  reliability: string | null;
  format: string;
  filename: string | null;
  text: string;
  page_starts: string | null;
  ingested_at: string;
  /** Who ingested it (an account, a token, or the OS user of a command); null before accounts existed. */
  ingested_by: string | null;
}

export interface EntityTable {
  id: string;
  /** The source it was read from (extraction, FtM ingest); null for case-level entities. */
  source_id: string | null;
  type: string;
  caption: string;
  names: string;
  country: string | null;
  identifiers: string;
  /** FtM properties for entities ingested as FtM, else "{}". */
  properties: string;
  /** Who made it: rules version, `ftm`, analyst. */
  producer: string;
}

export interface MentionTable {
  id: string;
  source_id: string;
  start: number;
  end: number;
  text: string;
  type: string;
  entity_id: string | null;
  producer: string;
}

export interface ClaimTable {
  id: string;
  subject_id: string;
  predicate: string;
  object_id: string;
  period: string | null;
  amount: string | null;
  product_id: string | null;
  via_id: string | null;
  source_id: string;
  start: number;
  end: number;
  quote: string;
  attribution: string | null;
  certainty: string;
  status: string;
  producer: string;
  probability: number | null;
}

export interface ListSnapshotTable {
  id: string;
  authority: string;
  list: string;
  publish_date: string | null;
  file_sha256: string;
  format: string;
  filename: string | null;
  entry_count: number;
  loaded_at: string;
  /** Who loaded it; null before accounts existed. */
  loaded_by: string | null;
}

export interface ListEntryTable {
  snapshot_id: string;
  id: string;
  schema: string;
  caption: string;
  authority_id: string;
  /** The whole ListEntry record as JSON. */
  data: string;
}

export interface MatchTable {
  id: string;
  entity_id: string;
  snapshot_id: string;
  entry_id: string;
  score: number;
  algorithm: string;
  explanations: string;
}

export interface DecisionTable {
  id: Generated<number>;
  at: string;
  by: string;
  action: string;
  target: string;
  why: string | null;
  superseded_by: number | null;
}

/** Resolution: the case entity that each document-level entity belongs to. */
export interface EntityMemberTable {
  member_id: string;
  entity_id: string;
}

/** Resolution: why two document-level entities were joined into a case entity. */
export interface EntityJoinTable {
  entity_id: string;
  left_id: string;
  right_id: string;
  rule: string;
  detail: string;
}

/** An account of the case: a person who signs in, with one role. */
export interface AccountTable {
  name: string;
  role: string;
  /** scrypt hash with its parameters; null for an account that signs in only through single sign-on. */
  password_hash: string | null;
  created_at: string;
  created_by: string;
  password_set_at: string | null;
  disabled_at: string | null;
}

/** An API token: its secret is stored only as a hash. */
export interface ApiTokenTable {
  id: string;
  name: string;
  secret_hash: string;
  role: string;
  scope: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
}

/** A browser session: the cookie's value is stored only as a hash. */
export interface SessionTable {
  id_hash: string;
  account: string;
  /** How the account signed in: password or oidc. */
  method: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** Consecutive failed sign-ins under one name, and until when it is locked. */
export interface LoginFailureTable {
  name: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

/** One event of the audit trail (append-only): who did what to which record. */
export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  /** JSON object with what else the event needs to be read (counts, role, names; never a secret). */
  detail: string;
}

/** The version of a decided record (the id of the last decision on it); key "*" is the log's head. */
export interface RecordVersionTable {
  key: string;
  version: number;
}

export interface Database {
  sources: SourceTable;
  entities: EntityTable;
  mentions: MentionTable;
  claims: ClaimTable;
  list_snapshots: ListSnapshotTable;
  list_entries: ListEntryTable;
  matches: MatchTable;
  decisions: DecisionTable;
  entity_members: EntityMemberTable;
  entity_joins: EntityJoinTable;
  accounts: AccountTable;
  api_tokens: ApiTokenTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  audit_events: AuditEventTable;
  record_versions: RecordVersionTable;
}
