// Scoring a clustering against gold clusters, as resolution is judged: pairwise (every pair of items in
// one cluster) and B-cubed (per item, the overlap of its predicted and gold clusters), over all items
// and without places (countries are in most documents and would dominate the pairs).

/** One gold item (a document's entity) with its gold cluster and the predicted cluster holding it. */
export interface ClusteredItem {
  gold: string;
  predicted: string;
  /** Gold type of the item ("Place" items are left out of the figures without places). */
  type: string;
}

/** Precision, recall and F1 with the counts behind them (pairs, or items for B-cubed). */
export interface ClusterScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClusteringScores {
  items: number;
  pairwise: ClusterScore & { truePairs: number; predictedPairs: number; goldPairs: number };
  bcubed: ClusterScore;
}

const f1Of = (precision: number, recall: number): number =>
  precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;

const pairsIn = (n: number): number => (n * (n - 1)) / 2;

function countBy(items: ClusteredItem[], key: (item: ClusteredItem) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Pairwise and B-cubed scores of a clustering of the items. With no pair on a side, its score is 1. */
export function scoreClustering(items: ClusteredItem[]): ClusteringScores {
  const gold = countBy(items, (i) => i.gold);
  const predicted = countBy(items, (i) => i.predicted);
  const both = countBy(items, (i) => `${i.gold}\u0000${i.predicted}`);
  let goldPairs = 0;
  for (const n of gold.values()) goldPairs += pairsIn(n);
  let predictedPairs = 0;
  for (const n of predicted.values()) predictedPairs += pairsIn(n);
  let truePairs = 0;
  for (const n of both.values()) truePairs += pairsIn(n);
  const precision = predictedPairs > 0 ? truePairs / predictedPairs : 1;
  const recall = goldPairs > 0 ? truePairs / goldPairs : 1;

  let bPrecision = 0;
  let bRecall = 0;
  for (const item of items) {
    const overlap = both.get(`${item.gold}\u0000${item.predicted}`) as number;
    bPrecision += overlap / (predicted.get(item.predicted) as number);
    bRecall += overlap / (gold.get(item.gold) as number);
  }
  const n = items.length;
  const bp = n > 0 ? bPrecision / n : 1;
  const br = n > 0 ? bRecall / n : 1;
  return {
    items: n,
    pairwise: { precision, recall, f1: f1Of(precision, recall), truePairs, predictedPairs, goldPairs },
    bcubed: { precision: bp, recall: br, f1: f1Of(bp, br) },
  };
}

/** The scores over all items and over the items that are not places. */
export function scoreResolution(items: ClusteredItem[]): {
  all: ClusteringScores;
  withoutPlaces: ClusteringScores;
} {
  return {
    all: scoreClustering(items),
    withoutPlaces: scoreClustering(items.filter((i) => i.type !== "Place")),
  };
}
