// Streaming readers shared by the formats: decoded text chunks (UTF-8, falling back to Windows-1252 as
// older UK files use), CSV records with their line numbers (csv-parse), and XML records as small element
// trees built from a saxes event stream, so a large list is never held as one string.
import { createReadStream } from "node:fs";
import { SaxesParser } from "saxes";
import { SkeinError } from "../model/index.js";
import type { IssueLog, ListFile } from "./list-format.js";

/** A file as the stream readers take it: where it is and the bounds to read it within. */
export type StreamFile = Pick<ListFile, "path" | "limits">;

/** Where the readers put what the user should know; the formats pass their IssueLog. */
export type StreamLog = Pick<IssueLog, "warn">;

/** The error for a file with more records than its limit. */
export function tooManyRecords(file: StreamFile, line?: number): SkeinError {
  return new SkeinError(
    "LISTS_TOO_MANY_ROWS",
    `the file has more than ${file.limits.maxRecords.toLocaleString("en")} records`,
    { file: file.path, line, received: `over ${file.limits.maxRecords} records` },
  );
}

/**
 * Decoded text of a file, chunk by chunk, without a byte-order mark. Text that is not UTF-8 is read as
 * Windows-1252 (as older UK files are written) with a warning naming the line; a NUL byte, which no
 * list holds, is LISTS_BINARY with its line.
 */
export async function* readTextChunks(file: StreamFile, log: StreamLog): AsyncGenerator<string> {
  let decoder = new TextDecoder("utf-8", { fatal: true });
  let fallback = false;
  let first = true;
  let line = 1;
  const deadline = performance.now() + file.limits.maxSeconds * 1000;
  const check = (text: string) => {
    if (performance.now() > deadline) {
      throw new SkeinError(
        "LISTS_TIMEOUT",
        `reading the file took more than ${file.limits.maxSeconds} s; stopped at line ${line}`,
        { file: file.path, line, received: `over ${file.limits.maxSeconds} s` },
      );
    }
    const nul = text.indexOf("\0");
    if (nul >= 0) {
      throw new SkeinError("LISTS_BINARY", "the file holds a NUL byte: it is binary or damaged, not a list", {
        file: file.path,
        line: line + countLines(text, nul),
        received: JSON.stringify(text.slice(Math.max(0, nul - 40), nul + 40)),
      });
    }
    line += countLines(text, text.length);
  };
  for await (const chunk of createReadStream(file.path, { highWaterMark: 1 << 20 })) {
    let text: string;
    if (fallback) {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } else {
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        // Not UTF-8: the legacy lists are Windows-1252; earlier chunks were ASCII-compatible either way.
        fallback = true;
        decoder = new TextDecoder("windows-1252");
        text = decoder.decode(chunk as Buffer, { stream: true });
        const at = (chunk as Buffer).findIndex((byte) => byte >= 0x80);
        log.warn({
          file: file.path,
          line: line + countLines(text, Math.max(0, at)),
          code: "LISTS_BAD_ROW",
          message: "the file is not valid UTF-8 from this line on; it was read as Windows-1252",
        });
      }
    }
    if (first) {
      text = text.replace(/^\uFEFF/, "");
      first = false;
    }
    check(text);
    if (text) yield text;
  }
  const rest = decoder.decode();
  check(rest);
  if (rest) yield rest;
}

/** Line feeds in `text` before `end`. */
function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** One CSV record and the line it starts on (1-based). */
export interface CsvRow {
  record: string[];
  line: number;
}

/**
 * CSV records of a file with the line each starts on (RFC 4180: quoted fields, doubled quotes, CRLF or
 * LF; a quote inside an unquoted field is kept as text). A hand-written state machine: it runs several
 * times faster than a general CSV library on the multi-megabyte lists.
 */
export async function* readCsvRows(
  file: StreamFile,
  log: StreamLog,
  options: { delimiter?: string } = {},
): AsyncGenerator<CsvRow> {
  for await (const batch of readCsvBatches(file, log, options)) yield* batch;
}

