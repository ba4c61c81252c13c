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

/** Entity types that can act: people, firms, organisations, public bodies. */
const ACTORS = ["Person", "Company", "Organization", "PublicBody"] as const;
/** Actors and the craft that carry them. */
const MOVERS = [...ACTORS, "Vessel", "Aircraft"] as const;
/** Things made, tested or owned. */
const THINGS = ["Product", "Vessel", "Aircraft"] as const;
const ANY = [...MOVERS, "Place", "Product"] as const;

/**
 * Claim predicates. `directed` says whether subject → object order carries meaning; `exposure` marks
 * links along which sanctions exposure travels (supply, money, control, agency); `tie` is how much one
 * link of the kind says about a tie between two parties when candidates are scored (0: none);
 * `subjects` and `objects` are the entity types the predicate can join, so a claim that joins others
 * ("a council member of a person") is flagged, not followed.
 */
export const PREDICATES = {
  supplies: {
    label: "supplies",
    directed: true,
    exposure: true,
    ftm: "UnknownLink",
    tie: 1,
    subjects: ACTORS,
    objects: ACTORS,
  },
  pays: {
    label: "pays",
    directed: true,
    exposure: true,
    ftm: "Payment",
    tie: 1,
    subjects: ACTORS,
    objects: ACTORS,
  },
  owns: {
    label: "owns",
    directed: true,
    exposure: true,
    ftm: "Ownership",
    tie: 1,
    subjects: ACTORS,
    objects: ["Company", "Organization", ...THINGS],
  },
  directs: {
    label: "directs",
    directed: true,
    exposure: true,
    ftm: "Directorship",
    tie: 1,
    subjects: ACTORS,
    objects: ["Company", "Organization", "PublicBody", "Vessel"],
  },
  employs: {
    label: "employs",
    directed: true,
    exposure: true,
    ftm: "Employment",
    tie: 0.8,
    subjects: ACTORS,
    objects: ["Person"],
  },
  member_of: {
    label: "member of",
    directed: true,
    exposure: true,
    ftm: "Membership",
    tie: 0.5,
    subjects: [...ACTORS, "Place"],
    objects: ["Company", "Organization", "PublicBody"],
  },
  visits: {
    label: "visits",
    directed: true,
    exposure: false,
    ftm: "UnknownLink",
    tie: 0.6,
    subjects: MOVERS,
    objects: [...MOVERS, "Place"],
  },
  tests: {
    label: "tests",
    directed: true,
    exposure: false,
    ftm: "UnknownLink",
    tie: 0.7,
    subjects: ACTORS,
    objects: THINGS,
  },
  develops: {
    label: "develops",
    directed: true,
    exposure: false,
    ftm: "UnknownLink",
    tie: 0.7,
    subjects: ACTORS,
    objects: THINGS,
  },
  intermediary_for: {
    label: "intermediary for",
    directed: true,
    exposure: true,
    ftm: "Representation",
    tie: 0.9,
    subjects: ACTORS,
    objects: ACTORS,
  },
  associate: {
    label: "associate of",
    directed: false,
    exposure: true,
    ftm: "UnknownLink",
    tie: 0.5,
    subjects: MOVERS,
    objects: MOVERS,
  },
  located_in: {
    label: "located in",
    directed: true,
    exposure: false,
    ftm: "UnknownLink",
    tie: 0,
    subjects: ANY,
    objects: ["Place"],
  },
  variant_of: {
    label: "variant of",
    directed: true,
    exposure: false,
    ftm: "UnknownLink",
    tie: 0,
    subjects: THINGS,
    objects: THINGS,
  },
  sanctioned_by: {
    label: "sanctioned by",
    directed: true,
    exposure: false,
    ftm: "Sanction",
    tie: 0,
    subjects: MOVERS,
    objects: ["Organization", "PublicBody", "Place"],
  },
  other: {
    label: "linked to",
    directed: false,
    exposure: false,
    ftm: "UnknownLink",
    tie: 0.4,
    subjects: ANY,
    objects: ANY,
  },
} as const;
export type Predicate = keyof typeof PREDICATES;
export const PREDICATE_NAMES = Object.keys(PREDICATES) as Predicate[];

/** True when the predicate can join a subject and an object of these types (either way when undirected). */
export function typesFit(predicate: Predicate, subject: EntityType, object: EntityType): boolean {
  const p = PREDICATES[predicate];
  const fits = (s: EntityType, o: EntityType) =>
    (p.subjects as readonly string[]).includes(s) && (p.objects as readonly string[]).includes(o);
  return fits(subject, object) || (!p.directed && fits(object, subject));
}

/**
 * What an entity is to the analyses: a party (can be exposed, tied, an intermediary), context (places
 * and states, kept as attributes and filters), or an authority (a body that designates or investigates,
 * never exposed through its own announcements).
 */
export const ENTITY_ROLES = {
  party: "can be exposed, a designation candidate or an intermediary",
  context: "a place or a state: context of the findings, never a party in them",
  authority: "a body that designates or investigates: never exposed through its own announcements",
} as const;
export type EntityRole = keyof typeof ENTITY_ROLES;
export const ENTITY_ROLE_NAMES = Object.keys(ENTITY_ROLES) as EntityRole[];

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
  "rename",
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
