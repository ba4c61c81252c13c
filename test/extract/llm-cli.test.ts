// `skein extract FILE --extractor llm` against a local HTTP server playing the chat endpoint: the
// contract JSON with the dropped counts, and clear errors when the endpoint is unset or down.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

const FIXTURES = join(REPO_ROOT, "test/fixtures/llm");
const NOTE = join(FIXTURES, "procurement-note.txt");
const HALLUCINATED = readFileSync(join(FIXTURES, "hallucinated-answer.json"), "utf8");

let server: Server;
let base: string;

/** Runs the CLI without blocking this process, so the in-process server can answer it. */
function skein(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      "node",
      [CLI, ...args],
      { env: { ...process.env, CI: "1", SKEIN_LLM_URL: "", SKEIN_LLM_MODEL: "", ...env } },
      (error, stdout, stderr) => {
        resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ choices: [{ message: { role: "assistant", content: HALLUCINATED } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("skein extract --extractor llm", () => {
  it("prints the contract shape with what the text bears out and the dropped counts", async () => {
    const result = await skein(["extract", NOTE, "--extractor", "llm", "--format", "json"], {
      SKEIN_LLM_URL: base,
      SKEIN_LLM_MODEL: "test-model",
    });
    expect(result.status, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.entities.map((entity: { name: string }) => entity.name)).toEqual([
      "Brenmoor Avionics Ltd.",
      "Ilse Varga",
    ]);
    expect(document.relations).toHaveLength(1);
    expect(document.dropped).toMatchObject({ entities: 2, claims: 4 });
  });

  it("exits 2 with EXTRACT_LLM_CONFIG when SKEIN_LLM_URL is unset", async () => {
    const result = await skein(["extract", NOTE, "--extractor", "llm"], { SKEIN_LLM_MODEL: "test-model" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("SKEIN_LLM_URL");
  });

  it("exits 1 (an upstream failure, not a bug) when the endpoint is down", async () => {
    const result = await skein(["extract", NOTE, "--extractor", "llm"], {
      SKEIN_LLM_URL: "http://127.0.0.1:9/v1",
      SKEIN_LLM_MODEL: "test-model",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("127.0.0.1:9/v1/chat/completions");
  });
});
