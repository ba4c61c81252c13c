// Candidate pairs for the learned relation stage: every pair of mentions of two different entities in
// one sentence (a sentence-opening "It" / "The company" stands for the entity before it, as the rules
// read it), and each party of a designation sentence paired with the notice's authority. Long lists of
// parties are capped so pairs grow linearly, keeping every pair a rule proposed.
import type { EntityType, Span } from "../../model/index.js";
import type { Analysis } from "../extract.js";
import { findPlace } from "../lexicons/index.js";
import type { ProposedClaim } from "../rules/index.js";
import type { SentenceView } from "../template.js";
import { hashString, nameHash } from "./hashing.js";
import { definedRoles, type RoleParty, roleReference, withRoles } from "./roles.js";

/** A token of a sentence template as features see it; a word's token is shared by every sentence that has it. */
export interface FeatureToken {
  /** Lower-case form ("’s" for a possessive, the type in angle brackets for a mention). */
  text: string;
  /** Hash of `text`. */
  hash: number;
  /** Hash of the stem ("supplied", "supplies" → "suppli"). */
  stem: number;
  /** The mention's slot in the view, or -1 for a word or punctuation. */
  slot: number;
  punct: boolean;
  /** The trigger groups the word belongs to, filled by the features on first use (null until then). */
  groups: number[] | null;
}

/** A rule's proposal on a pair, as a feature sees it. */
export interface RuleVote {
  rule: string;
  predicate: string;
  /** True when the rule's subject is the pair's first mention. */
  forward: boolean;
}

/** One candidate: two mentions of a sentence (or a mention and the document's authority). */
export interface PairCandidate {
  /** Index into analysis.views. */
  view: number;
  /** Entity indices (into analysis.entities) of the first and second mention in reading order. */
  first: number;
  second: number;
  firstType: EntityType;
  secondType: EntityType;
  /** Token positions of the two mentions; `secondAt` is tokens.length for the authority. */
  firstAt: number;
  secondAt: number;
  /**
   * The words that relate the two: from after the coordinated list holding the first mention to before
   * the list holding the second ("⟨A⟩, ⟨B⟩ and ⟨C⟩ supplied ⟨D⟩": "supplied" for every pair with ⟨D⟩), so a
   * party in a list reads like a party named alone. When both are in one list, the words between them.
   */
  gapStart: number;
  gapEnd: number;
  /** Where each mention stands in its coordinated list: 0 alone, 1 first, 2 inside, 3 last. */
  firstInList: number;
  secondInList: number;
  /** The first mention is a pronoun or "the company" standing for an earlier entity. */
  pronoun: boolean;
  /** The second end is the notice's authority, not named in the sentence. */
  authority: boolean;
  /** Hash of the ordered types, filled by the features on first use (0 until then). */
  typesHash: number;
  /** The first end is a party listed after the sentence ("Those designated today are:" and a list). */
  listed: boolean;
  /** Which ends the text cites as a source ("documents reviewed by X"): 1 the first, 2 the second, 3 both. */
  cited: number;
  tokens: FeatureToken[];
  rules: RuleVote[];
  /** Rules that fired on the first or second mention with a third party. */
  otherRules: Array<{ rule: string; side: 0 | 1 }>;
  /** The place kinds of the two ends ("country|city", "-" for an end that is no place), set last. */
  placeKinds?: string;
  /** The evidence a claim from this pair quotes. */
  /** Where the quote of a claim from this pair starts and where its second end is (see evidenceOf). */
  quoteFrom: number;
  quoteTo: number;
}

/** Candidate-pair options. */
export const PAIR_DEFAULTS = {
  /** In a sentence with more mentions than this, a mention is paired only with its nearest ones … */
  crowded: 8,
  /** … this many mentions away at most (pairs a rule proposed and pairs with the leading mention stay). */
  nearest: 4,
} as const;

