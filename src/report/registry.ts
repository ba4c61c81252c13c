// The registry of export formats, looked up by stable name; writeReports writes every one of them.
import { claimsCsv } from "./exports/claims-csv.js";
import { ftmJson } from "./exports/ftm-json.js";
import { gexf } from "./exports/gexf.js";
import { graphml } from "./exports/graphml.js";
import { reportHtml } from "./exports/report-html.js";
import { reportMd } from "./exports/report-md.js";
import { SECTION_CSVS } from "./exports/section-csv.js";
import { summaryJson } from "./exports/summary-json.js";
import type { ExportFormat } from "./writer.js";

/**
 * Every export format: summary, html, md, ftm, graphml, gexf, csv (claims), and the report's long sections
 * complete: sanctioned, candidates, paths, links, intermediaries, focal-points, timeline, sources.
 */
export const EXPORTS: readonly ExportFormat[] = Object.freeze([
  summaryJson,
  reportHtml,
  reportMd,
  ftmJson,
  graphml,
  gexf,
  claimsCsv,
  ...SECTION_CSVS,
]);

/** The export format registered under `name`, or undefined. */
export function findExport(name: string): ExportFormat | undefined {
  return EXPORTS.find((f) => f.name === name);
}
