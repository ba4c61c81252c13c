// A buffered, synchronous file writer for exports: large cases write hundreds of megabytes, so text is
// gathered in chunks and flushed with one system call each (Node's fs.writeSync).
import { closeSync, openSync, writeSync } from "node:fs";
import { SkeinError } from "../model/index.js";

const FLUSH_AT = 1 << 20;

/** Where an export writes its text. */
export class FileSink {
  readonly path: string;
  #fd: number;
  #chunks: string[] = [];
  #pending = 0;
  #bytes = 0;

  /** Opens (and truncates) `path`; throws REPORT_WRITE_FAILED when it cannot be written. */
  constructor(path: string) {
    this.path = path;
    try {
      this.#fd = openSync(path, "w");
    } catch (cause) {
      throw writeFailed(path, cause);
    }
  }

  /** Appends text. */
  write(text: string): void {
    this.#chunks.push(text);
    this.#pending += text.length;
    if (this.#pending >= FLUSH_AT) this.#flush();
  }

  /** Flushes and closes; returns the bytes written. */
  close(): number {
    this.#flush();
    closeSync(this.#fd);
    return this.#bytes;
  }

  #flush(): void {
    if (this.#chunks.length === 0) return;
    const buffer = Buffer.from(this.#chunks.join(""), "utf8");
    this.#chunks = [];
    this.#pending = 0;
    try {
      let offset = 0;
      while (offset < buffer.length) offset += writeSync(this.#fd, buffer, offset);
    } catch (cause) {
      throw writeFailed(this.path, cause);
    }
    this.#bytes += buffer.length;
  }
}

/** The error for an output file that cannot be written. */
export function writeFailed(path: string, cause: unknown): SkeinError {
  return new SkeinError(
    "REPORT_WRITE_FAILED",
    `writeReports: cannot write ${path}: ${(cause as Error)?.message ?? String(cause)}`,
    { file: path },
    { cause },
  );
}