const TOKEN = /⟨(\d+)⟩|’s\b|[\p{L}\p{N}]+(?:[.’'&-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
const SUFFIXES = ["ations", "ation", "ings", "ing", "edly", "ies", "ied", "ers", "ed", "es", "er", "ly", "s"];

/** A crude stem: lower case without a common English ending, digits folded to their count. */
export function stemOf(word: string): string {
  if (/^\d+$/.test(word)) return `#${Math.min(word.length, 5)}`;
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** A coordinated list of mentions: token range [start, end) and the token positions of its mentions. */
interface MentionList {
  start: number;
  end: number;
  items: number[];
}

/** What a sentence's tokens are, for features: the tokens, each slot's position, and the lists of mentions. */
interface SentenceTokens {
  tokens: FeatureToken[];
  slotAt: number[];
  /** For each token position of a mention in a list of two or more, its list. */
  listAt: Map<number, MentionList>;
}

const DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "her"]);
const SEPARATORS = [
  [","],
  ["and"],
  ["or"],
  [",", "and"],
  [",", "or"],
  ["as", "well", "as"],
  [",", "as", "well", "as"],
  ["&"],
];

/** Where a list item starts: its mention, with "⟨Place⟩-based" style modifiers and a determiner before it. */
function itemStart(tokens: FeatureToken[], at: number): number {
  let i = at;
  if (
    i >= 3 &&
    tokens[i - 2].text === "-" &&
    tokens[i - 3].slot >= 0 &&
    /(?:ed|based)$/.test(tokens[i - 1].text)
  )
    i -= 3;
  if (i >= 1 && DETERMINERS.has(tokens[i - 1].text)) i -= 1;
  return i;
}

/** The token positions of the mentions, in order. */
function positionsOfSlots(tokens: FeatureToken[]): number[] {
  const positions: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (tokens[i].slot >= 0) positions.push(i);
  return positions;
}

/** Finds coordinated lists of mentions ("⟨A⟩, ⟨B⟩, and the ⟨C⟩-based ⟨D⟩"). */
function findLists(tokens: FeatureToken[]): Map<number, MentionList> {
  const slots = positionsOfSlots(tokens);
  const lists = new Map<number, MentionList>();
  let current: MentionList | null = null;
  for (let k = 0; k < slots.length; k++) {
    const at = slots[k];
    const start = itemStart(tokens, at);
    const previous = current?.items[current.items.length - 1];
    const gap = previous === undefined ? null : tokens.slice(previous + 1, start).map((t) => t.text);
    const joined =
      gap !== null && SEPARATORS.some((s) => s.length === gap.length && s.every((w, i) => w === gap[i]));
    if (current && joined) {
      current.items.push(at);
      current.end = at + 1;
    } else {
      if (current && current.items.length > 1) for (const i of current.items) lists.set(i, current);
      current = { start, end: at + 1, items: [at] };
    }
  }
  if (current && current.items.length > 1) for (const i of current.items) lists.set(i, current);
  return lists;
}

/** A mention's place in its list: 0 alone, 1 first, 2 inside, 3 last. */
function placeInList(list: MentionList | undefined, at: number): number {
  if (!list) return 0;
  return at === list.items[0] ? 1 : at === list.items[list.items.length - 1] ? 3 : 2;
}

/**
 * The feature tokens of a view, the token position of each slot, and its lists of mentions. A mention
 * reads as its entity's type, taken from `typeOf` (the entity model's types) or the rules'.
 */
export function tokensOf(
  view: SentenceView,
  typeOf: (entity: number) => EntityType | undefined,
): SentenceTokens {
  const tokens: FeatureToken[] = [];
  const slotAt: number[] = new Array(view.slots.length).fill(-1);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(view.template); m; m = TOKEN.exec(view.template)) {
    if (m[1] !== undefined) {
      const slot = Number(m[1]);
      const s = view.slots[slot];
      const text = `<${s ? (typeOf(s.entity) ?? s.type) : "?"}>`;
      if (slot < slotAt.length) slotAt[slot] = tokens.length;
      const h = nameHash(text);
      tokens.push({ text, hash: h, stem: h, slot, punct: false, groups: null });
      continue;
    }
    const token = wordToken(m[0]);
    if (token) tokens.push(token);
  }
  return { tokens, slotAt, listAt: findLists(tokens) };
}

// A word's token depends on its spelling alone, so each is made once and shared (null for a lone ".").
const wordTokens = new Map<string, FeatureToken | null>();

function wordToken(raw: string): FeatureToken | null {
  let token = wordTokens.get(raw);
  if (token === undefined) {
    const text = raw === "’s" ? "'s" : raw.toLowerCase().replace(/\.$/, "").replace(/’/g, "'");
    token = text
      ? {
          text,
          hash: hashString(text),
          stem: hashString(stemOf(text)),
          slot: -1,
          punct: !/[\p{L}\p{N}]/u.test(text),
          groups: null,
        }
      : null;
    if (wordTokens.size < 100_000) wordTokens.set(raw, token);
  }
  return token;
}

const bodyAndPlace = (a: EntityType, b: EntityType): boolean =>
  (a === "Place" && (b === "Organization" || b === "PublicBody")) ||
  (b === "Place" && (a === "Organization" || a === "PublicBody"));

const NO_VOTES: RuleVote[] = [];
const NO_OTHERS: PairCandidate["otherRules"] = [];

/** Words that make a sentence a designation, so its parties are paired with the notice's authority. */
const DESIGNATION = /\b(?:designat|sanction|pursuant to|blocked|identif)/i;

/**
 * Finds the candidate pairs of an analysed text, in a fixed order that depends only on the analysis;
 * `types` (by entity index) replaces the rules' types where given, so features see the entity model's.
 */
