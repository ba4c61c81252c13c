import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/shared.js";

it("stages import each other only through index.ts and only upstream", () => {
  const result = spawnSync("node", [join(REPO_ROOT, "scripts/check-imports.mjs")], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
});
