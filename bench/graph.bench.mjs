// Network and report throughput on a synthetic case of 100,000 entities and 500,000 claims: build the
// network, find exposure paths for all entities, run the report's analyses, render the report
// (summary.json, report.html, report.md) and write the complete exports (FtM, GraphML, GEXF, claims CSV
// and one CSV per long section of the report).
// The peers run the naive way, one search per entity, timed on a sample and extrapolated to all:
// graphology-shortest-path's singleSourceLength (unbounded: it has no cutoff), and graphology-traversal's
// bfsFromNode stopped at 3 links (the same bound as the exposure paths). Run: npm run bench -- graph
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { singleSourceLength } from "graphology-shortest-path/unweighted.js";
import { bfsFromNode } from "graphology-traversal";
import { buildNetwork, findExposurePaths } from "../dist/graph/index.js";
import { buildInvestigation, findExport, writeReports } from "../dist/report/index.js";
import { seededRandom } from "./seeded-random.mjs";

const ENTITIES = 100_000;
const CLAIMS = 500_000;
const SOURCES = 2_000;
const PUBLISHERS = 300;
const SANCTIONED_SHARE = 0.01;
const PEER_SAMPLE = 20;
const BOUNDED_PEER_SAMPLE = 500;
const PREDICATES = [
  ["supplies", 30],
  ["pays", 15],
  ["owns", 8],
  ["directs", 5],
  ["employs", 5],
  ["intermediary_for", 5],
  ["associate", 10],
  ["visits", 5],
  ["tests", 3],
  ["develops", 3],
  ["located_in", 4],
  ["other", 7],
];
const CERTAINTIES = ["stated", "reported", "reported", "assessed", "alleged", "unverified", "denied"];

/** The synthetic case view: invented names, claims with quotes, periods and certainty. */
export function syntheticCase(entityCount = ENTITIES, claimCount = CLAIMS) {
  const rnd = seededRandom(42);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const sources = Array.from({ length: SOURCES }, (_, i) => ({
    id: `src${i}`,
    title: `Synthetic report ${i}`,
    author: null,
    publisher: `Publisher ${i % PUBLISHERS}`,
    published: `202${i % 6}-0${1 + (i % 9)}-15`,
    url: `https://example.org/reports/${i}`,
    kind: "news",
    reliability: null,
    format: "text",
    filename: `report-${i}.txt`,
    pageStarts: null,
    ingestedAt: "2026-01-01T00:00:00Z",
    ingestedBy: null,
  }));
  const entities = Array.from({ length: entityCount }, (_, i) => {
    const roll = rnd();
    const type =
      roll < 0.7
        ? "Company"
        : roll < 0.9
          ? "Person"
          : roll < 0.95
            ? "Organization"
            : roll < 0.98
              ? "Product"
              : "Place";
    const sanctioned = type !== "Product" && type !== "Place" && rnd() < SANCTIONED_SHARE;
    const caption = `${type} ${i.toString(36)} ${pick(["Trade", "Systems", "Holding", "Logistics", "Works"])}`;
    return {
      id: `e${i}`,
      type,
      caption,
      names: [caption],
      country: pick(["cn", "ru", "ae", "tr", "kz", null]),
      identifiers: {},
      sanctioned,
      memberIds: [`e${i}`],
      listings: sanctioned
        ? [
            {
              matchId: `m${i}`,
              entryId: `ofac-sdn-${i}`,
              authority: "ofac",
              authorityId: String(10_000 + i),
              list: "sdn",
              programs: ["RUSSIA-EO14024"],
              listingDate: `202${2 + (i % 3)}-0${1 + (i % 9)}-01`,
              score: 0.95,
              decision: null,
            },
          ]
        : [],
    };
  });
  const weights = PREDICATES.flatMap(([p, w]) => Array(w).fill(p));
  const claims = Array.from({ length: claimCount }, (_, i) => {
    const s = Math.floor(rnd() * entityCount);
    let o = Math.floor(rnd() * entityCount);
    if (o === s) o = (o + 1) % entityCount;
    const predicate = pick(weights);
    const dated = rnd() < 0.6;
    const year = 2020 + Math.floor(rnd() * 6);
    const quarter = 1 + Math.floor(rnd() * 4);
    const quote = `Records reviewed show ${entities[s].caption} ${predicate} ${entities[o].caption} (item ${i}).`;
    return {
      id: `c${i}`,
      subjectId: `e${s}`,
      predicate,
      objectId: `e${o}`,
      period: dated
        ? {
            start: `${year}-${String(quarter * 3 - 2).padStart(2, "0")}-01`,
            end: `${year}-${String(quarter * 3).padStart(2, "0")}-${quarter === 1 || quarter === 4 ? 31 : 30}`,
            precision: "quarter",
            text: `Q${quarter} ${year}`,
          }
        : null,
      amount: null,
      productId: null,
      viaId: null,
      evidence: { sourceId: `src${Math.floor(rnd() * SOURCES)}`, start: 0, end: quote.length, quote },
      attribution: null,
      certainty: pick(CERTAINTIES),
      status: rnd() < 0.02 ? "rejected" : "proposed",
      producer: "bench",
    };
  });
  return { sources, entities, claims };
}

