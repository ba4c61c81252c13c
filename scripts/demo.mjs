// npm run demo: the main job on the example dossier, in a fresh workspace under out/demo.
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

skein("ingest", "examples/");
skein("sources");
