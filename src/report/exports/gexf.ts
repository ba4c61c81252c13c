// network.gexf: the network for Gephi, following the GEXF 1.3 specification (gexf.net): nodes and
// edges with declared attributes; parallel links of different predicates are told apart by `kind`.
import { escapeHtml as x } from "../escape.js";
import type { ExportFormat, ExportWriter, ReportRecord } from "../writer.js";

const NODE_ATTRIBUTES = [
  ["type", "string"],
  ["country", "string"],
  ["sanctioned", "boolean"],
  ["programs", "string"],
] as const;
const EDGE_ATTRIBUTES = [
  ["predicate", "string"],
  ["claims", "integer"],
  ["sources", "integer"],
  ["certainty", "string"],
  ["start", "string"],
  ["end", "string"],
  ["after_listing", "boolean"],
  ["quote", "string"],
] as const;

/** The network.gexf format. */
export const gexf: ExportFormat = {
  name: "gexf",
  filename: "network.gexf",
  description: "The network as GEXF 1.3 for Gephi, links weighted by evidence strength.",
  create(investigation, sink): ExportWriter {
    sink.write('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n');
    sink.write(
      `<meta lastmodifieddate="${x(investigation.generatedAt.slice(0, 10))}"><creator>Skein</creator>`,
    );
    sink.write(`<description>${x(investigation.title)}</description></meta>\n`);
    sink.write('<graph defaultedgetype="directed" mode="static">\n<attributes class="node">\n');
    NODE_ATTRIBUTES.forEach(([title, type], i) => {
      sink.write(`<attribute id="${i}" title="${title}" type="${type}"/>\n`);
    });
    sink.write('</attributes>\n<attributes class="edge">\n');
    EDGE_ATTRIBUTES.forEach(([title, type], i) => {
      sink.write(`<attribute id="${i}" title="${title}" type="${type}"/>\n`);
    });
    sink.write("</attributes>\n");
    let section: "none" | "nodes" | "edges" = "none";
    const open = (next: "nodes" | "edges") => {
      if (section === next) return;
      if (section === "nodes") sink.write("</nodes>\n");
      if (section === "none" && next === "edges") sink.write("<nodes/>\n");
      sink.write(`<${next}>\n`);
      section = next;
    };
    const values = (list: unknown[]) =>
      list
        .map((v, i) =>
          v === null || v === undefined || v === "" ? "" : `<attvalue for="${i}" value="${x(v)}"/>`,
        )
        .join("");
    return {
      write(record: ReportRecord) {
        if (record.kind === "entity") {
          open("nodes");
          const e = record.entity;
          const programs = [...new Set(e.listings.flatMap((l) => l.programs))].join("; ");
          sink.write(
            `<node id="${x(e.id)}" label="${x(e.caption)}"><attvalues>${values([e.type, e.country, e.sanctioned, programs])}</attvalues></node>\n`,
          );
        } else if (record.kind === "link") {
          open("edges");
          const { key, subjectId, objectId, data: d } = record.link;
          const attributes = [
            d.predicate,
            d.claimCount,
            d.sourceCount,
            d.certainty,
            d.period?.start,
            d.period?.end,
            d.afterListing.length > 0,
            (d.evidence[0] ?? d.denials[0])?.quote,
          ];
          sink.write(
            `<edge id="${x(key)}" source="${x(subjectId)}" target="${x(objectId)}" kind="${d.predicate}" label="${d.predicate}" weight="${Math.max(d.strength, 0.0001).toFixed(4)}"><attvalues>${values(attributes)}</attvalues></edge>\n`,
          );
        }
      },
      finish() {
        if (section === "none") sink.write("<nodes/>\n<edges/>\n");
        else if (section === "nodes") sink.write("</nodes>\n<edges/>\n");
        else sink.write("</edges>\n");
        sink.write("</graph>\n</gexf>\n");
      },
    };
  },
};