const seconds = (ms) => Number((ms / 1000).toFixed(2));
const mb = (bytes) => Math.round(bytes / 1e6);

/** Measures Skein and the peer; prints and returns the figures. */
export async function run() {
  let t = performance.now();
  const view = syntheticCase();
  const generateMs = performance.now() - t;

  // Process CPU time beside wall time: on a shared machine the wall clock also counts other work.
  const cpuSeconds = (since) => {
    const used = process.cpuUsage(since);
    return Number(((used.user + used.system) / 1e6).toFixed(2));
  };
  t = performance.now();
  let cpu = process.cpuUsage();
  const network = buildNetwork(view, undefined);
  const buildMs = performance.now() - t;
  const buildCpu = cpuSeconds(cpu);
  t = performance.now();
  cpu = process.cpuUsage();
  const paths = findExposurePaths(network, { maxHops: 3 });
  const pathsMs = performance.now() - t;
  const pathsCpu = cpuSeconds(cpu);
  const rssAfterPaths = process.memoryUsage().rss;

  t = performance.now();
  const investigation = buildInvestigation(view, network, {
    title: "Synthetic case",
    generatedAt: "2026-01-01T00:00:00Z",
  });
  const analysesMs = performance.now() - t;
  const out = mkdtempSync(join(tmpdir(), "skein-bench-report-"));
  const formats = (names) => names.map((name) => findExport(name));
  t = performance.now();
  cpu = process.cpuUsage();
  const reportFiles = writeReports(investigation, out, formats(["summary", "html", "md"]));
  const renderMs = performance.now() - t;
  const renderCpu = cpuSeconds(cpu);
  t = performance.now();
  const exportFiles = writeReports(
    investigation,
    out,
    formats([
      "ftm",
      "graphml",
      "gexf",
      "csv",
      "sanctioned",
      "candidates",
      "paths",
      "links",
      "intermediaries",
      "focal-points",
      "timeline",
      "sources",
    ]),
  );
  const exportMs = performance.now() - t;
  rmSync(out, { recursive: true, force: true });
  const peakBeforePeer = process.resourceUsage().maxRSS * 1024;
  // Peer: one unweighted BFS per entity (graphology-shortest-path), timed on a sample, extrapolated.
  const nodes = network.nodes();
  const step = Math.floor(nodes.length / PEER_SAMPLE);
  t = performance.now();
  let reached = 0;
  for (let i = 0; i < PEER_SAMPLE; i++) {
    const lengths = singleSourceLength(network, nodes[i * step]);
    for (const id in lengths)
      if (lengths[id] > 0 && lengths[id] <= 3 && network.getNodeAttribute(id, "sanctioned")) reached++;
  }
  const peerSampleMs = performance.now() - t;
  const peerAllMs = (peerSampleMs / PEER_SAMPLE) * nodes.length;
  const boundedStep = Math.floor(nodes.length / BOUNDED_PEER_SAMPLE);
  t = performance.now();
  let boundedReached = 0;
  for (let i = 0; i < BOUNDED_PEER_SAMPLE; i++) {
    bfsFromNode(
      network,
      nodes[i * boundedStep],
      (_id, attributes, depth) => {
        if (depth > 0 && attributes.sanctioned) boundedReached++;
        return depth >= 3;
      },
      { mode: "directed" },
    );
  }
  const boundedSampleMs = performance.now() - t;
  const boundedAllMs = (boundedSampleMs / BOUNDED_PEER_SAMPLE) * nodes.length;

  const figures = {
    entities: network.order,
    links: network.size,
    claims: view.claims.length,
    generate_s: seconds(generateMs),
    build_s: seconds(buildMs),
    paths_all_entities_s: seconds(pathsMs),
    build_and_paths_s: seconds(buildMs + pathsMs),
    build_cpu_s: buildCpu,
    paths_cpu_s: pathsCpu,
    build_and_paths_cpu_s: Number((buildCpu + pathsCpu).toFixed(2)),
    load_average: Number(loadavg()[0].toFixed(1)),
    exposed_entities: paths.length,
    report_analyses_s: seconds(analysesMs),
    report_render_s: seconds(renderMs),
    report_render_cpu_s: renderCpu,
    report_mb: Math.round(reportFiles.reduce((sum, f) => sum + f.bytes, 0) / 1e5) / 10,
    report_cuts: investigation.cuts.map((c) => `${c.section} ${c.shown}/${c.total}`).join("; "),
    exports_s: seconds(exportMs),
    exports_mb: Math.round(exportFiles.reduce((sum, f) => sum + f.bytes, 0) / 1e6),
    rss_after_paths_mb: mb(rssAfterPaths),
    peak_rss_mb: mb(peakBeforePeer),
    peer_bfs_per_entity_ms: Number((peerSampleMs / PEER_SAMPLE).toFixed(2)),
    peer_all_entities_extrapolated_s: seconds(peerAllMs),
    peer_ratio: Number((peerAllMs / pathsMs).toFixed(1)),
    bounded_peer_per_entity_ms: Number((boundedSampleMs / BOUNDED_PEER_SAMPLE).toFixed(2)),
    bounded_peer_all_entities_extrapolated_s: seconds(boundedAllMs),
    bounded_peer_ratio: Number((boundedAllMs / pathsMs).toFixed(1)),
  };
  console.log(
    `synthetic case: ${figures.entities} entities, ${figures.claims} claims → ${figures.links} links`,
  );
  console.log(
    `build network ${figures.build_s} s; exposure paths for all entities ${figures.paths_all_entities_s} s (${figures.exposed_entities} exposed); together ${figures.build_and_paths_s} s wall, ${figures.build_and_paths_cpu_s} s process CPU (target < 10 s; load average ${figures.load_average})`,
  );
  console.log(
    `report analyses (candidates, paths, intermediaries, focal points, timeline, layout) ${figures.report_analyses_s} s`,
  );
  console.log(
    `report render (summary.json, report.html, report.md; ${figures.report_mb} MB) ${figures.report_render_s} s wall, ${figures.report_render_cpu_s} s CPU (target < 5 s)`,
  );
  console.log(`report sections cut: ${figures.report_cuts}`);
  console.log(
    `complete exports (entities.ftm.json, network.graphml, network.gexf, claims.csv and the section CSVs; ${figures.exports_mb} MB) ${figures.exports_s} s`,
  );
  console.log(
    `memory: rss after paths ${figures.rss_after_paths_mb} MB, peak rss ${figures.peak_rss_mb} MB (before the peer runs)`,
  );
  console.log(
    `peer graphology-shortest-path singleSourceLength per entity: ${figures.peer_bfs_per_entity_ms} ms × ${nodes.length} ≈ ${figures.peer_all_entities_extrapolated_s} s (from ${PEER_SAMPLE} sampled, ${reached} sanctioned reached ≤ 3 hops); Skein is ${figures.peer_ratio}× faster`,
  );
  console.log(
    `peer graphology-traversal bfsFromNode to 3 links per entity: ${figures.bounded_peer_per_entity_ms} ms × ${nodes.length} ≈ ${figures.bounded_peer_all_entities_extrapolated_s} s (from ${BOUNDED_PEER_SAMPLE} sampled, ${boundedReached} sanctioned reached); Skein is ${figures.bounded_peer_ratio}× faster`,
  );
  return figures;
}
