// Ingest: files (txt, md, html, pdf, FtM json/jsonl) → sources with normalised text whose character
// offsets never change. Reads files; writes the sources table (and entities for FtM files).
// Public: ingestPaths, readDocument, expandPaths, READERS, DEFAULT_MAX_BYTES.
export type { DocumentRead, FtmEntityDatum } from "./document.js";
export {
  buildSource,
  DEFAULT_MAX_BYTES,
  expandPaths,
  type IngestOptions,
  type IngestResult,
  ingestPaths,
  readDocument,
} from "./ingest.js";
export { READERS } from "./readers/index.js";
