// Training the learned relation stage from the annotated corpus: candidate pairs labelled from the gold
// relations whose evidence overlaps their sentence, a softmax model over their features, and thresholds
// and the rules' role chosen by cross-validation inside the training documents (never by hand, never on
// the documents being scored). Pure: the corpus comes in as data, the model goes out as data.
import { type EntityType, PREDICATE_NAMES, SkeinError } from "../../model/index.js";
import { type Analysis, analyseText, type Extraction, filterClaims, finishExtraction } from "../extract.js";
import type { AnnotatedDocument } from "./annotation.js";
import { validateAnnotation } from "./annotation.js";
import {
  decideEntities,
  ENTITY_CLASSES,
  type EntityDecisions,
  type EntityDecoding,
  type EntityModel,
  entityFeatures,
} from "./entity-model.js";
import { FEATURE_FAMILIES, FEATURE_SET_VERSION, type FeatureFamily } from "./features/index.js";
import { LEARNED_MODEL_NAME, type LearnedModel } from "./learned-model.js";
import { findPairs, type PairCandidate } from "./pairs.js";
import {
  type Combination,
  combineClaimKeys,
  combineClaims,
  type Decoding,
  featuresOfPairs,
  type PairDecision,
  RELATION_MODEL_NAME,
  type RelationModel,
  scorePairs,
} from "./relation-model.js";
import {
  type AlignedRelation,
  alignEntities,
  matchRelations,
  type Score,
  scoreOf,
  sumScores,
} from "./score.js";
import { type Example, trainSoftmax } from "./softmax.js";

/** Every class: each predicate with the first mention as subject (>) or as object (<). A pair in none is `none`. */
export const CLASSES: readonly string[] = PREDICATE_NAMES.flatMap((p) => [`${p}>`, `${p}<`]);

/** Training settings (data/models/relation-config.json holds the ones `npm run train` uses). */
export interface TrainingConfig {
  buckets: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weight of a `none` example relative to a relation's. */
  noneWeight: number;
  /** A feature bucket seen in fewer training examples than this gets no weight (it would only memorise). */
  minFeatureCount: number;
  /** Folds of the inner cross-validation that chooses the decoding. */
  decodingFolds: number;
  /** Thresholds tried for the first and a second predicate of a pair. */
  thresholds: number[];
  secondThresholds: number[];
  combinations: Combination[];
  /** The decoding chosen is the most precise of those whose relation-pair F1 is this close to the best. */
  f1Tolerance: number;
}

/** Defaults of TrainingConfig. */
export const TRAINING_DEFAULTS: TrainingConfig = {
  buckets: 1 << 18,
  epochs: 12,
  learningRate: 0.05,
  l2: 1e-6,
  seed: 20261207,
  noneWeight: 1,
  minFeatureCount: 2,
  decodingFolds: 4,
  thresholds: [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7],
  secondThresholds: [0.3, 0.4, 0.5, 0.6, 0.8, 1.01],
  combinations: ["model", "union"],
  f1Tolerance: 0.005,
};

/** A corpus document read up to its candidate pairs, with their features and gold labels. */
export interface PreparedDocument {
  document: AnnotatedDocument;
  analysis: Analysis;
  pairs: PairCandidate[];
  features: Int32Array[];
  /** Class indices of each pair (an empty list: none); null: the pair is related elsewhere in the text, so left out. */
  labels: Array<number[] | null>;
  /** For each extracted entity, the gold entity it names (the scorer's alignment). */
  toGold: Array<number | undefined>;
  /** The feature families and buckets the pair features were computed with. */
  families: readonly FeatureFamily[];
  buckets: number;
  /** The gold relations between gold entity indices. */
  goldRelations: AlignedRelation[];
  /** Features of each extracted entity, for the entity head. */
  entityFeatures: Int32Array[];
  /** Entity head classes of each extracted entity (keep and its gold type; none: not a gold entity); null: misread, left out. */
  entityLabels: Array<number[] | null>;
}

