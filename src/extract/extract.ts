// The pure extraction of one text: sentences → mentions → document-level entities → claims with
// evidence, period, amount, attribution and certainty. No I/O; runExtraction wraps it for the store.
import {
  type Amount,
  type Claim,
  derivedId,
  type Entity,
  type EntityType,
  type Mention,
  type Period,
  type Predicate,
  quoteOf,
} from "../model/index.js";
import { findAmounts } from "./amounts.js";
import { readStance, readStanceCues, type StanceCues, stanceAt } from "./certainty.js";
import { type EntityGroup, normaliseName, resolveMentions } from "./coreference.js";
import { findPeriods } from "./dates.js";
import { findInText, type Gazetteer } from "./gazetteer.js";
import type { EntityDecisions } from "./learn/entity-model.js";
import { applyLearned, type LearnedModel } from "./learn/learned-model.js";
import { findMentions, type MentionCandidate } from "./mentions.js";
import { type DocumentFacts, type ProposedClaim, type RecordField, RULES, readField } from "./rules/index.js";
import { type Sentence, splitSentences } from "./sentences.js";
import { buildView, type SentenceView } from "./template.js";

/** Rules version recorded on every mention, entity and claim the rules produce. */
export const RULES_VERSION = "skein-rules-v1";

/** What extraction found in one text: document-level entities, their mentions and the claims. */
export interface Extraction {
  entities: Entity[];
  mentions: Mention[];
  claims: Claim[];
}

/** Inputs of extractText; every field is required so no caller forgets one. */
export interface ExtractOptions {
  sourceId: string;
  /** YYYY-MM-DD, the reference for relative dates ("last year") and for designations announced today. */
  published: string | null;
  /** Known names (list entries, accepted entities) to find as mentions too. */
  gazetteer: Gazetteer | undefined;
  /** The learned model over the rules (see loadLearnedModel); undefined for the rules alone. */
  learned: LearnedModel | undefined;
}

/**
 * A body and the words before its designating verb: "⟨3⟩’s ⟨4⟩ (⟨5⟩), and ⟨6⟩ are today imposing",
 * "⟨4⟩, in coordination with (alongside, together with) the ⟨5⟩, designated", or
 * "The Foreign … Office (⟨2⟩) has today" where only the acronym is a mention.
 */
const DESIGNATOR =
  "(?:(?:⟨\\d+⟩’s )?⟨(\\d+)⟩(?: \\(⟨\\d+⟩\\))?|\\(⟨(\\d+)⟩\\))(?:,? and (?:the )?(?:⟨\\d+⟩’s )?⟨\\d+⟩(?: \\(⟨\\d+⟩\\))?)?,? " +
  "(?:(?:in (?:close )?(?:coordination|partnership|cooperation) with|alongside|together with|along with|jointly with) [^,]{1,80}, )?" +
  "(?:(?:is|has|have|had|today|also|are|further|jointly|again|additionally|concurrently) )*";
/** Verbs only a designating body takes: a firm or a person never "designates". */
const STRONG_AUTHORITY = new RegExp(`${DESIGNATOR}(?:re-?)?(?:designat(?:ed|ing|es)|sanction(?:ed|ing))\\b`);
/** The words a notice's authority acts by in its opening sentences. */
const AUTHORITY = new RegExp(
  `${DESIGNATOR}(?:targeting|targeted|targets|re-?designat(?:ing|ed)|designating|designated|designates|sanctioned|sanctioning|imposing|imposed|imposes|identified|identifying|took (?:further |additional )?action|taking (?:further |additional )?action|is taking|issued|issuing|implementing|announcing|announced)|(?:action|actions|sanctions|designations?) (?:is |was |were |are )?(?:being )?(?:taken|imposed|announced|issued) by (?:the )?(?:⟨\\d+⟩’s )?⟨(\\d+)⟩`,
);

/** Predicates that happen at a time; the others (located_in, owns …) take a period only from their evidence. */
// A designation is dated only by a date just after it (below): one elsewhere in its sentence ("billed in
// 2024 … X, now under sanctions") belongs to something else.
const EVENTS = new Set(["supplies", "pays", "visits", "tests"]);

/**
 * Facts given in passing — "X, Y’s chief executive", the speaker's title, "Y, whose A-100 drone" — are
 * the source's own words even inside a reported sentence: only hedges within the evidence change them.
 */
