// One call to an OpenAI-compatible chat completions endpoint (POST {base}/chat/completions) asking
// for structured JSON, with a time-out, and every failure turned into an EXTRACT_LLM_* error.
import { SkeinError } from "../../model/index.js";

/** Where and how to reach the model. */
export interface CompletionEndpoint {
  /** Base URL (`http://127.0.0.1:8080/v1`) or the full `…/chat/completions` address. */
  url: string;
  model: string;
  /** Bearer token, when the endpoint needs one. */
  key: string | null;
  timeoutMs: number;
  /** Further attempts after an HTTP 429, 502, 503 or 504 (the endpoint is busy or restarting). */
  retries: number;
  fetch: typeof fetch;
}

/** Statuses that say "try again later" rather than "this request is wrong". */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const MAX_RETRY_WAIT_MS = 10_000;

/** The chat completions address for a base URL (or the URL itself when it already is one). */
export function completionsUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return /\/chat\/completions$/.test(trimmed) ? trimmed : `${trimmed}/chat/completions`;
}

/**
 * Sends the messages and returns the text of the first choice, trying again (up to `retries` times,
 * after the server's Retry-After, at most 10 s) while the endpoint answers busy. Errors:
 * EXTRACT_LLM_TIMEOUT, EXTRACT_LLM_UNREACHABLE, EXTRACT_LLM_HTTP (non-2xx), EXTRACT_LLM_BAD_JSON.
 */
export async function requestCompletion(
  endpoint: CompletionEndpoint,
  messages: Array<{ role: string; content: string }>,
  schema: object,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await requestOnce(endpoint, messages, schema);
    } catch (error) {
      const status = error instanceof SkeinError ? error.details.status : undefined;
      if (attempt >= endpoint.retries || typeof status !== "number" || !RETRY_STATUSES.has(status))
        throw error;
      const wait = Number((error as SkeinError).details.retryAfterMs ?? 1000 * (attempt + 1));
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, MAX_RETRY_WAIT_MS)));
    }
  }
}

async function requestOnce(
  endpoint: CompletionEndpoint,
  messages: Array<{ role: string; content: string }>,
  schema: object,
): Promise<string> {
  const address = completionsUrl(endpoint.url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), endpoint.timeoutMs);
  try {
    const response = await endpoint.fetch(address, {
      method: "POST",
      signal: controller.signal,
      headers: {
        "content-type": "application/json",
        ...(endpoint.key ? { authorization: `Bearer ${endpoint.key}` } : {}),
      },
      body: JSON.stringify({
        model: endpoint.model,
        temperature: 0,
        messages,
        response_format: { type: "json_schema", json_schema: { name: "skein_claims", strict: true, schema } },
      }),
    });
    const body = await response.text();
    if (!response.ok) {
      throw new SkeinError(
        "EXTRACT_LLM_HTTP",
        `model endpoint ${address} answered HTTP ${response.status}; a 2xx answer with a chat completion was expected`,
        {
          field: "SKEIN_LLM_URL",
          status: response.status,
          retryAfterMs: readRetryAfter(response),
          received: body,
        },
      );
    }
    return readContent(body, address);
  } catch (error) {
    if (error instanceof SkeinError) throw error;
    if (controller.signal.aborted) {
      throw new SkeinError(
        "EXTRACT_LLM_TIMEOUT",
        `model endpoint ${address} did not answer within ${endpoint.timeoutMs} ms`,
        { field: "SKEIN_LLM_URL", received: address, timeoutMs: endpoint.timeoutMs },
        { cause: error },
      );
    }
    throw new SkeinError(
      "EXTRACT_LLM_UNREACHABLE",
      `cannot reach the model endpoint ${address}: ${(error as Error).message}`,
      { field: "SKEIN_LLM_URL", received: address },
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** The Retry-After header in milliseconds (seconds form only), or undefined. */
function readRetryAfter(response: Response): number | undefined {
  const value = response.headers.get("retry-after");
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) * 1000 : undefined;
}

/** The message content of the first choice of a chat completion body. */
function readContent(body: string, address: string): string {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch (error) {
    throw new SkeinError(
      "EXTRACT_LLM_BAD_JSON",
      `model endpoint ${address} answered with a body that is not JSON; a chat completion object was expected`,
      { field: "body", received: body },
      { cause: error },
    );
  }
  const message = (envelope as { choices?: Array<{ message?: { content?: unknown; refusal?: unknown } }> })
    ?.choices?.[0]?.message;
  if (typeof message?.content !== "string") {
    const refusal = typeof message?.refusal === "string" ? ` (refusal: ${message.refusal})` : "";
    throw new SkeinError(
      "EXTRACT_LLM_BAD_JSON",
      `model endpoint ${address} answered without choices[0].message.content${refusal}`,
      { field: "choices[0].message.content", received: body },
    );
  }
  return message.content;
}
