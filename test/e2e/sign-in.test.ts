// End-to-end: signing in to the workbench in Debian's chromium against `skein serve` on loopback with an
// account: the sign-in page, the session cookie's flags, a forged POST from another origin of the same site
// (the cookie goes with it, the CSRF token cannot) refused, and sign-out ending the session on the server.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAccount } from "../../src/auth/index.js";
import { type RunningServer, startServer } from "../../src/server/index.js";
import { openWorkspace } from "../../src/store/index.js";
import { CASE, writeServerCase } from "../fixtures/server/case.js";
import { ARTIFACTS, HAS_CHROMIUM, HAS_WEB, launchBrowser, WEB_ROOT } from "../helpers/chromium.js";

const PASSWORD = "tide-gauge-harbour-42";

/** A page of another origin that, once opened, posts a decision to `target` with an auto-submitted form. */
function forgeryPage(target: string): string {
  // text/plain lets a form send a body that reads as JSON: the classic cross-site request forgery.
  const field = `{"action":"accept","claim":"${CASE.supplyClaim}","why":"forged","pad":"`;
  return `<!doctype html><html><body>
<form id="f" method="POST" action="${target}/api/decisions" enctype="text/plain">
<input type="hidden" name='${field}' value='"}'></form>
<script>document.getElementById("f").submit();</script></body></html>`;
}

describe.skipIf(!HAS_CHROMIUM || !HAS_WEB)("signing in to the workbench in chromium", () => {
  let dir: string;
  let server: RunningServer;
  let attacker: Server;
  let attackerUrl: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "skein-e2e-sign-in-"));
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(dir, "case.db");
    const workspace = await openWorkspace(path);
    await writeServerCase(workspace);
    await addAccount(workspace.db, {
      name: "ann",
      role: "analyst",
      password: PASSWORD,
      ssoOnly: false,
      by: "test",
    });
    await workspace.close();
    server = await startServer({
      workspacePath: path,
      host: "127.0.0.1",
      port: 0,
      config: { webRoot: WEB_ROOT },
    });
    attacker = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(forgeryPage(server.url));
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    ({ context, page } = await launchBrowser(join(dir, "profile"), pageErrors));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The decisions the server has recorded, asked from the page with its session. */
  async function decisionsSeen(): Promise<{ status: number; whys: string[] }> {
    return page.evaluate(async () => {
      const response = await fetch("/api/decisions");
      if (!response.ok) return { status: response.status, whys: [] };
      const body = (await response.json()) as { items: { why: string | null }[] };
      return { status: response.status, whys: body.items.map((d) => d.why ?? "") };
    });
  }

  it("asks for sign-in, refuses a wrong password, and signs in with the right one", async () => {
    await page.goto(`${server.url}/`);
    await page.locator(".login h1").waitFor();
    expect(await page.locator(".login h1").innerText()).toBe("Sign in");
    expect(await page.locator("nav").count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "09-sign-in.png") });

    await page.locator('input[name="name"]').fill("ann");
    await page.locator('input[name="password"]').fill("not-the-password-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator(".login .error").waitFor();
    expect(await page.locator('[data-testid="signed-in-as"]').count()).toBe(0);

    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator('[data-testid="signed-in-as"]').waitFor();
    expect(await page.locator('[data-testid="signed-in-as"]').innerText()).toBe("ann");
    const [cookie] = (await context.cookies(server.url)).filter((c) => c.name === "skein_session");
    expect(cookie).toEqual(expect.objectContaining({ httpOnly: true, secure: true, sameSite: "Strict" }));
    // The page's script cannot read the session cookie.
    expect(await page.evaluate(() => document.cookie)).not.toContain("skein_session");
    await page.screenshot({ path: join(ARTIFACTS, "10-signed-in.png") });
  }, 120_000);

  it("records a decision the workbench sends, and refuses one forged by a page of another origin", async () => {
    // The workbench's own request: same origin, with the session's CSRF token.
    const own = await page.evaluate(async (claim) => {
      const session = (await (await fetch("/api/session")).json()) as { csrfToken: string };
      const response = await fetch("/api/decisions", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: JSON.stringify({ action: "reject", claim, why: "own page" }),
      });
      const body = (await response.json()) as { decision?: { by: string } };
      return { status: response.status, by: body.decision?.by };
    }, CASE.onwardClaim);
    expect(own).toEqual({ status: 201, by: "ann" });

    // Another origin of the same site: the SameSite=Strict cookie goes along, so the refusal is the server's.
    const forged = page.waitForResponse((r) => r.url() === `${server.url}/api/decisions`);
    await page.goto(attackerUrl);
    const answer = await forged;
    expect(answer.status()).toBe(403);
    expect(((await answer.json()) as { code: string }).code).toBe("AUTH_CSRF");

    await page.goto(`${server.url}/`);
    await page.locator('[data-testid="signed-in-as"]').waitFor();
    const seen = await decisionsSeen();
    expect(seen.status).toBe(200);
    expect(seen.whys).toContain("own page");
    expect(seen.whys).not.toContain("forged");
  }, 120_000);

  it("signs out: the page asks for sign-in again and the old cookie opens nothing", async () => {
    const [cookie] = (await context.cookies(server.url)).filter((c) => c.name === "skein_session");
    expect(cookie?.value).toBeTruthy();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.locator(".login h1").waitFor();
    expect((await context.cookies(server.url)).filter((c) => c.name === "skein_session")).toEqual([]);
    expect((await decisionsSeen()).status).toBe(401);
    // The session ended on the server, not only in this browser.
    const replayed = await fetch(`${server.url}/api/session`, {
      headers: { cookie: `skein_session=${cookie.value}` },
    });
    expect(replayed.status).toBe(401);
    await page.screenshot({ path: join(ARTIFACTS, "11-signed-out.png") });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
