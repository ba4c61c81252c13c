// Reading files into sources: size check, reader choice, metadata overrides, and one transaction
// per file so a failed or interrupted file leaves nothing behind.
import { readdirSync, realpathSync, type Stats, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import {
  derivedId,
  ENTITY_TYPES,
  type EntityType,
  isOneOf,
  type Reliability,
  SkeinError,
  type Source,
  type SourceKind,
  sourceIdOf,
} from "../model/index.js";
import { type Db, insertSource, toJson } from "../store/index.js";
import type { DocumentRead, FtmEntityDatum } from "./document.js";
import { chooseReader, INGESTIBLE_EXTENSIONS } from "./readers/index.js";
import { inferSourceKind } from "./source-kind.js";

/** Options of an ingest; metadata given here overrides what the document says. */
export interface IngestOptions {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
  kind?: SourceKind;
  reliability?: Reliability;
  /** Largest file to read, in bytes. */
  maxBytes: number;
  /** Who ingests (an account, a token or the OS user), recorded on each new source. */
  by?: string;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** What happened to one file. */
export interface IngestResult {
  file: string;
  status: "ingested" | "unchanged" | "failed";
  sourceId: string | null;
  title: string | null;
  entities: number;
  warnings: string[];
  error: SkeinError | null;
}

/** The error for a path that is not a regular file, or null when it is one. */
function notAFile(file: string, stat: Stats): SkeinError | null {
  if (stat.isFile()) return null;
  const kind = stat.isDirectory()
    ? "a folder"
    : stat.isFIFO()
      ? "a named pipe"
      : stat.isSocket()
        ? "a socket"
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? "a device"
          : "not a regular file";
  return new SkeinError("INGEST_NOT_A_FILE", `${kind}, not a file: only regular files are read`, {
    file,
    received: kind,
  });
}

/** The stat of a path, or the error a user should see for it (missing, unreadable, a link loop). */
function statOrError(path: string): Stats | SkeinError {
  try {
    return statSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ELOOP")
      return new SkeinError(
        "INGEST_LINK_LOOP",
        "a symbolic link that leads to itself",
        { file: path },
        { cause },
      );
    return new SkeinError(
      "INGEST_PATH_MISSING",
      code === "EACCES" ? "no permission to read it" : "no such file or folder",
      { file: path, received: code },
      { cause },
    );
  }
}

/**
 * Expands files and folders (recursively, sorted, hidden entries skipped) into files to read. A folder
 * is walked once however many links lead to it, so a link loop ends; named pipes and devices in a
 * folder are reported, never opened (opening a pipe waits for a writer forever).
 */
export function expandPaths(paths: string[]): Array<{ file: string; error: SkeinError | null }> {
  const out: Array<{ file: string; error: SkeinError | null }> = [];
  const walked = new Set<string>();
  const walk = (dir: string) => {
    const real = realpathSync(dir);
    if (walked.has(real)) {
      out.push({
        file: dir,
        error: new SkeinError("INGEST_LINK_LOOP", `a link back to a folder already read (${real})`, {
          file: dir,
          received: real,
        }),
      });
      return;
    }
    walked.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      out.push({
        file: dir,
        error: new SkeinError(
          "INGEST_PATH_MISSING",
          "the folder cannot be read",
          { file: dir, received: code },
          { cause },
        ),
      });
      return;
    }
    for (const name of names) {
      if (name.startsWith(".")) continue;
      const full = join(dir, name);
      const stat = statOrError(full);
      if (stat instanceof SkeinError) out.push({ file: full, error: stat });
      else if (stat.isDirectory()) walk(full);
      else if (INGESTIBLE_EXTENSIONS.has(extname(name).toLowerCase()))
        out.push({ file: full, error: notAFile(full, stat) });
    }
  };
  for (const path of paths) {
    const stat = statOrError(path);
    if (stat instanceof SkeinError) out.push({ file: path, error: stat });
    else if (stat.isDirectory()) walk(resolve(path));
    else out.push({ file: path, error: notAFile(path, stat) });
  }
  return out;
}

/** Reads one file into a document (no store): the edge where bytes become text. */
export async function readDocument(
  file: string,
  options: Pick<IngestOptions, "maxBytes">,
): Promise<DocumentRead> {
  const stat = statOrError(file);
  if (stat instanceof SkeinError) throw stat;
  const notFile = notAFile(file, stat);
  if (notFile) throw notFile;
  const size = stat.size;
  if (size > options.maxBytes) {
    throw new SkeinError(
      "INGEST_TOO_LARGE",
      `the file is ${(size / 1e6).toFixed(1)} MB, over the limit of ${(options.maxBytes / 1e6).toFixed(1)} MB`,
      { file, received: `${size} bytes` },
    );
  }
  const bytes = new Uint8Array(await readFile(file));
  if (bytes.length === 0 || (bytes.length < 4096 && new TextDecoder().decode(bytes).trim() === "")) {
    throw new SkeinError("INGEST_EMPTY", "the file is empty", { file, received: `${bytes.length} bytes` });
  }
  const reader = chooseReader(bytes, file);
  if (!reader) {
    throw new SkeinError(
      "INGEST_UNSUPPORTED_TYPE",
      `cannot read files ending "${extname(file) || "(none)"}"`,
      {
        file,
      },
    );
  }
  const read = await reader.read(bytes, file);
  if (read.text.trim() === "") {
    throw new SkeinError("INGEST_EMPTY", "the file has no text", { file });
  }
  return read;
}

/** Builds the source record for a read document, applying metadata overrides. */
export function buildSource(read: DocumentRead, file: string, options: IngestOptions, now: string): Source {
  return {
    id: sourceIdOf(read.text),
    title: options.title ?? read.title ?? basename(file),
    author: read.author,
    publisher: options.publisher ?? read.publisher,
    published: options.published ?? read.published,
    url: options.url ?? read.url,
    kind: options.kind ?? (read.format === "ftm" ? "record" : inferSourceKind(read.text)),
    reliability: options.reliability ?? null,
    format: read.format,
    filename: basename(file),
    text: read.text,
    pageStarts: read.pageStarts,
    ingestedAt: now,
    ingestedBy: options.by ?? null,
  };
}

const FTM_TO_ENTITY_TYPE: Record<string, EntityType> = {
  Person: "Person",
  Company: "Company",
  Organization: "Organization",
  LegalEntity: "Company",
  PublicBody: "PublicBody",
  Vessel: "Vessel",
  Airplane: "Aircraft",
  Address: "Place",
};

function ftmEntityRow(datum: FtmEntityDatum, sourceId: string) {
  const names = [...(datum.properties.name ?? []), ...(datum.properties.alias ?? [])];
  const type: EntityType = FTM_TO_ENTITY_TYPE[datum.schema] ?? "Organization";
  return {
    id: derivedId("ftm", sourceId, datum.id),
    source_id: sourceId,
    type: isOneOf(Object.keys(ENTITY_TYPES) as EntityType[], type) ? type : "Organization",
    caption: names[0] ?? datum.properties.full?.[0] ?? datum.id,
    names: toJson(names),
    country: (datum.properties.country ?? datum.properties.jurisdiction ?? [])[0]?.toLowerCase() ?? null,
    identifiers: toJson(
      Object.fromEntries(
        ["registrationNumber", "innCode", "ogrnCode", "imoNumber", "passportNumber", "taxNumber"]
          .filter((key) => datum.properties[key]?.length)
          .map((key) => [key, datum.properties[key]]),
      ),
    ),
    properties: toJson({ ftmId: datum.id, schema: datum.schema, ...datum.properties }),
    producer: "ftm",
  };
}

/** Stores one read document in one transaction; false when its content was already there. */
export async function storeDocument(db: Db, source: Source, read: DocumentRead): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await insertSource(trx, source);
    if (!inserted) return false;
    // FtM files carry only property-bearing parties; relationship schemata (Ownership …) are kept in the source text.
    const rows = read.ftmEntities
      .filter((d) => d.schema in FTM_TO_ENTITY_TYPE)
      .map((d) => ftmEntityRow(d, source.id));
    for (const row of rows)
      await trx
        .insertInto("entities")
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .execute();
    return true;
  });
}

/**
 * Ingests files and folders. Each file is read and stored on its own: a bad file is reported and
 * the others of the batch still ingest. `onFile` is told after each file (for progress).
 */
export async function ingestPaths(
  db: Db,
  paths: string[],
  options: IngestOptions,
  onFile: ((result: IngestResult) => void) | undefined,
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  const now = new Date().toISOString();
  for (const { file, error } of expandPaths(paths)) {
    let result: IngestResult;
    if (error) {
      result = { file, status: "failed", sourceId: null, title: null, entities: 0, warnings: [], error };
    } else {
      try {
        const read = await readDocument(file, options);
        const source = buildSource(read, file, options, now);
        const inserted = await storeDocument(db, source, read);
        result = {
          file,
          status: inserted ? "ingested" : "unchanged",
          sourceId: source.id,
          title: source.title,
          entities: read.ftmEntities.length,
          warnings: read.warnings,
          error: null,
        };
      } catch (caught) {
        if (!(caught instanceof SkeinError)) throw caught;
        result = {
          file,
          status: "failed",
          sourceId: null,
          title: null,
          entities: 0,
          warnings: [],
          error: caught,
        };
      }
    }
    results.push(result);
    onFile?.(result);
  }
  return results;
}
