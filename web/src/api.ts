// The workbench's one door to the API: typed fetches that turn the API's error shape into ApiError, so
// every page shows the server's own message (which says what to fix). State-changing requests carry the
// session's CSRF token; an answer saying the session has ended tells the shell to show the sign-in page.

/** An error answered by the API, with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Codes that mean the visitor must sign in (again). */
const SIGNED_OUT = new Set(["AUTH_REQUIRED", "AUTH_SESSION_EXPIRED"]);

/** The session's CSRF token, sent on every state-changing request; null without a session. */
let csrfToken: string | null = null;
/** Called when an answer says the session has ended. */
let onSignedOut: () => void = () => {};

/** Keeps the CSRF token of the current session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sets what happens when the session ends under the workbench (the shell shows the sign-in page). */
export function whenSignedOut(callback: () => void): void {
  onSignedOut = callback;
}

async function request<T>(
  method: string,
  url: string,
  body?: unknown,
  contentType = "application/json",
  headers: Record<string, string> = {},
): Promise<T> {
  const init: RequestInit = { method, headers: { ...headers }, credentials: "same-origin" };
  if (body !== undefined) {
    (init.headers as Record<string, string>)["content-type"] = contentType;
    init.body = contentType === "application/json" ? JSON.stringify(body) : (body as BodyInit);
  }
  if (method !== "GET" && csrfToken) (init.headers as Record<string, string>)["x-csrf-token"] = csrfToken;
  const response = await fetch(url, init);
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(
      response.status,
      "BAD_RESPONSE",
      `the server answered ${response.status} without JSON`,
    );
  }
  if (!response.ok) {
    const error = (data ?? {}) as { code?: string; message?: string };
    if (error.code && SIGNED_OUT.has(error.code) && !url.startsWith("/api/session")) onSignedOut();
    throw new ApiError(
      response.status,
      error.code ?? "UNKNOWN",
      error.message ?? `request failed (${response.status})`,
    );
  }
  return data as T;
}

/** GET a JSON resource; `query` values that are undefined are left out. */
export function getJson<T>(
  path: string,
  query: Record<string, string | number | boolean | undefined> = {},
): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const qs = params.toString();
  return request<T>("GET", qs ? `${path}?${qs}` : path);
}

/** POST a JSON body. */
export function postJson<T>(path: string, body: unknown): Promise<T> {
  return request<T>("POST", path, body);
}

/** POST a decision on a record at the version it was read (refused with 409 when it changed since). */
export function postDecision<T>(body: Record<string, unknown>, version: number | undefined): Promise<T> {
  return request<T>(
    "POST",
    "/api/decisions",
    body,
    "application/json",
    version === undefined ? {} : { "if-match": `"${version}"` },
  );
}

/** POST a file's bytes. */
export function postBytes<T>(path: string, file: Blob): Promise<T> {
  return request<T>("POST", path, file, "application/octet-stream");
}

/** A list entry a case entity was matched to (GET /api/entities). */
export interface Listing {
  matchId: string;
  entryId: string;
  authority: string;
  authorityId: string;
  list: string;
  programs: string[];
  listingDate: string | null;
  score: number;
  decision: "confirmed" | "dismissed" | null;
  decidedBy: string | null;
}

/** A case entity with its listings. */
export interface Entity {
  id: string;
  type: string;
  caption: string;
  names: string[];
  country: string | null;
  identifiers: Record<string, string[]>;
  sanctioned: boolean;
  listings: Listing[];
  memberIds: string[];
  claimCount?: number;
  /** The version a decision on it sends back. */
  version?: number;
}

/** Who the workbench acts as (GET /api/session). */
export interface Session {
  auth: "on" | "off";
  principal: {
    kind: string;
    name: string;
    role: "viewer" | "analyst" | "admin";
    scope: string;
    label: string;
  };
  csrfToken: string | null;
  expiresAt: string | null;
}

/** A period with its precision. */
export interface Period {
  start: string;
  end: string;
  precision: string;
  text: string;
}

/** A claim with its evidence and both parties' captions. */
export interface Claim {
  id: string;
  subjectId: string;
  predicate: string;
  objectId: string;
  period: Period | null;
  amount: { value: number; currency: string; qualifier: string | null; text: string } | null;
  evidence: { sourceId: string; start: number; end: number; quote: string };
  attribution: string | null;
  certainty: string;
  status: string;
  producer: string;
  subjectCaption: string;
  objectCaption: string;
  version: number;
}

