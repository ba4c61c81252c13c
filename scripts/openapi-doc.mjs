// Writes docs/openapi.json, the API description served at /openapi.json, so API changes show in review;
// a test keeps the checked-in file equal to what the server serves.
// Run after changing a route or the vocabulary: npm run build && node scripts/openapi-doc.mjs
import { writeFileSync } from "node:fs";

/** The OpenAPI document the app serves, as checked-in text. */
export async function renderOpenApi(buildApp, openWorkspace) {
  const workspace = await openWorkspace(":memory:");
  const app = await buildApp({ workspace, config: { webRoot: null, logger: false } });
  try {
    const response = await app.inject({ method: "GET", url: "/openapi.json" });
    return `${JSON.stringify(response.json(), null, 2)}\n`;
  } finally {
    await app.close();
    await workspace.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { buildApp } = await import("../dist/server/index.js");
  const { openWorkspace } = await import("../dist/store/index.js");
  writeFileSync(
    new URL("../docs/openapi.json", import.meta.url),
    await renderOpenApi(buildApp, openWorkspace),
  );
  console.log("wrote docs/openapi.json");
}
