// The learned model as a whole: the relation head and the entity head trained together from the corpus,
// and its weights file (JSON with the weights in base64 as 16-bit integers of one scale), which records
// the feature-set version, the corpus hash, the date and the cross-validated figures. A file of another
// feature set, or a damaged one, is refused with an error that names it.
import { SkeinError } from "../../model/index.js";
import type { Analysis } from "../extract.js";
import type { ProposedClaim } from "../rules/index.js";
import { decideEntities, ENTITY_CLASSES, type EntityDecisions, type EntityModel } from "./entity-model.js";
import { FEATURE_SET_VERSION } from "./features/index.js";
import {
  type Decoding,
  proposeClaims,
  RELATION_MODEL_NAME,
  type RelationModel,
  readClass,
} from "./relation-model.js";
import { packWeights, rowsOf, type SoftmaxWeights } from "./softmax.js";

/** The name of the weights file and of the model it holds. */
export const LEARNED_MODEL_NAME = "skein-extract-v1";

/** Where a model came from and how well it did. */
export interface ModelHeader {
  trainedOn: { documents: number; relations: number; sha256: string; date: string };
  config: Record<string, unknown>;
  figures: Record<string, unknown>;
}

/** The learned model: a relation head and an entity head over the rules' analysis. */
export interface LearnedModel {
  name: string;
  featureSet: string;
  relations: RelationModel;
  entities: EntityModel;
  header: ModelHeader;
}

/** What the learned model proposes for an analysed text. */
export interface LearnedProposal {
  claims: ProposedClaim[];
  entities: EntityDecisions;
}

/** Runs both heads over an analysis: entity decisions first, then claims among the entities kept. */
export function applyLearned(analysis: Analysis, model: LearnedModel): LearnedProposal {
  const entities = decideEntities(analysis, model.entities);
  return { claims: proposeClaims(analysis, model.relations, entities), entities };
}

/** The JSON form of a head's weights. */
interface WeightsFile {
  classes: string[];
  buckets: number;
  /** Bucket numbers of the rows, Int32 little-endian, base64. */
  rows: string;
  /** The rows' weights as Int16 little-endian, base64, `classes` per row; weight = value × scale. */
  values: string;
  scale: number;
}

/** The JSON form of a weights file. */
interface ModelFile {
  format: "skein-learned-model";
  name: string;
  featureSet: string;
  trainedOn: ModelHeader["trainedOn"];
  config: Record<string, unknown>;
  figures: Record<string, unknown>;
  relations: WeightsFile & { name: string; decoding: Decoding };
  entities: WeightsFile & { decoding: EntityModel["decoding"] };
}

function writeWeights(classes: string[], weights: SoftmaxWeights): WeightsFile {
  const rows = rowsOf(weights);
  const buckets = rows.map(([b]) => b);
  // 16-bit integers of one scale: a quarter of the bytes, and a rounding far below what moves a probability.
  let largest = 0;
  for (const w of weights.values) largest = Math.max(largest, Math.abs(w));
  const scale = largest > 0 ? largest / 32767 : 1;
  const values = new Int16Array(buckets.length * classes.length);
  rows.forEach(([, row], i) => {
    for (let c = 0; c < row.length; c++) values[i * classes.length + c] = Math.round(row[c] / scale);
  });
  return {
    classes,
    buckets: weights.buckets,
    rows: Buffer.from(new Int32Array(buckets).buffer).toString("base64"),
    values: Buffer.from(values.buffer).toString("base64"),
    scale,
  };
}

