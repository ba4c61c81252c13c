// HTTP matching throughput: 50 concurrent clients post yente-shaped /match requests to the server (its
// own process, as `skein serve` runs it) over loopback (127.0.0.1 only) for 30 s, bounded in time and
// count; prints requests/s, p50/p99 latency and errors. The peer is the same queries screened in-process
// with no HTTP (screen() on the same index); the ratio shows what HTTP costs, and can exceed 1 because
// the server has a core of its own. Lists: the 2023-12 OFAC SDN set from ../shared, else the
// repository's invented example list. Run: npm run bench -- server  (SKEIN_BENCH_SECONDS to shorten)
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadLists, readStoredEntries } from "../dist/lists/index.js";
import { buildIndex, screen } from "../dist/screen/index.js";
import { openWorkspace } from "../dist/store/index.js";
import { startServerProcess } from "./server-process.mjs";

const CLIENTS = 50;
const SECONDS = Number(process.env.SKEIN_BENCH_SECONDS ?? 30);
/** A hard cap on requests, so the run stops by itself whatever the speed. */
const MAX_REQUESTS = 5_000_000;
const PEER_SECONDS = 5;
const SDN = new URL("../../shared/data/ofac-sdn-csv-2023-12", import.meta.url).pathname;
const EXAMPLE = new URL("../examples/lists/ofac-sdn", import.meta.url).pathname;

/** Query names: listed captions, lightly misspelt ones, and names that match nothing. */
function queriesOf(entries) {
  const picked = entries
    .filter((_, i) => i % Math.max(1, Math.floor(entries.length / 200)) === 0)
    .slice(0, 200);
  const misspell = (name) => (name.length > 6 ? name.slice(0, 3) + name.slice(4) : `${name}a`);
  const names = [
    ...picked.map((e) => ({ name: e.caption, schema: e.schema })),
    ...picked.slice(0, 100).map((e) => ({ name: misspell(e.caption), schema: e.schema })),
    ...[
      "Northern Lantern Bakery",
      "Maria Gonzalez Ruiz",
      "Blue Heron Logistics GmbH",
      "Tomasz Wiśniewski",
    ].map((name) => ({ name, schema: "LegalEntity" })),
  ];
  return names.map(({ name, schema }) => ({
    name,
    schema: schema === "LegalEntity" ? "Company" : schema,
  }));
}

function percentile(sorted, p) {
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : Number.NaN;
}

/** Keep-alive connections, one per client (node:http: lighter on the client side than fetch). */
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

/** POSTs a JSON body to /match/default; resolves with the status and the body text. */
function post(url, body) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}/match/default`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode, text }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** One client: posts /match until the time is up or the shared cap is reached. */
async function client(url, queries, offset, deadline, state) {
  let i = offset;
  while (performance.now() < deadline && state.sent < MAX_REQUESTS) {
    state.sent++;
    const q = queries[i++ % queries.length];
    const body = JSON.stringify({ queries: { q: { schema: q.schema, properties: { name: [q.name] } } } });
    const started = performance.now();
    try {
      const { status, text } = await post(url, body);
      if (status !== 200 || !JSON.parse(text).responses?.q) state.errors++;
    } catch {
      state.errors++;
    }
    state.latencies.push(performance.now() - started);
  }
}

/** Prints and returns the figures. */
export async function run() {
  const listDir = existsSync(SDN) ? SDN : EXAMPLE;
  const dir = mkdtempSync(join(tmpdir(), "skein-bench-server-"));
  const path = join(dir, "case.db");
  const workspace = await openWorkspace(path);
  await loadLists(workspace.db, [listDir]);
  const entries = (await readStoredEntries(workspace.db)).flatMap((l) => l.entries);
  await workspace.close();
  const queries = queriesOf(entries);

  // Peer: the same screening in-process, no HTTP.
  const index = buildIndex(entries);
  let peerCount = 0;
  const peerStart = performance.now();
  while (performance.now() - peerStart < PEER_SECONDS * 1000) {
    const q = queries[peerCount % queries.length];
    screen(index, { name: q.name, schema: q.schema }, { limit: 5 });
    peerCount++;
  }
  const peerRate = peerCount / ((performance.now() - peerStart) / 1000);

  const server = await startServerProcess(path);
  try {
    // Warm up: the first request builds the list index.
    await fetch(`${server.url}/match/default`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ queries: { q: { schema: "Company", properties: { name: ["warm up"] } } } }),
    });
    const state = { sent: 0, errors: 0, latencies: [] };
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, (_, c) => client(server.url, queries, c * 7, deadline, state)),
    );
    agent.destroy();
    const elapsed = (performance.now() - started) / 1000;
    const sorted = state.latencies.sort((a, b) => a - b);
    const figures = {
      list: listDir === SDN ? "ofac-sdn-2023-12" : "example",
      entries: entries.length,
      clients: CLIENTS,
      seconds: Number(elapsed.toFixed(1)),
      requests: state.latencies.length,
      requestsPerSecond: Number((state.latencies.length / elapsed).toFixed(1)),
      p50Ms: Number(percentile(sorted, 50).toFixed(1)),
      p99Ms: Number(percentile(sorted, 99).toFixed(1)),
      errors: state.errors,
      peerInProcessPerSecond: Number(peerRate.toFixed(1)),
      ratioHttpToInProcess: Number((state.latencies.length / elapsed / peerRate).toFixed(2)),
    };
    console.log(
      `POST /match/default, ${CLIENTS} clients over loopback, ${figures.seconds} s against ${figures.entries} entries (${figures.list}):\n` +
        `  ${figures.requestsPerSecond} requests/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ${figures.errors} errors (${figures.requests} requests)\n` +
        `  peer, screen() in-process without HTTP: ${figures.peerInProcessPerSecond} queries/s; ratio HTTP/in-process ${figures.ratioHttpToInProcess}`,
    );
    return figures;
  } finally {
    server.child.removeAllListeners("exit");
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
