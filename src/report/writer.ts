// The one interface every export format implements (after FollowTheMoney's exporters): the report
// streams records to a writer one at a time, then calls finish once.
import type { NodeData, SourceRef } from "../graph/index.js";
import type { Claim } from "../model/index.js";
import type { Investigation, Link } from "./investigation.js";
import type { FileSink } from "./sink.js";

/**
 * One record of a case. They arrive in this order: every source, then every entity, then every link,
 * then every claim, so formats that group elements (GEXF's nodes before edges) can stream.
 */
export type ReportRecord =
  | { kind: "source"; source: SourceRef }
  | { kind: "entity"; entity: NodeData }
  | { kind: "link"; link: Link }
  | { kind: "claim"; claim: Claim };

/** A writer of one export file. */
export interface ExportWriter {
  /** Takes one record; formats ignore the kinds they do not export. */
  write(record: ReportRecord): void;
  /** Writes whatever comes after the last record (closing tags, composed documents). */
  finish(): void;
}

/** A registered export format. */
export interface ExportFormat {
  /** Stable name (also the CLI choice). */
  name: string;
  /** File name written in the output folder. */
  filename: string;
  description: string;
  /** Opens a writer over `sink` for this investigation. */
  create(investigation: Investigation, sink: FileSink): ExportWriter;
}
