// report.md: the same report as Markdown (CommonMark with GFM tables and footnotes); document text is
// HTML-escaped and Markdown-escaped, since Markdown renderers pass raw HTML through.
import { describeCitation } from "../citations.js";
import { type Block, composeReport, type Inline } from "../compose.js";
import { escapeMarkdown as m, safeUrl } from "../escape.js";
import type { Investigation } from "../investigation.js";
import type { ExportFormat } from "../writer.js";

function inline(part: Inline): string {
  if (typeof part === "string") return m(part);
  if ("strong" in part) return `**${m(part.strong)}**`;
  if ("cite" in part) return `[^${part.cite}]`;
  return `**⚠ ${m(part.warn)}**`;
}

const inlines = (parts: Inline[]) => parts.map(inline).join("");

function block(b: Block, inv: Investigation, notes: ReturnType<typeof composeReport>["notes"]): string {
  switch (b.kind) {
    case "heading":
      return `${"#".repeat(b.level)} ${m(b.text)}`;
    case "paragraph":
      return inlines(b.inlines);
    case "list":
      return b.items.map((item) => `- ${inlines(item)}`).join("\n");
    case "contents":
      return [
        "**Contents**",
        "",
        ...b.entries.map((e) => `- [${m(e.text)}](#${e.id})${e.detail ? ` — ${m(e.detail)}` : ""}`),
      ].join("\n");
    case "table":
      return [
        `| ${b.head.map((v) => m(v)).join(" | ")} |`,
        `|${b.head.map(() => " --- ").join("|")}|`,
        ...b.rows.map((row) => `| ${row.map(inlines).join(" | ")} |`),
      ].join("\n");
    case "picture": {
      const p = inv.picture;
      return m(
        `The network picture (${p.nodes.length} entities, ${p.edges.length} links, sanctioned parties at the centre) is drawn in report.html; network.graphml and network.gexf open in Gephi.`,
      );
    }
    case "sources":
      return b.sources
        .map((s) => {
          const url = safeUrl(s.url);
          const meta = [s.publisher, s.published, s.kind].filter(Boolean).join(", ");
          return `- ${m(s.title ?? s.filename ?? s.id)} (${m(meta)})${url ? ` <${url.replace(/[<>]/g, "")}>` : s.url ? ` ${m(s.url)}` : ""}`;
        })
        .join("\n");
    case "notes":
      return notes
        .map((note) => {
          const d = describeCitation(note);
          const url = safeUrl(d.url);
          return `[^${note.n}]: “${m(d.quote)}” — ${m(d.where)}. *${m(d.how)}*.${url ? ` <${url.replace(/[<>]/g, "")}>` : ""}`;
        })
        .join("\n");
  }
}

/** Renders the Markdown report of an investigation. */
export function renderMarkdown(inv: Investigation): string {
  const { blocks, notes } = composeReport(inv);
  return `${blocks.map((b) => block(b, inv, notes)).join("\n\n")}\n`;
}

/** The report.md format (composed at finish; records are not needed). */
export const reportMd: ExportFormat = {
  name: "md",
  filename: "report.md",
  description: "The report as Markdown, with the same sections and footnotes as report.html.",
  create(investigation, sink) {
    return {
      write() {},
      finish() {
        sink.write(renderMarkdown(investigation));
      },
    };
  },
};
