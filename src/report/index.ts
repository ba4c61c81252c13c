// The report stage: reads a CaseView and its network (from the analyse stage) and writes what an
// analyst reads and shares. Public functions: buildInvestigation (run the analyses, gather sections)
// and writeReports (summary.json, report.html, report.md, entities.ftm.json, network.graphml,
// network.gexf, claims.csv and one complete CSV per long section of the report), the EXPORTS registry,
// and the one HTML-escaping helper.
export { type Citation, describeCitation, Footnotes } from "./citations.js";
export { escapeHtml, escapeMarkdown, safeUrl } from "./escape.js";
export { ftmId, ftmSchemaOf } from "./exports/ftm-json.js";
export { renderHtml } from "./exports/report-html.js";
export { renderMarkdown } from "./exports/report-md.js";
export { buildSummary, type Summary, type SummaryHop } from "./exports/summary-json.js";
export {
  buildInvestigation,
  type CitedSource,
  type Cut,
  type Investigation,
  type InvestigationOptions,
  type Link,
  REPORT_DEFAULTS,
  type ReportLimits,
  type SanctionedParty,
  type TimelineEvent,
  type WeakSpot,
} from "./investigation.js";
export type { Picture, PictureEdge, PictureNode } from "./layout.js";
export { EXPORTS, findExport } from "./registry.js";
export { type WrittenFile, writeReports } from "./write-reports.js";
export type { ExportFormat, ExportWriter, ReportRecord } from "./writer.js";
