// The shape of an input reader: a name, the file endings it takes, a content sniff and a read.
import type { DocumentRead } from "../document.js";

/** One input kind. */
export interface Reader {
  name: string;
  /** Lower-case endings with the dot. */
  extensions: string[];
  /** True when the content is this kind whatever the file is called. */
  sniff(bytes: Uint8Array): boolean;
  /** Reads the bytes; throws SkeinError with the file named on bad input. */
  read(bytes: Uint8Array, file: string): Promise<DocumentRead>;
}
