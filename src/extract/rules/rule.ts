// The shape of a claim rule and the helpers rules share: placeholder lists, subjects, and the
// document facts (designating authority, United States, published date) that some rules need.
import type { EntityType, Predicate, Span } from "../../model/index.js";
import { type SentenceView, spanOf } from "../template.js";

/** A claim a rule proposes: document-level entity indices and the evidence span. */
export interface ProposedClaim {
  subject: number;
  predicate: Predicate;
  object: number;
  evidence: Span;
  /** YYYY-MM-DD the claim is dated by (designations announced "today"), overriding periods in the text. */
  date?: string | null;
  rule: string;
  /** Who proposed it, when not the rule alone (the learned stage, or the rule and the learned stage). */
  producer?: string;
  /** The learned stage's probability of this claim, when it scored the pair. */
  probability?: number;
}

/** What a rule may know about the whole document. */
export interface DocumentFacts {
  /** Entity index of the body that announces designations in this text ("the Office … is designating"). */
  authority: number | null;
  /** Entity index of the United States, when mentioned. */
  unitedStates: number | null;
  published: string | null;
  /** Labelled fields of records ("Seller: X", "Passenger: Y"): lower-case label → entities and line. */
  fields: Map<string, RecordField>;
}

/** One "Label: value" line of a record (invoice, bill of lading, travel record). */
export interface RecordField {
  /** Document-level entity indices named on the line, in order. */
  entities: number[];
  /** Entity types, parallel to `entities`. */
  types: EntityType[];
  span: Span;
  value: string;
}

/**
 * Reads a record field from a sentence view: a "Label: value" line, or a line under a label of its own
 * ("BUYER" ⏎ "TRADING HOUSE … LLP", "Shipper:" ⏎ "…"). A label of alternatives ("Seller / Manufacturer")
 * is read as its first.
 */
export function readField(view: SentenceView): { label: string; field: RecordField } | undefined {
  // The document's facts and the record-field rule both ask: each view is read once.
  let read = fieldCache.get(view);
  if (read === undefined) {
    read = readFieldOnce(view) ?? null;
    fieldCache.set(view, read);
  }
  return read ?? undefined;
}

const fieldCache = new WeakMap<SentenceView, { label: string; field: RecordField } | null>();

function readFieldOnce(view: SentenceView): { label: string; field: RecordField } | undefined {
  const m = /^\s*([\p{Lu}][\p{L} /.-]{1,30}):\s+(.+)$/u.exec(view.template);
  if (m) {
    const slots = slotsIn(view, m[2]);
    return {
      label: firstLabel(m[1]),
      field: {
        entities: slots.map((k) => view.slots[k].entity),
        types: slots.map((k) => view.slots[k].type),
        span: { start: view.sentence.start, end: view.sentence.end },
        value: view.text.slice(view.offsets[m.index + m[0].length - m[2].length], view.sentence.end),
      },
    };
  }
  const above = labelAbove(view);
  if (!above || view.slots.length === 0 || view.slots[0].start !== view.sentence.start) return undefined;
  return {
    label: firstLabel(above.label),
    field: {
      entities: view.slots.map((s) => s.entity),
      types: view.slots.map((s) => s.type),
      span: { start: above.start, end: view.sentence.end },
      value: view.text.slice(view.sentence.start, view.sentence.end),
    },
  };
}

const firstLabel = (label: string): string => label.split("/")[0].toLowerCase().trim();

