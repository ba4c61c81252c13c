// The bounds every list reader works within, so that a hostile or broken file ends in a named error
// instead of exhausting memory or time: file size, records per file, XML nesting, ZIP inflation and time.

/** The bounds of one list load. */
export interface ListLimits {
  /** Largest list file read, in bytes (`lists load --max-size`, in MB). */
  maxBytes: number;
  /** Most records (CSV rows, XML entries, JSON lines, worksheet rows) read from one file (`--max-rows`). */
  maxRecords: number;
  /** Deepest XML element nesting; official lists nest under 15 deep. */
  maxDepth: number;
  /** Most a spreadsheet's compressed part may inflate, as a multiple of its stored size. */
  maxExpansion: number;
  /** Longest time reading one file may take, in seconds. */
  maxSeconds: number;
}

/**
 * The defaults: several times the largest official list (OFAC's advanced XML, about 120 MB and
 * 20,000 entries; OpenSanctions' full FtM export, a few million lines).
 */
export const LIST_LIMITS: Readonly<ListLimits> = Object.freeze({
  maxBytes: 2048 * 1e6,
  maxRecords: 20_000_000,
  maxDepth: 64,
  maxExpansion: 200,
  // The largest official file reads in well under a minute on a laptop.
  maxSeconds: 600,
});
