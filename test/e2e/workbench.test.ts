// End-to-end: the built workbench in Debian's chromium (headless, driven by playwright-core, never a
// downloaded browser) against `skein serve` on loopback. The seed with the 2023-12 SDN set: open the
// intermediary, see its SDN match and explanation, follow an exposure path to its evidence, accept a claim;
// and, on the invented case, a hostile source renders inert. Screenshots go to test-artifacts/e2e/.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtraction } from "../../src/extract/index.js";
import { ingestPaths } from "../../src/ingest/index.js";
import { loadLists } from "../../src/lists/index.js";
import { runResolution, runScreening } from "../../src/resolve/index.js";
import { type RunningServer, startServer } from "../../src/server/index.js";
import { openWorkspace } from "../../src/store/index.js";
import { writeServerCase } from "../fixtures/server/case.js";
import { HAS_SHARED, REPO_ROOT, sharedPath } from "../helpers/shared.js";

const CHROMIUM = "/usr/bin/chromium";
const WEB_ROOT = join(REPO_ROOT, "dist/web");
const ARTIFACTS = join(REPO_ROOT, "test-artifacts/e2e");
const HAS_CHROMIUM = existsSync(CHROMIUM);
const HAS_WEB = existsSync(join(WEB_ROOT, "index.html"));
const IN_CI = process.env.CI === "true";

if (!HAS_CHROMIUM) {
  const say = `[skein e2e] ${CHROMIUM} not found: the browser tests are skipped (run scripts/setup-system.sh to install Debian's chromium)`;
  if (IN_CI) throw new Error(`${say}; CI must run them`);
  console.warn(say);
}
if (!HAS_WEB)
  console.warn("[skein e2e] dist/web not built: run `npm run build` first; the browser tests are skipped");

/** Debian's chromium, headless, with a fresh profile; the page may reach nothing but the server under test. */
async function launchBrowser(
  profile: string,
  errors: string[],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 1400, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => errors.push(error.message));
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  return { context, page };
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

    server = await startServer({
      workspacePath: path,
      host: "127.0.0.1",
      port: 0,
      config: { webRoot: WEB_ROOT },
    });
    ({ context, page } = await launchBrowser(join(dir, "profile"), pageErrors));
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
      server = await startServer({
        workspacePath: path,
        host: "127.0.0.1",
        port: 0,
        config: { webRoot: WEB_ROOT },
      });
      ({ context, page } = await launchBrowser(join(dir, "profile"), pageErrors));
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
