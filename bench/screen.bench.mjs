// Screening benchmark: the 2024-05 OFAC SDN indexed and screened by every primary name written with a
// typo, with its words reordered and with its legal form written another way; a naive peer (a linear
// scan with fuzzball's WRatio over all names) runs in the same process for the per-query ratio. With
// SKEIN_BENCH_1M=1 it also indexes a synthetic list of 1,000,000 names and times queries against it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { distance } from "fastest-levenshtein";
import * as fuzzball from "fuzzball";
import { readListFiles } from "../dist/lists/index.js";
import { buildIndex, LEGAL_FORMS, normaliseName, plainEditDistance, screen } from "../dist/screen/index.js";
import { seededRandom } from "./seeded-random.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SDN = resolve(ROOT, "../shared/data/ofac-sdn-csv-2024-05/sdn.csv");
const CLI = join(ROOT, "dist/cli/main.js");
const PEER_QUERIES = 40;
/** Results kept per query, enough to see every entry tied at the top score. */
const TIE_LIMIT = 20;

/** The name with one letter of its longest word changed (the middle letter moved one step in the alphabet). */
export function withTypo(name) {
  const words = [...name.matchAll(/[A-Za-z]+/g)];
  if (words.length === 0) return null;
  const longest = words.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const at = longest.index + Math.floor(longest[0].length / 2);
  const char = name[at];
  const lower = char.toLowerCase();
  const next = lower === "z" ? "a" : String.fromCharCode(lower.charCodeAt(0) + 1);
  return name.slice(0, at) + (char === lower ? next : next.toUpperCase()) + name.slice(at + 1);
}

/**
 * The name with two neighbouring letters of its `position`-th word swapped (the pair nearest the
 * middle whose letters differ), so every word, legal-form words included, is misspelt in turn; null
 * when the word has no such pair.
 */
export function withSwap(name, position) {
  const word = [...name.matchAll(/[A-Za-z]+/g)][position];
  if (!word) return null;
  const text = word[0];
  const middle = Math.floor((text.length - 1) / 2);
  const pairs = [...text.slice(0, -1)]
    .map((_, i) => i)
    .sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle));
  const at = pairs.find((i) => text[i].toLowerCase() !== text[i + 1].toLowerCase());
  if (at === undefined) return null;
  const swapped = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  return name.slice(0, word.index) + swapped + name.slice(word.index + text.length);
}

/** The kind of party a schema names, for the figures by schema. */
export function partyKind(schema) {
  if (schema === "Person") return "people";
  return schema === "Company" || schema === "Organization" || schema === "LegalEntity"
    ? "companies"
    : "other";
}

/** Every written legal form with its symbol, longest first, so a long form is replaced whole, not a word of it. */
const WRITTEN = LEGAL_FORMS.flatMap((form) =>
  form.variants.filter((v) => v.length >= 2).map((variant) => ({ form, variant })),
).sort((a, b) => b.variant.length - a.variant.length);

/** The name with its legal form written another way ("LLC" ↔ "Limited Liability Company"); null without one. */
export function otherLegalForm(name, schema) {
  const normalised = normaliseName(name, schema);
  if (normalised.legalForms.length === 0) return null;
  const plain = name.replace(/\./g, "").replace(/,/g, " ").replace(/-/g, " ").replace(/\s+/g, " ").trim();
  for (const { form, variant } of WRITTEN) {
    if (!normalised.legalForms.includes(form.symbol)) continue;
    const pattern = new RegExp(`(^|\\s)${variant.replace(/ /g, "\\s")}(?=\\s|$)`, "i");
    if (!pattern.test(plain)) continue;
    const other = form.variants.find((v) => v !== variant && v.includes(" ") !== variant.includes(" "));
    const replacement = (other ?? form.variants.find((v) => v !== variant) ?? variant).toUpperCase();
    if (replacement === variant.toUpperCase()) return null;
    return plain.replace(pattern, `$1${replacement}`);
  }
  return null;
}

/** Every written legal form, longest first, as a list of words. */
const FORM_WORDS = WRITTEN.map(({ variant }) => variant.split(" "));