export function findPairs(
  analysis: Analysis,
  types: ReadonlyMap<number, EntityType> | undefined,
  options: Partial<typeof PAIR_DEFAULTS> = {},
): PairCandidate[] {
  const { crowded, nearest } = { ...PAIR_DEFAULTS, ...options };
  const typeOf = (entity: number): EntityType | undefined => types?.get(entity);
  const { facts } = analysis;
  const roles = definedRoles(analysis);
  const views = withRoles(analysis, roles);
  const sources = citedSources(analysis);
  const citedOf = (a: number, b: number): number => (sources.has(a) ? 1 : 0) | (sources.has(b) ? 2 : 0);
  const bySentence = new Map<number, ProposedClaim[]>();
  const viewOfSentence = new Map(views.map((v, vi) => [v.index, vi]));
  for (const p of analysis.proposals) {
    const vi = viewOfSentence.get(sentenceOf(analysis, p.evidence.start)) ?? -1;
    if (vi < 0) continue;
    const list = bySentence.get(vi);
    if (list) list.push(p);
    else bySentence.set(vi, [p]);
  }
  // A view's tokens are read once, whichever kind of pair asks for them.
  const read = new Map<SentenceView, SentenceTokens>();
  const tokensFor = (view: SentenceView): SentenceTokens => {
    let found = read.get(view);
    if (!found) {
      found = tokensOf(view, typeOf);
      read.set(view, found);
    }
    return found;
  };
  const pairs: PairCandidate[] = [];
  views.forEach((view, vi) => {
    const n = view.slots.length;
    if (n === 0) return;
    const { tokens, slotAt, listAt } = tokensFor(view);
    const gap = (a: number, b: number) => {
      const la = listAt.get(a);
      const lb = b < tokens.length ? listAt.get(b) : undefined;
      if (la && la === lb)
        return {
          gapStart: a + 1,
          gapEnd: b,
          firstInList: placeInList(la, a),
          secondInList: placeInList(lb, b),
        };
      return {
        gapStart: la ? la.end : a + 1,
        gapEnd: lb ? lb.start : b,
        firstInList: placeInList(la, a),
        secondInList: placeInList(lb, b),
      };
    };
    const proposals = bySentence.get(vi) ?? [];
    const pronounSlot =
      n > 0 &&
      view.slots[0].start === view.sentence.start &&
      slotAt[0] === 0 &&
      !analysis.candidates.some((c) => c.start === view.slots[0].start && c.end === view.slots[0].end);
    const votes = (x: number, y: number): RuleVote[] =>
      proposals.length === 0
        ? NO_VOTES
        : proposals
            .filter((p) => (p.subject === x && p.object === y) || (p.subject === y && p.object === x))
            .map((p) => ({ rule: p.rule, predicate: p.predicate, forward: p.subject === x }));
    const others = (x: number, y: number): PairCandidate["otherRules"] =>
      proposals.length === 0
        ? NO_OTHERS
        : proposals
            .filter(
              (p) =>
                (p.subject === x || p.object === x || p.subject === y || p.object === y) &&
                !((p.subject === x && p.object === y) || (p.subject === y && p.object === x)),
            )
            .map((p) => ({ rule: p.rule, side: p.subject === x || p.object === x ? 0 : 1 }));
    // A mention that cites a source ("invoices reviewed by X", "X was unable to confirm") is the
    // reporter of the sentence's facts, not a party to them.
    // So is an "it" opening the sentence that stands for a cited source.
    const citing = view.slots.map(
      (slot, i) =>
        isCitingMention(analysis.text, slot.start, slot.end) ||
        (i === 0 && pronounSlot && sources.has(slot.entity)),
    );
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const first = view.slots[i].entity;
        const second = view.slots[j].entity;
        if (first === second || slotAt[i] < 0 || slotAt[j] < 0) continue;
        const ruled = votes(first, second);
        if (ruled.length === 0 && (citing[i] || citing[j])) continue;
        if (n > crowded && j - i > nearest && i !== 0 && ruled.length === 0) continue;
        // A public body and a place far apart in a sentence are hardly ever related (1% in the corpus).
        if (
          ruled.length === 0 &&
          bodyAndPlace(view.slots[i].type, view.slots[j].type) &&
          slotAt[j] - slotAt[i] > 4
        )
          continue;
        pairs.push({
          view: vi,
          first,
          second,
          firstType: typeOf(first) ?? view.slots[i].type,
          secondType: typeOf(second) ?? view.slots[j].type,
          firstAt: slotAt[i],
          secondAt: slotAt[j],
          ...gap(slotAt[i], slotAt[j]),
          pronoun: pronounSlot && i === 0,
          authority: false,
          typesHash: 0,
          listed: false,
          cited: citedOf(first, second),
          tokens,
          rules: ruled,
          otherRules: others(first, second),
          quoteFrom: view.slots[i].start,
          quoteTo: view.slots[j].end,
        });
      }
    }
    for (const ref of findReferences({ text: analysis.text, tokens, view, views, vi, typeOf }, roles)) {
      if (sources.has(ref.entity)) continue;
      for (let j = 0; j < n; j++) {
        const other = view.slots[j].entity;
        const at = slotAt[j];
        if (other === ref.entity || at < 0 || citing[j]) continue;
        const forward = ref.at < at;
        const [a, b] = forward ? [ref.at, at] : [at, ref.at];
        pairs.push({
          view: vi,
          first: forward ? ref.entity : other,
          second: forward ? other : ref.entity,
          firstType: forward ? ref.type : (typeOf(other) ?? view.slots[j].type),
          secondType: forward ? (typeOf(other) ?? view.slots[j].type) : ref.type,
          firstAt: a,
          secondAt: b,
          ...gap(a, b),
          pronoun: true,
          authority: false,
          typesHash: 0,
          listed: false,
          cited: forward ? citedOf(ref.entity, other) : citedOf(other, ref.entity),
          tokens,
          rules: votes(forward ? ref.entity : other, forward ? other : ref.entity),
          otherRules: [],
          quoteFrom: view.sentence.start,
          quoteTo: view.sentence.end,
        });
      }
    }
    const authority = facts.authority;
    if (authority === null || !DESIGNATION.test(view.template)) return;
    if (view.slots.some((s) => s.entity === authority)) return;
    const type = typeOf(authority) ?? analysis.groups[authority].type;
    for (let i = 0; i < n; i++) {
      const first = view.slots[i].entity;
      if (slotAt[i] < 0 || view.slots.slice(0, i).some((s) => s.entity === first)) continue;
      // Places and products are not what a notice designates (1% of such pairs in the corpus).
      if (view.slots[i].type === "Place" || view.slots[i].type === "Product") continue;
      pairs.push({
        view: vi,
        first,
        second: authority,
        firstType: typeOf(first) ?? view.slots[i].type,
        secondType: type,
        firstAt: slotAt[i],
        secondAt: tokens.length,
        ...gap(slotAt[i], tokens.length),
        pronoun: pronounSlot && i === 0,
        authority: true,
        typesHash: 0,
        listed: false,
        cited: citedOf(first, authority),
        tokens,
        rules: votes(first, authority),
        otherRules: [],
        quoteFrom: view.slots[i].start,
        quoteTo: view.sentence.end,
      });
    }
  });
  pairs.push(...listedPairs(analysis, typeOf, tokensFor));
  pairs.push(...craftRowPairs(analysis, typeOf, tokensFor));
  // What kind of place each end is: a country is never located in another country, a city is in one.
  const kinds = new Map<number, string>();
  const kindOf = (entity: number): string => {
    let kind = kinds.get(entity);
    if (kind === undefined) {
      const group = analysis.groups[entity];
      kind = (typeOf(entity) ?? group?.type) === "Place" ? (findPlace(group.caption)?.kind ?? "place") : "-";
      kinds.set(entity, kind);
    }
    return kind;
  };
  for (const p of pairs) p.placeKinds = p.authority ? "" : `${kindOf(p.first)}|${kindOf(p.second)}`;
  return pairs;
}

