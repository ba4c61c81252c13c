// Model-assisted extraction against a local HTTP server that plays an OpenAI-compatible chat endpoint:
// good answers, hallucinated names and quotes, malformed JSON, HTTP errors, a slow answer, chunking.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runExtraction } from "../../src/extract/index.js";
import { extractWithModel } from "../../src/extract/llm/extract-with-model.js";
import { DEFAULT_MAX_BYTES, ingestPaths } from "../../src/ingest/index.js";
import { sourceIdOf } from "../../src/model/index.js";
import { buildApp } from "../../src/server/index.js";
import { listClaims } from "../../src/store/index.js";
import { CLI, REPO_ROOT } from "../helpers/shared.js";
import { openTestWorkspace } from "../helpers/workspace.js";

const FIXTURES = join(REPO_ROOT, "test/fixtures/llm");
const TEXT = readFileSync(join(FIXTURES, "procurement-note.txt"), "utf8");
const GOOD = readFileSync(join(FIXTURES, "good-answer.json"), "utf8");
const HALLUCINATED = readFileSync(join(FIXTURES, "hallucinated-answer.json"), "utf8");

type Reply = (request: { body: Record<string, unknown>; text: string }, response: ServerResponse) => void;

let server: Server;
let base: string;
let reply: Reply;
const requests: Array<{ url: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> }> =
  [];

function completion(content: string) {
  return JSON.stringify({
    id: "chatcmpl-test",
    object: "chat.completion",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
  });
}

function answerWith(content: string): Reply {
  return (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(completion(content));
  };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      requests.push({ url: request.url ?? "", headers: request.headers, body });
      const messages = body.messages as Array<{ content: string }>;
      const text = messages[messages.length - 1].content.replace(/^Text:\n<<<\n|\n>>>$/g, "");
      reply({ body, text }, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests.length = 0;
});

const options = () => ({ url: base, model: "test-model", key: "secret-key", published: "2025-02-01" });

