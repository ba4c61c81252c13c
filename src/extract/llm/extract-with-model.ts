// Model-assisted extraction: asks an OpenAI-compatible chat endpoint for entities and claims per chunk
// of text, then keeps only what the text bears out: every name, alias and evidence quote must be found
// verbatim in the source, with exact spans computed here; the rest is dropped and counted.
import {
  CERTAINTY_NAMES,
  type Claim,
  derivedId,
  ENTITY_TYPE_NAMES,
  type Entity,
  type EntityType,
  isOneOf,
  type Mention,
  PREDICATE_NAMES,
  SkeinError,
  type Span,
  sourceIdOf,
} from "../../model/index.js";
import { findAmounts } from "../amounts.js";
import { findPeriods } from "../dates.js";
import {
  buildMessages,
  CLAIM_SCHEMA,
  type ModelAnswer,
  type ModelClaim,
  type ModelEntity,
} from "./claim-schema.js";
import { type CompletionEndpoint, requestCompletion } from "./request-completion.js";

/** Options of extractWithModel; url, model and key usually come from SKEIN_LLM_URL, _MODEL and _KEY. */
export interface ModelOptions {
  url: string;
  model: string;
  key?: string | null;
  /** Largest chunk of text sent in one request, in characters. */
  chunkChars?: number;
  /** Time-out of one request, in milliseconds. */
  timeoutMs?: number;
  /** Further attempts of a request the endpoint answers busy (HTTP 429, 502, 503, 504). */
  retries?: number;
  /** The source's published date (YYYY-MM-DD), to resolve "last year" in claim dates. */
  published?: string | null;
  /** The id of the source the text is; by default the id of the text itself. */
  sourceId?: string;
  /** The fetch to use (tests, proxies); by default the global one. */
  fetch?: typeof fetch;
}

/** What the model proposed and the text bears out, with what was dropped and why. */
export interface ModelExtraction {
  entities: Entity[];
  mentions: Mention[];
  claims: Claim[];
  dropped: { entities: number; claims: number; reasons: string[] };
}

const DEFAULTS = { chunkChars: 8000, timeoutMs: 120_000, retries: 2 };
const MAX_ATTRIBUTION_CHARS = 200;

interface Chunk {
  text: string;
  offset: number;
}

/**
 * The model endpoint named by the environment (SKEIN_LLM_URL, SKEIN_LLM_MODEL and, when the endpoint
 * needs one, SKEIN_LLM_KEY); EXTRACT_LLM_CONFIG when the URL or the model is missing.
 */
export function modelOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): Pick<ModelOptions, "url" | "model" | "key"> {
  const url = env.SKEIN_LLM_URL;
  const model = env.SKEIN_LLM_MODEL;
  if (!url || !model) {
    throw new SkeinError(
      "EXTRACT_LLM_CONFIG",
      "--extractor llm: SKEIN_LLM_URL and SKEIN_LLM_MODEL must be set",
      {
        field: "SKEIN_LLM_URL",
      },
    );
  }
  return { url, model, key: env.SKEIN_LLM_KEY ?? null };
}

/** The producer of what a model extracts ("model:<model>"), so its output can be replaced on a re-run. */
export function modelProducer(model: string): string {
  return `model:${model}`;
}

/**
 * Extracts entities, mentions and claims from `text` with a model behind an OpenAI-compatible chat
 * completions endpoint, one request per chunk, asking for the claim shape as structured JSON. Names,
 * aliases and evidence quotes not found verbatim in the chunk are dropped and counted, as are claims
 * whose parties are not among the entities or whose predicate or certainty is not in the vocabulary.
 * Records carry producer `model:<model>`. Errors: EXTRACT_LLM_CONFIG, _UNREACHABLE, _TIMEOUT, _HTTP,
 * _BAD_JSON.
 */