/** What one screening feature contributed to a score. */
export interface FeatureExplanation {
  score: number;
  weight: number;
  detail: string;
  query: string | null;
  candidate: string | null;
}

/** A list entry (the fields the workbench shows). */
export interface ListEntry {
  id: string;
  schema: string;
  caption: string;
  names: string[];
  authority: string;
  list: string;
  authorityId: string;
  programs: string[];
  countries: string[];
  listingDate: string | null;
  remarks: string | null;
}

/** A stored match with its explanation, entry and decision. */
export interface Match {
  id: string;
  entityId: string;
  entityCaption?: string;
  snapshotId: string;
  entryId: string;
  score: number;
  algorithm: string;
  explanations: Record<string, FeatureExplanation>;
  decision: "confirmed" | "dismissed" | null;
  decidedBy: string | null;
  entry: ListEntry | null;
  version: number;
}

/** Source metadata without text. */
export interface SourceMeta {
  id: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  published: string | null;
  url: string | null;
  kind: string;
  reliability: string | null;
  format: string;
  filename: string | null;
  ingestedAt: string;
  ingestedBy: string | null;
}

/** A source with its text. */
export interface Source extends SourceMeta {
  text: string;
}

/** One hop of an exposure path with its quote. */
export interface Hop {
  from: string;
  to: string;
  fromCaption: string;
  toCaption: string;
  subjectId: string;
  objectId: string;
  forward: boolean;
  predicate: string;
  strength: number;
  certainty: string;
  claimId: string;
  quote: string;
  sourceId: string;
  source: { title: string | null; publisher: string | null } | null;
  attribution: string | null;
  /** A supply or payment dated after a party's listing date. */
  afterListing: boolean;
}

/** A path to a sanctioned party, ranked by its weakest hop. */
export interface ExposurePath {
  from: string;
  to: string;
  hops: Hop[];
  score: number;
  weakest: number;
}

/** A network node: a case entity. */
export interface GraphNode {
  id: string;
  caption: string;
  type: string;
  country: string | null;
  sanctioned: boolean;
  listings: Listing[];
  names: string[];
}

/** A network edge: the claims of one (subject, predicate, object). */
export interface GraphEdge {
  key: string;
  subjectId: string;
  objectId: string;
  predicate: string;
  claimCount: number;
  sourceCount: number;
  certainty: string;
  period: { start: string; end: string } | null;
  strength: number;
  exposure: boolean;
  evidence: Array<{
    claimId: string;
    sourceId: string;
    quote: string;
    start: number;
    end: number;
    certainty: string;
  }>;
}

/** A page of a listing route. */
export interface Page<T> {
  total: number;
  items: T[];
}

/** An entity of a drawable subgraph (GET /api/graph/neighbourhood, exposure, subgraph). */
export interface SubgraphNode {
  id: string;
  caption: string;
  type: string;
  country: string | null;
  sanctioned: boolean;
  /** Distinct neighbours in the whole case. */
  degree: number;
  /** Neighbours not in this subgraph. */
  hidden: number;
}

/** A link of a drawable subgraph with its strongest evidence. */
export interface SubgraphEdge {
  key: string;
  subjectId: string;
  objectId: string;
  predicate: string;
  claimCount: number;
  sourceCount: number;
  certainty: string;
  strength: number;
  exposure: boolean;
  period: { start: string; end: string } | null;
  afterListing: boolean;
  evidence: { claimId: string; sourceId: string; start: number; end: number; quote: string } | null;
}

/** A drawable part of the network. */
export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  truncated: boolean;
  /** Exposure subgraphs only: the links the paths run along, and how many paths of how many. */
  pathEdges?: string[];
  paths?: number;
  total?: number;
}

/** One community of the overview (GET /api/graph/communities). */
export interface Community {
  id: string;
  size: number;
  sanctioned: number;
  types: Record<string, number>;
  top: Array<{ id: string; caption: string; type: string; sanctioned: boolean; degree: number }>;
  links: number;
  x: number;
  y: number;
}

/** The overview: communities, the ties between them, and what is left out. */
export interface Communities {
  entities: number;
  unlinked: number;
  communities: Community[];
  links: Array<{ source: string; target: string; links: number; exposure: number }>;
  more: { communities: number; entities: number };
}

/** The answer of an analysis route. */
export interface AnalysisAnswer<T> {
  analysis: string;
  result: T;
}