/** Words before a name that cite it as a source: "documents reviewed by X", "according to X". */
const CITED_BEFORE =
  /\b(?:(?:reviewed|seen|obtained|examined|viewed|analy[sz]ed|compiled|published|cited|verified|shared|gathered|collected|provided) (?:to |with )?by|according to|told|reported by|data from|records from|analysis by|cited by)\s+(?:the\s+)?$/i;
/** Words after a name that cite it as a source: "X reported", "X’s analysis". */
const CITED_AFTER =
  /^(?:['’]s?)?\s+(?:reported|reports|found|analysis|investigation|review|reporting|has reported|has found|was unable|could not|said it could not)\b/i;

/** The narrower cues of a mention that only reports: "reviewed by X", "according to X", "X reported". */
const CITING_BEFORE =
  /\b(?:(?:reviewed|seen|obtained|examined|viewed|analy[sz]ed|verified|cited) by|according to|told|reported by|analysis by)\s+(?:the\s+)?$/i;
const CITING_AFTER =
  /^(?:['’]s?)?\s+(?:reported|reports|analysis|investigation|reporting|has reported|was unable|could not|said it could not)\b/i;

function isCitingMention(text: string, start: number, end: number): boolean {
  return (
    CITING_BEFORE.test(text.slice(Math.max(0, start - 40), start)) ||
    CITING_AFTER.test(text.slice(end, end + 30))
  );
}

/** The entities the text cites as its sources (media, analysts, data providers), from their mentions' contexts. */
function citedSources(analysis: Analysis): Set<number> {
  const found = new Set<number>();
  const { text, candidates, entityOf } = analysis;
  candidates.forEach((c, i) => {
    const entity = entityOf.get(i);
    if (entity === undefined) return;
    if (
      CITED_BEFORE.test(text.slice(Math.max(0, c.start - 40), c.start)) ||
      CITED_AFTER.test(text.slice(c.end, c.end + 30))
    )
      found.add(entity);
  });
  return found;
}

/** A record's table row or log line: cells between bars, or a line that opens with a date. */
const ROW = /\|.*\|/;
const DATED = /\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}[A-Z]{3}\d{2})\b/;
const isCraft = (type: EntityType | undefined): boolean => type === "Vessel" || type === "Aircraft";

/**
 * A log's rows and the craft it is about: "Vessel: X" (or a line naming one craft) above a table of
 * dated port calls, positions or flights; each place of a dated row is paired with that craft, the row
 * standing in for the sentence ("⟨X⟩ … | 2024-02-01 | Sohar anchorage, Oman | At anchor").
 */
function craftRowPairs(
  analysis: Analysis,
  typeOf: (entity: number) => EntityType | undefined,
  tokensFor: (view: SentenceView) => SentenceTokens,
): PairCandidate[] {
  const { views } = analysis;
  const out: PairCandidate[] = [];
  let craft: number | null = null;
  views.forEach((view, vi) => {
    const row = ROW.test(view.template) || DATED.test(view.template.slice(0, 24));
    if (!row) {
      const crafts = new Set(
        // The rules' types decide, so the pairs do not depend on the entity model.
        view.slots.filter((s) => isCraft(s.type)).map((s) => s.entity),
      );
      if (crafts.size === 1) craft = [...crafts][0];
      return;
    }
    if (craft === null || !DATED.test(view.template)) return;
    const subject = craft;
    if (view.slots.some((s) => s.entity === subject)) return;
    const { tokens, slotAt } = tokensFor(view);
    view.slots.forEach((slot, k) => {
      if (slot.type !== "Place" || slotAt[k] < 0) return;
      if (view.slots.slice(0, k).some((s) => s.entity === slot.entity)) return;
      out.push({
        view: vi,
        first: subject,
        second: slot.entity,
        firstType: typeOf(subject) ?? analysis.groups[subject].type,
        secondType: typeOf(slot.entity) ?? slot.type,
        firstAt: 0,
        secondAt: slotAt[k],
        gapStart: 0,
        gapEnd: slotAt[k],
        firstInList: 0,
        secondInList: 0,
        pronoun: true,
        authority: false,
        typesHash: 0,
        listed: false,
        cited: 0,
        tokens,
        rules: NO_VOTES,
        otherRules: NO_OTHERS,
        quoteFrom: view.sentence.start,
        quoteTo: view.sentence.end,
      });
    });
  });
  return out;
}

/** Words of a lead-in that announces a list of designated parties ("Those designated today are:"). */
const LIST_INTRO = /\b(?:designat|sanction|listing|listed|identif|added to (?:the|that) list)/i;
/** A field line of a list's entry: "Identifying information: …", "Date of listing: …". */
const ENTRY_FIELD = /^[\p{Lu}][\p{L} ()/.-]{1,40}:\s/u;
/** Words after a listed party's name that show it is the subject of its entry. */
const ENTRY_VERBS = new Set([
  "is",
  "are",
  "was",
  "were",
  "has",
  "have",
  "had",
  "acts",
  "provided",
  "supplied",
  "(",
  ",",
  "—",
  "–",
]);

/** Words that make a mention opening a list entry a modifier of the name after it. */
const ENTRY_MODIFIERS = new Set(["-", "flagged", "based", "subsidiary", "affiliate", "'s", "registered"]);

/**
 * The mention an entry is about, from the one it opens with: "⟨Panama⟩-flagged ⟨X⟩" and
 * "⟨Lukoil⟩ subsidiary ⟨X⟩" are about X.
 */
function entryHead(tokens: FeatureToken[], start: number): number {
  let at = start;
  for (let k = at + 1; k < Math.min(tokens.length, at + 4); k++) {
    if (tokens[k].slot >= 0) {
      at = k;
      continue;
    }
    if (!ENTRY_MODIFIERS.has(tokens[k].text)) break;
  }
  return at;
}

/**
 * A lead-in ending in a colon that announces designations, and the list after it: each entry's subject
 * paired with the body designating (named in the lead-in, else the notice's authority). An entry is a
 * paragraph or bullet that opens with a name; the list ends at the first paragraph that does not.
 */
function listedPairs(
  analysis: Analysis,
  typeOf: (entity: number) => EntityType | undefined,
  tokensFor: (view: SentenceView) => SentenceTokens,
): PairCandidate[] {
  const { views, facts, text } = analysis;
  const out: PairCandidate[] = [];
  const hasAnnex = text.includes("ANNEX");
  views.forEach((intro, vi) => {
    // An "ANNEX" heading after a sentence opens a regulation's list of persons and entities: the list is
    // announced by the regulation itself.
    const annex =
      hasAnnex &&
      vi + 1 < views.length &&
      /\n[ \t]*ANNEX(?: [IVX\d]+)?[ \t]*\n/.test(
        text.slice(intro.sentence.end, views[vi + 1].sentence.start),
      );
    if (!intro.template.trimEnd().endsWith(":") && !annex) return;
    // "OFAC is identifying 14 tankers … These vessels, all of which …, are:": the designation may be
    // announced in the sentence before the lead-in, within its paragraph.
    const before = views[vi - 1];
    const announced =
      annex ||
      LIST_INTRO.test(intro.template) ||
      (before !== undefined &&
        before.sentence.end <= intro.sentence.start &&
        !text.slice(before.sentence.end, intro.sentence.start).includes("\n") &&
        LIST_INTRO.test(before.template));
    if (!announced) return;
    // A body cited in brackets ("Regulation (EU) No 269/2014") is not the one that lists.
    const body = annex
      ? facts.authority
      : (intro.slots.find(
          (s) => (s.type === "Organization" || s.type === "PublicBody") && text[s.start - 1] !== "(",
        )?.entity ?? facts.authority);
    if (body === null || body === undefined) return;
    const { tokens, slotAt } = tokensFor(intro);
    let numbered = false;
    for (let j = vi + 1; j < Math.min(views.length, vi + 80); j++) {
      const entry = views[j];
      // "1." read as a sentence of its own: the entry is the sentence after it.
      if (entry.slots.length === 0 && /^\s*\d{1,3}[.)]\s*$/.test(entry.template)) {
        numbered = true;
        continue;
      }
      const opensParagraph =
        numbered || text.slice(views[j - 1].sentence.end, entry.sentence.start).includes("\n");
      numbered = false;
      if (!opensParagraph) continue;
      const entryTokens = tokensFor(entry).tokens;
      // An entry opens with its name, after a bullet or a list number ("1.", "2)").
      let start = 0;
      while (start < 2 && /^(?:[-•]|\d{1,3}[.)]?|[.)])$/.test(entryTokens[start]?.text ?? "")) start++;
      if (/^(?:formerly|previously)$/.test(entryTokens[start]?.text ?? "")) start++;
      if (entryTokens[start]?.slot === undefined || entryTokens[start].slot < 0) {
        // A heading between groups ("B. Legal persons"), or a field of the entry above ("Reasons: …").
        if (entry.sentence.heading || ENTRY_FIELD.test(text.slice(entry.sentence.start, entry.sentence.end)))
          continue;
        break;
      }
      const subjectAt = entryTokens.findIndex(
        (t, k) => t.slot >= 0 && ENTRY_VERBS.has(entryTokens[k + 1]?.text ?? ""),
      );
      const slot = entry.slots[entryTokens[subjectAt >= 0 ? subjectAt : entryHead(entryTokens, start)].slot];
      if (!slot || slot.entity === body || slot.type === "Place" || slot.type === "Product") continue;
      const withBody: PairCandidate = {
        view: vi,
        first: slot.entity,
        second: body,
        firstType: typeOf(slot.entity) ?? slot.type,
        secondType: typeOf(body) ?? analysis.groups[body].type,
        firstAt: Math.max(0, tokens.length - 1),
        secondAt: tokens.length,
        gapStart: tokens.length,
        gapEnd: tokens.length,
        firstInList: 0,
        secondInList: 0,
        pronoun: false,
        authority: true,
        typesHash: 0,
        listed: true,
        cited: 0,
        tokens,
        rules: NO_VOTES,
        otherRules: NO_OTHERS,
        quoteFrom: intro.sentence.start,
        quoteTo: intro.sentence.end,
      };
      out.push(withBody);
      if (annex) continue;
      // "These vessels, all of which are beneficially owned by ⟨Sovcomflot⟩, are:": the lead-in's own
      // parties relate to each entry, with the lead-in's words before them as what lies between.
      intro.slots.forEach((party, k) => {
        if (party.entity === body || party.entity === slot.entity || slotAt[k] < 0) return;
        if (intro.slots.slice(0, k).some((p) => p.entity === party.entity)) return;
        out.push({
          ...withBody,
          second: party.entity,
          secondType: typeOf(party.entity) ?? party.type,
          firstAt: 0,
          secondAt: slotAt[k],
          gapStart: 0,
          gapEnd: slotAt[k],
          authority: false,
          typesHash: 0,
        });
      });
    }
  });
  return out;
}

