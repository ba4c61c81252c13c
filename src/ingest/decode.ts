// Turning bytes into text safely: binary detection and UTF-8 decoding with replacement.
import { SkeinError } from "../model/index.js";

const SNIFF_BYTES = 8192;

/** True when the bytes look like binary data rather than text (NUL bytes or many control bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, line feed, form feed, carriage return and escape are ordinary in text files.
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

/** Decodes UTF-8; invalid sequences become U+FFFD and a warning says how many. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string; warnings: string[] } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    const text = new TextDecoder("utf-8").decode(bytes);
    const replaced = text.match(/\uFFFD/g)?.length ?? 0;
    return {
      text,
      warnings: [`${file}: invalid UTF-8: ${replaced} byte sequence(s) replaced with U+FFFD`],
    };
  }
}

/** Rejects binary content given as text. */
export function assertText(bytes: Uint8Array, file: string): void {
  if (looksBinary(bytes)) {
    throw new SkeinError("INGEST_BINARY", "the file looks binary (NUL or control bytes), not text", {
      file,
      received: `${bytes.length} bytes`,
    });
  }
}