const OWN_VOICE = new Set(["roleAppositive", "speakerTitle", "productOwner"]);

/** Sentences that can state a period: a year, or a phrase relative to the published date. */
const DATED =
  /\b(?:1[89]\d\d|20\d\d)\b|\b(?:quarter|year|month|week|yesterday|today|the day (?:after|before))\b/i;

/**
 * A text read up to the claims: sentences, mention candidates grouped into document-level entities,
 * the rules' view of each sentence, the document facts and the claims the rules propose. Extraction
 * finishes it into claims; the learned relation stage reads it for its candidate pairs.
 */
export interface Analysis {
  text: string;
  sentences: Sentence[];
  candidates: MentionCandidate[];
  groups: EntityGroup[];
  entities: Entity[];
  mentions: Mention[];
  /** Candidate index → entity index, for candidates that belong to an entity. */
  entityOf: Map<number, number>;
  views: SentenceView[];
  facts: DocumentFacts;
  /** Every rule proposal, before duplicates and redundant ones are dropped. */
  proposals: ProposedClaim[];
}

/** Reads a text up to the rules' proposed claims. Pure; spans index `text` exactly. */
export function analyseText(text: string, options: ExtractOptions): Analysis {
  const { sourceId, published } = options;
  const sentences = splitSentences(text);
  const candidates = findMentions(text, sentences);
  if (options.gazetteer) addGazetteerHits(text, sentences, candidates, options.gazetteer);
  const groups = resolveMentions(text, candidates);
  addPossessorNames(text, candidates, groups);

  const entities: Entity[] = groups.map((g) => ({
    id: derivedId("ent", sourceId, g.type, normaliseName(g.caption)),
    type: g.type,
    caption: g.caption,
    names: g.names,
    country: g.country,
    identifiers: {},
  }));
  const entityOf = new Map<number, number>();
  groups.forEach((g, gi) => {
    for (const i of g.mentions) entityOf.set(i, gi);
  });
  const mentions: Mention[] = [];
  candidates.forEach((c, i) => {
    const gi = entityOf.get(i);
    if (gi === undefined) return;
    mentions.push({
      id: `men_${sourceId.slice(0, 16)}_${c.start}_${c.end}`,
      sourceId,
      start: c.start,
      end: c.end,
      text: c.text,
      type: groups[gi].type,
      entityId: entities[gi].id,
      producer: `${RULES_VERSION}/${c.producer}`,
    });
  });
  mentions.push(...findHeadingMentions(text, sentences, entities, sourceId, mentions));

  const views = buildViews(text, sentences, candidates, entityOf, groups);
  const facts = readFacts(views, groups, published);
  const proposals: ProposedClaim[] = [];
  for (const view of views) {
    // Every rule links two entities, or one entity to the notice's authority.
    if (
      view.slots.length === 0 ||
      (view.slots.length === 1 && facts.authority === null && facts.fields.size === 0)
    )
      continue;
    for (const rule of RULES) if (rule.cue.test(view.template)) proposals.push(...rule.apply(view, facts));
  }
  return { text, sentences, candidates, groups, entities, mentions, entityOf, views, facts, proposals };
}

/** Extracts entities, mentions and claims from one normalised text. Evidence spans index `text` exactly. */
export function extractText(text: string, options: ExtractOptions): Extraction {
  const analysis = analyseText(text, options);
  if (!options.learned)
    return finishExtraction(analysis, filterClaims(analysis.proposals), undefined, options);
  const learned = applyLearned(analysis, options.learned);
  return finishExtraction(analysis, learned.claims, learned.entities, options);
}

/**
 * Turns proposed claims into claims (period, amount, stance, qualifiers) over an analysis, leaving out
 * the entities the entity model dropped and giving the others the types it chose.
 */
