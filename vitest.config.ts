import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Screening indexes the tests keep go to a directory of their own, never the user's cache.
    env: { SKEIN_CACHE_DIR: join(tmpdir(), "skein-test-index-cache") },
  },
});
