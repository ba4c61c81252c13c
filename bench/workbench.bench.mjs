// The workbench and the report at the size of a real case, measured in Debian's chromium (headless,
// 1400×900, driven by playwright-core). The case: the 553 Treasury releases of ../shared/corpus
// investigated against the 2024-05 SDN set and the UN list when ../shared is present, else a generated case
// of the same shape (bench/large-case.mjs). For each page: time until its main content shows, the longest
// main-thread task (and the longest after the main content), DOM elements, JS heap and page height; on the
// graph, the time a click takes to select a node and the frames per second while zooming. The peer is the
// figures measured on the same corpus before the workbench paged and the graph started small, printed beside.
// Run: npm run bench -- workbench   (SKEIN_BENCH_WORKSPACE=case.db keeps the built case and its report and
// reuses them on the next run; SKEIN_BENCH_GENERATED=1 measures the generated case even where ../shared is)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { generateCase, writeGeneratedCase } from "./large-case.mjs";
import { startServerProcess } from "./server-process.mjs";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = new URL("..", import.meta.url).pathname;
const SHARED = join(ROOT, "../shared");
const CORPUS = join(SHARED, "corpus/treasury-press-releases");
const LISTS = [join(SHARED, "data/ofac-sdn-csv-2024-05"), join(SHARED, "data/un-sc-consolidated")];
const VIEWPORT = { width: 1400, height: 900 };
/** Fresh loads of each page; their median is reported. */
const REPEATS = 3;
/** How long a page is watched after its main content shows, for the tasks that follow. */
const SETTLE_MS = 3_000;
/** The most a page may take to show its main content before it counts as never showing. */
const CONTENT_TIMEOUT_MS = 120_000;

/**
 * The figures measured on the corpus case (12,710 entities, 10,313 claims, 4,046 sanctioned matches) before
 * the graph started small and lists paged: time to main content, longest task (s), DOM nodes, height (px).
 */
const FORMER = {
  "graph, overview": { content_s: 26.6, longest_task_s: 22.7, dom: 36_583, height_px: null },
  "graph, focused on one entity": { content_s: 23.7, longest_task_s: 20.4, dom: 37_690, height_px: null },
  "entity with many claims": { content_s: 1.6, longest_task_s: 1.4, dom: 110_978, height_px: 272_696 },
  timeline: { content_s: 1.2, longest_task_s: 0.7, dom: 39_213, height_px: 65_556 },
  "review queue": { content_s: 0.7, longest_task_s: 0.35, dom: 47_092, height_px: 28_422 },
  "report.html": { content_s: 1.9, longest_task_s: 4.2, dom: 132_957, height_px: 550_580 },
};
const FORMER_CLICK_S = 24;
const FORMER_ZOOM_FPS = 2;

/** Builds the case: the corpus with the official lists, or the generated one. Returns its workspace and report. */
async function buildCase(dir) {
  const path = process.env.SKEIN_BENCH_WORKSPACE ?? join(dir, "case.db");
  const out = `${path}.report`;
  if (process.env.SKEIN_BENCH_WORKSPACE && existsSync(join(out, "report.html"))) {
    console.log(`case: reusing ${path} and ${out}`);
    return { path, out, kind: "reused" };
  }
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  if (!process.env.SKEIN_BENCH_GENERATED && existsSync(CORPUS) && LISTS.every(existsSync)) {
    execFileSync(
      process.execPath,
      [
        join(ROOT, "dist/cli/main.js"),
        "investigate",
        CORPUS,
        "--lists",
        ...LISTS,
        "--out",
        out,
        "--workspace",
        path,
      ],
      { stdio: ["ignore", "ignore", "inherit"], cwd: ROOT },
    );
    console.log(
      `case: the corpus with ${LISTS.length} lists, built in ${seconds(performance.now() - started)} s`,
    );
    return { path, out, kind: "corpus" };
  }
  const stages = await import(join(ROOT, "dist/store/index.js")).then(async (store) => ({
    workspace: await store.openWorkspace(path),
    insertSource: store.insertSource,
    ...(await import(join(ROOT, "dist/lists/index.js"))),
    ...(await import(join(ROOT, "dist/resolve/index.js"))),
  }));
  const { workspace } = stages;
  const written = await writeGeneratedCase({ ...stages, db: workspace.db }, generateCase(), dir);
  const { buildNetwork } = await import(join(ROOT, "dist/graph/index.js"));
  const { buildInvestigation, writeReports } = await import(join(ROOT, "dist/report/index.js"));
  const view = await stages.readCaseView(workspace.db, undefined);
  writeReports(buildInvestigation(view, buildNetwork(view, undefined), { title: "Generated case" }), out);
  await workspace.close();
  console.log(
    `case: generated, ${written.sources} sources, ${written.claims} claims, built in ${seconds(performance.now() - started)} s`,
  );
  return { path, out, kind: "generated" };
}

