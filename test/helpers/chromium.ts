// Debian's chromium for the browser tests: headless, driven by playwright-core (never a downloaded browser),
// with a fresh profile, and reaching nothing but the addresses a test allows.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { REPO_ROOT } from "./shared.js";

export const CHROMIUM = "/usr/bin/chromium";
/** The built workbench (`npm run build`). */
export const WEB_ROOT = join(REPO_ROOT, "dist/web");
/** Where the browser tests leave their screenshots. */
export const ARTIFACTS = join(REPO_ROOT, "test-artifacts/e2e");
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const HAS_WEB = existsSync(join(WEB_ROOT, "index.html"));

if (!HAS_CHROMIUM) {
  const say = `[skein e2e] ${CHROMIUM} not found: the browser tests are skipped (run scripts/setup-system.sh to install Debian's chromium)`;
  if (process.env.CI === "true") throw new Error(`${say}; CI must run them`);
  console.warn(say);
}
if (!HAS_WEB)
  console.warn("[skein e2e] dist/web not built: run `npm run build` first; the browser tests are skipped");

/** Launches chromium with a fresh profile in `profile`; page errors are pushed to `errors`. */
export async function launchBrowser(
  profile: string,
  errors: string[],
  allowed: RegExp = /^http:\/\/127\.0\.0\.1[:/]/,
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
  await context.route(
    (url) => !allowed.test(url.href),
    (route) => route.abort(),
  );
  return { context, page };
}
