// The learned relation stage: logistic regression over hashed features of candidate pairs (see pairs.ts
// and features/), one head per predicate and direction. This file holds the relation head and the
// decoding of pair probabilities into claims; learned-model.ts keeps it in its weights file. Certainty,
// attribution, period and amount come from the extractor's readers.
import { type EntityType, isOneOf, PREDICATE_NAMES, type Predicate } from "../../model/index.js";
import type { Analysis } from "../extract.js";
import { filterClaims, RULES_VERSION } from "../extract.js";
import type { ProposedClaim } from "../rules/index.js";
import { FEATURE_FAMILIES, type FeatureFamily } from "./features/index.js";
import { evidenceOf, findPairs, type PairCandidate } from "./pairs.js";
import { probabilityOf, type SoftmaxWeights, scoreSparse, sortDistinct } from "./softmax.js";

/** The name recorded on claims the learned stage proposes. */
export const RELATION_MODEL_NAME = "skein-relations-v1";

/**
 * How the model's decisions and the rules' claims combine. "model": the model decides every claim it
 * scored (rules are its features) and keeps the rules' claims over pairs it never saw (a record's fields
 * on separate lines); "union": every rule claim is kept too.
 */
export type Combination = "model" | "union";

/** How pair probabilities become claims. */
export interface Decoding {
  /** A predicate is proposed for a pair when its probability reaches this. */
  threshold: number;
  /** A second predicate for the same pair needs this. */
  secondThreshold: number;
  combination: Combination;
}

/** A trained relation model (the relation head of the learned model). */
export interface RelationModel {
  name: string;
  /** "predicate>" (the first mention is the subject) and "predicate<" classes. */
  classes: string[];
  weights: SoftmaxWeights;
  decoding: Decoding;
}

/**
 * Hashed features of each pair, folded into the model's buckets: distinct and in increasing order, as
 * views of one buffer (one allocation for all the pairs, not one each).
 */
export function featuresOfPairs(
  pairs: PairCandidate[],
  buckets: number,
  families: readonly FeatureFamily[] = FEATURE_FAMILIES,
): Int32Array[] {
  const mask = buckets - 1;
  // Room for 64 features a pair (a pair has about 60 distinct ones); it grows when a text needs more.
  let gathered = new Int32Array(64 * pairs.length + 64);
  let size = 0;
  const emit = (feature: number): void => {
    if (size === gathered.length) {
      const larger = new Int32Array(2 * size);
      larger.set(gathered);
      gathered = larger;
    }
    gathered[size++] = feature & mask;
  };
  const ends: number[] = [];
  for (const pair of pairs) {
    const start = size;
    for (const family of families) family.extract(pair, emit);
    size = sortDistinct(gathered, start, size);
    ends.push(size);
  }
  return ends.map((end, i) => gathered.subarray(i === 0 ? 0 : ends[i - 1], end));
}

/** A class's predicate and whether the first mention is its subject. */
export function readClass(name: string): { predicate: Predicate; forward: boolean } | null {
  if (typeof name !== "string" || !/[<>]$/.test(name)) return null;
  const predicate = name.slice(0, -1);
  if (!isOneOf(PREDICATE_NAMES, predicate)) return null;
  return { predicate, forward: name.endsWith(">") };
}

/** One pair's probability for one directed predicate. */
export interface PairDecision {
  subject: number;
  predicate: Predicate;
  object: number;
  probability: number;
  pair: PairCandidate;
}

/** Probabilities below this are not kept as decisions (every decoding threshold is at or above it). */
const FLOOR = 0.1;
/** A score below this has a probability below FLOOR (its log-odds, less a margin for rounding). */
const FLOOR_SCORE = Math.log(FLOOR / (1 - FLOOR)) - 1e-9;

/** The probability of every directed predicate for every pair at or above FLOOR (the best pair per subject–predicate–object). */
export function scorePairs(
  pairs: PairCandidate[],
  features: Int32Array[],
  model: RelationModel,
): PairDecision[] {
  const best = new Map<number, PairDecision>();
  const scores = new Float64Array(model.classes.length);
  const classes = model.classes.map(readClass);
  const predicateIndex = classes.map((c) => (c ? PREDICATE_NAMES.indexOf(c.predicate) : -1));
  pairs.forEach((pair, i) => {
    scoreSparse(model.weights, features[i], scores);
    for (let c = 0; c < classes.length; c++) {
      // Most scores fall far below the floor: they are passed over without computing their probability.
      if (scores[c] < FLOOR_SCORE) continue;
      const probability = probabilityOf(scores[c]);
      if (probability < FLOOR) continue;
      const cls = classes[c];
      if (!cls) continue;
      const subject = cls.forward ? pair.first : pair.second;
      const object = cls.forward ? pair.second : pair.first;
      // subject, predicate and object in one number (entity counts stay far below a million).
      const key = (subject * 64 + predicateIndex[c]) * 1_000_000 + object;
      const seen = best.get(key);
      if (!seen || probability > seen.probability)
        best.set(key, { subject, predicate: cls.predicate, object, probability, pair });
    }
  });
  return [...best.values()];
}

