// End-to-end: the built workbench in Debian's chromium (headless, driven by playwright-core, never a
// downloaded browser) against `skein serve` on loopback. The seed with the 2023-12 SDN set: open the
// intermediary, see its SDN match and explanation, follow an exposure path to its evidence, accept a claim;
// and, on the invented case, a hostile source renders inert; on a generated large case, the graph starts small
// and expands, long lists page and the report opens on its contents. Screenshots go to test-artifacts/e2e/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCase, writeGeneratedCase } from "../../bench/large-case.mjs";
import { runExtraction } from "../../src/extract/index.js";
import { buildNetwork } from "../../src/graph/index.js";
import { ingestPaths } from "../../src/ingest/index.js";
import { loadLists } from "../../src/lists/index.js";
import { buildInvestigation, writeReports } from "../../src/report/index.js";
import { readCaseView, runResolution, runScreening } from "../../src/resolve/index.js";
import { type RunningServer, startServer } from "../../src/server/index.js";
import { insertSource, openWorkspace } from "../../src/store/index.js";
import { writeServerCase } from "../fixtures/server/case.js";
import { ARTIFACTS, HAS_CHROMIUM, HAS_WEB, launchBrowser, WEB_ROOT } from "../helpers/chromium.js";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";

/** Parties of the generated large case: a third of the real case's size keeps the suite quick. */
const LARGE_CASE_PARTIES = 4_000;

/** Serves the workspace at `path` with the built workbench on loopback, and opens chromium beside it. */
async function openWorkbench(
  dir: string,
  path: string,
  errors: string[],
): Promise<{ server: RunningServer; context: BrowserContext; page: Page }> {
  const server = await startServer({
    workspacePath: path,
    host: "127.0.0.1",
    port: 0,
    config: { webRoot: WEB_ROOT },
  });
  // Only the server under test, and local files (a written report), can be reached.
  return {
    server,
    ...(await launchBrowser(join(dir, "profile"), errors, /^(?:http:\/\/127\.0\.0\.1[:/]|file:)/)),
  };
}

describe.skipIf(!HAS_CHROMIUM || !HAS_WEB || !HAS_SHARED)("workbench in chromium", () => {
  let dir: string;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "skein-e2e-"));
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(dir, "case.db");
    const workspace = await openWorkspace(path);
    await ingestPaths(workspace.db, [sharedPath("seed")], { maxBytes: 50e6 }, undefined);
    await loadLists(workspace.db, [sharedPath("data/ofac-sdn-csv-2023-12")]);
    await runExtraction(workspace.db, undefined, { learned: undefined });
    await runResolution(workspace.db);
    await runScreening(workspace.db, undefined);
    await workspace.close();

    ({ server, context, page } = await openWorkbench(dir, path, pageErrors));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("opens the intermediary from search and shows its SDN match with the explanation", async () => {
    await page.goto(`${server.url}/#/search?q=vektor`);
    await page
      .locator(".columns a.entity-link", { hasText: /vektor/i })
      .first()
      .click();
    await page.locator(".entity-page h1").waitFor();
    expect(await page.locator(".entity-page h1").innerText()).toMatch(/vektor/i);
    await expect.poll(() => page.locator(".entity-page h1 .badge.sanctioned").count()).toBe(1);
    const match = page.locator(".match", { hasText: "46441" });
    await match.waitFor();
    expect(await match.innerText()).toMatch(/OFAC SDN 46441/);
    expect(await match.locator(".explanation tbody tr").count()).toBeGreaterThan(0);
    expect(await match.locator(".explanation").innerText()).toMatch(/nameMatch/);
    await page.screenshot({ path: join(ARTIFACTS, "01-entity-sdn-match.png"), fullPage: true });
  }, 120_000);

  it("follows an exposure path to the evidence and accepts the claim", async () => {
    await page.goto(`${server.url}/#/graph`);
    const hop = page.locator(".details .paths .hop-link").first();
    await hop.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "02-graph-exposure-paths.png"), fullPage: true });
    const quote = await hop.getAttribute("title");
    expect(quote).toBeTruthy();
    await hop.click();
    const focus = page.locator(".source-text mark.focus");
    await focus.first().waitFor();
    expect((await focus.allInnerTexts()).join("")).toBe(quote);
    await page.screenshot({ path: join(ARTIFACTS, "03-evidence.png"), fullPage: true });

    const claimId = new URL(page.url().replace("#/", "")).searchParams.get("claim");
    const row = page.locator(`li.claim[data-claim="${claimId}"]`).first();
    await row.locator('button[data-action="accept"]').click();
    await expect.poll(() => row.locator(".badge.status").innerText()).toBe("accepted");
    const stored = await (await fetch(`${server.url}/api/claims/${claimId}`)).json();
    expect(stored.claim.status).toBe("accepted");
    await page.screenshot({ path: join(ARTIFACTS, "04-claim-accepted.png"), fullPage: true });
  }, 120_000);

  it("shows the timeline and the review queue, and uploads a document with extraction progress", async () => {
    await page.goto(`${server.url}/#/timeline`);
    await page.locator(".timeline-item").first().waitFor();
    expect(await page.locator(".timeline-item").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, "06-timeline.png"), fullPage: true });
    await page.goto(`${server.url}/#/review`);
    await page.locator(".review li.claim").first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "07-review-queue.png") });
    // The "Why" typed in the queue is recorded with a claim decision too.
    await page.getByLabel(/^Why/).fill("seen the port's own record");
    const first = page.locator(".review li.claim").first();
    const decidedClaim = await first.getAttribute("data-claim");
    await first.locator('button[data-action="accept"]').click();
    await expect
      .poll(async () => {
        const log = await (await fetch(`${server.url}/api/decisions`)).json();
        return log.items.find((d: { target: { claim?: string } }) => d.target.claim === decidedClaim)?.why;
      })
      .toBe("seen the port's own record");

    const file = join(dir, "harbour-note.txt");
    writeFileSync(
      file,
      "Tidewater Castings Ltd shipped valves to Brindle Marine Works in May 2025, port records show.\n",
    );
    await page.goto(`${server.url}/#/upload`);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: /^Upload/ }).click();
    await page.getByRole("button", { name: "Run extraction" }).click();
    await page.locator('.run[data-status="done"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(".run progress").getAttribute("value")).toBe(
      await page.locator(".run progress").getAttribute("max"),
    );
    expect(await page.getByRole("button", { name: "Run extraction" }).isEnabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "08-upload-extraction-done.png") });
  }, 120_000);
});

