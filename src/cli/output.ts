// Printing helpers shared by command modules: results to stdout, messages and progress to stderr.
// Progress bars show only on a terminal and stay quiet in pipes and CI.
import { SingleBar } from "cli-progress";
import type { SkeinError } from "../model/index.js";

/** Prints a result line to stdout. */
export function printResult(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Prints a JSON document to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints a message for the user to stderr. */
export function say(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, space > max / 2 ? space : max - 1).trimEnd()}…`;
}

/** `1 claim`, `2 claims`: a count with its noun in the right number. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : pluralForm}`;
}

/** Renders rows as an aligned text table; line breaks inside a cell become spaces. */
export function formatTable(
  headers: string[],
  rows: Array<Array<string | number | null | undefined>>,
): string {
  const cells = [
    headers,
    ...rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c).replace(/\s+/g, " ")))),
  ];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (c ?? "").padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** A progress reporter; a no-op unless stderr is a terminal and CI is unset. */
export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

/** Starts a progress bar of `total` steps. */
export function startProgress(total: number, title: string): Progress {
  if (!process.stderr.isTTY || process.env.CI || total < 2) return { tick() {}, stop() {} };
  const bar = new SingleBar({
    format: `${title} [{bar}] {value}/{total} {label}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { label: "" });
  return {
    tick: (label = "") => bar.increment(1, { label: label.slice(0, 40) }),
    stop: () => bar.stop(),
  };
}

/**
 * A user's error as the CLI prints it: `skein: file:line field: message`, then the details other
 * than where, then the hint. No stack: the input is the user's to fix.
 */
export function formatUserError(error: SkeinError): string {
  const where = error.where ? `${error.where}: ` : "";
  const lines = [`skein: ${where}${error.message}`];
  for (const [key, value] of Object.entries(error.details)) {
    if (["file", "line", "field"].includes(key) || value === undefined) continue;
    if (Array.isArray(value)) lines.push(`  ${key}:`, ...value.map((v) => `    ${String(v)}`));
    else lines.push(`  ${key}: ${String(value)}`);
  }
  lines.push(`  hint: ${error.hint}`);
  return lines.join("\n");
}
