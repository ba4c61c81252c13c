// Builds dist/ only when a source is newer than it: `npm run demo` on a fresh clone (where `npm ci`
// has just built) or a second time starts at once. Run: node scripts/build-if-stale.mjs
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** What the build reads, and the files it writes last of each part (the CLI, the workbench). */
const INPUTS = ["src", "web", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"];
const OUTPUTS = ["dist/cli/main.js", "dist/web/index.html"];

/** The newest modification time under a path, in ms. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = stat.mtimeMs;
  for (const name of readdirSync(path))
    if (name !== "node_modules") time = Math.max(time, newest(join(path, name)));
  return time;
}

const built = OUTPUTS.map((file) => join(root, file));
const stale =
  !built.every((file) => existsSync(file)) ||
  Math.max(...INPUTS.map((input) => newest(join(root, input)))) >
    Math.min(...built.map((file) => statSync(file).mtimeMs));
if (stale) {
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  process.exit(result.status ?? 1);
}
console.log("dist/ is current: not rebuilt");