/** The label on the line right above a view's line: in capitals ("NOTIFY PARTY") or ending in a colon. */
function labelAbove(view: SentenceView): { label: string; start: number } | undefined {
  const { text, sentence } = view;
  const lineStart = text.lastIndexOf("\n", sentence.start - 1) + 1;
  if (lineStart === 0 || !/^[ \t]*$/.test(text.slice(lineStart, sentence.start))) return undefined;
  const lineAbove = text.lastIndexOf("\n", lineStart - 2) + 1;
  const raw = text.slice(lineAbove, lineStart - 1);
  const line = raw.trim();
  const m = /^[*_#]*([\p{Lu}][\p{L} /&-]{1,30}?)[*_]*(:?)[*_]*$/u.exec(line);
  if (!m || m[1].split(/\s+/).length > 4 || (!m[2] && m[1] !== m[1].toUpperCase())) return undefined;
  return { label: m[1], start: lineAbove + raw.length - raw.trimStart().length };
}

/** A claim rule: one file each in src/extract/rules/, listed in RULES. */
export interface ClaimRule {
  name: string;
  version: number;
  /** Shown to analysts as the reason for a claim. */
  description: string;
  /** Words one of which the sentence must contain for the rule to run (a fast pre-filter). */
  cue: RegExp;
  apply(view: SentenceView, facts: DocumentFacts): ProposedClaim[];
}

/** One placeholder, optionally with its hyphen cue ("⟨3⟩-series"). */
export const E = "⟨\\d+⟩";
/** A coordinated list of placeholders: "⟨1⟩, ⟨2⟩, and ⟨3⟩" (items may carry a possessor: "⟨4⟩’s ⟨5⟩"). */
export const LIST = `(?:${E}’s )?${E}(?:-[a-z]+)?(?:(?:,? and |, |,? or |-? and |,? as well as )(?:${E}’s )?${E}(?:-[a-z]+)?)*`;
/** A placeholder that heads a noun phrase (not "⟨2⟩-based"). */
export const HEAD = "⟨\\d+⟩(?!-[a-z]|’s ⟨)";
/** Modifiers that may stand before a name: "⟨2⟩-based ", "⟨3⟩’s ", "U.S.-designated ", "Russian ". */
export const MODS = `(?:${E}-[a-z]+ |${E}’s |[A-Z][a-z]+ (?=⟨))*`;

/** Entity slots named in a matched string, in order. */
export function slotsIn(_view: SentenceView, matched: string | undefined): number[] {
  if (!matched) return [];
  const out: number[] = [];
  // Modifiers are not list items: "⟨2⟩-based", and the possessor in "⟨4⟩’s ⟨5⟩".
  for (const m of matched.matchAll(
    /⟨(\d+)⟩(?!-(?:based|run|led|made|built|owned|linked|[a-z]+ed)\b|’s ⟨)/g,
  )) {
    out.push(Number(m[1]));
  }
  return out;
}

/** The slot of a single placeholder string such as "⟨4⟩". */
export function slotOf(placeholder: string | undefined): number {
  return Number(/⟨(\d+)⟩/.exec(placeholder ?? "")?.[1] ?? -1);
}

/** The entity type of slot k. */
export function typeOf(view: SentenceView, k: number): EntityType | undefined {
  return view.slots[k]?.type;
}

/** True when slot k names a party (not a place or product). */
export function isParty(view: SentenceView, k: number): boolean {
  const t = typeOf(view, k);
  return t === "Person" || t === "Company" || t === "Organization" || t === "PublicBody" || t === "Vessel";
}

const LEADING = new RegExp(
  `^(?:[A-Z][^,⟨]{0,40},\\s+)?(?:The |the )?(?:${E}-[a-z]+ |[A-Z][a-z]+ (?=⟨)|[A-Z][a-z]+ [a-z]+ (?=⟨))*(${LIST})`,
);
const leadingCache = new WeakMap<SentenceView, number[]>();

/** The leading list of the sentence: its grammatical subject, skipping openers and modifiers. */
export function leadingSubjects(view: SentenceView): number[] {
  let cached = leadingCache.get(view);
  if (!cached) {
    const m = LEADING.exec(view.template);
    cached = m ? slotsIn(view, m[1]).filter((k) => isParty(view, k)) : [];
    leadingCache.set(view, cached);
  }
  return cached;
}

const globalCache = new WeakMap<RegExp, RegExp>();

const DESIGNATES = new RegExp(
  `⟨(\\d+)⟩,? (?:is |are |has |have |was |were |today |also |concurrently )*(?:re-)?(?:designating|designated|sanctioning|sanctioned|identifying|identified|targeting|targeted) (?:the )?${MODS}(${LIST})`,
);

/**
 * The parties a designation sentence is about: the object of "⟨body⟩ is designating X, Y …" when the
 * sentence says so, else its leading subject. Legal bases in the sentence ("for acting on behalf of Z")
 * belong to them, not to the body.
 */
export function designatedSubjects(view: SentenceView): number[] {
  const m = DESIGNATES.exec(view.template);
  const body = m ? view.slots[Number(m[1])]?.type : undefined;
  if (m && (body === "Organization" || body === "PublicBody" || body === "Place")) {
    const listed = slotsIn(view, m[2]).filter((k) => isParty(view, k));
    if (listed.length > 0) return listed;
  }
  return leadingSubjects(view);
}

/** True when the sentence opens with slot `lead` and an appositive after it ("X, a subsidiary of Y, …"). */
export function opensWithAppositive(view: SentenceView, lead: number): boolean {
  return new RegExp(
    `^(?:[^⟨]|⟨\\d+⟩-[a-z]+)*⟨${lead}⟩(?:’s)?, (?:an? |the |which |who |whose |[a-z]+ )`,
  ).test(view.template);
}

/**
 * The subject of a verb whose nearest preceding name list is `near` (matched at `at`): the sentence's
 * leading subject when that list closes an appositive ("X, a subsidiary of Y, has shipped …").
 */
export function clauseSubjects(view: SentenceView, near: number[], at: number, matched: string): number[] {
  const lead = leadingSubjects(view);
  if (lead.length === 0 || near.some((k) => lead.includes(k))) return near;
  const opensAppositive = opensWithAppositive(view, lead[0]);
  const closes =
    /^(?:⟨\d+⟩(?:,? and |, |,? or )?)+, /.test(matched) || view.template.slice(at).startsWith(`${matched}, `);
  return opensAppositive && closes ? lead : near;
}

/** Runs a regular expression over the template and turns each match into claims. */
export function eachMatch(
  view: SentenceView,
  pattern: RegExp,
  make: (
    m: RegExpExecArray,
    evidence: Span,
  ) => Array<Omit<ProposedClaim, "evidence" | "rule"> & { evidence?: Span }>,
  rule: string,
): ProposedClaim[] {
  const out: ProposedClaim[] = [];
  let re = globalCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    globalCache.set(pattern, re);
  }
  re.lastIndex = 0;
  for (let m = re.exec(view.template); m; m = re.exec(view.template)) {
    const evidence = spanOf(view, m.index, m.index + m[0].length);
    for (const c of make(m, evidence)) {
      if (c.subject < 0 || c.object < 0 || c.subject === c.object) continue;
      out.push({ ...c, evidence: c.evidence ?? evidence, rule });
    }
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Claims from every subject to every object. */
export function pairs(
  view: SentenceView,
  subjects: number[],
  predicate: Predicate,
  objects: number[],
  extra: Partial<ProposedClaim> = {},
): Array<Omit<ProposedClaim, "evidence" | "rule">> {
  const out: Array<Omit<ProposedClaim, "evidence" | "rule">> = [];
  for (const s of subjects) {
    for (const o of objects) {
      const subject = view.slots[s]?.entity ?? -1;
      const object = view.slots[o]?.entity ?? -1;
      if (subject !== object) out.push({ subject, predicate, object, ...extra });
    }
  }
  return out;
}
