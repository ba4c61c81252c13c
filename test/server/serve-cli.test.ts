// `skein serve` from the built CLI: listens on loopback, answers, says where on stderr, stops on SIGTERM;
// a bad --port is a usage error (exit 2).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI } from "../helpers/shared.js";

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
});
