// report.html: the whole report in one self-contained file (inline CSS and SVG, no scripts, a strict
// Content-Security-Policy), every piece of document text escaped (OWASP XSS Prevention Cheat Sheet).
import { CERTAINTIES, ENTITY_TYPES, PREDICATES } from "../../model/index.js";
import { describeCitation } from "../citations.js";
import { type Block, composeReport, type Inline } from "../compose.js";
import { escapeHtml as h, safeUrl } from "../escape.js";
import type { Investigation } from "../investigation.js";
import type { ExportFormat } from "../writer.js";

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}sup a{text-decoration:none}.warn{background:#fde2e1;color:#8a1111;padding:0 .3rem;border-radius:3px;font-size:.85em}
ol.notes li{margin:.4rem 0}blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #bbb;color:#333}
svg{width:100%;height:auto;border:1px solid #ddd;background:#fff}.legend span{display:inline-block;margin-right:1rem}
nav.contents ul{columns:2;margin:.5rem 0}nav.contents li{break-inside:avoid}h2{margin-top:2rem}`;

/** Stroke pattern of a link by its strongest certainty: the weaker, the sparser. */
const DASH: Record<string, string> = {
  stated: "",
  reported: "",
  assessed: "6 3",
  alleged: "3 3",
  unverified: "1 4",
  denied: "1 8",
};

function inline(part: Inline): string {
  if (typeof part === "string") return h(part);
  if ("strong" in part) return `<strong>${h(part.strong)}</strong>`;
  if ("cite" in part)
    return `<sup><a href="#note-${part.cite}" id="ref-${part.cite}">[${part.cite}]</a></sup>`;
  return `<span class="warn">${h(part.warn)}</span>`;
}

const inlines = (parts: Inline[]) => parts.map(inline).join("");

function picture(inv: Investigation): string {
  const { size, nodes, edges } = inv.picture;
  const at = new Map(nodes.map((n) => [n.id, n]));
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="Network of ${nodes.length} entities">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#888"/></marker></defs>',
  ];
  const labels: string[] = [];
  for (const e of edges) {
    const a = at.get(e.source)!;
    const b = at.get(e.target)!;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const x2 = b.x - ((b.x - a.x) * b.r) / length;
    const y2 = b.y - ((b.y - a.y) * b.r) / length;
    const dash = DASH[e.certainty] ? ` stroke-dasharray="${DASH[e.certainty]}"` : "";
    const predicate = PREDICATES[e.predicate].label;
    out.push(
      `<line x1="${a.x}" y1="${a.y}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="#888" stroke-width="${Math.min(1 + e.sourceCount, 4)}"${dash} marker-end="url(#arrow)"><title>${h(`${a.caption} ${predicate} ${b.caption}: ${e.claimCount} claims, ${e.sourceCount} sources, ${CERTAINTIES[e.certainty].label}`)}</title></line>`,
    );
    // The link's label sits at its middle, over the lines (a paper copy has no hover), under the entities.
    labels.push(
      `<text class="link-label" x="${((a.x + b.x) / 2).toFixed(1)}" y="${((a.y + b.y) / 2).toFixed(1)}" font-size="8" fill="#555" text-anchor="middle" stroke="#fff" stroke-width="2.5" paint-order="stroke">${h(predicate)}</text>`,
    );
  }
  out.push(...labels);
  for (const n of nodes) {
    out.push(
      `<g><circle cx="${n.x}" cy="${n.y}" r="${n.r}" fill="${n.colour}"${n.sanctioned ? ' stroke="#d62728" stroke-width="3"' : ""}><title>${h(`${n.caption} (${ENTITY_TYPES[n.type].label}${n.sanctioned ? ", sanctioned" : ""})`)}</title></circle>`,
      `<text x="${n.x}" y="${n.y + n.r + 11}" font-size="10" text-anchor="middle">${h(n.caption.length > 28 ? `${n.caption.slice(0, 27)}…` : n.caption)}</text></g>`,
    );
  }
  out.push("</svg>");
  const legend = Object.values(ENTITY_TYPES)
    .map(
      (t) =>
        `<span><svg width="12" height="12" style="width:12px;border:0"><circle cx="6" cy="6" r="5" fill="${t.colour}"/></svg> ${h(t.label)}</span>`,
    )
    .join("");
  return `${out.join("\n")}\n<p class="legend">${legend}<span>red ring: sanctioned</span><span>dashed: assessed or weaker</span><span>thicker: more independent sources</span></p>`;
}

function block(b: Block, inv: Investigation, notes: ReturnType<typeof composeReport>["notes"]): string {
  switch (b.kind) {
    case "heading":
      return `<h${b.level} id="${h(b.id)}">${h(b.text)}</h${b.level}>`;
    case "paragraph":
      return `<p>${inlines(b.inlines)}</p>`;
    case "list":
      return `<ul>\n${b.items.map((item) => `<li>${inlines(item)}</li>`).join("\n")}\n</ul>`;
    case "contents":
      return `<nav class="contents" aria-label="Contents"><strong>Contents</strong>\n<ul>\n${b.entries
        .map((e) => `<li><a href="#${h(e.id)}">${h(e.text)}</a>${e.detail ? ` — ${h(e.detail)}` : ""}</li>`)
        .join("\n")}\n</ul></nav>`;
    case "table":
      return `<table>\n<thead><tr>${b.head.map((c) => `<th>${h(c)}</th>`).join("")}</tr></thead>\n<tbody>\n${b.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${inlines(cell)}</td>`).join("")}</tr>`)
        .join("\n")}\n</tbody>\n</table>`;
    case "picture":
      return picture(inv);
    case "sources":
      return `<ul>\n${b.sources
        .map((s) => {
          const url = safeUrl(s.url);
          const title = h(s.title ?? s.filename ?? s.id);
          const meta = [s.publisher, s.published, s.kind]
            .filter(Boolean)
            .map((v) => h(v))
            .join(", ");
          const address = url
            ? ` <a href="${h(url)}" rel="noopener noreferrer">${h(url)}</a>`
            : s.url
              ? ` ${h(s.url)}`
              : "";
          return `<li>${title} (${meta})${address}</li>`;
        })
        .join("\n")}\n</ul>`;
    case "notes":
      return `<ol class="notes">\n${notes
        .map((note) => {
          const d = describeCitation(note);
          const url = safeUrl(d.url);
          const link = url ? ` <a href="${h(url)}" rel="noopener noreferrer">source</a>` : "";
          return `<li id="note-${note.n}"><blockquote>${h(d.quote)}</blockquote>${h(d.where)}. <em>${h(d.how)}</em>.${link} <a href="#ref-${note.n}">↩</a></li>`;
        })
        .join("\n")}\n</ol>`;
  }
}

/** Renders the HTML report of an investigation. */
export function renderHtml(inv: Investigation): string {
  const { blocks, notes } = composeReport(inv);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(inv.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${blocks.map((b) => block(b, inv, notes)).join("\n")}
</body>
</html>
`;
}

/** The report.html format (composed at finish; records are not needed). */
export const reportHtml: ExportFormat = {
  name: "html",
  filename: "report.html",
  description: "The report as one self-contained HTML file with the network picture and footnoted citations.",
  create(investigation, sink) {
    return {
      write() {},
      finish() {
        sink.write(renderHtml(investigation));
      },
    };
  },
};