export async function extractWithModel(text: string, options: ModelOptions): Promise<ModelExtraction> {
  // Options left undefined (a CLI flag not given) keep their default.
  const settings = {
    ...options,
    chunkChars: options.chunkChars ?? DEFAULTS.chunkChars,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    retries: options.retries ?? DEFAULTS.retries,
  };
  const endpoint = readEndpoint(settings);
  const sourceId = settings.sourceId ?? sourceIdOf(text);
  const producer = modelProducer(settings.model);
  const result: ModelExtraction = {
    entities: [],
    mentions: [],
    claims: [],
    dropped: { entities: 0, claims: 0, reasons: [] },
  };
  const entityByKey = new Map<string, Entity>();
  const mentionIds = new Set<string>();
  const claimIds = new Set<string>();
  const chunks = splitIntoChunks(text, settings.chunkChars);
  for (const [index, chunk] of chunks.entries()) {
    const where = chunks.length > 1 ? ` (chunk ${index + 1} of ${chunks.length})` : "";
    const content = await requestCompletion(endpoint, buildMessages(chunk.text), CLAIM_SCHEMA);
    const answer = parseAnswer(content, endpoint.url);
    const local = new Map<string, Entity>();
    for (const proposed of answer.entities) {
      const entity = acceptEntity(proposed, chunk, where, result.dropped);
      if (!entity) continue;
      const key = `${entity.type}|${entity.caption.toLowerCase()}`;
      const known = entityByKey.get(key) ?? findByName(result.entities, entity);
      const merged = known ?? entity;
      if (known) {
        for (const name of entity.names) if (!known.names.includes(name)) known.names.push(name);
      } else {
        merged.id = derivedId("entity", sourceId, merged.type, key);
        entityByKey.set(key, merged);
        result.entities.push(merged);
      }
      for (const name of entity.names) local.set(name.toLowerCase(), merged);
      for (const span of findAll(chunk, entity.names)) {
        const id = derivedId("mention", sourceId, span.start, span.end);
        if (mentionIds.has(id)) continue;
        mentionIds.add(id);
        result.mentions.push({
          id,
          sourceId,
          start: span.start,
          end: span.end,
          text: text.slice(span.start, span.end),
          type: merged.type,
          entityId: merged.id,
          producer,
        });
      }
    }
    for (const proposed of answer.claims) {
      const claim = acceptClaim(
        proposed,
        chunk,
        local,
        { sourceId, producer, published: settings.published ?? null, where },
        result.dropped,
      );
      if (!claim || claimIds.has(claim.id)) continue;
      claimIds.add(claim.id);
      result.claims.push(claim);
    }
  }
  result.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return result;
}

function readEndpoint(settings: ModelOptions & typeof DEFAULTS): CompletionEndpoint {
  const missing = [!settings.url && "SKEIN_LLM_URL", !settings.model && "SKEIN_LLM_MODEL"].filter(Boolean);
  if (missing.length > 0) {
    throw new SkeinError("EXTRACT_LLM_CONFIG", `model-assisted extraction needs ${missing.join(" and ")}`, {
      field: missing.join(", "),
    });
  }
  if (!/^https?:\/\/[^\s/]+/i.test(settings.url)) {
    throw new SkeinError(
      "EXTRACT_LLM_CONFIG",
      "SKEIN_LLM_URL must be an http(s) address, e.g. http://127.0.0.1:8080/v1",
      { field: "SKEIN_LLM_URL", received: settings.url },
    );
  }
  if (!Number.isInteger(settings.chunkChars) || settings.chunkChars < 200) {
    throw new SkeinError(
      "EXTRACT_LLM_CONFIG",
      "chunk size must be a whole number of characters ≥ 200, e.g. 8000",
      {
        field: "chunkChars",
        received: String(settings.chunkChars),
      },
    );
  }
  return {
    url: settings.url,
    model: settings.model,
    key: settings.key || null,
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
    fetch: settings.fetch ?? globalThis.fetch,
  };
}

/** Splits text at paragraph ends, else sentence ends, else hard, into chunks of at most `size` characters. */
function splitIntoChunks(text: string, size: number): Chunk[] {
  const chunks: Chunk[] = [];
  let offset = 0;
  while (offset < text.length) {
    let end = Math.min(text.length, offset + size);
    if (end < text.length) {
      const window = text.slice(offset, end);
      const paragraph = window.lastIndexOf("\n\n");
      const sentence = Math.max(window.lastIndexOf(". "), window.lastIndexOf(".\n"));
      if (paragraph > size / 2) end = offset + paragraph + 2;
      else if (sentence > size / 2) end = offset + sentence + 2;
    }
    chunks.push({ text: text.slice(offset, end), offset });
    offset = end;
  }
  return chunks;
}

