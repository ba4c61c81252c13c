// `skein serve` from the built CLI: listens on loopback, answers, says where on stderr, stops on SIGTERM;
// a bad --port is a usage error (exit 2). Safe by default: a shared address without accounts is refused
// unless --no-auth (with a warning); a case with accounts requires sign-in; --tls-cert/--tls-key serve HTTPS.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI } from "../helpers/shared.js";

/** Starts `skein serve` with `args`; its child process, address and what it said on stderr so far. */
async function startServe(
  args: string[],
): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: "0" },
  });
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address announced: ${stderr}`)), 30_000);
    child.stderr?.on("data", (data) => {
      stderr += String(data);
      const found = /serving .* at (https?:\/\/[^ ]+:\d+)/.exec(stderr);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
  });
  return { child, url, stderr: () => stderr };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  return exit;
}

describe.skipIf(!existsSync(CLI))("skein serve", () => {
  it("serves on 127.0.0.1 and stops cleanly on SIGTERM", async () => {
    const workspace = join(mkdtempSync(join(tmpdir(), "skein-serve-")), "case.db");
    const child = spawn(process.execPath, [CLI, "serve", "--workspace", workspace, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address announced: ${stderr}`)), 30_000);
      child.stderr.on("data", (data) => {
        stderr += String(data);
        const found = /serving .* at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
    });
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    const unknown = await fetch(`${url}/api/entities/nothing-here`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe("SERVER_NOT_FOUND");
    const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });

  it("refuses a port that is not a number with a usage error", () => {
    const result = spawnSync(process.execPath, [CLI, "serve", "--port", "eighty"], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--port/);
  });

  it("refuses a shared address while the case has no account, naming the way out", () => {
    const workspace = join(mkdtempSync(join(tmpdir(), "skein-serve-")), "case.db");
    const result = spawnSync(
      process.execPath,
      [CLI, "serve", "--workspace", workspace, "--host", "0.0.0.0", "--port", "0"],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/without accounts/);
    expect(result.stderr).toMatch(/--no-auth/);
  });

  it("serves a shared address with --no-auth, with a warning line", async () => {
    const workspace = join(mkdtempSync(join(tmpdir(), "skein-serve-")), "case.db");
    const { child, url, stderr } = await startServe([
      "--workspace",
      workspace,
      "--host",
      "0.0.0.0",
      "--no-auth",
    ]);
    try {
      await expect.poll(stderr).toMatch(/warning: --no-auth on 0\.0\.0\.0/);
      const health = await fetch(url.replace("0.0.0.0", "127.0.0.1") + "/api/entities");
      expect(health.status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it("requires sign-in once the case has an account, and serves HTTPS with --tls-cert and --tls-key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-serve-tls-"));
    const workspace = join(dir, "case.db");
    const added = spawnSync(
      process.execPath,
      [CLI, "users", "add", "ada", "--role", "admin", "-w", workspace],
      {
        encoding: "utf8",
      },
    );
    expect(added.status).toBe(0);
    const password = added.stdout.trim();
    const openssl = spawnSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { encoding: "utf8" },
    );
    if (openssl.status !== 0) {
      console.warn("[skein tests] openssl not available: the HTTPS part of this test is skipped");
      return;
    }
    const { child, url, stderr } = await startServe([
      "--workspace",
      workspace,
      "--tls-cert",
      join(dir, "cert.pem"),
      "--tls-key",
      join(dir, "key.pem"),
    ]);
    try {
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:/);
      await expect.poll(stderr).toMatch(/sign-in required/);
      const denied = await fetchInsecure(`${url}/api/entities`);
      expect(denied.status).toBe(401);
      const login = await fetchInsecure(`${url}/api/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "ada", password }),
      });
      expect(login.status).toBe(200);
      const cookie = /skein_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0] ?? "";
      expect((await fetchInsecure(`${url}/api/entities`, { headers: { cookie } })).status).toBe(200);
      expect(stderr()).not.toContain(password);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  }, 60_000);
});

/** fetch that accepts the test's self-signed certificate (this process only, for this call). */
async function fetchInsecure(url: string, init?: RequestInit): Promise<Response> {
  const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
  try {
    return await fetch(url, init);
  } finally {
    if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
  }
}
