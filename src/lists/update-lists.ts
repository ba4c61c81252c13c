// Downloads the current list files from the authorities' official addresses (or a mirror given as a
// base URL), verifies them (HTTP success, not empty, SHA-256, parses as its format) and stores them as
// snapshots. Every download is read before anything is stored.
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Kysely } from "kysely";
import { SkeinError } from "../model/index.js";
import type { Database } from "../store/index.js";
import { type LoadResult, storeParsedLists } from "./load-lists.js";
import { type ParsedList, readListFiles } from "./read-lists.js";

/** One downloadable file: the name it is saved under (which the format sniffing reads) and its address. */
export interface ListDownload {
  name: string;
  url: string;
}

/** One authority's list: the files that make it and their format. */
export interface ListSource {
  authority: string;
  format: string;
  files: ListDownload[];
}

/** The official addresses, as published by each authority. */
export const OFFICIAL_LIST_SOURCES: readonly ListSource[] = [
  {
    authority: "ofac",
    format: "ofac-csv",
    files: ["SDN.CSV", "ADD.CSV", "ALT.CSV", "SDN_COMMENTS.CSV"].map((file) => ({
      name: file.toLowerCase(),
      url: `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/${file}`,
    })),
  },
  {
    authority: "un",
    format: "un-xml",
    files: [
      { name: "consolidated.xml", url: "https://scsanctions.un.org/resources/xml/en/consolidated.xml" },
    ],
  },
  {
    authority: "uk",
    format: "uk-ofsi-xlsx",
    files: [
      {
        name: "ConList.xlsx",
        url: "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx",
      },
    ],
  },
  {
    authority: "eu",
    format: "eu-fsf-xml",
    files: [
      {
        name: "xmlFullSanctionsList_1_1.xml",
        url: "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
      },
    ],
  },
];

/** Options of `updateLists`. */
export interface UpdateOptions {
  /** Authorities to update (ofac, un, uk, eu); all when empty. */
  only?: string[];
  /** A mirror: each file is fetched from `<baseUrl>/<authority>/<name>` instead of its official address. */
  baseUrl?: string;
  /** Replaces the official sources (tests, other mirrors). */
  sources?: readonly ListSource[];
  /** Called before each download, for progress output. */
  onDownload?: (url: string) => void;
  /** Who updates the lists, recorded on each new snapshot. */
  by?: string;
}

/** What an update did for one authority. */
export interface UpdateResult {
  authority: string;
  files: Array<{ url: string; bytes: number }>;
  lists: LoadResult[];
}

async function download(url: string, target: string): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: "follow" });
  } catch (cause) {
    throw new SkeinError(
      "LISTS_DOWNLOAD_FAILED",
      `cannot download ${url}: ${(cause as Error).message}`,
      { url },
      { cause },
    );
  }
  if (!response.ok || !response.body) {
    throw new SkeinError(
      "LISTS_DOWNLOAD_FAILED",
      `${url} answered HTTP ${response.status} ${response.statusText}`,
      {
        url,
        status: response.status,
      },
    );
  }
  await pipeline(
    Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
    createWriteStream(target),
  );
  const { size } = await stat(target);
  if (size === 0) throw new SkeinError("LISTS_DOWNLOAD_FAILED", `${url} sent an empty file`, { url });
  return size;
}

/**
 * Downloads, verifies and stores the current lists of the chosen authorities. A list whose file is
 * unchanged since the last load is reported "unchanged".
 */
export async function updateLists(
  db: Kysely<Database>,
  options: UpdateOptions = {},
): Promise<UpdateResult[]> {
  const sources = options.sources ?? OFFICIAL_LIST_SOURCES;
  const only = (options.only ?? []).map((a) => a.trim().toLowerCase()).filter(Boolean);
  const unknown = only.filter((a) => !sources.some((s) => s.authority === a));
  if (unknown.length) {
    throw new SkeinError(
      "LISTS_UNKNOWN_FORMAT",
      `unknown authority ${unknown.join(", ")}; valid: ${sources.map((s) => s.authority).join(", ")}`,
      { field: "--only", received: unknown.join(",") },
    );
  }
  const chosen = sources.filter((s) => !only.length || only.includes(s.authority));
  const folder = await mkdtemp(join(tmpdir(), "skein-lists-"));
  try {
    const read: Array<{ source: ListSource; files: UpdateResult["files"]; parsed: ParsedList[] }> = [];
    for (const source of chosen) {
      const dir = join(folder, source.authority);
      await mkdir(dir);
      const files: UpdateResult["files"] = [];
      for (const file of source.files) {
        const url = options.baseUrl
          ? `${options.baseUrl.replace(/\/+$/, "")}/${source.authority}/${encodeURIComponent(file.name)}`
          : file.url;
        options.onDownload?.(url);
        files.push({ url, bytes: await download(url, join(dir, file.name)) });
      }
      try {
        read.push({ source, files, parsed: await readListFiles([dir], { format: source.format }) });
      } catch (error) {
        // Name the addresses too: the temporary folder means nothing to the user.
        if (error instanceof SkeinError)
          Object.assign(error.details, { urls: files.map((f) => f.url).join(" ") });
        throw error;
      }
    }
    const out: UpdateResult[] = [];
    for (const { source, files, parsed } of read) {
      out.push({ authority: source.authority, files, lists: await storeParsedLists(db, parsed, options.by) });
    }
    return out;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