/** Parses the model's content as a ModelAnswer; fences around the JSON are tolerated. */
function parseAnswer(content: string, url: string): ModelAnswer {
  const unfenced = content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, "$1");
  let answer: unknown;
  try {
    answer = JSON.parse(unfenced);
  } catch (error) {
    throw new SkeinError(
      "EXTRACT_LLM_BAD_JSON",
      `the model at ${url} answered with text that is not JSON; an object {"entities": [...], "claims": [...]} was expected`,
      { field: "choices[0].message.content", received: content },
      { cause: error },
    );
  }
  const shaped = answer as Partial<ModelAnswer> | null;
  if (
    !shaped ||
    typeof shaped !== "object" ||
    !Array.isArray(shaped.entities) ||
    !Array.isArray(shaped.claims)
  ) {
    throw new SkeinError(
      "EXTRACT_LLM_BAD_JSON",
      `the model at ${url} answered with JSON of another shape; an object {"entities": [...], "claims": [...]} was expected`,
      { field: "choices[0].message.content", received: content },
    );
  }
  return shaped as ModelAnswer;
}

function drop(dropped: ModelExtraction["dropped"], kind: "entities" | "claims", reason: string): null {
  dropped[kind]++;
  dropped.reasons.push(reason);
  return null;
}

const QUOTE_CLASSES: Record<string, string> = {
  "'": "['‘’]",
  "‘": "['‘’]",
  "’": "['‘’]",
  '"': '["“”]',
  "“": '["“”]',
  "”": '["“”]',
  "-": "[-‐‑–—]",
  "–": "[-‐‑–—]",
  "—": "[-‐‑–—]",
};

/**
 * The span of `words` in the chunk, as absolute offsets, or null. Verbatim up to runs of white space
 * and the typographic form of quotes and dashes, which models often normalise.
 */
