// The built screening index kept on disk beside the user's other caches, keyed by the content of the
// list snapshots it indexes and by the build of the screening code, so a single screen of a loaded
// list reads one file instead of reading every entry and normalising every name again.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { ListEntry, ListSnapshot } from "../model/index.js";
import { ScreeningIndex, type StoredIndex } from "./screening-index.js";

const PREFIX = "screen-index-";
/** Indexes kept at most; older ones are removed when a new one is written. */
const KEPT = 4;

/** `$SKEIN_CACHE_DIR`, else skein under `$XDG_CACHE_HOME` or ~/.cache. */
export function indexCacheDir(): string {
  return (
    process.env.SKEIN_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "skein")
  );
}

/**
 * The screening code's build: its compiled files' names, sizes and modification times, so an index
 * built by other rules (another version, a rebuild) is never read.
 */
function codeStamp(): string {
  const dir = dirname(fileURLToPath(import.meta.url));
  const hash = createHash("sha256");
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) hash.update(`${name} ${stat.size} ${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

/** The cache key of the index over these snapshots: their content hashes and the code's build. */
export function indexCacheKey(snapshots: readonly ListSnapshot[]): string {
  const hash = createHash("sha256").update(codeStamp());
  for (const s of [...snapshots].sort((a, b) => (a.id < b.id ? -1 : 1)))
    hash.update(`\n${s.id} ${s.fileSha256}`);
  return hash.digest("hex").slice(0, 32);
}

/** The kept index under `key`, or null when there is none (or it cannot be read: then it is rebuilt). */
export function readCachedIndex(key: string, dir = indexCacheDir()): ScreeningIndex | null {
  let kept: { entries: string; index: StoredIndex };
  try {
    kept = deserialize(readFileSync(join(dir, `${PREFIX}${key}.v8`)));
    return new ScreeningIndex(JSON.parse(kept.entries) as ListEntry[], {}, kept.index);
  } catch {
    return null;
  }
}

/**
 * Keeps `index` under `key`, written whole to a temporary file and renamed so a reader never sees half
 * of one; a cache that cannot be written costs only speed, so failures are ignored.
 */
export function writeCachedIndex(key: string, index: ScreeningIndex, dir = indexCacheDir()): void {
  const file = join(dir, `${PREFIX}${key}.v8`);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, serialize({ entries: JSON.stringify(index.entries), index: index.stored() }));
    renameSync(temporary, file);
    const older = readdirSync(dir)
      .filter((name) => name.startsWith(PREFIX) && name.endsWith(".v8"))
      .map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time)
      .slice(KEPT);
    for (const { name } of older) rmSync(join(dir, name), { force: true });
  } catch {
    // Screening goes on without the cache.
    rmSync(temporary, { force: true });
  }
}
