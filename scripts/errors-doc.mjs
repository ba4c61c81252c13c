// Renders docs/errors.md from the error catalogue in src/model/errors.ts; a test keeps the two in step.
// Run after adding a code: npm run build && node scripts/errors-doc.mjs
import { writeFileSync } from "node:fs";

/** The Markdown page for a catalogue. */
export function renderErrorDoc(catalogue, families) {
  const lines = [
    "# Skein error codes",
    "",
    "Every error Skein reports carries one of these codes. The family fixes the HTTP status of the API and the",
    "exit code of the CLI. Generated from `src/model/errors.ts` by `node scripts/errors-doc.mjs`.",
    "",
    "| family | HTTP | exit | meaning |",
    "|---|---|---|---|",
    ...Object.entries(families).map(
      ([n, f]) => `| ${n} | ${f.httpStatus} | ${f.exitCode} | ${f.description} |`,
    ),
    "",
    "| code | family | how to fix |",
    "|---|---|---|",
    ...Object.entries(catalogue)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, item]) => `| \`${code}\` | ${item.family} | ${item.hint.replaceAll("|", "\\|")} |`),
    "",
  ];
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ERROR_CATALOGUE, ERROR_FAMILIES } = await import("../dist/model/index.js");
  writeFileSync(
    new URL("../docs/errors.md", import.meta.url),
    renderErrorDoc(ERROR_CATALOGUE, ERROR_FAMILIES),
  );
  console.log("wrote docs/errors.md");
}