/** The legal forms written at the start and end of a name's words, peeled off as [before, core, after]. */
function splitLegalForm(words) {
  let start = 0;
  let end = words.length;
  const lower = words.map((w) => w.toLowerCase());
  // Long words of a form are read one edit away (the longest two), as the normaliser reads them ("organichennoy").
  const same = (word, formWord) =>
    word === formWord ||
    (formWord.length >= 5 &&
      word[0] === formWord[0] &&
      distance(word, formWord) <= (formWord.length >= 12 ? 2 : 1));
  const fits = (form, at) => form.every((w, k) => lower[at + k] !== undefined && same(lower[at + k], w));
  for (let changed = true; changed && end - start > 1; ) {
    changed = false;
    for (const form of FORM_WORDS) {
      if (end - start - form.length < 1) continue;
      if (fits(form, start)) start += form.length;
      else if (fits(form, end - form.length)) end -= form.length;
      else continue;
      changed = true;
      break;
    }
  }
  return [words.slice(0, start), words.slice(start, end), words.slice(end)];
}

/**
 * The name with its words rotated by one ("IVANOV, Ivan Petrovich" → "Ivan Petrovich IVANOV"); legal
 * forms stay whole at their end of the name. Null when there are not two words to reorder.
 */
export function reordered(name) {
  const words = name.replace(/\./g, "").replace(/[,-]/g, " ").split(/\s+/).filter(Boolean);
  const [before, core, after] = splitLegalForm(words);
  if (core.length < 2) return null;
  return [...before, ...core.slice(1), core[0], ...after].join(" ");
}

/** Every listed name (upper case) and the ids of the entries that carry it. */
export function listedNames(entries) {
  const names = new Map();
  for (const entry of entries) {
    for (const name of [...entry.names, ...entry.weakAliases]) {
      const key = name.toUpperCase();
      names.set(key, [...(names.get(key) ?? []), entry.id]);
    }
  }
  return names;
}

/**
 * Query variants of an entry's primary name: kind → query text. A kind is left out when the entry has
 * no such variant, or when the variant is itself the listed name of another entry (a changed letter of
 * a short code such as an aircraft registration often spells another listed code).
 */
export function queryVariants(entry, listed = new Map()) {
  const name = entry.names[0] ?? entry.caption;
  const out = {
    typo: withTypo(name),
    reordered: reordered(name),
    legalForm: otherLegalForm(name, entry.schema),
  };
  const other = (text) => (listed.get(text.toUpperCase()) ?? []).some((id) => id !== entry.id);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== null && !other(v)));
}

/** No other entry scores higher: rank 1, or tied at the top (names the list itself writes alike). */
export function foundFirst(results, entry) {
  if (results.length === 0) return false;
  const top = results[0].score;
  return results.some((r) => r.entry.id === entry.id && r.score === top);
}

/** The fewest plain edits (one per changed, added, removed or swapped letter) from the query to a name of the entry, as normalised. */
function editsTo(query, entry) {
  const text = (name, schema) =>
    normaliseName(name, schema)
      .tokens.map((t) => t.text)
      .join(" ");
  const wanted = text(query);
  return Math.min(
    ...[...entry.names, ...entry.weakAliases].map((n) => plainEditDistance(wanted, text(n, entry.schema))),
  );
}

/**
 * How a query for `entry` fared: "found" first (or tied at the top), "tied" when an entry ranked above
 * it has a name at least as few plain edits from the query as the entry's own (either is a fair
 * answer), else "missed".
 */
export function outcome(results, entry, query) {
  if (foundFirst(results, entry)) return "found";
  const own = editsTo(query, entry);
  return results.length > 0 && editsTo(query, results[0].entry) <= own ? "tied" : "missed";
}

