// Plain text and Markdown: the text as it is, normalised. A Markdown front matter supplies title,
// date and address when present.
import { normaliseText } from "../../model/index.js";
import { assertText, decodeUtf8 } from "../decode.js";
import { type DocumentRead, emptyRead, toIsoDate } from "../document.js";
import type { Reader } from "./reader.js";

function frontMatter(text: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return {};
  const fields: Record<string, string> = {};
  for (const line of match[1].split("\n")) {
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (kv) fields[kv[1].toLowerCase()] = kv[2].replace(/^["']|["']$/g, "").trim();
  }
  return fields;
}

/** Reads .txt and .md files. */
export const textReader: Reader = {
  name: "text",
  extensions: [".txt", ".md", ".markdown", ".text"],
  sniff: () => false,
  async read(bytes, file): Promise<DocumentRead> {
    assertText(bytes, file);
    const { text, warnings } = decodeUtf8(bytes, file);
    const read = emptyRead("text", normaliseText(text));
    read.warnings.push(...warnings);
    const meta = frontMatter(read.text);
    read.title = meta.title ?? null;
    read.published = toIsoDate(meta.date ?? meta.published);
    read.url = meta.url ?? null;
    read.author = meta.author ?? null;
    read.publisher = meta.publisher ?? null;
    return read;
  },
};