/** The records of `readCsvRows` in batches (one per chunk read), for the hot paths. */
export async function* readCsvBatches(
  file: StreamFile,
  log: StreamLog,
  options: { delimiter?: string } = {},
): AsyncGenerator<CsvRow[]> {
  const path = file.path;
  let records = 0;
  const delimiter = (options.delimiter ?? ",").charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  let record: string[] = [];
  let field = "";
  let quoted = false; // inside a quoted field
  let quoteSeen = false; // a quote inside a quoted field: either its end or the first of a doubled pair
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  let pendingCR = false;
  const rows: CsvRow[] = [];
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && record[0] === "" && !fieldStarted)) rows.push({ record, line: recordLine });
    record = [];
    field = "";
    fieldStarted = false;
  };
  for await (const text of readTextChunks(file, log)) {
    let runStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (pendingCR) {
        pendingCR = false;
        if (c === LF) {
          runStart = i + 1;
          continue;
        }
      }
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === QUOTE) {
            field += '"';
            runStart = i + 1;
            continue;
          }
          quoted = false; // the quote closed the field; fall through to read c unquoted
        } else {
          if (c === QUOTE) {
            field += text.slice(runStart, i);
            quoteSeen = true;
            runStart = i + 1;
          } else if (c === LF) line++;
          continue;
        }
      }
      if (c === delimiter) {
        field += text.slice(runStart, i);
        record.push(field);
        field = "";
        fieldStarted = true;
        runStart = i + 1;
      } else if (c === LF || c === CR) {
        field += text.slice(runStart, i);
        endRecord();
        line++;
        recordLine = line;
        pendingCR = c === CR;
        runStart = i + 1;
      } else if (c === QUOTE && field === "" && runStart === i) {
        quoted = true;
        fieldStarted = true;
        runStart = i + 1;
      } else {
        fieldStarted = true;
      }
    }
    if (quoted && !quoteSeen) field += text.slice(runStart);
    else if (!quoted) field += text.slice(runStart);
    records += rows.length;
    if (records > file.limits.maxRecords) throw tooManyRecords(file, recordLine);
    if (rows.length) yield rows.splice(0);
  }
  if (quoted && !quoteSeen) {
    throw new SkeinError(
      "LISTS_BAD_ROW",
      "the file ends inside a quoted field (a closing quote is missing)",
      {
        file: path,
        line: recordLine,
      },
    );
  }
  if (field !== "" || record.length) endRecord();
  if (rows.length) yield rows;
}

/** A small element tree: local name, attributes, text and children. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
  /** Line where the element starts. */
  line: number;
}