/** The index of the sentence holding an offset, by binary search over the analysis's sentences. */
function sentenceOf(analysis: Analysis, offset: number): number {
  const { sentences } = analysis;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return offset < sentences[lo].end ? lo : -1;
}

/** Words that refer back to a party named earlier, and the types they can stand for. */
const REFERENCES: Array<{ words: string[]; types: EntityType[] }> = [
  { words: ["it"], types: ["Company", "Organization", "PublicBody"] },
  { words: ["its"], types: ["Company", "Organization", "PublicBody", "Vessel", "Aircraft"] },
  { words: ["he"], types: ["Person"] },
  { words: ["his"], types: ["Person"] },
  { words: ["she"], types: ["Person"] },
  { words: ["her"], types: ["Person"] },
  ...[
    "company",
    "firm",
    "group",
    "entity",
    "bank",
    "exchange",
    "carrier",
    "airline",
    "trader",
    "distributor",
    "manufacturer",
    "maker",
    "supplier",
    "buyer",
    "plant",
    "institute",
    "agency",
    "ministry",
    "exporter",
    "importer",
    "operator",
    "yard",
    "shipyard",
    "refinery",
    "factory",
    "mill",
    "smelter",
    "trust",
    "fund",
    "foundation",
    "broker",
    "forwarder",
    "insurer",
    "lender",
    "dealer",
    "wholesaler",
    "restaurant",
    "hotel",
    "gallery",
    "laboratory",
    "bureau",
    "militia",
    "cartel",
    "network",
    "consortium",
    "conglomerate",
    "subsidiary",
    "regulator",
    "department",
    "office",
  ].map((noun) => ({
    words: ["the", noun],
    types: ["Company", "Organization", "PublicBody"] as EntityType[],
  })),
  ...["vessel", "ship", "tanker", "carrier", "yacht", "superyacht", "freighter", "barge", "dhow"].map(
    (noun) => ({ words: ["the", noun], types: ["Vessel"] as EntityType[] }),
  ),
  ...["aircraft", "plane", "jet", "airliner", "helicopter"].map((noun) => ({
    words: ["the", noun],
    types: ["Aircraft"] as EntityType[],
  })),
];