export function finishExtraction(
  analysis: Analysis,
  proposed: ProposedClaim[],
  decisions: EntityDecisions | undefined,
  options: ExtractOptions,
): Extraction {
  const { text, sentences, candidates, entityOf } = analysis;
  const entities = analysis.entities.map((e, i) => {
    const type = decisions?.types.get(i);
    return type ? { ...e, type } : e;
  });
  const claims = finishClaims(
    text,
    options.sourceId,
    options.published,
    sentences,
    proposed,
    entities,
    candidates,
    entityOf,
  );
  if (!decisions) return { entities, mentions: analysis.mentions, claims };
  const kept = new Set(entities.filter((_, i) => !decisions.dropped.has(i)).map((e) => e.id));
  const typeOf = new Map(entities.map((e) => [e.id, e.type]));
  return {
    entities: entities.filter((e) => kept.has(e.id)),
    mentions: analysis.mentions
      .filter((m) => m.entityId === null || kept.has(m.entityId))
      .map((m) =>
        m.entityId && typeOf.get(m.entityId) !== m.type
          ? { ...m, type: typeOf.get(m.entityId) as EntityType }
          : m,
      ),
    claims: claims.filter((c) => kept.has(c.subjectId) && kept.has(c.objectId)),
  };
}

/**
 * "Russia’s Ministry of Defence": a body named after its country's possessive is also known by the whole
 * phrase, as readers often write it; the phrase becomes one of the body's names.
 */
function addPossessorNames(text: string, candidates: MentionCandidate[], groups: EntityGroup[]): void {
  const groupOf = new Map<number, EntityGroup>();
  for (const g of groups) for (const i of g.mentions) groupOf.set(i, g);
  candidates.forEach((c, i) => {
    const group = groupOf.get(i);
    if (!group || (group.type !== "Organization" && group.type !== "PublicBody")) return;
    const possessor = candidates.find(
      (p) => p.type === "Place" && p.sentence === c.sentence && /^['’]s $/.test(text.slice(p.end, c.start)),
    );
    if (!possessor) return;
    const name = text.slice(possessor.start, c.end);
    if (!group.names.includes(name)) group.names.push(name);
  });
}

/**
 * Headings name the parties of the section below in capitals ("NORTHWIND AIR"): each name of an entity
 * found in the body is looked for in the headings, case-insensitively, and kept as a mention and alias.
 */
function findHeadingMentions(
  text: string,
  sentences: ReturnType<typeof splitSentences>,
  entities: Entity[],
  sourceId: string,
  taken: Mention[],
): Mention[] {
  const found: Mention[] = [];
  const headings = sentences
    .filter((s) => s.heading)
    .map((h) => ({ start: h.start, lower: text.slice(h.start, h.end).toLowerCase() }));
  if (headings.length === 0) return found;
  for (const entity of entities) {
    if (entity.type === "Place") continue;
    for (const name of [...entity.names]) {
      if (name.length < 4) continue;
      const needle = name.toLowerCase();
      for (const { start: headingStart, lower } of headings) {
        for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
          const start = headingStart + at;
          const end = start + name.length;
          const bounded =
            !/[\p{L}\p{N}]/u.test(text[start - 1] ?? "") && !/[\p{L}\p{N}]/u.test(text[end] ?? "");
          const overlaps = (m: Mention): boolean => m.start < end && start < m.end;
          if (!bounded || found.some(overlaps) || taken.some(overlaps)) continue;
          const surface = text.slice(start, end);
          if (!entity.names.includes(surface)) entity.names.push(surface);
          found.push({
            id: `men_${sourceId.slice(0, 16)}_${start}_${end}`,
            sourceId,
            start,
            end,
            text: surface,
            type: entity.type,
            entityId: entity.id,
            producer: `${RULES_VERSION}/headingName@1`,
          });
        }
      }
    }
  }
  return found;
}

function addGazetteerHits(
  text: string,
  sentences: ReturnType<typeof splitSentences>,
  candidates: MentionCandidate[],
  gazetteer: Gazetteer,
): void {
  for (const hit of findInText(gazetteer, text)) {
    if (candidates.some((c) => c.start < hit.end && hit.start < c.end)) continue;
    const sentence = sentences.findIndex((s) => s.start <= hit.start && hit.end <= s.end);
    if (sentence < 0 || sentences[sentence].heading) continue;
    candidates.push({
      start: hit.start,
      end: hit.end,
      text: text.slice(hit.start, hit.end),
      type: hit.type,
      strength: 4,
      key: `ref:${hit.ref}`,
      country: null,
      aliasOf: null,
      sentence,
      weak: false,
      cue: null,
      producer: "gazetteer@1",
    });
  }
  candidates.sort((a, b) => a.start - b.start);
}

