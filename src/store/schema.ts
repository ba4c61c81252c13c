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
}