/**
 * The decisions kept by the thresholds: per unordered pair and sentence, the best predicate, and others
 * above the second threshold. Per sentence, so a text that says "shipped to" in one sentence and "paid"
 * in the next keeps both.
 */
export function decide(decisions: PairDecision[], decoding: Decoding): PairDecision[] {
  const byPair = new Map<string, PairDecision[]>();
  for (const d of decisions) {
    if (d.probability < decoding.threshold) continue;
    const key = `${Math.min(d.subject, d.object)}|${Math.max(d.subject, d.object)}|${d.pair.view}`;
    const list = byPair.get(key);
    if (list) list.push(d);
    else byPair.set(key, [d]);
  }
  const kept: PairDecision[] = [];
  for (const list of byPair.values()) {
    list.sort((a, b) => b.probability - a.probability);
    kept.push(list[0], ...list.slice(1).filter((d) => d.probability >= decoding.secondThreshold));
  }
  return kept;
}

/**
 * The claims of an analysed text: the model's decisions and the rules' claims its combination keeps,
 * leaving out entities the entity model dropped. Each records who proposed it and the model's probability.
 */
export function proposeClaims(
  analysis: Analysis,
  model: RelationModel,
  entities: { dropped: Set<number>; types: ReadonlyMap<number, EntityType> },
): ProposedClaim[] {
  const { dropped } = entities;
  const pairs = findPairs(analysis, entities.types).filter(
    (p) => !dropped.has(p.first) && !dropped.has(p.second),
  );
  const features = featuresOfPairs(pairs, model.weights.buckets);
  return combineClaims(analysis, scorePairs(pairs, features, model), model).filter(
    (c) => !dropped.has(c.subject) && !dropped.has(c.object),
  );
}

/** A claim as subject, predicate and object entity indices, with the decision or rule behind it. */
export interface ClaimKey {
  subject: number;
  predicate: Predicate;
  object: number;
  decision: PairDecision | null;
  rule: ProposedClaim | null;
}

/**
 * The claims a decoding keeps: the model's decisions, and the rules' claims the model did not keep when
 * it never scored them or the combination is "union". Shared by extraction and by the choice of decoding
 * in training.
 */
export function combineClaimKeys(
  decisions: PairDecision[],
  ruled: ProposedClaim[],
  decoding: Decoding,
): ClaimKey[] {
  const key = (s: number, p: string, o: number): string => `${s}|${p}|${o}`;
  const rules = new Map<string, ProposedClaim>();
  for (const c of ruled)
    if (!rules.has(key(c.subject, c.predicate, c.object)))
      rules.set(key(c.subject, c.predicate, c.object), c);
  const out: ClaimKey[] = [];
  const done = new Set<string>();
  for (const d of decide(decisions, decoding)) {
    const k = key(d.subject, d.predicate, d.object);
    done.add(k);
    out.push({
      subject: d.subject,
      predicate: d.predicate,
      object: d.object,
      decision: d,
      rule: rules.get(k) ?? null,
    });
  }
  // The model can only overrule a rule's claim over a pair it scored.
  const scored = new Set(decisions.map((d) => key(d.subject, d.predicate, d.object)));
  for (const [k, c] of rules)
    if (!done.has(k) && (decoding.combination === "union" || !scored.has(k)))
      out.push({ subject: c.subject, predicate: c.predicate, object: c.object, decision: null, rule: c });
  return out;
}

/** Combines scored pairs with the rules' proposals into the claims of a text. */
export function combineClaims(
  analysis: Analysis,
  decisions: PairDecision[],
  model: RelationModel,
): ProposedClaim[] {
  const probability = new Map(
    decisions.map((d) => [`${d.subject}|${d.predicate}|${d.object}`, d.probability]),
  );
  return combineClaimKeys(decisions, filterClaims(analysis.proposals), model.decoding).map(
    ({ decision, rule, ...k }) => {
      // A rule's claim over a pair the model never saw (one across a record's lines) has no probability.
      const p = decision?.probability ?? probability.get(`${k.subject}|${k.predicate}|${k.object}`);
      if (rule) {
        const scored = p === undefined ? rule : { ...rule, probability: p };
        return decision ? { ...scored, producer: `${RULES_VERSION}/${rule.rule}@1+${model.name}` } : scored;
      }
      const pair = (decision as PairDecision).pair;
      return {
        ...k,
        evidence: evidenceOf(analysis, pair),
        rule: model.name,
        producer: model.name,
        probability: p,
        ...(pair.authority && k.predicate === "sanctioned_by" ? { date: analysis.facts.published } : {}),
      };
    },
  );
}