function buildViews(
  text: string,
  sentences: ReturnType<typeof splitSentences>,
  candidates: MentionCandidate[],
  entityOf: Map<number, number>,
  groups: ReturnType<typeof resolveMentions>,
): SentenceView[] {
  const bySentence = new Map<number, number[]>();
  candidates.forEach((c, i) => {
    if (!entityOf.has(i)) return;
    const list = bySentence.get(c.sentence);
    if (list) list.push(i);
    else bySentence.set(c.sentence, [i]);
  });
  const views: SentenceView[] = [];
  const recent: SentenceView[] = [];
  sentences.forEach((sentence, index) => {
    if (sentence.heading) return;
    const members = (bySentence.get(index) ?? []).sort((a, b) => candidates[a].start - candidates[b].start);
    const slots = members.map((i) => {
      const gi = entityOf.get(i) as number;
      return {
        entity: gi,
        type: groups[gi].type,
        start: candidates[i].start,
        end: candidates[i].end,
        alias: candidates[i].aliasOf !== null,
      };
    });
    const view = buildView(text, sentence, index, slots, recent);
    views.push(view);
    if (view.slots.length > 0) recent.push(view);
  });
  return views;
}

/**
 * The body a sentence says acts by `pattern`: an organisation or public body, or a firm (an acronym is
 * often typed as one) only by a designating verb. Null when the sentence names none.
 */
function bodyActing(view: SentenceView, pattern: RegExp): number | null {
  const m = pattern.exec(view.template);
  // The one group that took part holds the body's slot.
  const found = m?.slice(1).find((g) => g !== undefined);
  const slot = found === undefined ? undefined : view.slots[Number(found)];
  if (!slot || found === undefined) return null;
  if (slot.type === "Organization" || slot.type === "PublicBody") return slot.entity;
  // The strong pattern's own match needs no second look.
  const strong = pattern === STRONG_AUTHORITY || STRONG_AUTHORITY.exec(view.template)?.includes(found);
  if (slot.type === "Company" && strong) return slot.entity;
  return null;
}

/** A state that designates or lists ("⟨Canada⟩ listed", "⟨the United Kingdom⟩ has sanctioned"). */
const STATE_AUTHORITY =
  /⟨(\d+)⟩ (?:(?:has|have|had|today|also|further) )*(?:re-?)?(?:designat(?:ed|es)|sanctioned|listed)\b/;
/** "THE COUNCIL OF THE EUROPEAN UNION, / Having regard to …": the body that enacts a regulation or decision. */
const ENACTING = /^(?:THE |The )?⟨(\d+)⟩,$/;

/**
 * The body that designates: in the opening sentences, a body that acts ("⟨OFAC⟩ targeted", "action was
 * taken by ⟨OFAC⟩") or enacts a regulation, else the first body that designates anywhere in the text,
 * else the first state that does.
 */
function findAuthority(views: SentenceView[]): number | null {
  for (const [i, view] of views.slice(0, 8).entries()) {
    const body = bodyActing(view, AUTHORITY);
    if (body !== null) return body;
    const enacting = ENACTING.exec(view.template);
    if (enacting && /^(?:Having regard|Whereas)\b/.test(views[i + 1]?.template ?? "")) {
      const slot = view.slots[Number(enacting[1])];
      if (slot && slot.type !== "Place" && slot.type !== "Product" && slot.type !== "Person")
        return slot.entity;
    }
  }
  for (const view of views) {
    const body = bodyActing(view, STRONG_AUTHORITY);
    if (body !== null) return body;
  }
  // "Canada listed X", "the United Kingdom has sanctioned Y": a state acts by its own designating verb.
  for (const view of views) {
    const state = STATE_AUTHORITY.exec(view.template);
    const slot = state ? view.slots[Number(state[1])] : undefined;
    if (slot?.type === "Place") return slot.entity;
  }
  return null;
}

/** The designating authority (see findAuthority), the record's fields and the United States. */
function readFacts(
  views: SentenceView[],
  groups: ReturnType<typeof resolveMentions>,
  published: string | null,
): DocumentFacts {
  const authority = findAuthority(views);
  const fields = new Map<string, RecordField>();
  for (const view of views) {
    const found = readField(view);
    if (found && !fields.has(found.label)) fields.set(found.label, found.field);
  }
  const us = groups.findIndex(
    (g) => g.type === "Place" && g.names.some((n) => normaliseName(n) === "united states" || n === "U.S."),
  );
  return { authority, unitedStates: us >= 0 ? us : null, published, fields };
}

