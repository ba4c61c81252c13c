// Runs every benchmark in bench/ (or those named on the command line) and prints their figures.
// Each bench/<hot-path>.bench.mjs exports run(), which measures Skein and its peer in the same process.
// Run: npm run bench            (all)
//      npm run bench -- screen  (only bench/screen.bench.mjs)
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

if (benches.length === 0) {
  console.error(`no benchmark matches ${wanted.join(", ")}; have: ${readdirSync(here).join(", ")}`);
  process.exit(2);
}
const figures = {};
for (const file of benches) {
  const name = file.replace(/\.bench\.mjs$/, "");
  console.log(`\n== ${name} ==`);
  const started = performance.now();
  const module = await import(join(here, file));
  figures[name] = await module.run();
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(`\nfigures: ${JSON.stringify(figures)}`);
