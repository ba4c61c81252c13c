// What every reader returns: the document's normalised text and the metadata it carries.

/** A document read from a file, before it becomes a stored source. */
export interface DocumentRead {
  /** The reader that read it (text, html, pdf, ftm). */
  format: string;
  /** Normalised text (NFC, `\n` line ends): offsets into it never change afterwards. */
  text: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** YYYY-MM-DD. */
  published: string | null;
  url: string | null;
  /** Page start offsets for paged documents. */
  pageStarts: number[] | null;
  /** FollowTheMoney entities carried by the file (FtM readers only). */
  ftmEntities: FtmEntityDatum[];
  /** Things the user should know that did not stop the read (e.g. replaced invalid UTF-8). */
  warnings: string[];
}

/** A FollowTheMoney entity as found in JSON. */
export interface FtmEntityDatum {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** An empty read, for readers to fill in. */
export function emptyRead(format: string, text: string): DocumentRead {
  return {
    format,
    text,
    title: null,
    author: null,
    publisher: null,
    published: null,
    url: null,
    pageStarts: null,
    ftmEntities: [],
    warnings: [],
  };
}

/** Turns a date-ish string from metadata into YYYY-MM-DD, or null. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  // PDF dates: D:YYYYMMDDHHmmSS
  const pdf = /^D:(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (pdf) return `${pdf[1]}-${pdf[2]}-${pdf[3]}`;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}
