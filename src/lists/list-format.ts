// The contract every list format in src/lists/formats/ implements (one file per format, one registry
// array), plus the issue log that parsers fill with file:line:field problems before anything is stored.
import { type ErrorCode, type ListEntry, SkeinError } from "../model/index.js";
import type { ListLimits } from "./list-limits.js";

/** One file offered to the formats: its path, name, size and first bytes (for sniffing). */
export interface ListFile {
  path: string;
  /** Base name, e.g. `sdn.csv`. */
  name: string;
  size: number;
  /** The first bytes of the file (up to 16 KiB). */
  head: Buffer;
  /** `head` decoded as Latin-1, for cheap text tests. */
  headText: string;
  /** The bounds its reading stays within. */
  limits: ListLimits;
}

/** A problem found while parsing, with where it is. */
export interface ListIssue {
  severity: "error" | "warning";
  code: ErrorCode;
  file: string;
  line?: number;
  /** The record's own id or position, where there is no line (XML, XLSX rows). */
  record?: string;
  field?: string;
  message: string;
  received?: string;
}

/** What a format's parser returns for one file or set of files. */
export interface FormatResult {
  /** The list within the authority: sdn, consolidated, conlist, fsf … */
  list: string;
  /** YYYY-MM-DD read from inside the file, when it has one. */
  publishDate: string | null;
  entries: ListEntry[];
}

/** A list format: a stable name, a sniff test and a streaming parser. */
export interface ListFormat {
  /** Stable name used by `--format` and stored on the snapshot. */
  name: string;
  /** The authority that publishes it: ofac, un, uk, eu, opensanctions. */
  authority: string;
  /** One line for help texts and the README. */
  description: string;
  /** True when the file looks like this format (name and first bytes). */
  sniff(file: ListFile): boolean;
  /**
   * Files with the same key are one set, parsed together (the OFAC CSV files of one folder).
   * Formats without it read each file alone.
   */
  setKey?(file: ListFile): string;
  /** Reads the file(s), streaming where the format allows; problems go to `log`. */
  parse(files: ListFile[], log: IssueLog): Promise<FormatResult>;
}

const MAX_KEPT = 200;

/** Collects issues while parsing; `throwIfErrors` stops before anything is stored. */
export class IssueLog {
  readonly issues: ListIssue[] = [];
  #errors = 0;

  /** Records an error; parsing goes on so that every bad row is reported. */
  error(issue: Omit<ListIssue, "severity">): void {
    this.#errors++;
    if (this.issues.length < MAX_KEPT) this.issues.push({ severity: "error", ...issue });
  }

  /** Records a warning: something the user should know that does not stop the load. */
  warn(issue: Omit<ListIssue, "severity" | "code"> & { code?: ErrorCode }): void {
    if (this.issues.length < MAX_KEPT)
      this.issues.push({ severity: "warning", code: "LISTS_BAD_ROW", ...issue });
  }

  /** Number of errors seen (also those past the kept ones). */
  get errorCount(): number {
    return this.#errors;
  }

  /** Throws one SkeinError naming the first error and carrying every kept issue. */
  throwIfErrors(): void {
    if (this.#errors === 0) return;
    const errors = this.issues.filter((i) => i.severity === "error");
    const first = errors[0];
    const more = this.#errors > 1 ? ` (and ${this.#errors - 1} more issue(s), listed in details.issues)` : "";
    throw new SkeinError(first.code, `${first.message}${more}`, {
      file: first.file,
      line: first.line,
      field: first.field,
      record: first.record,
      received: first.received,
      issues: errors.map(formatIssue),
    });
  }
}

/** `file:line field: message` for one issue. */
export function formatIssue(issue: ListIssue): string {
  const where = [
    issue.line ? `${issue.file}:${issue.line}` : issue.file,
    issue.record && `record ${issue.record}`,
  ]
    .filter(Boolean)
    .join(" ");
  return `${where}${issue.field ? ` ${issue.field}` : ""}: ${issue.message}`;
}