describe("extractWithModel", () => {
  it("turns a good answer into entities, mentions and claims with exact spans", async () => {
    reply = answerWith(GOOD);
    const result = await extractWithModel(TEXT, options());

    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe("/v1/chat/completions");
    expect(requests[0].headers.authorization).toBe("Bearer secret-key");
    expect(requests[0].body.model).toBe("test-model");
    expect((requests[0].body.response_format as { type: string }).type).toBe("json_schema");

    expect(result.dropped).toEqual({ entities: 0, claims: 0, reasons: [] });
    expect(result.entities.map((entity) => [entity.caption, entity.type])).toEqual([
      ["Brenmoor Avionics Ltd.", "Company"],
      ["Tarkov Machine Works", "Company"],
      ["Ilse Varga", "Person"],
      ["Kovelsk", "Place"],
    ]);
    const brenmoor = result.entities[0];
    expect(brenmoor.names).toEqual(["Brenmoor Avionics Ltd.", "Brenmoor"]);
    expect(brenmoor.country).toBe("gb");

    for (const mention of result.mentions) expect(TEXT.slice(mention.start, mention.end)).toBe(mention.text);
    expect(result.mentions.filter((mention) => mention.entityId === brenmoor.id)).toHaveLength(3);

    expect(result.claims).toHaveLength(4);
    const sourceId = sourceIdOf(TEXT);
    for (const claim of result.claims) {
      expect(TEXT.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.quote);
      expect(claim.evidence.sourceId).toBe(sourceId);
      expect(claim.producer).toBe("model:test-model");
      expect(claim.status).toBe("proposed");
    }
    const [supplies, pays, directs, visits] = result.claims;
    expect(supplies).toMatchObject({ predicate: "supplies", certainty: "reported", subjectId: brenmoor.id });
    expect(supplies.period).toMatchObject({ start: "2024-04-01", end: "2024-06-30", precision: "quarter" });
    // The quote was sent back with the line break as a space: the span covers the text as written.
    expect(pays.evidence.quote).toBe(
      "Tarkov Machine Works paid Brenmoor\nmore than 2 million euros for the batch",
    );
    expect(pays.objectId).toBe(brenmoor.id);
    expect(pays.amount).toEqual({
      value: 2e6,
      currency: "EUR",
      qualifier: "more than",
      text: "more than 2 million euros",
    });
    expect(directs).toMatchObject({ predicate: "directs", certainty: "stated", attribution: null });
    expect(visits).toMatchObject({ predicate: "visits", certainty: "unverified", attribution: "Officials" });
  });

  it("drops and counts hallucinated names, quotes and values outside the vocabulary", async () => {
    reply = answerWith(HALLUCINATED);
    const result = await extractWithModel(TEXT, options());
    expect(result.entities.map((entity) => entity.caption)).toEqual(["Brenmoor Avionics Ltd.", "Ilse Varga"]);
    expect(result.entities[1].names).toEqual(["Ilse Varga"]);
    expect(result.dropped.entities).toBe(2);
    expect(result.dropped.claims).toBe(4);
    expect(result.claims).toHaveLength(1);
    expect(result.claims[0]).toMatchObject({ predicate: "associate", certainty: "reported", period: null });
    expect(result.dropped.reasons.join("\n")).toMatch(/Vostok Trading House/);
    expect(result.dropped.reasons.join("\n")).toMatch(/I\. Varga/);
    expect(result.dropped.reasons.join("\n")).toMatch(/in March 2019/);
  });

  it("accepts an answer wrapped in a Markdown code fence", async () => {
    reply = answerWith(`\`\`\`json\n${GOOD}\n\`\`\``);
    const result = await extractWithModel(TEXT, options());
    expect(result.claims).toHaveLength(4);
  });

  it("sends one request per chunk and keeps spans exact across chunks", async () => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, index) =>
        `Paragraph ${index}: Brenmoor Avionics Ltd. shipped parts to Tarkov Machine Works. ${"Filler words follow here. ".repeat(12)}`,
    );
    const long = paragraphs.join("\n\n");
    reply = ({ text }, response) => {
      const evidence =
        text.match(/Paragraph \d: Brenmoor Avionics Ltd\. shipped parts to Tarkov Machine Works/)?.[0] ?? "";
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        completion(
          JSON.stringify({
            entities: [
              { name: "Brenmoor Avionics Ltd.", type: "Company", aliases: [], country: null },
              { name: "Tarkov Machine Works", type: "Company", aliases: [], country: null },
            ],
            claims: [
              {
                subject: "Brenmoor Avionics Ltd.",
                predicate: "supplies",
                object: "Tarkov Machine Works",
                evidence,
                attribution: null,
                certainty: "stated",
                date: null,
                amount: null,
              },
            ],
          }),
        ),
      );
    };
    const result = await extractWithModel(long, { ...options(), chunkChars: 1000 });
    expect(requests.length).toBeGreaterThan(2);
    expect(result.entities).toHaveLength(2);
    expect(result.claims).toHaveLength(requests.length);
    for (const claim of result.claims)
      expect(long.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.quote);
    expect(result.mentions.filter((mention) => mention.text === "Tarkov Machine Works")).toHaveLength(6);
    for (const mention of result.mentions) expect(long.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it("keeps the defaults for options given as undefined (flags not set)", async () => {
    reply = answerWith(GOOD);
    const result = await extractWithModel(TEXT, {
      ...options(),
      chunkChars: undefined,
      timeoutMs: undefined,
    });
    expect(requests).toHaveLength(1);
    expect(result.claims).toHaveLength(4);
  });

  it("uses the fetch it is given", async () => {
    let called = 0;
    const fetcher: typeof fetch = async () => {
      called++;
      return new Response(completion(GOOD), { status: 200 });
    };
    const result = await extractWithModel(TEXT, {
      url: "http://model.invalid/v1",
      model: "m",
      key: null,
      fetch: fetcher,
    });
    expect(called).toBe(1);
    expect(result.claims).toHaveLength(4);
  });
});

