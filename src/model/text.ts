// Source text normalisation and content ids. A source's id is the SHA-256 of its normalised text,
// and the stored text is exactly that text, so [start, end) character offsets stay valid for ever.
import * as crypto from "node:crypto";

/** Unicode NFC, `\n` line ends, no byte-order mark. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
}

// crypto.hash (Node 20.12 and later) digests in one call, about three times as fast as a Hash object on
// the short strings ids are made of; older Nodes build the Hash object.
const digestOnce: typeof crypto.hash | undefined = crypto.hash;

/** Hex SHA-256 of a string (UTF-8) or bytes. */
export function sha256(content: string | Uint8Array): string {
  return digestOnce
    ? digestOnce("sha256", content, "hex")
    : crypto.createHash("sha256").update(content).digest("hex");
}

/** The id of a source: the SHA-256 of its normalised text. */
export function sourceIdOf(normalisedText: string): string {
  return sha256(normalisedText);
}

/** A stable short id for derived records (mentions, claims, entities) from their defining parts. */
export function derivedId(prefix: string, ...parts: Array<string | number>): string {
  return `${prefix}_${sha256(parts.join("\u001f")).slice(0, 16)}`;
}

/** A [start, end) character span into a source's text. */
export interface Span {
  start: number;
  end: number;
}

/** The text of a span; throws a RangeError when the span lies outside the text (a Skein bug). */
export function quoteOf(text: string, span: Span): string {
  if (span.start < 0 || span.end > text.length || span.start > span.end) {
    throw new RangeError(`span [${span.start}, ${span.end}) outside text of length ${text.length}`);
  }
  return text.slice(span.start, span.end);
}
