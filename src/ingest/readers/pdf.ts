// PDF documents: the text layer of each page (unpdf over PDF.js), pages joined by blank lines and
// their start offsets kept so a citation can name the page. Scans without a text layer are refused.
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { normaliseText, SkeinError } from "../../model/index.js";
import { type DocumentRead, emptyRead, toIsoDate } from "../document.js";
import type { Reader } from "./reader.js";

const PAGE_SEPARATOR = "\n\n";

/** Reads .pdf files. */
export const pdfReader: Reader = {
  name: "pdf",
  extensions: [".pdf"],
  sniff: (bytes) => new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-",
  async read(bytes, file): Promise<DocumentRead> {
    let pages: string[];
    let info: Record<string, unknown> = {};
    try {
      // Verbosity 0: PDF.js's warnings about damaged files would go to the user's terminal.
      const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
      pages = (await extractText(pdf, { mergePages: false })).text;
      info = ((await getMeta(pdf)).info ?? {}) as Record<string, unknown>;
    } catch (cause) {
      throw new SkeinError(
        "INGEST_PDF_CORRUPT",
        `the PDF cannot be read: ${(cause as Error).message}`,
        { file },
        { cause },
      );
    }
    const normalised = pages.map((page) => normaliseText(page).trim());
    if (normalised.every((page) => page.length === 0)) {
      throw new SkeinError("INGEST_PDF_NO_TEXT", "the PDF has no text layer (OCR is not supported)", {
        file,
        received: `${pages.length} page(s) without text`,
      });
    }
    const pageStarts: number[] = [];
    let text = "";
    normalised.forEach((page, index) => {
      if (index > 0) text += PAGE_SEPARATOR;
      pageStarts.push(text.length);
      text += page;
    });
    const read = emptyRead("pdf", text);
    read.pageStarts = pageStarts;
    const str = (key: string) => (typeof info[key] === "string" && (info[key] as string).trim()) || null;
    read.title = str("Title");
    read.author = str("Author");
    read.published = toIsoDate(str("CreationDate"));
    return read;
  },
};
