// Locates ../shared (the real list files, seed, gold annotations). Tests that need it skip with a
// clear message when it is absent, so a fresh clone without it still passes.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED_DIR = resolve(REPO_ROOT, "../shared");
export const HAS_SHARED = existsSync(join(SHARED_DIR, "DESIGN.md"));

if (!HAS_SHARED) {
  console.warn(
    `[skein tests] ${SHARED_DIR} not found: tests on the real list files and gold texts are skipped`,
  );
}

/** A path inside ../shared. */
export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** The built CLI entry point (npm test builds first). */
export const CLI = join(REPO_ROOT, "dist/cli/main.js");
