#!/usr/bin/env node
// Scores a name matcher on labelled pairs: reads the CSV that `skein compare-names` writes (columns
// is_match and score), prints best F1 (and its threshold), ROC-AUC and F1 at a given threshold.
// Usage: node scripts/evaluate-names.mjs SCORED.csv [--threshold 0.7] [--json]
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

/** Precision, recall and F1 of `rows` ({label, score}) at `threshold` (score >= threshold is a match). */
export function f1At(rows, threshold) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { label, score } of rows) {
    const predicted = score >= threshold;
    if (predicted && label) tp++;
    else if (predicted && !label) fp++;
    else if (!predicted && label) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold, precision, recall, f1 };
}

/** The threshold (among the observed scores) with the highest F1. */
export function bestF1(rows) {
  let best = f1At(rows, Number.POSITIVE_INFINITY);
  for (const threshold of new Set(rows.map((r) => r.score))) {
    const result = f1At(rows, threshold);
    if (result.f1 > best.f1) best = result;
  }
  return best;
}

/** ROC-AUC: the chance that a random true pair scores above a random false one (ties count half). */
export function rocAuc(rows) {
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].score === sorted[i].score) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k].label) {
        rankSum += rank;
        positives++;
      }
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Reads labelled, scored rows from CSV text. */
export function readScored(text) {
  const records = parse(text, { columns: true, skip_empty_lines: true });
  return records.map((r) => ({
    ...r,
    label: String(r.is_match).trim().toLowerCase() === "true",
    score: Number(r.score),
  }));
}

/** All figures for a scored CSV. */
export function evaluate(text, threshold = 0.7) {
  const rows = readScored(text);
  return { pairs: rows.length, best: bestF1(rows), auc: rocAuc(rows), atThreshold: f1At(rows, threshold) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--threshold");
  const thresholdIndex = args.indexOf("--threshold");
  const threshold = thresholdIndex >= 0 ? Number(args[thresholdIndex + 1]) : 0.7;
  const result = evaluate(readFileSync(file ?? 0, "utf8"), threshold);
  if (args.includes("--json")) console.log(JSON.stringify(result));
  else {
    const pct = (x) => x.toFixed(3);
    console.log(`pairs ${result.pairs}`);
    console.log(
      `best F1 ${pct(result.best.f1)} at threshold ${pct(result.best.threshold)} (precision ${pct(result.best.precision)}, recall ${pct(result.best.recall)})`,
    );
    console.log(`ROC-AUC ${pct(result.auc)}`);
    console.log(
      `F1 at ${threshold} ${pct(result.atThreshold.f1)} (precision ${pct(result.atThreshold.precision)}, recall ${pct(result.atThreshold.recall)})`,
    );
  }
}
