// Logistic regression over hashed binary features, one binary classifier per class sharing the features
// ("one versus rest"), trained by stochastic gradient descent with AdaGrad step sizes (Duchi, Hazan and
// Singer, JMLR 2011) and L2 regularisation applied to the weights an example touches. One versus rest
// because a pair may hold two relations at once (a purchase is a supply and a payment; a director may
// own the firm), which a softmax would split between them. Deterministic: the example order comes from
// a seeded generator.

/** One training example: its feature buckets (distinct), its classes (none for a negative) and its weight. */
export interface Example {
  features: Int32Array;
  labels: number[];
  weight: number;
}

/** Training settings. */
export interface SoftmaxConfig {
  /** Number of hash buckets, a power of two. */
  buckets: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/**
 * Trained weights, kept sparse: only buckets some example used have a row. `rowOf[bucket]` is the row's
 * number in `values` (which holds `classes` weights per row), or -1.
 */
export interface SoftmaxWeights {
  classes: number;
  buckets: number;
  rowOf: Int32Array;
  values: Float32Array;
}

/** Builds sparse weights from bucket → row pairs. */
export function packWeights(
  classes: number,
  buckets: number,
  rows: Array<[number, ArrayLike<number>]>,
): SoftmaxWeights {
  const rowOf = new Int32Array(buckets).fill(-1);
  const values = new Float32Array(rows.length * classes);
  rows.forEach(([bucket, row], i) => {
    rowOf[bucket] = i;
    for (let c = 0; c < classes; c++) values[i * classes + c] = row[c];
  });
  return { classes, buckets, rowOf, values };
}

/** The buckets that have a row, in order, with their rows. */
export function rowsOf(weights: SoftmaxWeights): Array<[number, Float32Array]> {
  const out: Array<[number, Float32Array]> = [];
  for (let b = 0; b < weights.buckets; b++) {
    const r = weights.rowOf[b];
    if (r >= 0) out.push([b, weights.values.subarray(r * weights.classes, (r + 1) * weights.classes)]);
  }
  return out;
}

/** mulberry32: a small seeded generator, so training shuffles the same way every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds feature hashes into distinct sorted buckets. */
export function toBuckets(features: number[], buckets: number): Int32Array {
  const mask = buckets - 1;
  const out = new Int32Array(features.length);
  for (let i = 0; i < features.length; i++) out[i] = features[i] & mask;
  return out.subarray(0, sortDistinct(out, 0, out.length));
}

/** Sorts `values[start, end)` in place and moves its distinct values to the front; returns where they end. */
export function sortDistinct(values: Int32Array, start: number, end: number): number {
  values.subarray(start, end).sort();
  let n = start;
  for (let i = start; i < end; i++) if (i === start || values[i] !== values[i - 1]) values[n++] = values[i];
  return n;
}

/** The probability of every class for one example, from dense weights. */
export function predictDense(
  weights: Float32Array,
  classes: number,
  features: Int32Array,
  into: Float64Array,
): void {
  into.fill(0);
  for (let f = 0; f < features.length; f++) {
    const base = features[f] * classes;
    for (let c = 0; c < classes; c++) into[c] += weights[base + c];
  }
  squash(into);
}

/** The probability of every class from sparse weights. */
export function predictSparse(weights: SoftmaxWeights, features: Int32Array, into: Float64Array): void {
  scoreSparse(weights, features, into);
  squash(into);
}

/** The score (log-odds) of every class from sparse weights; `probabilityOf` turns one into a probability. */
export function scoreSparse(weights: SoftmaxWeights, features: Int32Array, into: Float64Array): void {
  const { classes, rowOf, values } = weights;
  if (rowStarts.length < features.length) rowStarts = new Int32Array(2 * features.length);
  let rows = 0;
  for (let f = 0; f < features.length; f++) {
    const r = rowOf[features[f]];
    if (r >= 0) rowStarts[rows++] = r * classes;
  }
  // Five classes at a time, their sums kept in registers rather than stored back after every row;
  // each class still adds its rows in feature order, so the scores are the same to the last bit.
  let c = 0;
  for (; c + 5 <= classes; c += 5) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (let k = 0; k < rows; k++) {
      const at = rowStarts[k] + c;
      s0 += values[at];
      s1 += values[at + 1];
      s2 += values[at + 2];
      s3 += values[at + 3];
      s4 += values[at + 4];
    }
    into[c] = s0;
    into[c + 1] = s1;
    into[c + 2] = s2;
    into[c + 3] = s3;
    into[c + 4] = s4;
  }
  for (; c < classes; c++) {
    let sum = 0;
    for (let k = 0; k < rows; k++) sum += values[rowStarts[k] + c];
    into[c] = sum;
  }
}

// Where the rows of one example's features start in `values`, reused from one example to the next.
let rowStarts = new Int32Array(256);

/** The probability of a class's score. */
export function probabilityOf(score: number): number {
  return 1 / (1 + Math.exp(-score));
}

function squash(scores: Float64Array): void {
  for (let c = 0; c < scores.length; c++) scores[c] = probabilityOf(scores[c]);
}

/** Trains the weights; the same examples, config and seed give the same weights bit for bit. */
export function trainSoftmax(examples: Example[], classes: number, config: SoftmaxConfig): SoftmaxWeights {
  const { buckets, epochs, learningRate, l2 } = config;
  const weights = new Float32Array(buckets * classes);
  const squares = new Float32Array(buckets * classes);
  const order = examples.map((_, i) => i);
  const random = seededRandom(config.seed);
  const p = new Float64Array(classes);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order) {
      const example = examples[index];
      predictDense(weights, classes, example.features, p);
      for (let f = 0; f < example.features.length; f++) {
        const base = example.features[f] * classes;
        for (let c = 0; c < classes; c++) {
          const k = base + c;
          const g = (p[c] - (example.labels.includes(c) ? 1 : 0)) * example.weight + l2 * weights[k];
          if (g === 0) continue;
          squares[k] += g * g;
          weights[k] -= (learningRate * g) / Math.sqrt(squares[k] + 1e-8);
        }
      }
    }
  }
  const rows: Array<[number, Float32Array]> = [];
  for (let b = 0; b < buckets; b++) {
    const row = weights.subarray(b * classes, (b + 1) * classes);
    if (row.some((w) => Math.abs(w) > 1e-6)) rows.push([b, row]);
  }
  return packWeights(classes, buckets, rows);
}
