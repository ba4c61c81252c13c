// HTML articles: the article body found by Readability (over linkedom's DOM), with title, author,
// publisher, date and address read from the page's meta tags (Open Graph, article:*, citation_*).
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { normaliseText, SkeinError } from "../../model/index.js";
import { assertText, decodeUtf8 } from "../decode.js";
import { type DocumentRead, emptyRead, toIsoDate } from "../document.js";
import type { Reader } from "./reader.js";

const BLOCK_TAGS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "UL",
  "OL",
  "TABLE",
  "TR",
  "BLOCKQUOTE",
  "PRE",
  "FIGURE",
  "FIGCAPTION",
  "HEADER",
  "FOOTER",
  "DL",
  "DT",
  "DD",
]);
/** Shortest article body we accept; below it the page has navigation, not an article. */
const MIN_ARTICLE_CHARS = 40;
/**
 * Deepest element nesting read. News pages nest 20 to 60 deep; Readability's work grows faster than
 * the nesting, so a page tens of thousands deep would run for hours.
 */
export const MAX_HTML_DEPTH = 256;
/** Elements that have no end tag, or whose end tag HTML lets a page leave out: they never nest deeper. */
const NOT_NESTING = new Set(
  "area base br col embed hr img input link meta source track wbr p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp html head body".split(
    " ",
  ),
);
const TAG = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;

/** The deepest element nesting of a page, read from its tags without building a DOM. */
export function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(TAG)) {
    const [, raw, closing, name, selfClosing] = match;
    if (raw || !name || selfClosing || NOT_NESTING.has(name.toLowerCase())) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree with blocks separated by blank lines and <br> as line breaks. */
function blockText(node: DomNode, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out.push((child.textContent ?? "").replace(/\s+/g, " "));
    else if (child.nodeType === 1) {
      if (child.nodeName === "BR") out.push("\n");
      else if (child.nodeName === "SCRIPT" || child.nodeName === "STYLE") continue;
      else if (BLOCK_TAGS.has(child.nodeName)) {
        out.push("\n\n");
        blockText(child, out);
        out.push("\n\n");
      } else blockText(child, out);
    }
  }
}

function tidy(parts: string[]): string {
  return parts
    .join("")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

type MetaDocument = { querySelector(selector: string): { getAttribute(name: string): string | null } | null };

function meta(document: MetaDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const element =
      document.querySelector(`meta[property="${key}"]`) ?? document.querySelector(`meta[name="${key}"]`);
    const content = element?.getAttribute("content")?.trim();
    if (content) return content;
  }
  return null;
}

/** Reads .html/.htm pages. */
export const htmlReader: Reader = {
  name: "html",
  extensions: [".html", ".htm", ".xhtml"],
  sniff: (bytes) => /^\s*(<!doctype html|<html)/i.test(new TextDecoder().decode(bytes.subarray(0, 512))),
  async read(bytes, file): Promise<DocumentRead> {
    assertText(bytes, file);
    const { text: html, warnings } = decodeUtf8(bytes, file);
    const depth = nestingDepth(html);
    if (depth > MAX_HTML_DEPTH) {
      throw new SkeinError(
        "INGEST_TOO_DEEP",
        `the page nests elements ${depth} deep; the limit is ${MAX_HTML_DEPTH}`,
        { file, received: `${depth} levels` },
      );
    }
    // A fragment without <html> leaves linkedom without a root element; give it one.
    const parsed = parseHTML(html).document;
    const { document } = parsed.documentElement
      ? { document: parsed }
      : parseHTML(`<html><body>${html}</body></html>`);
    const metaDoc = document as unknown as MetaDocument;
    let article: ReturnType<Readability["parse"]>;
    try {
      article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    } catch (cause) {
      // Readability walks whatever DOM a hostile page builds; its failure is the page's, not ours.
      throw new SkeinError(
        "INGEST_NO_ARTICLE",
        `the HTML page cannot be read as an article: ${(cause as Error).message}`,
        { file },
        { cause },
      );
    }
    const pageTitle = meta(metaDoc, "og:title", "twitter:title", "citation_title") ?? document.title ?? null;
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;
    const body = article?.content
      ? parseHTML(`<html><body>${article.content}</body></html>`).document.body
      : null;
    const parts: string[] = [];
    if (body) blockText(body as unknown as DomNode, parts);
    const text = normaliseText(tidy(parts));
    if (text.length < MIN_ARTICLE_CHARS) {
      throw new SkeinError("INGEST_NO_ARTICLE", "no article body found in the HTML page", {
        file,
        received: `${text.length} characters of article text`,
      });
    }
    const read = emptyRead("html", text);
    read.warnings.push(...warnings);
    read.title = pageTitle || article?.title || null;
    read.author = meta(metaDoc, "author", "article:author", "citation_author") ?? article?.byline ?? null;
    read.publisher =
      meta(metaDoc, "og:site_name", "publisher", "citation_publisher") ?? article?.siteName ?? null;
    read.published = toIsoDate(
      meta(metaDoc, "article:published_time", "citation_publication_date", "date", "dc.date", "pubdate") ??
        article?.publishedTime,
    );
    read.url = meta(metaDoc, "og:url") ?? canonical;
    return read;
  },
};
