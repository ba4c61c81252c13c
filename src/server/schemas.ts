// JSON schemas of the API's records, derived from the model's definition tables (FtM's "one schema drives
// model, validation and UI"): route validation, response filtering and /openapi.json all read these.
import {
  CERTAINTY_NAMES,
  CLAIM_STATUSES,
  DECISION_ACTIONS,
  ENTITY_TYPE_NAMES,
  LIST_ENTRY_SCHEMATA,
  PERIOD_PRECISIONS,
  PREDICATE_NAMES,
  RELIABILITY_NAMES,
  ROLE_NAMES,
  SOURCE_KIND_NAMES,
  TOKEN_SCOPE_NAMES,
} from "../model/index.js";

/** A JSON schema object (kept loose: fastify compiles it). */
export type JsonSchema = Record<string, unknown>;

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;
const num = { type: "number" } as const;
const int = { type: "integer" } as const;
const strings = { type: "array", items: str } as const;

/** An object schema whose listed properties are all required and nothing else is allowed out. */
export function objectOf(properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema {
  return {
    type: "object",
    properties,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    additionalProperties: false,
  };
}

/**
 * A nullable variant of an object schema. A type union rather than anyOf: fast-json-stringify then
 * filters the object's unlisted fields instead of refusing the object for having them.
 */
export function nullable(schema: JsonSchema): JsonSchema {
  return { ...schema, type: ["object", "null"] };
}

/** The one error shape of the API (STYLE.md "API client"). */
export const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  properties: {
    statusCode: int,
    code: str,
    error: str,
    message: str,
    details: { type: "object", additionalProperties: true },
    detail: str,
  },
  required: ["statusCode", "code", "error", "message", "details"],
};

/** Path parameter `id`. */
export const ID_PARAMS: JsonSchema = objectOf({ id: { type: "string", minLength: 1, maxLength: 200 } });

/** A span of a source's text. */
const SPAN_PROPERTIES = { start: int, end: int };

/** Source metadata (no text). */
export const SOURCE_META_PROPERTIES: Record<string, JsonSchema> = {
  id: str,
  title: nullableStr,
  author: nullableStr,
  publisher: nullableStr,
  published: nullableStr,
  url: nullableStr,
  kind: { type: "string", enum: SOURCE_KIND_NAMES },
  reliability: { type: ["string", "null"], enum: [...RELIABILITY_NAMES, null] },
  format: str,
  filename: nullableStr,
  ingestedAt: str,
  ingestedBy: nullableStr,
};

/** Source metadata alone, as claims and entity pages cite it. */
export const SOURCE_META_SCHEMA: JsonSchema = objectOf(SOURCE_META_PROPERTIES);

/** A source without its text, as lists show it. */
export const SOURCE_SUMMARY_SCHEMA: JsonSchema = objectOf({ ...SOURCE_META_PROPERTIES, length: int });

/** A source with its full text and page starts. */
export const SOURCE_SCHEMA: JsonSchema = objectOf({
  ...SOURCE_META_PROPERTIES,
  text: str,
  pageStarts: { type: ["array", "null"], items: int },
});

/** A listing: a list entry a case entity was matched to. */
export const LISTING_SCHEMA: JsonSchema = objectOf({
  matchId: str,
  entryId: str,
  authority: str,
  authorityId: str,
  list: str,
  programs: strings,
  listingDate: nullableStr,
  score: num,
  decision: { type: ["string", "null"], enum: ["confirmed", "dismissed", null] },
  decidedBy: nullableStr,
});

/** A case entity, with its listings. */
export const ENTITY_SCHEMA: JsonSchema = objectOf({
  id: str,
  type: { type: "string", enum: ENTITY_TYPE_NAMES },
  caption: str,
  names: strings,
  country: nullableStr,
  identifiers: { type: "object", additionalProperties: strings },
  sanctioned: { type: "boolean" },
  listings: { type: "array", items: LISTING_SCHEMA },
  memberIds: strings,
});

const PERIOD_SCHEMA = nullable(
  objectOf({ start: str, end: str, precision: { type: "string", enum: PERIOD_PRECISIONS }, text: str }),
);
const AMOUNT_SCHEMA = nullable(objectOf({ value: num, currency: str, qualifier: nullableStr, text: str }));

/** The evidence of a claim: source, span and quote. */
export const EVIDENCE_SCHEMA: JsonSchema = objectOf({ sourceId: str, quote: str, ...SPAN_PROPERTIES });

