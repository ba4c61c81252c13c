// The reader registry: one reader per input kind, chosen by content sniff, then by file ending.
import { extname } from "node:path";
import { ftmReader } from "./ftm.js";
import { htmlReader } from "./html.js";
import { pdfReader } from "./pdf.js";
import type { Reader } from "./reader.js";
import { textReader } from "./text.js";

/** Every reader, in sniffing order. */
export const READERS: readonly Reader[] = [pdfReader, htmlReader, ftmReader, textReader];

/** File endings a folder walk picks up. */
export const INGESTIBLE_EXTENSIONS = new Set(READERS.flatMap((r) => r.extensions));

/** The reader for a file: content sniff first (a PDF named .txt is a PDF), then the ending. */
export function chooseReader(bytes: Uint8Array, file: string): Reader | undefined {
  return (
    READERS.find((reader) => reader.sniff(bytes)) ??
    READERS.find((reader) => reader.extensions.includes(extname(file).toLowerCase()))
  );
}

export type { Reader };
