// Parsing the official list files (the hot path of `skein lists load` and `skein screen --list`): the
// full December 2023 OFAC SDN CSV set (13,821 entries, four files joined, remarks parsed), the UN XML
// and the UK OFSI XLSX. Peer: csv-parse, the standard Node CSV library, only tokenising the same four
// OFAC files (no join, no remarks), run in the same process.
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse";
import { readListFiles } from "../dist/lists/index.js";

const DATA = new URL("../../shared/data/", import.meta.url).pathname;
const SDN = join(DATA, "ofac-sdn-csv-2023-12");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time and CPU time (user + system) of `runs` runs: median, and the first (cold) run. */
async function time(body, runs) {
  const times = [];
  const cpu = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    result = await body();
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpu), first: times[0], result };
}

async function peerTokenise() {
  let records = 0;
  for (const name of ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"]) {
    const parser = createReadStream(join(SDN, name)).pipe(
      parse({ relax_column_count: true, relax_quotes: true }),
    );
    for await (const _ of parser) records++;
  }
  return records;
}

/** Prints and returns the figures. */
export async function run() {
  if (!existsSync(SDN)) {
    console.log(`skipped: ${DATA} not found`);
    return {};
  }
  const sdn = await time(() => readListFiles([SDN]), 5);
  const peer = await time(peerTokenise, 5);
  const un = await time(() => readListFiles([join(DATA, "un-sc-consolidated")]), 3);
  const uk = await time(() => readListFiles([join(DATA, "uk-ofsi-conlist-2025-04")]), 1);
  const figures = {
    sdnEntries: sdn.result[0].entries.length,
    sdnFirstParseMs: Math.round(sdn.first),
    sdnParseMs: Math.round(sdn.ms),
    sdnParseCpuMs: Math.round(sdn.cpuMs),
    peerCsvParseTokeniseMs: Math.round(peer.ms),
    peerCsvParseTokeniseCpuMs: Math.round(peer.cpuMs),
    ratioPeerOverSkein: Number((peer.ms / sdn.ms).toFixed(2)),
    unEntries: un.result[0].entries.length,
    unParseMs: Math.round(un.ms),
    ukEntries: uk.result[0].entries.length,
    ukXlsxParseMs: Math.round(uk.ms),
    peakRssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
  console.log(
    `OFAC SDN 2023-12 set: ${figures.sdnEntries} entries, parsed in ${figures.sdnParseMs} ms wall, ${figures.sdnParseCpuMs} ms CPU (median of 5; first ${figures.sdnFirstParseMs} ms)\n` +
      `peer csv-parse, tokenising the same files only: ${figures.peerCsvParseTokeniseMs} ms wall, ${figures.peerCsvParseTokeniseCpuMs} ms CPU (peer/skein ${figures.ratioPeerOverSkein}×)\n` +
      `UN XML: ${figures.unEntries} entries in ${figures.unParseMs} ms; UK OFSI XLSX: ${figures.ukEntries} entries in ${figures.ukXlsxParseMs} ms\n` +
      `peak RSS ${figures.peakRssMb} MB`,
  );
  return figures;
}
