import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { renderOpenApi } from "../../scripts/openapi-doc.mjs";
import { buildApp } from "../../src/server/index.js";
import { openWorkspace } from "../../src/store/index.js";
import { REPO_ROOT } from "../helpers/shared.js";

it("docs/openapi.json is what the server serves (regenerate with node scripts/openapi-doc.mjs)", async () => {
  const served = await renderOpenApi(buildApp, openWorkspace);
  expect(readFileSync(join(REPO_ROOT, "docs/openapi.json"), "utf8")).toBe(served);
});
