// The core records every stage passes around (DESIGN.md "Core records"). Plain data, no I/O.
import type {
  Certainty,
  ClaimStatus,
  DecisionAction,
  EntityRole,
  EntityType,
  ListEntrySchema,
  PeriodPrecision,
  Predicate,
  Reliability,
  SourceKind,
} from "./definitions.js";
import type { Span } from "./text.js";

/** A document as stored: metadata plus its normalised text. */
export interface Source {
  /** SHA-256 of `text`. */
  id: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** YYYY-MM-DD, when known. */
  published: string | null;
  url: string | null;
  kind: SourceKind;
  reliability: Reliability | null;
  /** The reader that produced the text: text, html, pdf, ftm. */
  format: string;
  /** The file the text was read from (basename). */
  filename: string | null;
  text: string;
  /** For paged documents: the character offset at which each page starts (page 1 at index 0). */
  pageStarts: number[] | null;
  ingestedAt: string;
  /** Who ingested it: an account, a token (`token:tok_…`) or a command's OS user; null when not recorded. */
  ingestedBy: string | null;
}

/** A name or phrase found in a source. */
export interface Mention extends Span {
  id: string;
  sourceId: string;
  text: string;
  type: EntityType;
  /** The document-level entity this mention belongs to (after within-document coreference). */
  entityId: string | null;
  /** The rule (name@version) that found it. */
  producer: string;
}

/** A real-world party, place, product or craft. */
export interface Entity {
  id: string;
  type: EntityType;
  caption: string;
  /** Every surface form, caption included. */
  names: string[];
  /** ISO 3166-1 alpha-2, lower case, when known. */
  country: string | null;
  /** Identifier kind → values (imo, inn, ogrn, registration, passport …). */
  identifiers: Record<string, string[]>;
}

/** A period with its precision; `start`/`end` are ISO dates (inclusive) bounding it. */
export interface Period {
  start: string;
  end: string;
  precision: PeriodPrecision;
  /** The words that stated it. */
  text: string;
}

/** An amount of money. */
export interface Amount {
  value: number;
  currency: string;
  /** "more than", "about", "up to" … when the text hedges the figure. */
  qualifier: string | null;
  text: string;
}

/** The exact words behind a claim. */
export interface Evidence extends Span {
  sourceId: string;
  quote: string;
}

/** Subject — predicate → object, with its evidence, attribution and certainty. */
export interface Claim {
  id: string;
  subjectId: string;
  predicate: Predicate;
  objectId: string;
  period: Period | null;
  amount: Amount | null;
  /** Entity id of the product concerned, when any. */
  productId: string | null;
  /** Entity id of the party it went through, when any. */
  viaId: string | null;
  evidence: Evidence;
  /** Who says it ("European security officials"), or null when the source says it in its own voice. */
  attribution: string | null;
  certainty: Certainty;
  status: ClaimStatus;
  /**
   * Who proposed it: a rule (`skein-rules-v1/ruleName@1`), the learned relation stage
   * (`skein-relations-v1`), both (`skein-rules-v1/ruleName@1+skein-relations-v1`), an analyst, or a model.
   */
  producer: string;
  /** The learned relation stage's probability for this claim (0–1) when it scored it, else null. */
  probability: number | null;
}

/** One loaded list file. */
export interface ListSnapshot {
  id: string;
  /** ofac, un, uk, eu, opensanctions … */
  authority: string;
  /** sdn, consolidated, conlist … */
  list: string;
  /** YYYY-MM-DD read from the file where it has one. */
  publishDate: string | null;
  fileSha256: string;
  format: string;
  entryCount: number;
  loadedAt: string;
  /** Who loaded it: an account, a token or a command's OS user; null when not recorded. */
  loadedBy: string | null;
}

/** A list entry, FtM-shaped. */
/** The parts of a person's name by role, as FtM names them (firstName, lastName …). */
export interface NameParts {
  firstName?: string;
  secondName?: string;
  middleName?: string;
  fatherName?: string;
  lastName?: string;
}

