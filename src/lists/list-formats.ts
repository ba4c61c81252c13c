// The registry of list formats: one file per format in ./formats, one line here. Detection tries them
// in this order, so more specific formats come before general ones; --format choices read this array.

import { ofacCsv } from "./formats/ofac-csv.js";
import type { ListFormat } from "./list-format.js";

/** Every list format Skein reads, by stable name. */
export const LIST_FORMATS: readonly ListFormat[] = [ofacCsv];
