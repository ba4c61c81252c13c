// Enforces the stage boundaries of STYLE.md: a stage imports model, store and upstream stages only
// through their index.ts, never a downstream stage; server and cli import stages, no stage imports them.
// Run: node scripts/check-imports.mjs (part of `npm run lint`). Exits 1 listing every violation.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");

/** Pipeline order: a stage may import those before it. */
const ORDER = [
  "model",
  "store",
  "auth",
  "ingest",
  "extract",
  "resolve",
  "lists",
  "screen",
  "graph",
  "report",
  "server",
  "cli",
];
/** Upstream exceptions to plain order: lists is upstream of screen and resolve (resolve screens entities). */
const ALLOWED = {
  model: [],
  store: ["model"],
  auth: ["model", "store"],
  ingest: ["model", "store"],
  lists: ["model", "store"],
  extract: ["model", "store", "ingest", "lists"],
  screen: ["model", "store", "lists"],
  resolve: ["model", "store", "ingest", "extract", "lists", "screen"],
  graph: ["model", "store", "resolve"],
  report: ["model", "store", "graph", "resolve"],
  server: ORDER.filter((s) => s !== "server" && s !== "cli"),
  cli: ORDER.filter((s) => s !== "cli" && s !== "server").concat(["server"]),
};

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".ts") ? [full] : [];
  });
}

const problems = [];
for (const file of files(src)) {
  const stage = relative(src, file).split("/")[0];
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)) {
    const target = relative(src, resolve(dirname(file), match[1]));
    const [targetStage, ...rest] = target.split("/");
    if (targetStage === stage || targetStage.startsWith("..")) continue;
    const where = `${relative(root, file)}: imports ${match[1]}`;
    if (!(ALLOWED[stage] ?? []).includes(targetStage))
      problems.push(`${where} (${stage} may not import ${targetStage})`);
    else if (rest.join("/") !== "index.js")
      problems.push(`${where} (only ${targetStage}/index.js is public)`);
  }
}
if (problems.length) {
  console.error(`stage boundaries: ${problems.length} violation(s)\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("stage boundaries: all imports go through stage doors");
