// Reads list files and folders into parsed lists: finds the files, sniffs each one's format (or checks
// the one forced with --format), groups the files of one set (an OFAC CSV folder), parses, and stops
// with every issue before anything is stored.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { type ListEntry, SkeinError } from "../model/index.js";
import { IssueLog, type ListFile, type ListFormat, type ListIssue } from "./list-format.js";
import { LIST_FORMATS } from "./list-formats.js";
import { LIST_LIMITS, type ListLimits } from "./list-limits.js";

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
  /** Bounds other than the defaults (LIST_LIMITS). */
  limits?: Partial<ListLimits>;
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

async function describe(path: string, limits: ListLimits): Promise<ListFile> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size > limits.maxBytes) {
      throw new SkeinError(
        "LISTS_TOO_LARGE",
        `the file is ${(size / 1e6).toFixed(1)} MB, over the limit of ${(limits.maxBytes / 1e6).toFixed(1)} MB`,
        { file: path, received: `${size} bytes` },
      );
    }
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { path, name: basename(path), size, head, headText: head.toString("latin1"), limits };
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

/** The kind of content a format reads, from the end of its name (ofac-csv, un-xml, uk-ofsi-xlsx). */
const CONTENT_KINDS = ["csv", "xml", "xlsx", "json"];

/** A warning when the file's ending names another kind of content than the one found in it. */
function misnamedAs(file: ListFile, format: ListFormat): ListIssue | null {
  const ending = extname(file.name).slice(1).toLowerCase();
  const kind = format.name.split("-").at(-1) ?? "";
  if (!CONTENT_KINDS.includes(ending) || !CONTENT_KINDS.includes(kind) || ending === kind) return null;
  return {
    severity: "warning",
    code: "LISTS_WRONG_FORMAT",
    file: file.path,
    message: `the file is named .${ending} but holds ${kind.toUpperCase()}; it was read as ${format.name}`,
  };
}

/** The formats a file could be, in registry order. */
function sniffAll(file: ListFile): ListFormat[] {
  return LIST_FORMATS.filter((f) => f.sniff(file));
}

/** One list read, or the error that stopped it, naming the file. */
export type ReadOutcome = { list: ParsedList; error: null } | { list: null; error: SkeinError };

/** The files a path offers, each with its format; throws the path's own error (missing, unknown). */
async function chooseFormats(
  path: string,
  forced: ListFormat | null,
  limits: ListLimits,
  skipped: ListIssue[],
): Promise<Array<{ file: ListFile; format: ListFormat }>> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new SkeinError("LISTS_PATH_MISSING", `no such file or folder: ${path}`, { file: path });
  const inFolder = info.isDirectory();
  // A named pipe or device would block the read forever.
  if (!inFolder && !info.isFile())
    throw new SkeinError("LISTS_PATH_MISSING", `not a regular file or folder: ${path}`, { file: path });
  const chosen: Array<{ file: ListFile; format: ListFormat }> = [];
  for (const filePath of inFolder ? await listFolder(path) : [path]) {
    const file = await describe(filePath, limits);
    if (forced) {
      if (!forced.sniff(file)) {
        if (inFolder) continue;
        const looks = sniffAll(file)[0];
        throw new SkeinError(
          "LISTS_WRONG_FORMAT",
          `${file.name} is not a ${forced.name} file (${forced.description})` +
            (looks ? `; it looks like ${looks.name}` : "; its content matches no known list format"),
          { file: file.path, field: "--format", received: file.head.toString("utf8").slice(0, 120) },
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
        { file: file.path, received: file.head.toString("utf8").slice(0, 120) },
      );
    }
    const misnamed = misnamedAs(file, format);
    if (misnamed) skipped.push(misnamed);
    chosen.push({ file, format });
  }
  if (inFolder && chosen.length === 0) {
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
  return chosen;
}

/**
 * Reads list files or folders, each list on its own: a folder is read as the files in it, a set such
 * as OFAC's CSV files being parsed together. Formats are sniffed unless `options.format` names one.
 * A list with errors gives its error (naming the file and the line or record of each problem) in
 * place of the list; the other lists are read all the same.
 */
export async function readEachList(paths: string[], options: ReadListOptions = {}): Promise<ReadOutcome[]> {
  const forced = options.format ? findListFormat(options.format) : null;
  const limits: ListLimits = { ...LIST_LIMITS, ...options.limits };
  const out: ReadOutcome[] = [];
  const chosen: Array<{ file: ListFile; format: ListFormat }> = [];
  const skipped: ListIssue[] = [];
  for (const path of paths) {
    try {
      chosen.push(...(await chooseFormats(path, forced, limits, skipped)));
    } catch (error) {
      if (!(error instanceof SkeinError)) throw error;
      out.push({ list: null, error });
    }
  }

  const groups = new Map<string, { format: ListFormat; files: ListFile[] }>();
  for (const { file, format } of chosen) {
    const key = `${format.name}|${format.setKey ? format.setKey(file) : file.path}`;
    const group = groups.get(key) ?? { format, files: [] };
    if (!group.files.some((f) => f.path === file.path)) group.files.push(file);
    groups.set(key, group);
  }
  for (const { format, files } of groups.values()) {
    try {
      out.push({ list: await parseList(format, files, skipped), error: null });
    } catch (error) {
      if (!(error instanceof SkeinError)) throw error;
      out.push({ list: null, error });
    }
  }
  return out;
}

/**
 * Reads list files or folders as `readEachList` does, but all or nothing: throws the first list's
 * error, so that a caller stores nothing when any list is bad.
 */
export async function readListFiles(paths: string[], options: ReadListOptions = {}): Promise<ParsedList[]> {
  const outcomes = await readEachList(paths, options);
  const failed = outcomes.find((o) => o.error);
  if (failed?.error) throw failed.error;
  return outcomes.flatMap((o) => (o.list ? [o.list] : []));
}

/** Parses one list (a file, or the files of one set) and checks it has entries. */
async function parseList(format: ListFormat, files: ListFile[], skipped: ListIssue[]): Promise<ParsedList> {
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
  return {
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
  };
}
