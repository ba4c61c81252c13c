// Helpers for the lists tests: fixture paths and reading one list through the stage's door.
import { join } from "node:path";
import { type ParsedList, readListFiles } from "../../src/lists/index.js";
import type { ListEntry } from "../../src/model/index.js";
import { REPO_ROOT } from "../helpers/shared.js";

/** A path under test/fixtures/lists. */
export function fixture(...parts: string[]): string {
  return join(REPO_ROOT, "test/fixtures/lists", ...parts);
}

/** Reads paths that make exactly one list. */
export async function readOne(paths: string[], format?: string): Promise<ParsedList> {
  const lists = await readListFiles(paths, { format });
  if (lists.length !== 1) throw new Error(`expected one list, got ${lists.length}`);
  return lists[0];
}

/** The entry with this authority id (fails the test when absent). */
export function entryOf(list: ParsedList, authorityId: string): ListEntry {
  const entry = list.entries.find((e) => e.authorityId === authorityId);
  if (!entry) throw new Error(`no entry ${authorityId}`);
  return entry;
}

/** Runs `body` and returns the error it throws (fails when it throws nothing). */
export async function errorOf(
  body: () => Promise<unknown>,
): Promise<Error & { code?: string; details?: Record<string, unknown> }> {
  try {
    await body();
  } catch (error) {
    return error as Error & { code?: string; details?: Record<string, unknown> };
  }
  throw new Error("expected an error");
}
