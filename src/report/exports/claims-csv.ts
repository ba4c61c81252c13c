// claims.csv: every claim of the case, one row each, with its subject, object, certainty, period and
// evidence (RFC 4180 quoting; text cells that a spreadsheet would run as a formula get a leading ').
import type { Network } from "../../graph/index.js";
import type { Claim } from "../../model/index.js";
import type { ExportFormat, ExportWriter, ReportRecord } from "../writer.js";

const COLUMNS = [
  "claim_id",
  "status",
  "subject_id",
  "subject",
  "predicate",
  "object_id",
  "object",
  "certainty",
  "attribution",
  "period_start",
  "period_end",
  "period_text",
  "amount",
  "currency",
  "product",
  "via",
  "source_id",
  "source_title",
  "publisher",
  "published",
  "url",
  "quote",
  "start",
  "end",
  "producer",
] as const;

const CSV_NEEDS_WORK = /^[=+\-@\t\r\s]|[",\r\n]|\s$/;

/** One CSV cell: numbers as they are, text quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (!CSV_NEEDS_WORK.test(value)) return value;
  // Spreadsheets run cells starting with = + - @ (or a tab/CR before them) as formulas (CWE-1236).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The claims.csv format. */
export const claimsCsv: ExportFormat = {
  name: "csv",
  filename: "claims.csv",
  description: "Every claim with its subject, object, certainty, period and evidence, one row each.",
  create(investigation, sink): ExportWriter {
    const network = investigation.network;
    const sources = network.getAttribute("sources");
    sink.write(`${COLUMNS.join(",")}\r\n`);
    return {
      write(record: ReportRecord) {
        if (record.kind !== "claim") return;
        const c = record.claim;
        const s = sources[c.evidence.sourceId];
        const row = [
          c.id,
          c.status,
          c.subjectId,
          captionOf(network, c.subjectId),
          c.predicate,
          c.objectId,
          captionOf(network, c.objectId),
          c.certainty,
          c.attribution,
          c.period?.start,
          c.period?.end,
          c.period?.text,
          c.amount?.value,
          c.amount?.currency,
          c.productId && captionOf(network, c.productId),
          c.viaId && captionOf(network, c.viaId),
          c.evidence.sourceId,
          s?.title,
          s?.publisher,
          s?.published,
          s?.url,
          c.evidence.quote,
          c.evidence.start,
          c.evidence.end,
          c.producer,
        ];
        sink.write(`${row.map(csvCell).join(",")}\r\n`);
      },
      finish() {},
    };
  },
};

function captionOf(network: Network, id: Claim["subjectId"]): string {
  return network.hasNode(id) ? network.getNodeAttribute(id, "caption") : id;
}
