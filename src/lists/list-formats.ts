// The registry of list formats: one file per format in ./formats, one line here. Detection tries them
// in this order, so more specific formats come before general ones; --format choices read this array.
import { euFsfCsv } from "./formats/eu-fsf-csv.js";
import { euFsfXml } from "./formats/eu-fsf-xml.js";
import { ftmJson } from "./formats/ftm-json.js";
import { ofacAdvancedXml } from "./formats/ofac-advanced-xml.js";
import { ofacCsv } from "./formats/ofac-csv.js";
import { ofacXml } from "./formats/ofac-xml.js";
import { opensanctionsTargetsCsv } from "./formats/opensanctions-targets-csv.js";
import { ukOfsiCsv } from "./formats/uk-ofsi-csv.js";
import { ukOfsiXlsx } from "./formats/uk-ofsi-xlsx.js";
import { ukSanctionsListCsv } from "./formats/uk-sanctions-list-csv.js";
import { ukSanctionsListXml } from "./formats/uk-sanctions-list-xml.js";
import { unXml } from "./formats/un-xml.js";
import type { ListFormat } from "./list-format.js";

/** Every list format Skein reads, by stable name. */
export const LIST_FORMATS: readonly ListFormat[] = [
  ofacCsv,
  ofacXml,
  ofacAdvancedXml,
  unXml,
  ukOfsiXlsx,
  ukOfsiCsv,
  ukSanctionsListCsv,
  ukSanctionsListXml,
  euFsfXml,
  euFsfCsv,
  ftmJson,
  opensanctionsTargetsCsv,
];