/** The references by their first word, in the order above. */
const REFERENCES_BY_START = new Map<string, typeof REFERENCES>();
for (const r of REFERENCES) {
  const list = REFERENCES_BY_START.get(r.words[0]);
  if (list) list.push(r);
  else REFERENCES_BY_START.set(r.words[0], [r]);
}

/** The reference whose words start at token i, if any (the first listed when several fit). */
function referenceAt(tokens: FeatureToken[], i: number): (typeof REFERENCES)[number] | undefined {
  const candidates = REFERENCES_BY_START.get(tokens[i].text);
  if (!candidates) return undefined;
  // Plain loops, not closures: this runs on every "the" of the text.
  for (const ref of candidates) {
    let k = 1;
    while (k < ref.words.length && tokens[i + k]?.text === ref.words[k]) k++;
    if (k === ref.words.length) return ref;
  }
  return undefined;
}

/** How many sentences back a reference looks for the party it stands for. */
const REFERENCE_REACH = 3;

/** A reference in a sentence's tokens and the party it stands for. */
interface Reference {
  at: number;
  entity: number;
  type: EntityType;
}

/** What the reference readers share: the sentence, its neighbours, and the entity model's types. */
interface ReferenceContext {
  text: string;
  tokens: FeatureToken[];
  view: SentenceView;
  views: SentenceView[];
  vi: number;
  typeOf: (entity: number) => EntityType | undefined;
}