/** Records every long task (≥ 50 ms) of the page from its first script on. */
const WATCH_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
};

const seconds = (ms) => Number((ms / 1000).toFixed(2));

/** The median of each figure over the runs (null when a run has none). */
function medianOf(runs) {
  const out = {};
  for (const key of Object.keys(runs[0])) {
    const values = runs.map((r) => r[key]);
    if (values.some((v) => v === null || v === undefined)) out[key] = null;
    else out[key] = [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  }
  return out;
}

/** Opens `address` in a fresh page and measures it until `selector` shows and SETTLE_MS after. */
async function measure(context, name, address, selector) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(address, { waitUntil: "commit" });
  let contentMs = null;
  try {
    contentMs = await page
      .waitForFunction((s) => (document.querySelector(s) ? performance.now() : null), selector, {
        polling: "raf",
        timeout: CONTENT_TIMEOUT_MS,
      })
      .then((handle) => handle.jsonValue());
  } catch {
    console.log(`${name}: ${selector} did not show within ${CONTENT_TIMEOUT_MS / 1000} s`);
  }
  await page.waitForTimeout(SETTLE_MS);
  const seen = await page.evaluate(() => ({
    tasks: window.__longTasks ?? [],
    dom: document.querySelectorAll("*").length,
    height: document.documentElement.scrollHeight,
  }));
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
  const longest = Math.max(0, ...seen.tasks.map((t) => t.duration));
  const after = Math.max(
    0,
    ...seen.tasks.filter((t) => contentMs !== null && t.start >= contentMs).map((t) => t.duration),
  );
  return {
    page,
    figures: {
      content_s: contentMs === null ? null : seconds(contentMs),
      longest_task_s: seconds(longest),
      longest_task_after_content_s: seconds(after),
      dom: seen.dom,
      heap_mb: Math.round(heap / 1e6),
      height_px: seen.height,
    },
  };
}

/** Clicks the empty corner of the graph, then its centre (where the focused entity is); times each selection. */
async function measureClick(page, expected) {
  const canvas = page.locator('[data-testid="graph-canvas"]');
  await page.waitForFunction(() => document.querySelector('[data-layout="done"]'), null, { timeout: 60_000 });
  // The camera glides to the focused entity once the layout is done.
  await page.waitForTimeout(1_000);
  const box = await canvas.boundingBox();
  // Timed in the page: from the button going down to the frame after the selection shows in the address.
  const timeSelection = async (x, y, value) => {
    await page.evaluate((v) => {
      window.__selectedAfter = null;
      const canvas = document.querySelector('[data-testid="graph-canvas"]');
      const pressed = { at: 0 };
      window.addEventListener("mousedown", (e) => (pressed.at = e.timeStamp), { once: true, capture: true });
      const watch = new MutationObserver(() => {
        if (canvas.getAttribute("data-selected") !== v) return;
        watch.disconnect();
        requestAnimationFrame(() => (window.__selectedAfter = performance.now() - pressed.at));
      });
      watch.observe(canvas, { attributes: true, attributeFilter: ["data-selected"] });
    }, value);
    await page.mouse.click(x, y);
    try {
      const handle = await page.waitForFunction(() => window.__selectedAfter, null, { timeout: 30_000 });
      return await handle.jsonValue();
    } catch {
      console.log(`graph: a click at ${Math.round(x)},${Math.round(y)} did not select ${value || "nothing"}`);
      return null;
    }
  };
  const deselect = await timeSelection(box.x + 4, box.y + 4, "");
  // Two clicks closer than sigma's double-click interval would read as a double click.
  await page.waitForTimeout(600);
  const select = await timeSelection(box.x + box.width / 2, box.y + box.height / 2, expected);
  const time = (ms) => (ms === null ? null : seconds(ms));
  return { deselect_s: time(deselect), select_s: time(select) };
}

/** Zooms in and out with the wheel over the graph for two seconds, counting the frames drawn. */
async function measureZoom(page) {
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    window.__frames = 0;
    const count = () => {
      window.__frames++;
      window.__frameLoop = requestAnimationFrame(count);
    };
    window.__frameLoop = requestAnimationFrame(count);
  });
  const started = performance.now();
  for (let i = 0; performance.now() - started < 2_000; i++) {
    await page.mouse.wheel(0, i % 20 < 10 ? -120 : 120);
    await page.waitForTimeout(30);
  }
  const frames = await page.evaluate(() => {
    cancelAnimationFrame(window.__frameLoop);
    return window.__frames;
  });
  return Math.round(frames / ((performance.now() - started) / 1000));
}

const fmt = (v, unit = "") => (v === null || v === undefined ? "—" : `${v.toLocaleString("en")}${unit}`);