describe.skipIf(!HAS_CHROMIUM || !HAS_WEB)(
  "document text in chromium (invented case, no shared data needed)",
  () => {
    let dir: string;
    let server: RunningServer;
    let context: BrowserContext;
    let page: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "skein-e2e-inert-"));
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(dir, "case.db");
      const workspace = await openWorkspace(path);
      await writeServerCase(workspace);
      await workspace.close();
      ({ server, context, page } = await openWorkbench(dir, path, pageErrors));
    }, 180_000);

    afterAll(async () => {
      await context?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("renders a hostile source inert: its markup is shown as text and nothing runs", async () => {
      await page.goto(`${server.url}/#/search?q=corvid`);
      await page
        .locator(".columns a", { hasText: /hostile/i })
        .first()
        .click();
      const text = page.locator('[data-testid="source-text"]');
      await text.waitFor();
      expect(await text.innerText()).toContain('<script>window.__pwned = "script"</script>');
      expect(await text.locator("script, img, svg, a").count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator(".evidence-page h1").innerText()).toContain("<img");
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      await page.screenshot({ path: join(ARTIFACTS, "05-hostile-source-inert.png"), fullPage: true });
      expect(pageErrors).toEqual([]);
    }, 120_000);
  },
);

describe.skipIf(!HAS_CHROMIUM || !HAS_WEB)(
  "a large case in chromium (generated, no shared data needed)",
  () => {
    let dir: string;
    let server: RunningServer;
    let context: BrowserContext;
    let page: Page;
    let entityCount = 0;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "skein-e2e-large-"));
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(dir, "case.db");
      const workspace = await openWorkspace(path);
      const stages = { db: workspace.db, insertSource, loadLists, runResolution, runScreening };
      await writeGeneratedCase(stages, generateCase({ parties: LARGE_CASE_PARTIES }), dir);
      const view = await readCaseView(workspace.db, undefined);
      const network = buildNetwork(view, undefined);
      entityCount = network.order;
      writeReports(buildInvestigation(view, network, { title: "Generated case" }), join(dir, "report"));
      await workspace.close();
      ({ server, context, page } = await openWorkbench(dir, path, pageErrors));
    }, 300_000);

    afterAll(async () => {
      await context?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const api = async <T>(route: string): Promise<T> => (await fetch(`${server.url}${route}`)).json() as T;
    const drawnCount = async () =>
      Number(await page.locator('[data-testid="graph-canvas"]').getAttribute("data-nodes"));

    it("opens the graph on communities, never the whole network, and a focus on its neighbourhood that expands", async () => {
      await page.goto(`${server.url}/#/graph`);
      const canvas = page.locator('[data-testid="graph-canvas"][data-drawn="yes"]');
      await canvas.waitFor({ timeout: 60_000 });
      expect(await page.locator(".view-title").getAttribute("data-view")).toBe("overview");
      expect(await drawnCount()).toBeGreaterThan(0);
      expect(await drawnCount()).toBeLessThan(entityCount / 10);
      expect(await page.locator("ul.legend").isVisible()).toBe(true);
      const icon = await fetch(`${server.url}/favicon.ico`);
      expect(icon.status).toBe(200);
      expect(icon.headers.get("content-type")).toMatch(/icon/);
      expect(await page.locator('select[aria-label="minimum certainty"] option:checked').innerText()).toBe(
        "any",
      );
      await page.screenshot({ path: join(ARTIFACTS, "09-large-overview.png") });

      const { result } = await api<{ result: Array<{ entity: { id: string } }> }>(
        "/api/graph/candidates?limit=1",
      );
      const focus = result[0].entity.id;
      await page.goto(`${server.url}/#/graph?focus=${encodeURIComponent(focus)}`);
      await page.locator('[data-testid="graph-canvas"][data-layout="done"]').waitFor({ timeout: 60_000 });
      const before = await drawnCount();
      expect(before).toBeLessThan(entityCount / 10);
      // Expanding a neighbour with links not drawn fetches them, and the address keeps the expansion.
      const drawn = await api<{ result: { nodes: Array<{ id: string; hidden: number }> } }>(
        `/api/graph/neighbourhood?entity=${encodeURIComponent(focus)}&hops=1&limit=200`,
      );
      const next = drawn.result.nodes.find((n) => n.id !== focus && n.hidden > 0);
      expect(next).toBeDefined();
      await page.goto(
        `${server.url}/#/graph?focus=${encodeURIComponent(focus)}&selected=${encodeURIComponent(next!.id)}`,
      );
      await page.locator('[data-testid="graph-canvas"][data-layout="done"]').waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Expand neighbours" }).click();
      await expect.poll(drawnCount, { timeout: 30_000 }).toBeGreaterThan(before);
      await expect.poll(() => page.url()).toContain(`expand=${encodeURIComponent(next!.id)}`);
      expect(pageErrors).toEqual([]);
    }, 180_000);

    it("pages the claims of a body named by thousands, the timeline and the review queue", async () => {
      const { result } = await api<{ result: Array<{ entity: { id: string } }> }>(
        "/api/graph/focal-points?limit=1",
      );
      const body = result[0].entity.id;
      await page.goto(`${server.url}/#/entity/${encodeURIComponent(body)}`);
      const group = page.locator(".predicate-group").first();
      await group.waitFor();
      const total = Number(await group.getAttribute("data-total"));
      const rows = () => group.locator("li.claim").count();
      const first = await rows();
      expect(first).toBeLessThan(total);
      await group.locator("button.show-more").click();
      await expect.poll(rows).toBeGreaterThan(first);
      await expect.poll(() => page.url()).toContain("shown=");
      expect(await page.evaluate(() => document.querySelectorAll("*").length)).toBeLessThan(5_000);

      await page.goto(`${server.url}/#/timeline`);
      await page.locator(".timeline-item").first().waitFor();
      const items = await page.locator(".timeline-item").count();
      await page.locator('nav.pager a[rel="next"]').first().click();
      await expect.poll(() => page.url()).toContain("page=2");
      await page.locator('nav.pager[data-page="2"]').first().waitFor();
      expect(await page.locator(".timeline-item").count()).toBeLessThanOrEqual(items);

      await page.goto(`${server.url}/#/review`);
      await page.locator(".review li.claim").first().waitFor();
      const firstClaim = await page.locator(".review li.claim").first().getAttribute("data-claim");
      await page.locator('nav.pager[data-param="claims"] a[rel="next"]').click();
      await expect.poll(() => page.url()).toContain("claims=2");
      await expect
        .poll(() => page.locator(".review li.claim").first().getAttribute("data-claim"))
        .not.toBe(firstClaim);
      expect(await page.evaluate(() => document.querySelectorAll("*").length)).toBeLessThan(5_000);
      expect(pageErrors).toEqual([]);
    }, 180_000);

    it("opens the report on the case in brief and its contents, each long section naming its export", async () => {
      await page.goto(`file://${join(dir, "report", "report.html")}`);
      const contents = page.locator("nav.contents");
      await contents.waitFor();
      expect((await contents.boundingBox())!.y).toBeLessThan(1000);
      const anchors = await contents
        .locator("a")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      for (const anchor of anchors) expect(await page.locator(anchor!).count()).toBe(1);
      await contents.locator('a[href="#sanctioned-parties"]').click();
      await expect.poll(() => page.url()).toContain("#sanctioned-parties");
      expect(await page.locator("body").innerText()).toMatch(/more sanctioned parties in sanctioned\.csv/);
      expect(await page.evaluate(() => document.querySelectorAll("*").length)).toBeLessThan(20_000);
      await page.screenshot({ path: join(ARTIFACTS, "10-large-report.png") });
    }, 60_000);
  },
);