// Which party a reference stands for is read from the rules' types, so the pairs do not depend on the
// entity model; the type it reports is the entity model's.
const ruleType = (v: SentenceView, k: number): EntityType => v.slots[k].type;
const typeOfSlot = (c: ReferenceContext, v: SentenceView, k: number): EntityType =>
  c.typeOf(v.slots[k].entity) ?? v.slots[k].type;

/**
 * References in a sentence ("it", "its", "the company", "he", "the seller", "these individuals"), each
 * with the entity it most likely stands for. Three readers, each its own function (V8 then recompiles
 * only the one whose rare branch a text first takes).
 */
function findReferences(context: ReferenceContext, roles: Map<string, RoleParty>): Reference[] {
  return [...roleReferences(context, roles), ...singularReferences(context), ...pluralReferences(context)];
}

/** "the seller’s plant", "the notify party": a role the record or contract defined stands for its party. */
function roleReferences({ tokens, typeOf }: ReferenceContext, roles: Map<string, RoleParty>): Reference[] {
  const found: Reference[] = [];
  if (roles.size === 0) return found;
  const words = tokens.map((t) => t.text);
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].slot >= 0 || (words[i - 1] !== "the" && words[i + 1] !== "'s")) continue;
    const role = roleReference(words, i, roles);
    if (!role) continue;
    const at = i + role.length - 1;
    found.push({ at, entity: role.entity, type: typeOf(role.entity) ?? role.type });
    i = at;
  }
  return found;
}

/**
 * "it", "its", "the company", "he": for a possessive the nearest party of a fitting type before it in the
 * sentence, else the first such party of the sentence, else the first of the nearest sentence before
 * that names one. A sentence-opening reference the rules' view already resolved is left to it.
 */
function singularReferences(context: ReferenceContext): Reference[] {
  const { tokens, view, views, vi } = context;
  const found: Reference[] = [];
  const slotPositions = positionsOfSlots(tokens).map((at) => ({ k: tokens[at].slot, at }));
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].slot >= 0) continue;
    const ref = referenceAt(tokens, i);
    if (!ref) continue;
    const at = i + ref.words.length - 1;
    // "The company" opening the sentence is already a slot of the view.
    if (i === 0 && view.slots[0]?.start === view.sentence.start && tokens[0].slot >= 0) continue;
    const before = slotPositions.filter(
      (s) => s.at >= 0 && s.at < i && ref.types.includes(ruleType(view, s.k)),
    );
    let pick: { entity: number; type: EntityType } | undefined;
    if (before.length > 0) {
      const chosen =
        ref.words[0] === "its" || ref.words[0] === "his" || ref.words[0] === "her"
          ? before[before.length - 1]
          : before[0];
      pick = { entity: view.slots[chosen.k].entity, type: typeOfSlot(context, view, chosen.k) };
    } else {
      for (let back = vi - 1; back >= Math.max(0, vi - REFERENCE_REACH) && !pick; back--) {
        const v = views[back];
        if (v.sentence.heading) continue;
        const k = v.slots.findIndex((_, k2) => ref.types.includes(ruleType(v, k2)));
        if (k >= 0) pick = { entity: v.slots[k].entity, type: typeOfSlot(context, v, k) };
      }
    }
    if (pick) found.push({ at, ...pick });
    i = at;
  }
  return found;
}

