// Writes every export format of an investigation into one folder, streaming the case's records
// (sources, entities, links, claims) through all writers in one pass.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Investigation } from "./investigation.js";
import { EXPORTS } from "./registry.js";
import { FileSink, writeFailed } from "./sink.js";
import type { ExportFormat, ExportWriter, ReportRecord } from "./writer.js";

/** One file written. */
export interface WrittenFile {
  format: string;
  path: string;
  bytes: number;
}

/**
 * Writes summary.json, report.html, report.md, entities.ftm.json, network.graphml, network.gexf and
 * claims.csv (or only `formats`) into `outDir`, creating it. Throws REPORT_WRITE_FAILED when a file
 * cannot be written.
 */
export function writeReports(
  investigation: Investigation,
  outDir: string,
  formats: readonly ExportFormat[] = EXPORTS,
): WrittenFile[] {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (cause) {
    throw writeFailed(outDir, cause);
  }
  const open: Array<{ format: ExportFormat; sink: FileSink; writer: ExportWriter }> = [];
  try {
    for (const format of formats) {
      const sink = new FileSink(join(outDir, format.filename));
      open.push({ format, sink, writer: format.create(investigation, sink) });
    }
    const send = (record: ReportRecord) => {
      for (const o of open) o.writer.write(record);
    };
    for (const source of investigation.sources) send({ kind: "source", source });
    investigation.network.forEachNode((_id, entity) => send({ kind: "entity", entity }));
    investigation.network.forEachEdge((key, data, subjectId, objectId) =>
      send({ kind: "link", link: { key, subjectId, objectId, data } }),
    );
    for (const claim of investigation.claims) send({ kind: "claim", claim });
    for (const o of open) o.writer.finish();
    return open.map((o) => ({ format: o.format.name, path: o.sink.path, bytes: o.sink.close() }));
  } catch (error) {
    for (const o of open) {
      try {
        o.sink.close();
      } catch {
        // Already failing: the first error is the one reported.
      }
    }
    throw error;
  }
}