/** Writes a model as its weights file; the same model gives the same bytes. */
export function serialiseModel(model: LearnedModel): string {
  const file: ModelFile = {
    format: "skein-learned-model",
    name: model.name,
    featureSet: model.featureSet,
    trainedOn: model.header.trainedOn,
    config: model.header.config,
    figures: model.header.figures,
    relations: {
      name: model.relations.name,
      decoding: model.relations.decoding,
      ...writeWeights(model.relations.classes, model.relations.weights),
    },
    entities: {
      decoding: model.entities.decoding,
      ...writeWeights(model.entities.classes, model.entities.weights),
    },
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** Reads a weights file; a damaged file or one of another feature set is an error naming the file. */
export function parseModel(text: string, file: string): LearnedModel {
  const corrupt = (why: string, cause?: unknown): SkeinError =>
    new SkeinError(
      "EXTRACT_MODEL_CORRUPT",
      `extract: ${file} is not a usable weights file: ${why}`,
      { file },
      { cause },
    );
  let data: ModelFile;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw corrupt("it is not JSON", error);
  }
  if (data?.format !== "skein-learned-model")
    throw corrupt('it has no "format": "skein-learned-model" header');
  if (data.featureSet !== FEATURE_SET_VERSION) {
    throw new SkeinError(
      "EXTRACT_MODEL_STALE",
      `extract: ${file} was trained for feature set ${String(data.featureSet)}, but this Skein computes ${FEATURE_SET_VERSION}`,
      { file, field: "featureSet", received: String(data.featureSet) },
    );
  }
  const relations = data.relations;
  const entities = data.entities;
  if (typeof relations !== "object" || relations === null) throw corrupt("it has no relation weights");
  if (typeof entities !== "object" || entities === null) throw corrupt("it has no entity weights");
  if (
    !Array.isArray(relations.classes) ||
    relations.classes.length === 0 ||
    relations.classes.some((c) => !readClass(c))
  )
    throw corrupt("its relation classes are not predicate> / predicate< names");
  if (!Array.isArray(entities.classes) || entities.classes.join() !== ENTITY_CLASSES.join())
    throw corrupt(`its entity classes are not ${ENTITY_CLASSES.join(", ")}`);
  const d = relations.decoding;
  if (
    typeof d?.threshold !== "number" ||
    typeof d.secondThreshold !== "number" ||
    (d.combination !== "model" && d.combination !== "union")
  )
    throw corrupt("its relation decoding (threshold, secondThreshold, combination) is missing");
  if (typeof entities.decoding?.keep !== "number" || typeof entities.decoding.retype !== "number")
    throw corrupt("its entity decoding (keep, retype) is missing");
  return {
    name: String(data.name),
    featureSet: data.featureSet,
    relations: {
      name: String(relations.name ?? RELATION_MODEL_NAME),
      classes: relations.classes,
      weights: readWeights(relations, "relations", corrupt),
      decoding: d,
    },
    entities: {
      classes: entities.classes,
      weights: readWeights(entities, "entities", corrupt),
      decoding: entities.decoding,
    },
    header: { trainedOn: data.trainedOn, config: data.config ?? {}, figures: data.figures ?? {} },
  };
}

function readWeights(head: WeightsFile, name: string, corrupt: (why: string) => SkeinError): SoftmaxWeights {
  const { classes, buckets, scale } = head;
  if (!Number.isInteger(buckets) || buckets <= 0 || (buckets & (buckets - 1)) !== 0)
    throw corrupt(`its ${name} bucket count is not a power of two`);
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0)
    throw corrupt(`its ${name} weight scale is missing`);
  const rowBytes = Buffer.from(String(head.rows), "base64");
  const valueBytes = Buffer.from(String(head.values), "base64");
  if (rowBytes.length % 4 !== 0 || valueBytes.length !== (rowBytes.length / 2) * classes.length)
    throw corrupt(`its ${name} weights do not fill rows × classes`);
  const rowIds = new Int32Array(
    rowBytes.buffer.slice(rowBytes.byteOffset, rowBytes.byteOffset + rowBytes.length),
  );
  const values = new Int16Array(
    valueBytes.buffer.slice(valueBytes.byteOffset, valueBytes.byteOffset + valueBytes.length),
  );
  const rows: Array<[number, Float32Array]> = [];
  for (let i = 0; i < rowIds.length; i++) {
    if (rowIds[i] < 0 || rowIds[i] >= buckets)
      throw corrupt(`${name} row ${i} names bucket ${rowIds[i]} outside 0…${buckets - 1}`);
    const row = new Float32Array(classes.length);
    for (let c = 0; c < classes.length; c++) row[c] = values[i * classes.length + c] * scale;
    rows.push([rowIds[i], row]);
  }
  return packWeights(classes.length, buckets, rows);
}
