// The whole vocabulary of Skein, defined once as data: entity types, predicates, certainty levels,
// source kinds and reliability grades. Types, validation, API enums, UI labels and export mappings
// derive from these tables (FollowTheMoney's "one schema drives everything" habit).

/** Entity types, with the FollowTheMoney schema each maps to and how the UI draws it. */
export const ENTITY_TYPES = {
  Person: { label: "Person", ftm: "Person", colour: "#1f77b4" },
  Company: { label: "Company", ftm: "Company", colour: "#ff7f0e" },
  Organization: { label: "Organization", ftm: "Organization", colour: "#9467bd" },
  PublicBody: { label: "Public body", ftm: "PublicBody", colour: "#8c564b" },
  Place: { label: "Place", ftm: "Address", colour: "#2ca02c" },
  Product: { label: "Product", ftm: "Thing", colour: "#7f7f7f" },
  Vessel: { label: "Vessel", ftm: "Vessel", colour: "#17becf" },
  Aircraft: { label: "Aircraft", ftm: "Airplane", colour: "#bcbd22" },
} as const;
export type EntityType = keyof typeof ENTITY_TYPES;
export const ENTITY_TYPE_NAMES = Object.keys(ENTITY_TYPES) as EntityType[];

/**
 * Claim predicates. `directed` says whether subject → object order carries meaning;
 * `exposure` marks links along which sanctions exposure travels (supply, money, control, agency).
 */
export const PREDICATES = {
  supplies: { label: "supplies", directed: true, exposure: true, ftm: "UnknownLink" },
  pays: { label: "pays", directed: true, exposure: true, ftm: "Payment" },
  owns: { label: "owns", directed: true, exposure: true, ftm: "Ownership" },
  directs: { label: "directs", directed: true, exposure: true, ftm: "Directorship" },
  employs: { label: "employs", directed: true, exposure: true, ftm: "Employment" },
  member_of: { label: "member of", directed: true, exposure: true, ftm: "Membership" },
  visits: { label: "visits", directed: true, exposure: false, ftm: "UnknownLink" },
  tests: { label: "tests", directed: true, exposure: false, ftm: "UnknownLink" },
  develops: { label: "develops", directed: true, exposure: false, ftm: "UnknownLink" },
  intermediary_for: { label: "intermediary for", directed: true, exposure: true, ftm: "Representation" },
  associate: { label: "associate of", directed: false, exposure: true, ftm: "UnknownLink" },
  located_in: { label: "located in", directed: true, exposure: false, ftm: "UnknownLink" },
  variant_of: { label: "variant of", directed: true, exposure: false, ftm: "UnknownLink" },
  sanctioned_by: { label: "sanctioned by", directed: true, exposure: false, ftm: "Sanction" },
  other: { label: "linked to", directed: false, exposure: false, ftm: "UnknownLink" },
} as const;
export type Predicate = keyof typeof PREDICATES;
export const PREDICATE_NAMES = Object.keys(PREDICATES) as Predicate[];

/**
 * Certainty levels, strongest first. `weight` is how much a claim at this level counts as evidence
 * in scores; `denied` counts against.
 */
export const CERTAINTIES = {
  stated: { label: "stated", rank: 5, weight: 1.0, description: "asserted by the source in its own voice" },
  reported: {
    label: "reported",
    rank: 4,
    weight: 0.8,
    description: "attributed to records, media or people",
  },
  assessed: {
    label: "assessed",
    rank: 3,
    weight: 0.6,
    description: "hedged analysis: appears, likely, believe",
  },
  alleged: { label: "alleged", rank: 2, weight: 0.4, description: "an accusation or claim" },
  unverified: {
    label: "unverified",
    rank: 1,
    weight: 0.2,
    description: "the source says it could not confirm",
  },
  denied: { label: "denied", rank: 0, weight: 0, description: "a party denies it" },
} as const;
export type Certainty = keyof typeof CERTAINTIES;
export const CERTAINTY_NAMES = Object.keys(CERTAINTIES) as Certainty[];

/** Source kinds. */
export const SOURCE_KINDS = {
  news: { label: "news report" },
  government: { label: "government notice" },
  record: { label: "record (invoice, shipping, travel)" },
  note: { label: "analyst note" },
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;
export const SOURCE_KIND_NAMES = Object.keys(SOURCE_KINDS) as SourceKind[];

/** Admiralty (NATO) source reliability grades. */
export const RELIABILITY_GRADES = {
  A: "completely reliable",
  B: "usually reliable",
  C: "fairly reliable",
  D: "not usually reliable",
  E: "unreliable",
  F: "reliability cannot be judged",
} as const;
export type Reliability = keyof typeof RELIABILITY_GRADES;
export const RELIABILITY_NAMES = Object.keys(RELIABILITY_GRADES) as Reliability[];

/** Claim review status. */
export const CLAIM_STATUSES = ["proposed", "accepted", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Precision of a period: a quarter stays a quarter, a year a year. */
export const PERIOD_PRECISIONS = ["day", "month", "quarter", "year"] as const;
export type PeriodPrecision = (typeof PERIOD_PRECISIONS)[number];

/** FtM-shaped schemata of list entries. */
export const LIST_ENTRY_SCHEMATA = [
  "Person",
  "Company",
  "Organization",
  "LegalEntity",
  "Vessel",
  "Airplane",
] as const;
export type ListEntrySchema = (typeof LIST_ENTRY_SCHEMATA)[number];

/** Analyst decision actions (append-only log). */
export const DECISION_ACTIONS = [
  "merge",
  "split",
  "not_same",
  "accept",
  "reject",
  "confirm",
  "dismiss",
  "undo",
] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/**
 * Roles of a case's accounts and API tokens, weakest first: each role may do everything the ones before it
 * may. The server's route table, the CLI's choices and the API's enums read this table.
 */
export const ROLES = {
  viewer: { label: "Viewer", rank: 1, description: "reads everything in the case" },
  analyst: {
    label: "Analyst",
    rank: 2,
    description: "also records decisions, uploads documents and runs extraction, resolution and screening",
  },
  admin: {
    label: "Admin",
    rank: 3,
    description: "also manages accounts and tokens, loads lists and reads the audit trail",
  },
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** Whether `role` may do what `needed` may (roles are ordered by rank). */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES[role].rank >= ROLES[needed].rank;
}

/** What an API token may reach, within its role. */
export const TOKEN_SCOPES = {
  all: "every route its role allows",
  match:
    "read-only matching: the yente-compatible /match, /search, /entities, /algorithms and /catalog routes",
} as const;
export type TokenScope = keyof typeof TOKEN_SCOPES;
export const TOKEN_SCOPE_NAMES = Object.keys(TOKEN_SCOPES) as TokenScope[];

/**
 * The extractors, by the name the CLI and API take: the rules with the learned relation stage over them
 * (the default), the rules alone, or a language model endpoint.
 */
export const EXTRACTORS = {
  learned: "the rules' mentions and proposals, with the learned relation stage deciding the claims",
  rules: "the hand-written rules alone",
  llm: "a language model endpoint (SKEIN_LLM_URL, SKEIN_LLM_MODEL, SKEIN_LLM_KEY)",
} as const;
export type ExtractorName = keyof typeof EXTRACTORS;
export const EXTRACTOR_NAMES = Object.keys(EXTRACTORS) as ExtractorName[];
/** The extractor used when none is named. */
export const DEFAULT_EXTRACTOR: ExtractorName = "learned";

/** Checks a value against one of the tables above; returns true when it is a valid key. */
export function isOneOf<T extends string>(names: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (names as readonly string[]).includes(value);
}
