// network.graphml: entities and links with their attributes for Gephi, yEd or Cytoscape, following
// the GraphML 1.0 specification (graphml.graphdrawing.org/specification.html).
import { escapeHtml as x } from "../escape.js";
import type { ExportFormat, ExportWriter, ReportRecord } from "../writer.js";

const NODE_KEYS = [
  ["caption", "string"],
  ["type", "string"],
  ["country", "string"],
  ["sanctioned", "boolean"],
  ["programs", "string"],
] as const;
const EDGE_KEYS = [
  ["predicate", "string"],
  ["claims", "int"],
  ["sources", "int"],
  ["certainty", "string"],
  ["strength", "double"],
  ["start", "string"],
  ["end", "string"],
  ["after_listing", "boolean"],
  ["quote", "string"],
] as const;

/** The network.graphml format. */
export const graphml: ExportFormat = {
  name: "graphml",
  filename: "network.graphml",
  description:
    "The network as GraphML: entities and links with counts, certainty, period and evidence strength.",
  create(_investigation, sink): ExportWriter {
    sink.write('<?xml version="1.0" encoding="UTF-8"?>\n');
    sink.write(
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
    );
    for (const [name, type] of NODE_KEYS) {
      sink.write(`<key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>\n`);
    }
    for (const [name, type] of EDGE_KEYS) {
      sink.write(`<key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>\n`);
    }
    sink.write('<graph id="skein" edgedefault="directed">\n');
    const data = (prefix: string, name: string, value: unknown) =>
      value === null || value === undefined || value === ""
        ? ""
        : `<data key="${prefix}_${name}">${x(value)}</data>`;
    return {
      write(record: ReportRecord) {
        if (record.kind === "entity") {
          const e = record.entity;
          const programs = [...new Set(e.listings.flatMap((l) => l.programs))].join("; ");
          sink.write(
            `<node id="${x(e.id)}">${data("n", "caption", e.caption)}${data("n", "type", e.type)}${data("n", "country", e.country)}${data("n", "sanctioned", e.sanctioned)}${data("n", "programs", programs)}</node>\n`,
          );
        } else if (record.kind === "link") {
          const { key, subjectId, objectId, data: d } = record.link;
          sink.write(
            `<edge id="${x(key)}" source="${x(subjectId)}" target="${x(objectId)}">${data("e", "predicate", d.predicate)}${data("e", "claims", d.claimCount)}${data("e", "sources", d.sourceCount)}${data("e", "certainty", d.certainty)}${data("e", "strength", d.strength.toFixed(4))}${data("e", "start", d.period?.start)}${data("e", "end", d.period?.end)}${data("e", "after_listing", d.afterListing.length > 0)}${data("e", "quote", (d.evidence[0] ?? d.denials[0])?.quote)}</edge>\n`,
          );
        }
      },
      finish() {
        sink.write("</graph>\n</graphml>\n");
      },
    };
  },
};