/** Options of `readXmlRecords`. */
export interface XmlRecordOptions {
  /** Local names of the elements to hand over whole (entries and header elements). */
  records: ReadonlySet<string>;
  /** Called with each record element once it closes. */
  onRecord(node: XmlNode): void;
  /** Called with the root element's local name and attributes. */
  onRoot?(name: string, attrs: Record<string, string>): void;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Streams an XML file and hands each record element over as a tree; malformed XML is LISTS_BAD_XML. */
export async function readXmlRecords(
  file: StreamFile,
  log: StreamLog,
  options: XmlRecordOptions,
): Promise<void> {
  const path = file.path;
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  let depth = 0;
  let records = 0;
  let failure: unknown = null;
  parser.on("opentag", (tag) => {
    if (failure) return;
    if (depth >= file.limits.maxDepth) {
      failure ??= new SkeinError(
        "LISTS_TOO_DEEP",
        `the XML nests elements more than ${file.limits.maxDepth} deep`,
        { file: path, line: parser.line, received: tag.name },
      );
      return;
    }
    const name = localName(tag.name);
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attrs[localName(key)] = String(value);
    if (depth === 0) options.onRoot?.(name, attrs);
    depth++;
    if (stack.length > 0 || options.records.has(name)) {
      const node: XmlNode = { name, attrs, text: "", children: [], line: parser.line };
      stack.at(-1)?.children.push(node);
      stack.push(node);
    }
  });
  parser.on("text", (text) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.on("cdata", (text) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.on("closetag", () => {
    if (failure) return;
    depth--;
    if (!stack.length) return;
    const node = stack.pop()!;
    node.text = node.text.trim();
    if (stack.length > 0) return;
    if (++records > file.limits.maxRecords) failure ??= tooManyRecords(file, node.line);
    else options.onRecord(node);
  });
  parser.on("error", (error) => {
    failure ??= error;
  });
  // saxes resets its position when closed, so the last line reached is kept here.
  let lastLine = 1;
  const fail = (cause: unknown) => {
    const message = (cause as Error).message.replace(/^[^:]*:\d+:\d+:\s*/, "");
    const line = Math.max(lastLine, parser.line);
    return new SkeinError(
      "LISTS_BAD_XML",
      `the XML is malformed or cut short at line ${line}: ${message}`,
      { file: path, line },
      { cause },
    );
  };
  try {
    for await (const text of readTextChunks(file, log)) {
      parser.write(text);
      lastLine = parser.line;
      if (failure) throw failure instanceof SkeinError ? failure : fail(failure);
    }
    parser.close();
  } catch (cause) {
    if (cause instanceof SkeinError) throw cause;
    throw fail(cause);
  }
  if (failure) throw failure instanceof SkeinError ? failure : fail(failure);
  if (depth !== 0) throw fail(new Error("the file ends inside an element"));
}

/** The trimmed text of the first child called `name`, or null. */
export function childText(node: XmlNode, name: string): string | null {
  const child = node.children.find((c) => c.name === name);
  return child?.text ? child.text : null;
}

/** Children called `name`, looking through one wrapper level (`akaList/aka`). */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const child of node.children) {
    if (child.name === name) out.push(child);
    else for (const grand of child.children) if (grand.name === name) out.push(grand);
  }
  return out;
}

/** Lines of a text file with their numbers (1-based), without line ends. */
export async function* readLines(
  file: StreamFile,
  log: StreamLog,
): AsyncGenerator<{ text: string; line: number }> {
  let rest = "";
  let line = 0;
  for await (const chunk of readTextChunks(file, log)) {
    const parts = (rest + chunk).split(/\r?\n/);
    rest = parts.pop() ?? "";
    if (line + parts.length > file.limits.maxRecords) throw tooManyRecords(file, line);
    for (const text of parts) yield { text, line: ++line };
  }
  if (rest) yield { text: rest, line: ++line };
}

/** How a list CSV with a header row is read: its layout, what its header needs, lines before it. */
export interface HeadedCsvOptions {
  delimiter?: string;
  /** The layout's name, for the message when the header is not it ("the UK OFSI"). */
  layout: string;
  /** The columns a header lacks; none when it is this layout. */
  missingColumns(header: string[]): string[];
  /** Reads a line before the header ("Last Updated", "Report Date"); true when it took the line. */
  preamble?(record: string[]): boolean;
  /** The key a header name is stored under in `values` (default: the trimmed name). */
  key?(header: string): string;
}

/** A data row of a headed CSV, keyed by header name. */
export interface HeadedCsvRow {
  values: Record<string, string>;
  record: string[];
  line: number;
}

/**
 * Data rows of a list CSV with a header row: a header that is not the layout stops the parse with
 * LISTS_BAD_LAYOUT; a row whose column count differs from the header's is logged as LISTS_BAD_ROW and
 * skipped, so every bad row is reported; blank lines are skipped.
 */
export async function* readHeadedCsvRows(
  file: StreamFile,
  options: HeadedCsvOptions,
  log: Pick<IssueLog, "error" | "warn">,
): AsyncGenerator<HeadedCsvRow> {
  const path = file.path;
  const delimiter = options.delimiter ?? ",";
  let keys: string[] | null = null;
  for await (const { record, line } of readCsvRows(file, log, { delimiter })) {
    if (!keys) {
      if (options.preamble?.(record)) continue;
      const header = record.map((h) => h.trim());
      const missing = options.missingColumns(header);
      if (missing.length) {
        throw new SkeinError(
          "LISTS_BAD_LAYOUT",
          `line ${line} is not the ${options.layout} header: it lacks ${missing.join(", ")}`,
          { file: path, line, received: record.join(delimiter) },
        );
      }
      keys = header.map((h) => options.key?.(h) ?? h);
      continue;
    }
    if (record.length === 1 && !record[0].trim()) continue;
    if (record.length !== keys.length) {
      log.error({
        code: "LISTS_BAD_ROW",
        file: path,
        line,
        message: `the row has ${record.length} columns; the header has ${keys.length}`,
        received: record.join(delimiter),
      });
      continue;
    }
    const values: Record<string, string> = {};
    keys.forEach((k, i) => {
      values[k] = record[i];
    });
    yield { values, record, line };
  }
}