describe("extractWithModel errors", () => {
  it("EXTRACT_LLM_BAD_JSON when the content is not JSON", async () => {
    reply = answerWith('{"entities": [ {"name": "Brenmoor"');
    await expect(extractWithModel(TEXT, options())).rejects.toMatchObject({ code: "EXTRACT_LLM_BAD_JSON" });
  });

  it("EXTRACT_LLM_BAD_JSON when the JSON has another shape", async () => {
    reply = answerWith('{"people": []}');
    await expect(extractWithModel(TEXT, options())).rejects.toMatchObject({ code: "EXTRACT_LLM_BAD_JSON" });
  });

  it("EXTRACT_LLM_BAD_JSON when the body is not a chat completion", async () => {
    reply = (_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<html>proxy login</html>");
    };
    await expect(extractWithModel(TEXT, options())).rejects.toMatchObject({ code: "EXTRACT_LLM_BAD_JSON" });
  });

  it("EXTRACT_LLM_HTTP on an HTTP 500", async () => {
    reply = (_request, response) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end('{"error": {"message": "model crashed"}}');
    };
    await expect(extractWithModel(TEXT, options())).rejects.toMatchObject({
      code: "EXTRACT_LLM_HTTP",
      details: expect.objectContaining({ status: 500 }),
    });
    // A 500 is a failure, not a busy signal: no second attempt.
    expect(requests).toHaveLength(1);
  });

  it("tries again while the endpoint answers busy, then succeeds", async () => {
    let calls = 0;
    reply = (request, response) => {
      calls++;
      if (calls < 3) {
        response.writeHead(503, { "retry-after": "0" });
        response.end("busy");
      } else answerWith(GOOD)(request, response);
    };
    const result = await extractWithModel(TEXT, options());
    expect(calls).toBe(3);
    expect(result.claims).toHaveLength(4);
  });

  it("EXTRACT_LLM_HTTP when the endpoint stays busy past the retries", async () => {
    reply = (_request, response) => {
      response.writeHead(429, { "retry-after": "0" });
      response.end("slow down");
    };
    await expect(extractWithModel(TEXT, { ...options(), retries: 1 })).rejects.toMatchObject({
      code: "EXTRACT_LLM_HTTP",
      details: expect.objectContaining({ status: 429 }),
    });
    expect(requests).toHaveLength(2);
  });

  it("EXTRACT_LLM_TIMEOUT when the answer is too slow", async () => {
    reply = (_request, response) => {
      const timer = setTimeout(() => answerWith(GOOD)(_request, response), 3000);
      response.on("close", () => clearTimeout(timer));
    };
    await expect(extractWithModel(TEXT, { ...options(), timeoutMs: 200 })).rejects.toMatchObject({
      code: "EXTRACT_LLM_TIMEOUT",
    });
  });

  it("EXTRACT_LLM_UNREACHABLE when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      extractWithModel(TEXT, { ...options(), url: `http://127.0.0.1:${port}/v1` }),
    ).rejects.toMatchObject({
      code: "EXTRACT_LLM_UNREACHABLE",
    });
  });

  it.each([
    [{ url: "", model: "m" }],
    [{ url: "http://127.0.0.1:1/v1", model: "" }],
    [{ url: "ftp://example.org", model: "m" }],
    [{ url: "http://127.0.0.1:1/v1", model: "m", chunkChars: 10 }],
  ])("EXTRACT_LLM_CONFIG for %j", async (bad) => {
    await expect(extractWithModel(TEXT, bad)).rejects.toMatchObject({ code: "EXTRACT_LLM_CONFIG" });
  });
});

