// A buffered, synchronous file writer for exports: large cases write hundreds of megabytes, so text is
// encoded straight into one reused buffer and flushed with one system call each (Node's fs.writeSync).
import { closeSync, openSync, writeSync } from "node:fs";
import { SkeinError } from "../model/index.js";

const BUFFER_BYTES = 4 << 20;

/** Where an export writes its text. */
export class FileSink {
  readonly path: string;
  #fd: number;
  #buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  #used = 0;
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
    // UTF-8 takes at most 3 bytes per UTF-16 unit; flush first when the text might not fit.
    if (this.#used + text.length * 3 > this.#buffer.length) {
      this.#flush();
      if (text.length * 3 > this.#buffer.length) {
        this.#writeAll(Buffer.from(text, "utf8"));
        return;
      }
    }
    this.#used += this.#buffer.write(text, this.#used, "utf8");
  }

  /** Flushes and closes; returns the bytes written. */
  close(): number {
    this.#flush();
    closeSync(this.#fd);
    return this.#bytes;
  }

  #flush(): void {
    if (this.#used === 0) return;
    this.#writeAll(this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }

  #writeAll(bytes: Buffer): void {
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(this.#fd, bytes, offset);
    } catch (cause) {
      throw writeFailed(this.path, cause);
    }
    this.#bytes += bytes.length;
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