function peakMemoryMb() {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A deterministic synthetic list of `count` names (companies and persons from generated syllables). */
export function syntheticEntries(count) {
  const random = seededRandom(42);
  const onsets = [
    "b",
    "d",
    "g",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "sh",
    "kh",
    "ch",
    "br",
    "st",
  ];
  const vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ia"];
  const word = (syllables) => {
    let w = "";
    for (let i = 0; i < syllables; i++)
      w += onsets[Math.floor(random() * onsets.length)] + vowels[Math.floor(random() * vowels.length)];
    return w.toUpperCase();
  };
  const given = Array.from({ length: 3000 }, () => word(2 + Math.floor(random() * 2)));
  const family = Array.from({ length: 60000 }, () => word(2 + Math.floor(random() * 3)));
  const trade = Array.from({ length: 40000 }, () => word(2 + Math.floor(random() * 3)));
  const sectors = [
    "TRADING",
    "INDUSTRIES",
    "SHIPPING",
    "ENGINEERING",
    "GROUP",
    "HOLDING",
    "TECHNOLOGIES",
    "LOGISTICS",
  ];
  const forms = ["LLC", "LTD", "JSC", "OOO", "GMBH", "CO., LTD.", "FZE", "INC."];
  const pick = (list) => list[Math.floor(random() * list.length)];
  const entries = [];
  for (let i = 0; i < count; i++) {
    const person = random() < 0.5;
    const name = person
      ? `${pick(family)}, ${pick(given)} ${pick(given)}`
      : `${pick(trade)} ${random() < 0.5 ? `${pick(trade)} ` : ""}${pick(sectors)} ${pick(forms)}`;
    entries.push({
      id: `synthetic-${i}`,
      schema: person ? "Person" : "Company",
      caption: name,
      names: [name],
      weakAliases: [],
      authority: "synthetic",
      list: "synthetic",
      authorityId: String(i),
      programs: [],
      countries: [],
      birthDates: [],
      identifiers: [],
      addresses: [],
      listingDate: null,
      remarks: null,
      linkedTo: [],
    });
  }
  return entries;
}

/** CPU time (user and system) in milliseconds since `since`: robust to other processes sharing the cores. */
function cpuMs(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function benchSdn() {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const parsed = await readListFiles([SDN]);
  const entries = parsed.flatMap((p) => p.entries);
  const read = performance.now() - started;
  const buildStart = performance.now();
  const buildCpuStart = process.cpuUsage();
  const index = buildIndex(entries);
  const build = performance.now() - buildStart;
  const buildCpu = cpuMs(buildCpuStart);
  const queries = [];
  const listed = listedNames(entries);
  for (const entry of entries) {
    for (const [kind, text] of Object.entries(queryVariants(entry, listed)))
      queries.push({ entry, kind, text });
  }
  const counts = {};
  const missed = [];
  const screenStart = performance.now();
  const screenCpuStart = process.cpuUsage();
  for (const q of queries) {
    const results = screen(index, { name: q.text }, { limit: TIE_LIMIT });
    const result = outcome(results, q.entry, q.text);
    counts[q.kind] ??= { all: 0, found: 0, tied: 0, missed: 0 };
    counts[q.kind].all++;
    counts[q.kind][result]++;
    if (result !== "found" && missed.length < 10)
      missed.push(`${q.kind} (${result}): ${q.text} → ${results[0]?.entry.caption ?? "nothing"}`);
  }
  const screening = performance.now() - screenStart;
  const bySchema = screenBySchema(index, entries, listed);
  const screeningCpu = cpuMs(screenCpuStart);
  const whole = performance.now() - started;
  const wholeCpu = cpuMs(startedCpu);
  const names = entries.flatMap((e) => [...e.names, ...e.weakAliases]);
  const peerStart = process.cpuUsage();
  for (const q of queries.slice(0, PEER_QUERIES)) {
    let best = -1;
    for (const name of names) {
      const score = fuzzball.WRatio(q.text, name);
      if (score > best) best = score;
    }
  }
  const peerPerQuery = cpuMs(peerStart) / PEER_QUERIES;
  const perQuery = screeningCpu / queries.length;
  return {
    entries: entries.length,
    names: index.size,
    readMs: Math.round(read),
    buildMs: Math.round(build),
    buildCpuMs: Math.round(buildCpu),
    queries: queries.length,
    namesPerSecond: Math.round(queries.length / (screeningCpu / 1000)),
    namesPerSecondWholeProcess: Math.round(queries.length / (wholeCpu / 1000)),
    namesPerSecondWall: Math.round(queries.length / (screening / 1000)),
    wholeProcessWallMs: Math.round(whole),
    perQueryMs: Number(perQuery.toFixed(3)),
    peerPerQueryMs: Number(peerPerQuery.toFixed(1)),
    ratioToPeer: Math.round(peerPerQuery / perQuery),
    queryNames: queries.map((q) => q.text),
    foundFirst: counts,
    bySchema,
    missed,
  };
}

/**
 * Every entry queried by its primary name with a swap in each word in turn, and with its words
 * reordered: how many rank first, by kind of party. Left out, as above, are variants that are
 * another entry's listed name.
 */
export function screenBySchema(index, entries, listed) {
  const counts = {};
  const missed = [];
  for (const entry of entries) {
    const name = entry.names[0] ?? entry.caption;
    const words = name.match(/[A-Za-z]+/g) ?? [];
    const variants = words.map((_, i) => ["swap", withSwap(name, i)]);
    variants.push(["reordered", reordered(name)]);
    const kind = partyKind(entry.schema);
    for (const [variant, text] of variants) {
      if (text === null || (listed.get(text.toUpperCase()) ?? []).some((id) => id !== entry.id)) continue;
      const results = screen(index, { name: text }, { limit: TIE_LIMIT });
      counts[`${kind} ${variant}`] ??= { all: 0, found: 0 };
      const c = counts[`${kind} ${variant}`];
      c.all++;
      if (foundFirst(results, entry)) c.found++;
      else if (missed.length < Number(process.env.SKEIN_BENCH_MISSES ?? 15))
        missed.push(`${kind} ${variant}: ${text} → ${results[0]?.entry.caption ?? "nothing"}`);
    }
  }
  return { counts, missed };
}

async function benchMillion() {
  const entries = syntheticEntries(1_000_000);
  const started = performance.now();
  const index = buildIndex(entries);
  const build = performance.now() - started;
  const times = [];
  let hits = 0;
  for (let i = 0; i < 1000; i++) {
    const entry = entries[(i * 997) % entries.length];
    const query = withTypo(entry.names[0]);
    const t = performance.now();
    const results = screen(index, { name: query }, { limit: TIE_LIMIT });
    times.push(performance.now() - t);
    if (foundFirst(results, entry)) hits++;
  }
  return {
    names: index.size,
    buildSeconds: Number((build / 1000).toFixed(1)),
    medianQueryMs: Number(median(times).toFixed(2)),
    foundFirst: `${hits}/1000`,
    heapMb: Math.round(process.memoryUsage().heapUsed / 1048576),
  };
}

/**
 * The whole process, as a user runs it: `skein screen --list sdn.csv --input names.csv --format json`
 * (Node start, module loading, reading the list, indexing, screening, writing JSON), timed by
 * /usr/bin/time for wall clock and CPU seconds; null when /usr/bin/time is missing.
 */
function benchCli(names) {
  if (!existsSync("/usr/bin/time")) return null;
  const dir = mkdtempSync(join(tmpdir(), "skein-screen-bench-"));
  const input = join(dir, "names.csv");
  writeFileSync(input, `id,name\n${names.map((n, i) => `${i},"${n.replace(/"/g, '""')}"`).join("\n")}\n`);
  const run = spawnSync(
    "/usr/bin/time",
    ["-f", "%e %U %S %M", "node", CLI, "screen", "--list", SDN, "--input", input, "--format", "json"],
    { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 },
  );
  const [wall, user, system, maxKb] = run.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return {
    names: names.length,
    wallSeconds: wall,
    cpuSeconds: Number((user + system).toFixed(2)),
    namesPerCpuSecond: Math.round(names.length / (user + system)),
    namesPerWallSecond: Math.round(names.length / wall),
    peakMemoryMb: Math.round(maxKb / 1024),
  };
}

/** Wall and CPU seconds of one command, timed by /usr/bin/time. */
function timed(args, env) {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %U %S", "node", CLI, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...env },
  });
  if (run.status !== 0) throw new Error(`skein ${args.join(" ")} failed: ${run.stderr}`);
  const [wall, user, system] = run.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { wallSeconds: wall, cpuSeconds: Number((user + system).toFixed(2)) };
}

