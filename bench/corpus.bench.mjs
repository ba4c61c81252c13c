// The main job on a real corpus: `skein investigate` over the 553 Treasury press releases in
// ../shared/corpus with the 2024-05 OFAC SDN set and the UN list, as a user runs it (one process, a
// fresh workspace). Figures: wall time, peak memory, case size, and how the candidates spread at the top
// (test/graph/corpus-analyses.test.ts asserts that only parties rank among the top 50).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(root, "../shared");
const corpus = join(shared, "corpus/treasury-press-releases");

/** Reports the child's peak resident memory on exit. */
const PEAK = `data:text/javascript,${encodeURIComponent(
  'process.on("exit", () => process.stderr.write("peak-rss-kb " + process.resourceUsage().maxRSS + "\\n"));',
)}`;

export async function run() {
  if (!existsSync(corpus)) {
    console.log(`skipped: ${corpus} not found`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), "skein-bench-corpus-"));
  try {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [
        join(root, "dist/cli/main.js"),
        "investigate",
        corpus,
        "--lists",
        join(shared, "data/ofac-sdn-csv-2024-05"),
        join(shared, "data/un-sc-consolidated/UN_consolidated.xml"),
        "--out",
        join(dir, "out"),
        "--workspace",
        join(dir, "case.db"),
        "--json",
      ],
      {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, NODE_OPTIONS: `--import=${PEAK}` },
      },
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`investigate failed: ${result.stderr}`);
    const peakMb = Number(/peak-rss-kb (\d+)/.exec(result.stderr)?.[1] ?? 0) / 1024;
    const summary = JSON.parse(readFileSync(join(dir, "out/summary.json"), "utf8"));
    const figures = {
      seconds: Number(seconds.toFixed(1)),
      peakMb: Math.round(peakMb),
      sources: summary.sources,
      entities: summary.entities,
      claims: summary.claims,
      sanctioned: summary.sanctioned.length,
      candidates: summary.candidatesTotal,
      topScore: summary.candidates[0]?.score ?? null,
      tiedAtTop: summary.candidates.filter((c) => c.score === summary.candidates[0]?.score).length,
    };
    console.log(
      `investigate ${figures.sources} releases + SDN 2024-05 + UN: ${figures.seconds} s, peak ${figures.peakMb} MB; ` +
        `${figures.entities} entities, ${figures.claims} claims, ${figures.sanctioned} sanctioned, ` +
        `${figures.candidates} candidates (top score ${figures.topScore}, ${figures.tiedAtTop} at it)`,
    );
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