describe("the model extractor in a workspace", () => {
  it("stores the model's claims beside the rules', and a re-run replaces only its own", async () => {
    reply = answerWith(GOOD);
    const workspace = await openTestWorkspace("llm");
    try {
      await ingestPaths(workspace.db, [join(FIXTURES, "procurement-note.txt")], {
        maxBytes: DEFAULT_MAX_BYTES,
      });
      await runExtraction(workspace.db, undefined, { learned: undefined });
      const byRules = await listClaims(workspace.db);
      const model = { url: base, model: "test-model", key: null };
      const first = await runExtraction(workspace.db, undefined, { model, learned: undefined });
      expect(first).toMatchObject({ sources: 1, claims: 4, dropped: 0 });
      const both = await listClaims(workspace.db);
      expect(both.filter((c) => c.producer === "model:test-model")).toHaveLength(4);
      expect(both.filter((c) => c.producer !== "model:test-model")).toEqual(byRules);

      reply = answerWith(HALLUCINATED);
      const again = await runExtraction(workspace.db, undefined, { model, learned: undefined });
      expect(again).toMatchObject({ claims: 1, dropped: 6 });
      const after = await listClaims(workspace.db);
      expect(after.filter((c) => c.producer === "model:test-model")).toHaveLength(1);
      expect(after.filter((c) => c.producer !== "model:test-model")).toEqual(byRules);
    } finally {
      await workspace.close();
    }
  });

  it("runs from `skein investigate --extractor llm`, and refuses without an endpoint", async () => {
    reply = answerWith(GOOD);
    const dir = mkdtempSync(join(tmpdir(), "skein-llm-"));
    writeFileSync(join(dir, "note.txt"), TEXT);
    const skein = (args: string[], env: Record<string, string>) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        // Asynchronous: the endpoint answering it runs in this process.
        const child = spawn("node", [CLI, ...args], { cwd: dir, env: { ...process.env, CI: "1", ...env } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => {
          stdout += chunk;
        });
        child.stderr.on("data", (chunk) => {
          stderr += chunk;
        });
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      });
    const args = ["investigate", "note.txt", "--extractor", "llm", "-w", "case.db", "--out", "out", "--json"];
    const ran = await skein(args, { SKEIN_LLM_URL: base, SKEIN_LLM_MODEL: "test-model" });
    expect(ran.stderr).not.toMatch(/error/i);
    expect(ran.status).toBe(0);
    expect(requests).toHaveLength(1);
    const summary = JSON.parse(ran.stdout);
    expect(summary.claims).toBe(4);

    const refused = await skein(["investigate", "note.txt", "--extractor", "llm", "-w", "other.db"], {
      SKEIN_LLM_URL: "",
      SKEIN_LLM_MODEL: "",
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/SKEIN_LLM_URL and SKEIN_LLM_MODEL must be set/);
    expect(existsSync(join(dir, "other.db"))).toBe(false);
  });

  it("runs from the API's extraction runs with extractor llm, and refuses it without an endpoint", async () => {
    reply = answerWith(GOOD);
    const workspace = await openTestWorkspace("llm-api");
    const app = await buildApp({ workspace, config: { analyst: "tester" } });
    const saved = { url: process.env.SKEIN_LLM_URL, model: process.env.SKEIN_LLM_MODEL };
    try {
      await ingestPaths(workspace.db, [join(FIXTURES, "procurement-note.txt")], {
        maxBytes: DEFAULT_MAX_BYTES,
      });
      delete process.env.SKEIN_LLM_URL;
      const refused = await app.inject({
        method: "POST",
        url: "/api/extraction-runs",
        payload: { extractor: "llm" },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe("EXTRACT_LLM_CONFIG");

      process.env.SKEIN_LLM_URL = base;
      process.env.SKEIN_LLM_MODEL = "test-model";
      const start = await app.inject({
        method: "POST",
        url: "/api/extraction-runs",
        payload: { extractor: "llm" },
      });
      expect(start.statusCode).toBe(202);
      expect(start.json().extractor).toBe("llm");
      let run = start.json();
      for (let i = 0; i < 600 && run.status !== "done" && run.status !== "failed"; i++) {
        await new Promise((r) => setTimeout(r, 20));
        run = (await app.inject({ method: "GET", url: `/api/extraction-runs/${run.id}` })).json();
      }
      expect(run.status).toBe("done");
      expect(run.summary.claims).toBe(4);
      expect((await listClaims(workspace.db)).every((c) => c.producer === "model:test-model")).toBe(true);
    } finally {
      for (const [key, value] of [
        ["SKEIN_LLM_URL", saved.url],
        ["SKEIN_LLM_MODEL", saved.model],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await app.close();
      await workspace.close();
    }
  });
});
