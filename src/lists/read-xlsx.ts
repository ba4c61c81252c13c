// A streaming reader for the first worksheet of an XLSX file (ECMA-376 SpreadsheetML in a ZIP archive,
// APPNOTE.TXT): the ZIP central directory is read from the end of the file, then the sheet's XML is
// inflated and parsed with saxes row by row, so a large workbook is never held in memory whole.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { posix } from "node:path";
import { createInflateRaw } from "node:zlib";
import { SaxesParser } from "saxes";
import { SkeinError } from "../model/index.js";
import { type StreamFile, tooManyRecords } from "./read-stream.js";

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Size after inflating, as the central directory states it (checked while inflating). */
  size: number;
  localHeaderOffset: number;
}

/** The archive's entries, from its central directory. */
async function readZipDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    let eocd = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error("not a ZIP archive (no end of central directory)");
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || dirOffset + dirSize > size) throw new Error("ZIP64 or damaged archive");
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (dir.readUInt32LE(at) !== 0x02014b50) throw new Error("damaged central directory");
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const name = dir.toString("utf8", at + 46, at + 46 + nameLength);
      entries.set(name, {
        name,
        method: dir.readUInt16LE(at + 10),
        compressedSize: dir.readUInt32LE(at + 20),
        size: dir.readUInt32LE(at + 24),
        localHeaderOffset: dir.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    // The data starts after each entry's local header, whose name and extra fields vary in length.
    for (const entry of entries.values()) {
      const header = Buffer.alloc(30);
      await handle.read(header, 0, 30, entry.localHeaderOffset);
      if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`damaged local header of ${entry.name}`);
      entry.localHeaderOffset += 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** LISTS_ARCHIVE_EXPANSION for a part that inflates (or says it inflates) past the bound. */
function checkExpansion(file: StreamFile, entry: ZipEntry, size: number): void {
  // Small parts are let through whatever their ratio: a few kilobytes of zeros compress a thousandfold.
  const bound = Math.max(entry.compressedSize * file.limits.maxExpansion, 1e6);
  if (size > bound) {
    throw new SkeinError(
      "LISTS_ARCHIVE_EXPANSION",
      `the part ${entry.name} inflates from ${entry.compressedSize} bytes to over ${size} bytes, more than ${file.limits.maxExpansion} times its stored size`,
      { file: file.path, record: entry.name, received: `${size} bytes` },
    );
  }
}

/** Decompressed text of one archive entry, chunk by chunk, stopped once it inflates past the bound. */
async function* readEntryText(file: StreamFile, entry: ZipEntry): AsyncGenerator<string> {
  const path = file.path;
  if (entry.compressedSize === 0) return;
  checkExpansion(file, entry, entry.size);
  const raw = createReadStream(path, {
    start: entry.localHeaderOffset,
    end: entry.localHeaderOffset + entry.compressedSize - 1,
  });
  if (entry.method !== 0 && entry.method !== 8)
    throw new Error(`unsupported compression method ${entry.method}`);
  const stream = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  const decoder = new TextDecoder("utf-8");
  let inflated = 0;
  const deadline = performance.now() + file.limits.maxSeconds * 1000;
  for await (const chunk of stream) {
    if (performance.now() > deadline) {
      throw new SkeinError(
        "LISTS_TIMEOUT",
        `reading the part ${entry.name} took more than ${file.limits.maxSeconds} s`,
        {
          file: file.path,
          record: entry.name,
          received: `over ${file.limits.maxSeconds} s`,
        },
      );
    }
    inflated += (chunk as Buffer).length;
    // The stated size may lie; the bytes actually inflated are what count.
    checkExpansion(file, entry, inflated);
    yield decoder.decode(chunk as Buffer, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Parses one XML entry with saxes, calling the handlers. */
async function parseEntry(
  file: StreamFile,
  entry: ZipEntry,
  handlers: {
    open(name: string, attrs: Record<string, string>): void;
    text(text: string): void;
    close(name: string): void;
  },
): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  let depth = 0;
  parser.on("opentag", (tag) => {
    if (failure) return;
    if (++depth > file.limits.maxDepth) {
      failure = new SkeinError(
        "LISTS_TOO_DEEP",
        `the part ${entry.name} nests elements more than ${file.limits.maxDepth} deep`,
        {
          file: file.path,
          record: entry.name,
        },
      );
      return;
    }
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = String(v);
    handlers.open(tag.name.replace(/^.*:/, ""), attrs);
  });
  parser.on("text", (t) => {
    if (!failure) handlers.text(t);
  });
  parser.on("closetag", (tag) => {
    if (failure) return;
    depth--;
    handlers.close(tag.name.replace(/^.*:/, ""));
  });
  parser.on("error", (e) => {
    failure ??= e;
  });
  for await (const text of readEntryText(file, entry)) {
    parser.write(text);
    if (failure) throw failure;
  }
  parser.close();
  if (failure) throw failure;
}

/** Column index (0-based) of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  let n = 0;
  for (const c of ref) {
    const code = c.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** One worksheet row: its number and its cells as text (numbers as written, no formatting). */
export interface XlsxRow {
  row: number;
  cells: string[];
}

/**
 * Streams the rows of the first worksheet to `onRow`, with the sheet's name; returns the name. An error
 * reading the archive is LISTS_BAD_LAYOUT; a SkeinError thrown by `onRow` stops the reading and is
 * passed on as it is.
 */
export async function readFirstSheet(
  file: StreamFile,
  onRow: (row: XlsxRow, sheetName: string) => void,
): Promise<string> {
  let entries: Map<string, ZipEntry>;
  let sheetName = "";
  let sheetPath = "";
  const shared: string[] = [];
  const path = file.path;
  let rows = 0;
  try {
    entries = await readZipDirectory(path);
    const workbook = entries.get("xl/workbook.xml");
    const rels = entries.get("xl/_rels/workbook.xml.rels");
    if (!workbook || !rels) throw new Error("no xl/workbook.xml: not a spreadsheet");
    let sheetRel = "";
    await parseEntry(file, workbook, {
      open(name, attrs) {
        if (name === "sheet" && !sheetRel) {
          sheetName = attrs.name ?? "";
          sheetRel = attrs["r:id"] ?? Object.entries(attrs).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
        }
      },
      text() {},
      close() {},
    });
    await parseEntry(file, rels, {
      open(name, attrs) {
        if (name === "Relationship" && attrs.Id === sheetRel) {
          const target = attrs.Target ?? "";
          sheetPath = target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join("xl", target));
        }
      },
      text() {},
      close() {},
    });
    if (!entries.has(sheetPath)) throw new Error(`the first worksheet (${sheetPath || sheetRel}) is missing`);
    const strings = entries.get("xl/sharedStrings.xml");
    if (strings) {
      let current: string[] | null = null;
      let inText = false;
      await parseEntry(file, strings, {
        open(name) {
          if (name === "si") current = [];
          else if (name === "t") inText = true;
        },
        text(text) {
          if (inText && current) current.push(text);
        },
        close(name) {
          if (name === "t") inText = false;
          else if (name === "si" && current) {
            shared.push(current.join(""));
            current = null;
          }
        },
      });
    }
  } catch (cause) {
    if (cause instanceof SkeinError) throw cause;
    throw new SkeinError(
      "LISTS_BAD_LAYOUT",
      `cannot read the spreadsheet: ${(cause as Error).message}`,
      { file: path },
      { cause },
    );
  }
  const sheet = entries.get(sheetPath)!;
  let row: XlsxRow | null = null;
  let cell: { column: number; type: string } | null = null;
  let value = "";
  let inValue = false;
  try {
    await parseEntry(file, sheet, {
      open(name, attrs) {
        if (name === "row") row = { row: Number(attrs.r ?? 0), cells: [] };
        else if (name === "c") {
          cell = { column: attrs.r ? columnOf(attrs.r) : (row?.cells.length ?? 0), type: attrs.t ?? "n" };
          value = "";
        } else if (name === "v" || name === "t") inValue = true;
      },
      text(text) {
        if (inValue) value += text;
      },
      close(name) {
        if (name === "v" || name === "t") inValue = false;
        else if (name === "c" && row && cell) {
          row.cells[cell.column] = cell.type === "s" ? (shared[Number(value)] ?? "") : value;
          cell = null;
        } else if (name === "row" && row) {
          for (let i = 0; i < row.cells.length; i++) row.cells[i] ??= "";
          if (++rows > file.limits.maxRecords) throw tooManyRecords(file, row.row);
          onRow(row, sheetName);
          row = null;
        }
      },
    });
  } catch (cause) {
    if (cause instanceof SkeinError) throw cause;
    throw new SkeinError(
      "LISTS_BAD_LAYOUT",
      `cannot read worksheet "${sheetName}": ${(cause as Error).message}`,
      { file: path },
      { cause },
    );
  }
  return sheetName;
}