/** The FtM name-part properties, in the order a name is written. */
export const NAME_PART_ROLES = ["firstName", "secondName", "middleName", "fatherName", "lastName"] as const;

/**
 * A person's name parts by role from FtM properties, when they give one value of each part and at
 * least a first and a last name; else undefined.
 */
export function namePartsOf(
  properties: Readonly<Record<string, readonly string[] | undefined>>,
): NameParts | undefined {
  if (properties.firstName?.length !== 1 || properties.lastName?.length !== 1) return undefined;
  const parts: NameParts = {};
  for (const role of NAME_PART_ROLES) {
    const values = properties[role];
    if (values?.length === 1) parts[role] = values[0];
  }
  return parts;
}

export interface ListEntry {
  /** Stable within its list: `<authority>-<list>-<authorityId>`. */
  id: string;
  schema: ListEntrySchema;
  caption: string;
  /** Every name: primary first, then strong aliases. */
  names: string[];
  /** Weak aliases (OFAC "weak AKA", UN "low quality"). */
  weakAliases: string[];
  authority: string;
  list: string;
  authorityId: string;
  programs: string[];
  countries: string[];
  birthDates: string[];
  identifiers: Array<{ type: string; value: string; country?: string | null }>;
  addresses: string[];
  listingDate: string | null;
  remarks: string | null;
  /** Authority ids of entries this one is linked to. */
  linkedTo: string[];
  /** The parts of the primary name by role, when the list gives them (OFAC XML, EU FSF, FtM). */
  nameParts?: NameParts;
  /**
   * The FollowTheMoney record as published, kept for entries read from FtM files so the yente-compatible
   * API answers with it; `adjacent` holds the entities it refers to or is referred to by (sanctions,
   * addresses, ownerships and their other ends), one step away.
   */
  ftm?: FtmRecord & { adjacent: FtmRecord[] };
}

/** One FtM entity as an export gives it: properties, referents and when it was seen. */
export interface FtmRecord {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  referents: string[];
  target: boolean;
  firstSeen: string | null;
  lastSeen: string | null;
  lastChange: string | null;
}

/** An entity ↔ list entry match, with its per-feature explanation. */
export interface Match {
  id: string;
  entityId: string;
  snapshotId: string;
  entryId: string;
  score: number;
  algorithm: string;
  explanations: Record<string, FeatureExplanation>;
  decision: "confirmed" | "dismissed" | null;
}

/** What one screening feature contributed. */
export interface FeatureExplanation {
  score: number;
  weight: number;
  detail: string;
  query: string | null;
  candidate: string | null;
}

/** One analyst decision; the log is append-only. */
export interface Decision {
  id: number;
  at: string;
  by: string;
  action: DecisionAction;
  /** What it acts on: entity ids, mention id, claim id, match id. */
  target: Record<string, string>;
  why: string | null;
  /** Id of the decision that undid this one, if any. */
  supersededBy: number | null;
}

/** A list entry that a case entity was matched to, as views and reports show it. */
export interface Listing {
  matchId: string;
  entryId: string;
  authority: string;
  authorityId: string;
  list: string;
  programs: string[];
  listingDate: string | null;
  score: number;
  decision: Match["decision"];
  /** Who confirmed or dismissed the match (an account, a token or the analyst's name); null when undecided. */
  decidedBy: string | null;
}

/** A resolved, case-level entity with its list matches. */
export interface CaseEntity extends Entity {
  /** True when a match to a list entry scores at the threshold and is not dismissed (or is confirmed). */
  sanctioned: boolean;
  listings: Listing[];
  /** Ids of the document-level entities resolved into this one. */
  memberIds: string[];
  /** What it is to the analyses: a party, context (a place or a state) or an authority. */
  role: EntityRole;
}

/**
 * Everything the analyses and reports need about a case, read once from the store: claims point at
 * case-entity ids; sources are metadata only (no text) plus the publisher used to judge independence.
 */
export interface CaseView {
  sources: Array<Omit<Source, "text">>;
  entities: CaseEntity[];
  claims: Claim[];
}
