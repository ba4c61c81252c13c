// Reads list files and folders into parsed lists: finds the files, sniffs each one's format (or checks
// the one forced with --format), groups the files of one set (an OFAC CSV folder), parses, and stops
// with every issue before anything is stored.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { type ListEntry, SkeinError } from "../model/index.js";
import { IssueLog, type ListFile, type ListFormat, type ListIssue } from "./list-format.js";
import { LIST_FORMATS } from "./list-formats.js";

/** One list as read from its file(s), ready to be stored as a snapshot. */
export interface ParsedList {
  snapshot: {
    authority: string;
    list: string;
    publishDate: string | null;
    /** SHA-256 of the file; for a set, of its files' names and hashes. */
    fileSha256: string;
    format: string;
    /** The file name, or the set's names joined with `+`. */
    filename: string | null;
    entryCount: number;
  };
  entries: ListEntry[];
  /** Warnings: what the user should know (missing files of a set, rows skipped). */
  issues: ListIssue[];
}

/** Options of `readListFiles`. */
export interface ReadListOptions {
  /** A format name from LIST_FORMATS, to skip detection. */
  format?: string;
  /** Who loads the lists (an account, a token or the OS user), recorded on each new snapshot. */
  by?: string;
}

const HEAD_BYTES = 16 * 1024;
/** Files in folders that are documentation or metadata, never lists. */
const NOT_A_LIST = /(^\.|\.md$|\.txt$|\.pdf$|\.html?$|^(index|statistics|delta|metadata)\.json$|\.xsd$)/i;

/** Looks up a format by name; an unknown name is LISTS_UNKNOWN_FORMAT listing the valid ones. */
export function findListFormat(name: string): ListFormat {
  const format = LIST_FORMATS.find((f) => f.name === name);
  if (!format) {
    throw new SkeinError(
      "LISTS_UNKNOWN_FORMAT",
      `unknown list format "${name}"; valid: ${LIST_FORMATS.map((f) => f.name).join(", ")}`,
      { field: "--format", received: name },
    );
  }
  return format;
}

async function describe(path: string): Promise<ListFile> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { path, name: basename(path), size, head, headText: head.toString("latin1") };
  } finally {
    await handle.close();
  }
}

async function listFolder(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const item of (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (NOT_A_LIST.test(item.name)) continue;
    const path = join(folder, item.name);
    if (item.isDirectory()) out.push(...(await listFolder(path)));
    else if (item.isFile()) out.push(path);
  }
  return out;
}

/** Hex SHA-256 of a file, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The formats a file could be, in registry order. */
function sniffAll(file: ListFile): ListFormat[] {
  return LIST_FORMATS.filter((f) => f.sniff(file));
}

/**
 * Reads list files or folders (a folder is read as the files in it, a set such as OFAC's CSV files
 * being parsed together). Formats are sniffed unless `options.format` names one. Throws on the first
 * list with errors, naming the file and line or record of each; returns nothing partial.
 */
export async function readListFiles(paths: string[], options: ReadListOptions = {}): Promise<ParsedList[]> {
  const forced = options.format ? findListFormat(options.format) : null;
  const chosen: Array<{ file: ListFile; format: ListFormat }> = [];
  const skipped: ListIssue[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new SkeinError("LISTS_PATH_MISSING", `no such file or folder: ${path}`, { file: path });
    const inFolder = info.isDirectory();
    const before = chosen.length;
    const files = inFolder ? await listFolder(path) : [path];
    for (const filePath of files) {
      const file = await describe(filePath);
      if (forced) {
        if (!forced.sniff(file)) {
          if (inFolder) continue;
          const looks = sniffAll(file)[0];
          throw new SkeinError(
            "LISTS_WRONG_FORMAT",
            `${file.name} is not a ${forced.name} file (${forced.description})` +
              (looks ? `; it looks like ${looks.name}` : "; its content matches no known list format"),
            { file: file.path, field: "--format", received: file.headText.slice(0, 120) },
          );
        }
        chosen.push({ file, format: forced });
        continue;
      }
      const format = sniffAll(file)[0];
      if (!format) {
        if (inFolder) {
          skipped.push({
            severity: "warning",
            code: "LISTS_UNKNOWN_FORMAT",
            file: file.path,
            message: "not a known list format; skipped",
          });
          continue;
        }
        throw new SkeinError(
          "LISTS_UNKNOWN_FORMAT",
          `cannot tell which list format this is; known: ${LIST_FORMATS.map((f) => f.name).join(", ")}`,
          { file: file.path, received: file.headText.slice(0, 120) },
        );
      }
      chosen.push({ file, format });
    }
    if (inFolder && chosen.length === before) {
      throw forced
        ? new SkeinError("LISTS_WRONG_FORMAT", `no file in the folder ${path} is a ${forced.name} file`, {
            file: path,
            field: "--format",
            received: forced.name,
          })
        : new SkeinError("LISTS_UNKNOWN_FORMAT", `the folder ${path} has no list file of a known format`, {
            file: path,
          });
    }
  }

  const groups = new Map<string, { format: ListFormat; files: ListFile[] }>();
  for (const { file, format } of chosen) {
    const key = `${format.name}|${format.setKey ? format.setKey(file) : file.path}`;
    const group = groups.get(key) ?? { format, files: [] };
    if (!group.files.some((f) => f.path === file.path)) group.files.push(file);
    groups.set(key, group);
  }

  const out: ParsedList[] = [];
  for (const { format, files } of groups.values()) {
    // Code-point order, independent of the locale and of the order the paths were given in.
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const log = new IssueLog();
    const result = await format.parse(files, log);
    log.throwIfErrors();
    if (result.entries.length === 0) {
      const set = files.length > 1 ? ` (${files.map((f) => f.name).join(", ")})` : "";
      throw new SkeinError("LISTS_EMPTY", `the ${format.name} list${set} has no entries`, {
        file: files[0].path,
      });
    }
    const hashes = await Promise.all(files.map((f) => hashFile(f.path)));
    const fileSha256 =
      files.length === 1
        ? hashes[0]
        : createHash("sha256")
            .update(
              files
                .map((f, i) => `${f.name}:${hashes[i]}`)
                .sort()
                .join("\n"),
            )
            .digest("hex");
    out.push({
      snapshot: {
        authority: format.authority,
        list: result.list,
        publishDate: result.publishDate,
        fileSha256,
        format: format.name,
        filename: files.map((f) => f.name).join("+"),
        entryCount: result.entries.length,
      },
      entries: result.entries,
      issues: [...skipped.splice(0), ...log.issues],
    });
  }
  return out;
}