/** A claim with its evidence, attribution, certainty and review status. */
export const CLAIM_SCHEMA: JsonSchema = objectOf({
  id: str,
  subjectId: str,
  predicate: { type: "string", enum: PREDICATE_NAMES },
  objectId: str,
  period: PERIOD_SCHEMA,
  amount: AMOUNT_SCHEMA,
  productId: nullableStr,
  viaId: nullableStr,
  evidence: EVIDENCE_SCHEMA,
  attribution: nullableStr,
  certainty: { type: "string", enum: CERTAINTY_NAMES },
  status: { type: "string", enum: CLAIM_STATUSES },
  producer: str,
  probability: { type: ["number", "null"] },
});

/** What one screening feature contributed to a score. */
export const FEATURE_EXPLANATION_SCHEMA: JsonSchema = objectOf({
  score: num,
  weight: num,
  detail: str,
  query: nullableStr,
  candidate: nullableStr,
});

/** A list entry, FtM-shaped. */
export const LIST_ENTRY_SCHEMA: JsonSchema = objectOf({
  id: str,
  schema: { type: "string", enum: LIST_ENTRY_SCHEMATA },
  caption: str,
  names: strings,
  weakAliases: strings,
  authority: str,
  list: str,
  authorityId: str,
  programs: strings,
  countries: strings,
  birthDates: strings,
  identifiers: {
    type: "array",
    items: objectOf({ type: str, value: str, country: nullableStr }, ["country"]),
  },
  addresses: strings,
  listingDate: nullableStr,
  remarks: nullableStr,
  linkedTo: strings,
});

/** A stored match with its explanation, its list entry and the decision on it. */
export const MATCH_SCHEMA: JsonSchema = objectOf({
  id: str,
  entityId: str,
  snapshotId: str,
  entryId: str,
  score: num,
  algorithm: str,
  explanations: { type: "object", additionalProperties: FEATURE_EXPLANATION_SCHEMA },
  decision: { type: ["string", "null"], enum: ["confirmed", "dismissed", null] },
  decidedBy: nullableStr,
  entry: nullable(LIST_ENTRY_SCHEMA),
});

/** One entry of the decision log. */
export const DECISION_SCHEMA: JsonSchema = objectOf({
  id: int,
  at: str,
  by: str,
  action: { type: "string", enum: DECISION_ACTIONS },
  target: { type: "object", additionalProperties: str },
  why: nullableStr,
  supersededBy: { type: ["integer", "null"] },
});

/** A loaded list snapshot. */
export const SNAPSHOT_SCHEMA: JsonSchema = objectOf(
  {
    id: str,
    authority: str,
    list: str,
    publishDate: nullableStr,
    fileSha256: str,
    format: str,
    entryCount: int,
    loadedAt: str,
    loadedBy: nullableStr,
    filename: nullableStr,
  },
  ["filename"],
);

const role = { type: "string", enum: ROLE_NAMES } as const;

/** An account as admins see it (never its password hash). */
export const ACCOUNT_SCHEMA: JsonSchema = objectOf({
  name: str,
  role,
  signIn: { type: "string", enum: ["password", "sso"] },
  createdAt: str,
  createdBy: str,
  passwordSetAt: nullableStr,
  disabledAt: nullableStr,
});

/** An API token as admins see it (never its secret). */
export const TOKEN_SCHEMA: JsonSchema = objectOf({
  id: str,
  name: str,
  role,
  scope: { type: "string", enum: TOKEN_SCOPE_NAMES },
  createdAt: str,
  createdBy: str,
  expiresAt: nullableStr,
  revokedAt: nullableStr,
  revokedBy: nullableStr,
  lastUsedAt: nullableStr,
});

/** Who a request acts as. */
export const PRINCIPAL_SCHEMA: JsonSchema = objectOf({
  kind: { type: "string", enum: ["account", "token", "local"] },
  name: str,
  role,
  scope: { type: "string", enum: TOKEN_SCOPE_NAMES },
  label: str,
});

/** One line of the audit trail. */
export const AUDIT_ENTRY_SCHEMA: JsonSchema = objectOf({
  at: str,
  actor: str,
  action: str,
  target: nullableStr,
  detail: { type: "object", additionalProperties: true },
  ref: str,
});

/** A list of items of one schema. */
export function listOf(items: JsonSchema, extra: Record<string, JsonSchema> = {}): JsonSchema {
  return objectOf({ total: int, items: { type: "array", items }, ...extra });
}

/** Query parameters shared by list routes. */
export const PAGE_QUERY_PROPERTIES: Record<string, JsonSchema> = {
  limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
  offset: { type: "integer", minimum: 0, default: 0 },
};