/** Drops duplicates and claims a stronger one makes redundant. */
export function filterClaims(proposed: ProposedClaim[]): ProposedClaim[] {
  const seen = new Set<string>();
  const unique: ProposedClaim[] = [];
  for (const c of proposed) {
    const symmetric = c.predicate === "associate" || c.predicate === "other";
    const key = symmetric
      ? `${Math.min(c.subject, c.object)}|${c.predicate}|${Math.max(c.subject, c.object)}`
      : `${c.subject}|${c.predicate}|${c.object}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(c);
  }
  const pairKey = (c: ProposedClaim): string =>
    `${Math.min(c.subject, c.object)}|${Math.max(c.subject, c.object)}`;
  const otherPairs = new Set(unique.filter((c) => c.rule !== "actingOnBehalf").map(pairKey));
  const usDesignated = new Set(unique.filter((c) => c.rule === "usDesignated").map((c) => c.subject));
  return unique.filter((c) => {
    // "Acting for or on behalf of" is the legal basis; it is a link only where no other role is stated.
    if (c.rule === "actingOnBehalf") return !otherPairs.has(pairKey(c));
    // A past designation of a party already marked "U.S.-designated" repeats the same fact.
    if (c.rule === "pastDesignation") return !usDesignated.has(c.subject);
    return true;
  });
}

const VIA = /\b(?:via|through|by way of|routed through|using)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}?$/u;

/** The product a claim is about (a product named in its evidence) and the party it went through ("via X"). */
function readQualifiers(
  text: string,
  c: ProposedClaim,
  sentenceEnd: number,
  inSentence: number[],
  candidates: MentionCandidate[],
  entityOf: Map<number, number>,
  entities: Entity[],
): { productId: string | null; viaId: string | null } {
  let productId: string | null = null;
  let viaId: string | null = null;
  for (const i of inSentence) {
    const m = candidates[i];
    const gi = entityOf.get(i);
    if (gi === undefined || gi === c.subject || gi === c.object || m.start < c.evidence.start) continue;
    const e = entities[gi];
    if (e.type === "Product" && m.end <= c.evidence.end) productId = productId ?? e.id;
    // "… to Y via X": the party it went through may follow the evidence, within the sentence.
    else if (
      e.type !== "Place" &&
      e.type !== "Product" &&
      !viaId &&
      m.end <= sentenceEnd &&
      m.start - c.evidence.end < 60
    ) {
      if (VIA.test(text.slice(Math.max(c.evidence.start, m.start - 40), m.start))) viaId = e.id;
    }
  }
  return { productId, viaId };
}

/** The index of the sentence holding an offset (sentences are in text order), by binary search. */
function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The amount a quote states: the one called a total or a sum when there are several (not a unit price). */
function pickAmount(quote: string): Amount | null {
  const amounts = findAmounts(quote);
  if (amounts.length <= 1) return amounts[0] ?? null;
  const total = amounts.find((a) => {
    const at = quote.indexOf(a.text);
    return (
      at >= 0 &&
      /\b(?:total|sum|amount due|in all|altogether)\b[^.\n]{0,20}$/i.test(
        quote.slice(Math.max(0, at - 30), at),
      )
    );
  });
  return (
    total ??
    amounts.find((a) => {
      const at = quote.indexOf(a.text);
      return at >= 0 && !/\bunit price\b[^.\n]{0,5}$/i.test(quote.slice(Math.max(0, at - 15), at));
    }) ??
    amounts[0]
  );
}

function finishClaims(
  text: string,
  sourceId: string,
  published: string | null,
  sentences: ReturnType<typeof splitSentences>,
  proposed: ProposedClaim[],
  entities: Entity[],
  candidates: MentionCandidate[],
  entityOf: Map<number, number>,
): Claim[] {
  const periodsBySentence = new Map<number, Array<{ start: number; end: number; period: Period }>>();
  const periodsOf = (si: number) => {
    let found = periodsBySentence.get(si);
    if (!found) {
      const s = sentences[si];
      const slice = text.slice(s.start, s.end);
      found = (DATED.test(slice) ? findPeriods(slice, published) : []).map((p) => ({
        start: p.start + s.start,
        end: p.end + s.start,
        period: p.period,
      }));
      periodsBySentence.set(si, found);
    }
    return found;
  };
  const cuesBySentence = new Map<number, StanceCues>();
  const cuesOf = (si: number): StanceCues => {
    let cues = cuesBySentence.get(si);
    if (!cues) {
      cues = readStanceCues(text.slice(sentences[si].start, sentences[si].end));
      cuesBySentence.set(si, cues);
    }
    return cues;
  };
  const bySentence = new Map<number, number[]>();
  candidates.forEach((m, i) => {
    const list = bySentence.get(m.sentence);
    if (list) list.push(i);
    else bySentence.set(m.sentence, [i]);
  });
  const claims: Claim[] = [];
  for (const c of proposed) {
    const si = sentenceAt(sentences, c.evidence.start);
    const sentence = sentences[si];
    let period: Period | null = null;
    if (c.date) {
      period = { start: c.date, end: c.date, precision: "day", text: "today" };
    } else if (c.date === undefined) {
      const periods = periodsOf(si);
      const inside = periods.find((p) => p.start >= c.evidence.start && p.end <= c.evidence.end);
      // Outside the evidence, only a sentence's single dated phrase (not its "today") dates the claim.
      const single =
        periods.length === 1 && !/^today$/i.test(periods[0].period.text) ? periods[0] : undefined;
      const only =
        single &&
        (EVENTS.has(c.predicate) ||
          // "designated pursuant to E.O. 14024 on March 3, 2023": a designation's date follows it closely.
          (c.predicate === "sanctioned_by" &&
            single.start >= c.evidence.end &&
            single.start - c.evidence.end < 40))
          ? single
          : undefined;
      period = (inside ?? only)?.period ?? null;
    }
    // "Baltic Relay paid Brightwing more than 3 million yuan": a payment's or sale's amount may follow its evidence.
    const amount: Amount | null =
      pickAmount(quoteOf(text, c.evidence)) ??
      (c.predicate === "pays" || c.predicate === "supplies"
        ? (findAmounts(
            text.slice(c.evidence.end, Math.min(sentence.end, c.evidence.end + 60)).split(/[;.]\s/)[0],
          )[0] ?? null)
        : null);
    const { certainty, attribution } = OWN_VOICE.has(c.rule)
      ? readStance(quoteOf(text, c.evidence).replace(/^\W*(?:said|says)\b/, ""))
      : stanceAt(cuesOf(si), c.evidence.end - sentence.start);
    const subject = entities[c.subject];
    const object = entities[c.object];
    const { productId, viaId } = readQualifiers(
      text,
      c,
      sentence.end,
      bySentence.get(si) ?? [],
      candidates,
      entityOf,
      entities,
    );
    claims.push({
      id: derivedId("clm", sourceId, subject.id, c.predicate, object.id, c.evidence.start),
      subjectId: subject.id,
      predicate: c.predicate,
      objectId: object.id,
      period,
      amount: amount
        ? { value: amount.value, currency: amount.currency, qualifier: amount.qualifier, text: amount.text }
        : null,
      productId,
      viaId,
      evidence: { sourceId, start: c.evidence.start, end: c.evidence.end, quote: quoteOf(text, c.evidence) },
      attribution,
      certainty,
      status: "proposed",
      producer: c.producer ?? `${RULES_VERSION}/${c.rule}@1`,
      probability: c.probability ?? null,
    });
  }
  return fillVia(claims, (claim) => sentenceAt(sentences, claim.evidence.start));
}

/** Goods and money that change hands, and whom an intermediary can carry them for. */
const VIA_PREDICATES = new Set<Predicate>(["supplies", "pays"]);

/**
 * "… drones produced by X that were billed to Y, the procurement through which they were delivered by
 * Z": a supply or payment without a route takes the intermediary the same sentence or the next says
 * acts for one of its parties.
 */
function fillVia(claims: Claim[], sentenceOf: (claim: Claim) => number): Claim[] {
  const intermediaries = claims.filter((c) => c.predicate === "intermediary_for");
  if (intermediaries.length === 0) return claims;
  return claims.map((claim) => {
    if (!VIA_PREDICATES.has(claim.predicate) || claim.viaId) return claim;
    const at = sentenceOf(claim);
    const route = intermediaries.find(
      (i) =>
        Math.abs(sentenceOf(i) - at) <= 1 &&
        (i.objectId === claim.objectId || i.objectId === claim.subjectId) &&
        i.subjectId !== claim.subjectId &&
        i.subjectId !== claim.objectId,
    );
    return route ? { ...claim, viaId: route.subjectId } : claim;
  });
}