/** Reads a corpus document up to labelled candidate pairs; an invalid document is an error naming it. */
export function prepareDocument(
  document: AnnotatedDocument,
  buckets: number,
  families: readonly FeatureFamily[] = FEATURE_FAMILIES,
): PreparedDocument {
  const issues = validateAnnotation(document);
  if (issues.length > 0) {
    throw new SkeinError(
      "EXTRACT_CORPUS_INVALID",
      `train: document ${document.id} is not a valid annotation: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      { field: issues[0].path, received: document.id },
    );
  }
  const analysis = analyseText(document.text, {
    sourceId: document.id,
    published: document.source.date,
    gazetteer: undefined,
    learned: undefined,
  });
  const pairs = findPairs(analysis, undefined);
  const features = featuresOfPairs(pairs, buckets, families);
  const toGold = alignEntities(
    document.entities,
    analysis.entities.map((e) => ({ name: e.caption, aliases: e.names })),
  );
  const goldIndex = new Map(document.entities.map((e, i) => [e.id, i]));
  const goldRelations = document.relations.map((r) => ({
    s: goldIndex.get(r.source),
    t: goldIndex.get(r.target),
    type: r.type,
  }));
  const evidence = document.relations.map((r) => occurrences(document.text, r.evidence));
  // An extracted entity that names no gold entity but whose mentions overlap a gold name is a gold
  // entity read wrongly (cut short, split, run together): its pairs teach nothing either way.
  const goldSpans = document.entities.flatMap((e) =>
    [e.name, ...e.aliases].flatMap((n) => occurrences(document.text, n)),
  );
  const misread = new Set<number>();
  analysis.mentions.forEach((m) => {
    const index = analysis.entities.findIndex((e) => e.id === m.entityId);
    if (index >= 0 && toGold[index] === undefined && goldSpans.some(([s, e]) => s < m.end && m.start < e))
      misread.add(index);
  });
  const entityLabels = analysis.groups.map((_, i) => {
    if (misread.has(i)) return null;
    const g = toGold[i];
    return g === undefined ? [] : [0, ENTITY_CLASSES.indexOf(document.entities[g].type)];
  });
  const entityFeatureRows = analysis.groups.map((_, i) => entityFeatures(analysis, i, buckets));
  const labels = pairs.map((pair) => {
    const a = toGold[pair.first];
    const b = toGold[pair.second];
    if (misread.has(pair.first) || misread.has(pair.second)) return null;
    if (a === undefined || b === undefined) return [];
    if (a === b) return null;
    const sentence = analysis.views[pair.view].sentence;
    let related = false;
    const found: number[] = [];
    goldRelations.forEach((g, i) => {
      const forward = g.s === a && g.t === b;
      if (!forward && !(g.s === b && g.t === a)) return;
      related = true;
      if (evidence[i].some(([s, e]) => s < sentence.end && sentence.start < e)) {
        const c = CLASSES.indexOf(`${g.type}${forward ? ">" : "<"}`);
        if (!found.includes(c)) found.push(c);
      }
    });
    return found.length > 0 ? found : related ? null : [];
  });
  return {
    document,
    analysis,
    pairs,
    features,
    labels,
    toGold,
    families,
    buckets,
    goldRelations,
    entityFeatures: entityFeatureRows,
    entityLabels,
  };
}

function occurrences(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
    out.push([at, at + needle.length]);
  return out;
}

/**
 * Training examples from rows of features and labels (null rows are left out), keeping features seen in
 * at least minFeatureCount rows.
 */
export function examplesOf(
  rows: Array<{ features: Int32Array[]; labels: Array<number[] | null> }>,
  config: TrainingConfig,
): Example[] {
  const counts = new Map<number, number>();
  for (const d of rows)
    d.labels.forEach((labels, i) => {
      if (labels !== null) for (const f of d.features[i]) counts.set(f, (counts.get(f) ?? 0) + 1);
    });
  const examples: Example[] = [];
  for (const d of rows) {
    d.labels.forEach((labels, i) => {
      if (labels === null) return;
      const features = d.features[i].filter((f) => (counts.get(f) ?? 0) >= config.minFeatureCount);
      examples.push({ features, labels, weight: labels.length === 0 ? config.noneWeight : 1 });
    });
  }
  return examples;
}

/** A prepared document's pairs and features when its entities take the given types (the entity model's). */
export function typedPairs(
  document: PreparedDocument,
  types: ReadonlyMap<number, EntityType>,
): { pairs: PairCandidate[]; features: Int32Array[] } {
  if (types.size === 0) return { pairs: document.pairs, features: document.features };
  const pairs = findPairs(document.analysis, types);
  if (pairs.length !== document.pairs.length)
    throw new SkeinError(
      "INTERNAL_INVARIANT",
      `train: retyping changed the candidate pairs of ${document.document.id}`,
      {},
    );
  return { pairs, features: featuresOfPairs(pairs, document.buckets, document.families) };
}

const entityRows = (documents: PreparedDocument[]) =>
  documents.map((d) => ({ features: d.entityFeatures, labels: d.entityLabels }));

/** Relation-pair and typed scores of decoded documents, summed over documents. */
export interface DecodedScore {
  pair: Score;
  typed: Score;
}

/** Scores a decoding over documents whose pairs were scored by a model that did not train on them. */
export function scoreDecoding(
  documents: PreparedDocument[],
  decisions: PairDecision[][],
  decoding: Decoding,
  dropped: Array<Set<number>> = documents.map(() => new Set()),
): DecodedScore {
  const pair: Score[] = [];
  const typed: Score[] = [];
  documents.forEach((d, i) => {
    const out = dropped[i];
    const ruled = filterClaims(d.analysis.proposals).filter((c) => !out.has(c.subject) && !out.has(c.object));
    const kept = decisions[i].filter((c) => !out.has(c.subject) && !out.has(c.object));
    const predicted = combineClaimKeys(kept, ruled, decoding).map((c) => ({
      s: d.toGold[c.subject],
      t: d.toGold[c.object],
      type: c.predicate,
    }));
    pair.push(matchRelations(d.goldRelations, predicted, false));
    typed.push(matchRelations(d.goldRelations, predicted, true));
  });
  return { pair: sumScores(pair), typed: sumScores(typed) };
}

/** Folds of documents: sorted by genre and id, dealt round-robin from a seeded start, so genres spread evenly. */
export function foldsOf(documents: AnnotatedDocument[], k: number, seed: number): number[] {
  const order = documents
    .map((d, i) => ({ i, key: `${d.genre}|${d.id}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const fold = new Array<number>(documents.length);
  const offset = seed % k;
  order.forEach((o, n) => {
    fold[o.i] = (n + offset) % k;
  });
  return fold;
}

/** Trains the relation head on documents with the given decoding. */
export function fitRelations(
  documents: PreparedDocument[],
  config: TrainingConfig,
  decoding: Decoding,
): RelationModel {
  const weights = trainSoftmax(examplesOf(documents, config), CLASSES.length, softmaxConfig(config));
  return { name: RELATION_MODEL_NAME, classes: [...CLASSES], weights, decoding };
}

/** Trains the entity head on documents with the given decoding. */
export function fitEntities(
  documents: PreparedDocument[],
  config: TrainingConfig,
  decoding: EntityDecoding,
): EntityModel {
  const weights = trainSoftmax(
    examplesOf(entityRows(documents), config),
    ENTITY_CLASSES.length,
    softmaxConfig(config),
  );
  return { classes: [...ENTITY_CLASSES], weights, decoding };
}

const softmaxConfig = (config: TrainingConfig) => ({
  buckets: config.buckets,
  epochs: config.epochs,
  learningRate: config.learningRate,
  l2: config.l2,
  seed: config.seed,
});

/** The most precise decoding whose relation-pair F1 is within `f1Tolerance` of the best one. */
export function chooseDecoding(
  documents: PreparedDocument[],
  decisions: PairDecision[][],
  config: TrainingConfig,
  dropped?: Array<Set<number>>,
): { decoding: Decoding; score: DecodedScore } {
  const tried: Array<{ decoding: Decoding; score: DecodedScore }> = [];
  for (const combination of config.combinations)
    for (const threshold of config.thresholds)
      for (const secondThreshold of config.secondThresholds) {
        if (secondThreshold < threshold) continue;
        const decoding = { threshold, secondThreshold, combination };
        tried.push({ decoding, score: scoreDecoding(documents, decisions, decoding, dropped) });
      }
  if (tried.length === 0) throw new SkeinError("INTERNAL_INVARIANT", "train: no decoding to choose from", {});
  // Pair F1 is flat near its best: of the decodings within the tolerance, the most precise one wins, so an
  // analyst reviews fewer wrong claims for the same figure.
  const bestF1 = Math.max(...tried.map((t) => t.score.pair.f1));
  const near = tried.filter((t) => t.score.pair.f1 >= bestF1 - config.f1Tolerance);
  near.sort((a, b) => b.score.pair.precision - a.score.pair.precision || b.score.typed.f1 - a.score.typed.f1);
  return near[0];
}

/** Entity scores of a document when the given entities are dropped and retyped (the scorer's rules). */
function scoreEntities(d: PreparedDocument, decisions: EntityDecisions): { plain: Score; typed: Score } {
  const gold = d.document.entities;
  const count = (typed: boolean): Score => {
    const credited = new Set<number>();
    let tp = 0;
    let fp = 0;
    d.analysis.groups.forEach((group, i) => {
      if (decisions.dropped.has(i)) return;
      const g = d.toGold[i];
      const type = decisions.types.get(i) ?? group.type;
      const same = g !== undefined && sameClass(type, gold[g].type);
      if (g !== undefined && !credited.has(g) && (!typed || same)) {
        credited.add(g);
        tp++;
      } else fp++;
    });
    return scoreOf(tp, fp, gold.length - tp);
  };
  return { plain: count(false), typed: count(true) };
}

const sameClass = (a: string, b: string): boolean => {
  const org = (t: string) => t === "Company" || t === "Organization" || t === "PublicBody";
  return a === b || (org(a) && org(b));
};

/** The entity decoding with the best mean of plain and typed entity F1 over out-of-fold probabilities. */
const KEEP_THRESHOLDS = [0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

function chooseEntityDecoding(
  documents: PreparedDocument[],
  models: EntityModel[],
  folds: number[],
  keeps: number[] = KEEP_THRESHOLDS,
): { decoding: EntityDecoding; plain: Score; typed: Score } {
  let best: { decoding: EntityDecoding; plain: Score; typed: Score; key: number } | null = null;
  for (const keep of keeps) {
    for (const retype of [0.5, 0.6, 0.7, 0.8, 0.9, 1.01]) {
      const plain: Score[] = [];
      const typed: Score[] = [];
      documents.forEach((d, i) => {
        const model = { ...models[folds[i]], decoding: { keep, retype } };
        const s = scoreEntities(d, decideEntities(d.analysis, model));
        plain.push(s.plain);
        typed.push(s.typed);
      });
      const p = sumScores(plain);
      const t = sumScores(typed);
      const key = p.f1 + t.f1;
      if (!best || key > best.key + 1e-12) best = { decoding: { keep, retype }, plain: p, typed: t, key };
    }
  }
  if (!best) throw new SkeinError("INTERNAL_INVARIANT", "train: no entity decoding to choose from", {});
  return best;
}

/**
 * Trains the learned model on prepared documents. Both decodings (which entities to keep and retype;
 * relation thresholds and whether rule claims are kept beside the model's) are chosen on out-of-fold
 * predictions within these documents, then both heads are trained on all of them.
 */
export function trainLearnedModel(documents: PreparedDocument[], config: TrainingConfig): LearnedModel {
  const folds = foldsOf(
    documents.map((d) => d.document),
    config.decodingFolds,
    config.seed,
  );
  const k = config.decodingFolds;
  // The entity head first: its out-of-fold types are what the relation head trains on, as it will see
  // the entity model's types (not the gold ones) on new text.
  const entityModels: EntityModel[] = [];
  for (let fold = 0; fold < k; fold++)
    entityModels.push(
      fitEntities(
        documents.filter((_, i) => folds[i] !== fold),
        config,
        { keep: 0.5, retype: 1.01 },
      ),
    );
  // Types first (they shape the relation features); which entities to keep is chosen below, with the
  // relations, since dropping an entity drops its relations too.
  const typing = chooseEntityDecoding(documents, entityModels, folds);
  const entityDecisions = documents.map((d, i) =>
    decideEntities(d.analysis, { ...entityModels[folds[i]], decoding: typing.decoding }),
  );
  const typed = documents.map((d, i) => ({ ...d, ...typedPairs(d, entityDecisions[i].types) }));
  const decisions: PairDecision[][] = documents.map(() => []);
  const provisional: Decoding = { threshold: 0.5, secondThreshold: 1.01, combination: "model" };
  for (let fold = 0; fold < k; fold++) {
    const model = fitRelations(
      typed.filter((_, i) => folds[i] !== fold),
      config,
      provisional,
    );
    typed.forEach((d, i) => {
      if (folds[i] === fold) decisions[i] = scorePairs(d.pairs, d.features, model);
    });
  }
  let best: {
    entity: ReturnType<typeof chooseEntityDecoding>;
    decoding: Decoding;
    score: DecodedScore;
    key: number;
  } | null = null;
  for (const keep of KEEP_THRESHOLDS) {
    const entity = chooseEntityDecoding(documents, entityModels, folds, [keep]);
    const dropped = documents.map(
      (d, i) =>
        decideEntities(d.analysis, {
          ...entityModels[folds[i]],
          decoding: { keep, retype: typing.decoding.retype },
        }).dropped,
    );
    const { decoding, score } = chooseDecoding(typed, decisions, config, dropped);
    const key = entity.plain.f1 + score.pair.f1;
    if (!best || key > best.key + 1e-12)
      best = {
        entity: { ...entity, decoding: { keep, retype: typing.decoding.retype } },
        decoding,
        score,
        key,
      };
  }
  if (!best) throw new SkeinError("INTERNAL_INVARIANT", "train: no keep threshold to choose from", {});
  const { entity, decoding, score } = best;
  return {
    name: LEARNED_MODEL_NAME,
    featureSet: FEATURE_SET_VERSION,
    relations: fitRelations(typed, config, decoding),
    entities: fitEntities(documents, config, entity.decoding),
    header: {
      trainedOn: {
        documents: documents.length,
        relations: documents.reduce((n, d) => n + d.document.relations.length, 0),
        sha256: "",
        date: "",
      },
      config: { ...config },
      figures: {
        decodingsChosenOn: `${config.decodingFolds}-fold cross-validation within the training documents`,
        innerEntities: roundScore(entity.plain),
        innerEntitiesTyped: roundScore(entity.typed),
        innerPair: roundScore(score.pair),
        innerTyped: roundScore(score.typed),
      },
    },
  };
}

/** A score with its figures rounded to three places, for headers and reports. */
export function roundScore(s: Score): Score {
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  return { ...s, precision: r(s.precision), recall: r(s.recall), f1: r(s.f1) };
}

/** The extraction of a prepared document by the rules alone (no model) or by rules and the learned model. */
export function extractPrepared(document: PreparedDocument, model: LearnedModel | undefined): Extraction {
  const { analysis } = document;
  const options = {
    sourceId: document.document.id,
    published: document.document.source.date,
    gazetteer: undefined,
    learned: model,
  };
  if (!model) return finishExtraction(analysis, filterClaims(analysis.proposals), undefined, options);
  const entities = decideEntities(analysis, model.entities);
  const retyped = typedPairs(document, entities.types);
  const pairs = retyped.pairs
    .map((p, i) => ({ p, f: retyped.features[i] }))
    .filter(({ p }) => !entities.dropped.has(p.first) && !entities.dropped.has(p.second));
  const claims = combineClaims(
    analysis,
    scorePairs(
      pairs.map((x) => x.p),
      pairs.map((x) => x.f),
      model.relations,
    ),
    model.relations,
  ).filter((c) => !entities.dropped.has(c.subject) && !entities.dropped.has(c.object));
  return finishExtraction(analysis, claims, entities, options);
}