/** Measures every page; prints and returns the figures. */
export async function run() {
  if (!existsSync(CHROMIUM)) {
    console.log(
      `${CHROMIUM} not found (scripts/setup-system.sh installs it): the workbench bench is skipped`,
    );
    return { skipped: true };
  }
  const dir = mkdtempSync(join(tmpdir(), "skein-bench-workbench-"));
  const built = await buildCase(dir);
  const server = await startServerProcess(built.path);
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    viewport: VIEWPORT,
  });
  await context.addInitScript(WATCH_TASKS);
  const figures = { case: built.kind };
  try {
    const api = async (route) => (await fetch(`${server.url}${route}`)).json();
    // The most connected entity: its page has the most claims, and its neighbourhood is the largest to draw.
    const body = (await api("/api/graph/focal-points?limit=1")).result[0].entity;
    const candidate = body;
    const counts = await api("/api/sources?limit=1");
    console.log(
      `entity with many claims, and the graph's focus: ${body.caption}; sources: ${counts.total ?? "?"}`,
    );
    const pages = [
      ["graph, overview", "#/graph", '[data-testid="graph-canvas"][data-drawn="yes"]'],
      [
        "graph, focused on one entity",
        `#/graph?focus=${encodeURIComponent(candidate.id)}`,
        '[data-testid="graph-canvas"][data-drawn="yes"]',
      ],
      ["entity with many claims", `#/entity/${encodeURIComponent(body.id)}`, ".entity-page li.claim"],
      ["timeline", "#/timeline", ".timeline-item"],
      ["review queue", "#/review", ".review li.claim"],
    ];
    const warm = await context.newPage();
    const coldStarted = performance.now();
    for (const [, hash, selector] of pages) {
      await warm.goto(`${server.url}/${hash}`);
      await warm.waitForSelector(selector, { timeout: CONTENT_TIMEOUT_MS });
    }
    await warm.close();
    figures.first_visit_all_pages_s = seconds(performance.now() - coldStarted);
    console.log(
      `first visit of the ${pages.length} workbench pages while the server computes its answers: ${figures.first_visit_all_pages_s} s`,
    );
    // Each page is measured REPEATS times from a fresh load; the median of each figure is kept, as other
    // jobs on a shared machine stretch single runs.
    const targets = [...pages, ["report.html", `file://${join(built.out, "report.html")}`, "nav.contents"]];
    for (const [name, address, selector] of targets) {
      const runs = [];
      for (let i = 0; i < REPEATS; i++) {
        const url = address.startsWith("file:") ? address : `${server.url}/${address}`;
        const { page, figures: measured } = await measure(context, name, url, selector);
        if (name.startsWith("graph"))
          measured.drawn = Number(
            await page.locator('[data-testid="graph-canvas"]').getAttribute("data-nodes"),
          );
        if (name === "graph, focused on one entity") {
          Object.assign(measured, await measureClick(page, candidate.id));
          measured.zoom_fps = await measureZoom(page);
        }
        if (name === "report.html")
          measured.contents_top_px = await page.evaluate(() =>
            Math.round(document.querySelector("nav.contents")?.getBoundingClientRect().top ?? -1),
          );
        runs.push(measured);
        await page.close();
      }
      figures[name] = medianOf(runs);
    }
  } finally {
    await context.close();
    server.child.kill("SIGTERM");
    if (!process.env.SKEIN_BENCH_WORKSPACE) rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    "\n| page | main content shows | longest task (after the content) | DOM elements | JS heap | page height | before: content / longest task / DOM / height |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const name of Object.keys(FORMER)) {
    const f = figures[name];
    const b = FORMER[name];
    console.log(
      `| ${name} | ${fmt(f.content_s, " s")} | ${fmt(f.longest_task_s, " s")} (${fmt(f.longest_task_after_content_s, " s")}) | ${fmt(f.dom)} | ${fmt(f.heap_mb, " MB")} | ${fmt(f.height_px, " px")} | ${fmt(b.content_s, " s")} / ${fmt(b.longest_task_s, " s")} / ${fmt(b.dom)} / ${fmt(b.height_px, " px")} |`,
    );
  }
  const focus = figures["graph, focused on one entity"];
  console.log(
    `graph: the overview draws ${figures["graph, overview"].drawn} communities, the focus ${focus.drawn} entities`,
  );
  console.log(
    `graph: a click selects a node in ${fmt(focus.select_s, " s")} (deselects in ${fmt(focus.deselect_s, " s")}; before about ${FORMER_CLICK_S} s); zoom ${fmt(focus.zoom_fps)} frames/s (before about ${FORMER_ZOOM_FPS})`,
  );
  console.log(
    `report.html: the contents start ${fmt(figures["report.html"].contents_top_px, " px")} from the top of the first screen (${VIEWPORT.height} px high)`,
  );
  console.log(
    "targets: main content within 2 s, no task over 0.2 s after it, a click selects within 0.2 s, zoom above 30 frames/s, at most 5,000 DOM elements",
  );
  return figures;
}
