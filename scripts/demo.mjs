// npm run demo: the main job (skein investigate) on the example dossier and its small OFAC-format
// list, in a fresh workspace under out/demo; then the sources it read.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "out/demo");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const workspace = join(out, "skein.db");

function skein(...args) {
  console.log(`\n$ skein ${args.join(" ")}`);
  const result = spawnSync("node", [join(root, "dist/cli/main.js"), ...args, "--workspace", workspace], {
    stdio: "inherit",
    cwd: root,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

skein("investigate", "examples/", "--lists", "examples/lists/ofac-sdn", "--out", "out/demo");
skein("sources");
console.log(
  `\nOpen ${join(out, "report.html")} in a browser, or run: npx skein serve --workspace ${workspace}`,
);
