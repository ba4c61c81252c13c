// The screening index kept on disk: read back, it screens as the index it was built as; a missing or
// damaged file is no index; the key follows the snapshots' contents.
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ListSnapshot } from "../../src/model/index.js";
import {
  buildIndex,
  indexCacheKey,
  readCachedIndex,
  screen,
  writeCachedIndex,
} from "../../src/screen/index.js";
import { ENTRIES } from "../fixtures/screen/entries.js";

const snapshot = (id: string, fileSha256: string) => ({ id, fileSha256 }) as ListSnapshot;

describe("the kept screening index", () => {
  const built = buildIndex(ENTRIES);
  const dir = mkdtempSync(join(tmpdir(), "skein-index-cache-"));

  it("screens as the index it was built as, every name and alias", () => {
    writeCachedIndex("k1", built, dir);
    const read = readCachedIndex("k1", dir);
    expect(read).not.toBeNull();
    expect(read!.size).toBe(built.size);
    expect(read!.keyCount).toBe(built.keyCount);
    const queries = ENTRIES.flatMap((e) => [...e.names, ...e.weakAliases]).flatMap((name) => [
      name,
      name.split(" ").reverse().join(" "),
      name.replace(/[aeiou]/, "y"),
    ]);
    for (const name of queries) {
      const plain = (index: typeof built) =>
        screen(index, { name }, { limit: 5 }).map((r) => [r.entry.id, r.score, r.explanations]);
      expect(plain(read!)).toEqual(plain(built));
    }
  });

  it("is no index when its file is missing or damaged", () => {
    expect(readCachedIndex("absent", dir)).toBeNull();
    writeFileSync(join(dir, "screen-index-broken.v8"), "not an index");
    expect(readCachedIndex("broken", dir)).toBeNull();
  });

  it("keeps a few indexes only", () => {
    for (const key of ["a", "b", "c", "d", "e", "f"]) writeCachedIndex(key, built, dir);
    expect(readdirSync(dir).filter((f) => f.endsWith(".v8")).length).toBeLessThanOrEqual(4);
    expect(readCachedIndex("f", dir)).not.toBeNull();
  });

  it("is keyed by the snapshots' contents, in any order", () => {
    const one = indexCacheKey([snapshot("s1", "aa"), snapshot("s2", "bb")]);
    expect(indexCacheKey([snapshot("s2", "bb"), snapshot("s1", "aa")])).toBe(one);
    expect(indexCacheKey([snapshot("s1", "aa"), snapshot("s2", "bc")])).not.toBe(one);
    expect(indexCacheKey([snapshot("s1", "aa")])).not.toBe(one);
  });
});
