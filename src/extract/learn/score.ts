// Scores an extraction against a gold annotation exactly as ../shared/tools/score-extraction.mjs does
// (a test checks the two agree): entities matched by any shared normalised name, each gold entity
// credited once; relations matched as unordered pairs ("pair") or with type and direction ("typed").
import { normaliseForScoring } from "./annotation.js";

/** True and false positives and negatives, with precision, recall and F1. */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The four figures of a document. */
export interface DocumentScore {
  entities: Score;
  entitiesTyped: Score;
  relationsPair: Score;
  relationsTyped: Score;
}

/** The entities and relations of a document, gold or predicted (the contract shape). */
export interface ScoredDocument {
  entities: Array<{ id: string; name: string; aliases?: string[]; type: string }>;
  relations: Array<{ source: string; target: string; type: string }>;
}

/** Precision, recall and F1 from counts. */
export function scoreOf(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** Sums counts over documents (micro average). */
export function sumScores(scores: Score[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scores) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  return scoreOf(tp, fp, fn);
}

const typeClass = (t: string): string =>
  t === "Company" || t === "Organization" || t === "PublicBody" ? "Org" : t;

const namesOf = (e: { name: string; aliases?: string[] }): Set<string> =>
  new Set([e.name, ...(e.aliases ?? [])].filter(Boolean).map(normaliseForScoring));

/** For each predicted entity, the index of the gold entity it names (first hit), or undefined. */
export function alignEntities(
  gold: Array<{ name: string; aliases?: string[] }>,
  predicted: Array<{ name: string; aliases?: string[] }>,
): Array<number | undefined> {
  const goldNames = gold.map(namesOf);
  return predicted.map((p) => {
    const names = namesOf(p);
    const hit = goldNames.findIndex((g) => [...names].some((n) => g.has(n)));
    return hit >= 0 ? hit : undefined;
  });
}

/** Scores a predicted document against a gold one. */
export function scoreDocument(gold: ScoredDocument, predicted: ScoredDocument): DocumentScore {
  const toGold = alignEntities(gold.entities, predicted.entities);
  const byId = new Map(predicted.entities.map((e, i) => [e.id, toGold[i]]));
  const entityScore = (typed: boolean): Score => {
    const credited = new Set<number>();
    let tp = 0;
    let fp = 0;
    predicted.entities.forEach((e, i) => {
      const g = toGold[i];
      const ok =
        g !== undefined &&
        !credited.has(g) &&
        (!typed || typeClass(e.type) === typeClass(gold.entities[g].type));
      if (ok) {
        credited.add(g);
        tp++;
      } else fp++;
    });
    return scoreOf(tp, fp, gold.entities.length - tp);
  };
  const goldIndex = new Map(gold.entities.map((e, i) => [e.id, i]));
  const relations = predicted.relations.map((r) => ({
    s: byId.get(r.source),
    t: byId.get(r.target),
    type: r.type,
  }));
  const relationScore = (typed: boolean): Score =>
    matchRelations(
      gold.relations.map((r) => ({ s: goldIndex.get(r.source), t: goldIndex.get(r.target), type: r.type })),
      relations,
      typed,
    );
  return {
    entities: entityScore(false),
    entitiesTyped: entityScore(true),
    relationsPair: relationScore(false),
    relationsTyped: relationScore(true),
  };
}

/** A relation between gold entity indices (undefined: an end that names no gold entity). */
export interface AlignedRelation {
  s: number | undefined;
  t: number | undefined;
  type: string;
}

/** Credits each gold relation with at most one predicted relation, in gold order (the scorer's greedy match). */
export function matchRelations(gold: AlignedRelation[], predicted: AlignedRelation[], typed: boolean): Score {
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    const hit = predicted.findIndex(
      (p, i) =>
        !used.has(i) &&
        p.s !== undefined &&
        (typed
          ? p.s === g.s && p.t === g.t && p.type === g.type
          : (p.s === g.s && p.t === g.t) || (p.s === g.t && p.t === g.s)),
    );
    if (hit >= 0) {
      used.add(hit);
      tp++;
    }
  }
  return scoreOf(tp, predicted.length - tp, gold.length - tp);
}