/**
 * "These individuals", "both companies", "each of the vessels": every party of the nearest sentence
 * before that names two or more of a fitting type, else of the paragraph before.
 */
function pluralReferences(context: ReferenceContext): Reference[] {
  const { tokens, views, vi } = context;
  const found: Reference[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!PLURAL_STARTS.has(tokens[i].text)) continue;
    let j = i + 1;
    while (j < Math.min(tokens.length, i + 4) && PLURAL_FILLERS.has(tokens[j].text)) j++;
    const types = PLURAL_NOUNS.get(tokens[j]?.text ?? "");
    if (!types) continue;
    let named = false;
    for (let back = vi - 1; back >= Math.max(0, vi - REFERENCE_REACH) && !named; back--) {
      const v = views[back];
      if (v.sentence.heading) continue;
      named = referToAll(context, [v], types, j, found);
    }
    // "Pavel K. was … Dmitri S. led … OFAC is designating each of these individuals": the parties
    // named one a sentence through the paragraph before.
    if (!named) referToAll(context, paragraphBefore(context), types, j, found);
    i = j;
  }
  return found;
}

/** Adds a reference at `at` to each party of a fitting type the views name, when they name two or more. */
function referToAll(
  context: ReferenceContext,
  views: SentenceView[],
  types: EntityType[],
  at: number,
  found: Reference[],
): boolean {
  const seen = new Map<number, EntityType>();
  for (const v of views)
    v.slots.forEach((slot, k) => {
      if (types.includes(ruleType(v, k)) && !seen.has(slot.entity))
        seen.set(slot.entity, typeOfSlot(context, v, k));
    });
  if (seen.size < 2 || seen.size > MAX_PARAGRAPH_PARTIES) return false;
  for (const [entity, type] of seen) found.push({ at, entity, type });
  return true;
}

/** The most parties a plural reference stands for across a paragraph. */
const MAX_PARAGRAPH_PARTIES = 20;

/** The views of the paragraph before the one holding the context's sentence. */
function paragraphBefore({ text, views, vi }: ReferenceContext): SentenceView[] {
  const breakBefore = (k: number): boolean =>
    k === 0 || text.slice(views[k - 1].sentence.end, views[k].sentence.start).includes("\n\n");
  let start = vi;
  while (start > 0 && !breakBefore(start)) start--;
  if (start === 0) return [];
  let from = start - 1;
  while (from > 0 && !breakBefore(from)) from--;
  return views.slice(from, start);
}

const PARTY_TYPES: EntityType[] = ["Company", "Organization", "PublicBody", "Person"];
/** Plural nouns a reference to several parties ends in, and the types they stand for. */
const PLURAL_NOUNS = new Map<string, EntityType[]>([
  ...[
    "individuals",
    "persons",
    "people",
    "men",
    "women",
    "officials",
    "executives",
    "brothers",
    "defendants",
  ].map((w): [string, EntityType[]] => [w, ["Person"]]),
  ...[
    "entities",
    "companies",
    "firms",
    "banks",
    "exchanges",
    "suppliers",
    "traders",
    "fronts",
    "businesses",
    "networks",
    "groups",
  ].map((w): [string, EntityType[]] => [w, ["Company", "Organization", "PublicBody"]]),
  ...["vessels", "ships", "tankers"].map((w): [string, EntityType[]] => [w, ["Vessel"]]),
  ...["parties", "targets"].map((w): [string, EntityType[]] => [w, PARTY_TYPES]),
]);
const PLURAL_STARTS = new Set(["these", "those", "both", "all", "each", "the"]);
const PLURAL_FILLERS = new Set([
  "of",
  "the",
  "these",
  "those",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "above",
  "following",
]);

/**
 * The quote of a claim between two mentions: from the first mention (or the sentence start when it is
 * near) to the end of the clause holding the second, so a date or hedge elsewhere in a long sentence
 * is not read into it.
 */
export function evidenceOf(analysis: Analysis, pair: PairCandidate): Span {
  const { text } = analysis;
  const from = pair.quoteFrom;
  const to = pair.quoteTo;
  const { start: sStart, end: sEnd } = analysis.views[pair.view].sentence;
  const start = from - sStart <= 60 ? sStart : from;
  const rest = text.slice(to, sEnd);
  const stop = /[;:]|,\s|\.\s/.exec(rest);
  let end = stop && stop.index < 120 ? to + stop.index : Math.min(sEnd, to + 120);
  if (end < to) end = to;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  return { start, end: Math.max(end, Math.min(to, sEnd)) };
}