function findVerbatim(chunk: Chunk, words: string): Span | null {
  const trimmed = words.trim();
  if (!trimmed) return null;
  const exact = chunk.text.indexOf(trimmed);
  if (exact >= 0) return { start: chunk.offset + exact, end: chunk.offset + exact + trimmed.length };
  const pattern = [...trimmed]
    .map((char) =>
      /\s/.test(char) ? "\\s+" : (QUOTE_CLASSES[char] ?? char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    )
    .join("")
    .replace(/(?:\\s\+)+/g, "\\s+");
  const match = new RegExp(pattern, "u").exec(chunk.text);
  return match
    ? { start: chunk.offset + match.index, end: chunk.offset + match.index + match[0].length }
    : null;
}

/** Every whole-word occurrence of any of the names in the chunk (absolute spans, longest first on overlap). */
function findAll(chunk: Chunk, names: string[]): Span[] {
  const spans: Span[] = [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    for (let at = chunk.text.indexOf(name); at >= 0; at = chunk.text.indexOf(name, at + 1)) {
      const before = chunk.text[at - 1] ?? " ";
      const after = chunk.text[at + name.length] ?? " ";
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      const span = { start: chunk.offset + at, end: chunk.offset + at + name.length };
      if (spans.every((other) => span.end <= other.start || span.start >= other.end)) spans.push(span);
    }
  }
  return spans;
}

function acceptEntity(
  proposed: ModelEntity,
  chunk: Chunk,
  where: string,
  dropped: ModelExtraction["dropped"],
): Entity | null {
  const name = typeof proposed?.name === "string" ? proposed.name.trim() : "";
  if (!name) return drop(dropped, "entities", `entity without a name${where}`);
  if (!isOneOf(ENTITY_TYPE_NAMES, proposed.type)) {
    return drop(
      dropped,
      "entities",
      `entity "${name}": type "${String(proposed.type)}" is not one of ${ENTITY_TYPE_NAMES.join(", ")}${where}`,
    );
  }
  const span = findVerbatim(chunk, name);
  if (!span)
    return drop(dropped, "entities", `entity "${name}": name not found verbatim in the text${where}`);
  const caption = chunk.text.slice(span.start - chunk.offset, span.end - chunk.offset);
  const names = [caption];
  for (const alias of Array.isArray(proposed.aliases) ? proposed.aliases : []) {
    if (typeof alias !== "string" || !alias.trim()) continue;
    const aliasSpan = findVerbatim(chunk, alias);
    if (!aliasSpan) {
      dropped.reasons.push(`alias "${alias}" of "${caption}": not found verbatim in the text${where}`);
      continue;
    }
    const written = chunk.text.slice(aliasSpan.start - chunk.offset, aliasSpan.end - chunk.offset);
    if (!names.includes(written)) names.push(written);
  }
  const country =
    typeof proposed.country === "string" && /^[a-z]{2}$/i.test(proposed.country)
      ? proposed.country.toLowerCase()
      : null;
  return { id: "", type: proposed.type as EntityType, caption, names, country, identifiers: {} };
}

function findByName(entities: Entity[], entity: Entity): Entity | undefined {
  const names = new Set(entity.names.map((name) => name.toLowerCase()));
  return entities.find(
    (other) => other.type === entity.type && other.names.some((name) => names.has(name.toLowerCase())),
  );
}

interface ClaimContext {
  sourceId: string;
  producer: string;
  published: string | null;
  where: string;
}

function acceptClaim(
  proposed: ModelClaim,
  chunk: Chunk,
  entities: Map<string, Entity>,
  context: ClaimContext,
  dropped: ModelExtraction["dropped"],
): Claim | null {
  const label = `claim "${String(proposed?.subject)} ${String(proposed?.predicate)} ${String(proposed?.object)}"`;
  const { where } = context;
  if (!isOneOf(PREDICATE_NAMES, proposed?.predicate)) {
    return drop(dropped, "claims", `${label}: predicate not one of ${PREDICATE_NAMES.join(", ")}${where}`);
  }
  if (!isOneOf(CERTAINTY_NAMES, proposed.certainty)) {
    return drop(dropped, "claims", `${label}: certainty not one of ${CERTAINTY_NAMES.join(", ")}${where}`);
  }
  const subject =
    typeof proposed.subject === "string" ? entities.get(proposed.subject.trim().toLowerCase()) : undefined;
  const object =
    typeof proposed.object === "string" ? entities.get(proposed.object.trim().toLowerCase()) : undefined;
  if (!subject || !object) {
    return drop(
      dropped,
      "claims",
      `${label}: ${!subject ? "subject" : "object"} is not among the entities found in the text${where}`,
    );
  }
  const evidence = typeof proposed.evidence === "string" ? findVerbatim(chunk, proposed.evidence) : null;
  if (!evidence)
    return drop(dropped, "claims", `${label}: evidence quote not found verbatim in the text${where}`);
  const quote = chunk.text.slice(evidence.start - chunk.offset, evidence.end - chunk.offset);
  const period = readPeriod(proposed.date, chunk, context, dropped, label);
  const amount = readAmount(proposed.amount, chunk, dropped, label, where);
  const attribution =
    typeof proposed.attribution === "string" && proposed.attribution.trim()
      ? proposed.attribution.trim().slice(0, MAX_ATTRIBUTION_CHARS)
      : null;
  return {
    id: derivedId(
      "claim",
      context.sourceId,
      subject.id,
      proposed.predicate,
      object.id,
      evidence.start,
      evidence.end,
    ),
    subjectId: subject.id,
    predicate: proposed.predicate,
    objectId: object.id,
    period,
    amount,
    productId: null,
    viaId: null,
    evidence: { sourceId: context.sourceId, start: evidence.start, end: evidence.end, quote },
    attribution,
    certainty: proposed.certainty,
    status: "proposed",
    producer: context.producer,
    probability: null,
  };
}

/** The claim's period, read by findPeriods from the date words when they are in the text; else null. */
function readPeriod(
  words: unknown,
  chunk: Chunk,
  context: ClaimContext,
  dropped: ModelExtraction["dropped"],
  label: string,
): Claim["period"] {
  if (typeof words !== "string" || !words.trim()) return null;
  const span = findVerbatim(chunk, words);
  if (!span) {
    dropped.reasons.push(
      `${label}: date "${words}" not found verbatim in the text, left out${context.where}`,
    );
    return null;
  }
  const found = findPeriods(
    chunk.text.slice(span.start - chunk.offset, span.end - chunk.offset),
    context.published,
  )[0];
  return found ? found.period : null;
}

/** The claim's amount, read by findAmounts from the amount words when they are in the text; else null. */
function readAmount(
  words: unknown,
  chunk: Chunk,
  dropped: ModelExtraction["dropped"],
  label: string,
  where: string,
): Claim["amount"] {
  if (typeof words !== "string" || !words.trim()) return null;
  const span = findVerbatim(chunk, words);
  if (!span) {
    dropped.reasons.push(`${label}: amount "${words}" not found verbatim in the text, left out${where}`);
    return null;
  }
  const found = findAmounts(chunk.text.slice(span.start - chunk.offset, span.end - chunk.offset))[0];
  if (!found) return null;
  const { start: _start, end: _end, ...amount } = found;
  return amount;
}
