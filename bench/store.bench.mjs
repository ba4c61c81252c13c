// Store benchmark: `skein ingest` + `skein extract --workspace` over the 553 Treasury releases in
// ../shared/corpus, whole processes as a user runs them, on a SQLite file and (when SKEIN_BENCH_POSTGRES
// names a server, e.g. the URL scripts/start-postgres.sh prints) on PostgreSQL, in MB of text per second;
// beside the peer figure, the same extraction in memory with nothing stored. Wall time, and the CPU
// time of the processes (read from /proc), which a busy machine does not inflate.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { extractText, loadLearnedModel } from "../dist/extract/index.js";
import { normaliseText } from "../dist/model/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = resolve(ROOT, "../shared/corpus/treasury-press-releases");
const CLI = join(ROOT, "dist/cli/main.js");
const TARGET_MBPS = 1.5;

/** CPU seconds used by the finished child processes of this one (Linux /proc; null elsewhere). */
function childrenCpuSeconds() {
  if (!existsSync("/proc/self/stat")) return null;
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  // Fields 16 and 17 of stat (cutime, cstime), counted from field 3 after the command name.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Runs the CLI, failing the bench when the command fails. */
function skein(args) {
  const result = spawnSync("node", [CLI, ...args], { encoding: "utf8", env: { ...process.env, CI: "1" } });
  if (result.status !== 0) throw new Error(`skein ${args.join(" ")} failed:\n${result.stderr}`);
}

/** ingest + extract --workspace into `workspace`: wall and CPU seconds. */
function ingestAndExtract(workspace) {
  const cpu = childrenCpuSeconds();
  const wall = performance.now();
  skein(["ingest", CORPUS, "-w", workspace]);
  skein(["extract", "-w", workspace]);
  const used = childrenCpuSeconds();
  return { seconds: (performance.now() - wall) / 1000, cpuSeconds: cpu === null ? null : used - cpu };
}

/** A fresh schema on the server, and the URL that works in it. */
async function freshSchema(url) {
  const schema = `skein_bench_${process.pid}_${Date.now()}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  return `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

const rate = (megabytes, seconds) => (seconds ? Number((megabytes / seconds).toFixed(2)) : null);

/** Runs the benchmark; returns its figures. */
export async function run() {
  if (!existsSync(CORPUS)) {
    console.log(`store: ${CORPUS} not found, benchmark skipped`);
    return { skipped: true };
  }
  const texts = readdirSync(CORPUS)
    .sort()
    .map((f) => normaliseText(readFileSync(join(CORPUS, f), "utf8")));
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;

  const learned = loadLearnedModel(undefined);
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (const text of texts)
    extractText(text, { sourceId: "bench", published: "2024-01-01", gazetteer: undefined, learned });
  const used = process.cpuUsage(cpu);
  const memory = { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };

  const sqlite = ingestAndExtract(join(mkdtempSync(join(tmpdir(), "skein-bench-store-")), "case.db"));
  const server = process.env.SKEIN_BENCH_POSTGRES;
  const postgres = server ? ingestAndExtract(await freshSchema(server)) : null;

  const figures = {
    corpusMB: Number(megabytes.toFixed(2)),
    inMemoryMBps: rate(megabytes, memory.seconds),
    inMemoryCpuMBps: rate(megabytes, memory.cpuSeconds),
    sqliteMBps: rate(megabytes, sqlite.seconds),
    sqliteCpuMBps: rate(megabytes, sqlite.cpuSeconds),
    postgresMBps: postgres ? rate(megabytes, postgres.seconds) : null,
    postgresCpuMBps: postgres ? rate(megabytes, postgres.cpuSeconds) : null,
  };
  console.log(
    `corpus: ${texts.length} Treasury releases, ${figures.corpusMB} MB; target ≥ ${TARGET_MBPS} MB/s`,
  );
  console.log(
    `in memory (extractText, nothing stored): ${figures.inMemoryMBps} MB/s wall, ${figures.inMemoryCpuMBps} MB/s CPU`,
  );
  const line = (name, mbps, cpuMbps) =>
    console.log(
      `${name} (ingest + extract --workspace, whole processes): ${mbps} MB/s wall, ${cpuMbps} MB/s CPU` +
        ` (${(cpuMbps / figures.inMemoryCpuMBps).toFixed(2)} of the in-memory CPU figure)`,
    );
  line("sqlite", figures.sqliteMBps, figures.sqliteCpuMBps);
  if (postgres) line("postgresql", figures.postgresMBps, figures.postgresCpuMBps);
  else console.log("postgresql: SKEIN_BENCH_POSTGRES not set (a postgres:// URL), skipped");
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await run();