/**
 * One name screened against the SDN loaded in a workspace, as a user runs it: `skein screen --name X
 * --workspace W`, cold (no kept index: the entries are read and indexed, and the index kept) and warm
 * (the kept index read), in a cache directory of its own.
 */
function benchSingleName() {
  if (!existsSync("/usr/bin/time")) return null;
  const dir = mkdtempSync(join(tmpdir(), "skein-screen-one-"));
  const workspace = join(dir, "case.db");
  const env = { SKEIN_CACHE_DIR: join(dir, "cache") };
  timed(["lists", "load", dirname(SDN), "--workspace", workspace], env);
  const screenOne = [
    "screen",
    "--name",
    "Limited Liabiltiy Company Zarevo",
    "--workspace",
    workspace,
    "--json",
  ];
  const cold = timed(screenOne, env);
  const warm = [1, 2, 3].map(() => timed(screenOne, env)).sort((a, b) => a.wallSeconds - b.wallSeconds)[1];
  rmSync(dir, { recursive: true, force: true });
  return { cold, warm };
}

/** Runs the benchmark, prints its figures and returns them. */
export async function run() {
  if (!existsSync(SDN)) {
    console.log(`screen bench: ${SDN} not found; skipped`);
    return {};
  }
  const sdn = await benchSdn();
  console.log(
    `screen: SDN ${sdn.entries} entries, ${sdn.names} names; read ${sdn.readMs} ms, index ${sdn.buildMs} ms (${sdn.buildCpuMs} ms CPU)`,
  );
  console.log(
    `screen: ${sdn.queries} queries, ${sdn.namesPerSecond} names/s per CPU second screening, ${sdn.namesPerSecondWholeProcess} names/s ` +
      `whole process (read, index, screen; ${sdn.namesPerSecondWall} names/s wall clock), ${sdn.perQueryMs} ms CPU/query; ` +
      `peer (fuzzball WRatio scan) ${sdn.peerPerQueryMs} ms CPU/query; ratio ${sdn.ratioToPeer}×`,
  );
  for (const [kind, c] of Object.entries(sdn.foundFirst)) {
    console.log(
      `screen: ${kind}: found first ${c.found}/${c.all}; another entry as few edits away ranked first ${c.tied}; missed ${c.missed}`,
    );
  }
  for (const [kind, c] of Object.entries(sdn.bySchema.counts))
    console.log(
      `screen: by schema, ${kind}: found first ${c.found}/${c.all} (${((100 * c.found) / c.all).toFixed(2)} %)`,
    );
  for (const line of sdn.bySchema.missed) console.log(`  not first (by schema): ${line}`);
  const cli = benchCli(sdn.queryNames);
  delete sdn.queryNames;
  if (cli) {
    console.log(
      `screen: whole process (skein screen --list sdn.csv --input ${cli.names} names): ${cli.namesPerCpuSecond} names per CPU second, ` +
        `${cli.namesPerWallSecond} names/s wall clock (${cli.cpuSeconds} s CPU, ${cli.wallSeconds} s wall, peak ${cli.peakMemoryMb} MB)`,
    );
  }
  const single = benchSingleName();
  if (single) {
    console.log(
      `screen: one name (skein screen --name X --workspace W, SDN loaded): cold ${single.cold.wallSeconds} s wall ` +
        `(${single.cold.cpuSeconds} s CPU; entries read, indexed, index kept), warm ${single.warm.wallSeconds} s wall ` +
        `(${single.warm.cpuSeconds} s CPU; kept index read; median of 3)`,
    );
  }
  for (const line of sdn.missed) console.log(`  not first: ${line}`);
  const figures = { sdn, cli, single };
  if (process.env.SKEIN_BENCH_1M) {
    const million = await benchMillion();
    console.log(
      `screen: 1M synthetic names indexed in ${million.buildSeconds} s, median query ${million.medianQueryMs} ms, found first ${million.foundFirst}`,
    );
    figures.million = million;
  } else {
    console.log("screen: set SKEIN_BENCH_1M=1 for the 1,000,000-name case");
  }
  figures.peakMemoryMb = peakMemoryMb();
  console.log(`screen: peak memory ${figures.peakMemoryMb} MB`);
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
