// The UK OFSI Consolidated List as CSV (ConList.csv, 2022 layout, and the legacy HM Treasury
// sanctionsconlist.csv in Windows-1252): line 1 "Last Updated,dd/mm/yyyy", line 2 the header, then one row
// per name variant grouped by Group ID.
import { SkeinError } from "../../model/index.js";
import { parseListDate } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { missingOfsiColumns, OFSI_REQUIRED, OfsiGrouper } from "../ofsi-rows.js";
import { readCsvRows } from "../read-stream.js";

/** UK OFSI Consolidated List, CSV (2022 layout and the legacy HM Treasury layout). */
export const ukOfsiCsv: ListFormat = {
  name: "uk-ofsi-csv",
  authority: "uk",
  description:
    "UK OFSI Consolidated List, CSV (ConList.csv; also the legacy HM Treasury sanctionsconlist.csv)",
  sniff: (file: ListFile) =>
    /^(\uFEFF|ï»¿)?"?Last Updated"?,/.test(file.headText) || /^"?Name 6"?,.*Group ID/m.test(file.headText),
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    let header: string[] | null = null;
    let publishDate: string | null = null;
    const grouper = new OfsiGrouper(file.path, log);
    for await (const { record, line } of readCsvRows(file.path)) {
      if (!header) {
        if (/^last updated$/i.test(record[0]?.trim() ?? "")) {
          publishDate = parseListDate(record[1]);
          continue;
        }
        const missing = missingOfsiColumns(record);
        if (missing.length) {
          throw new SkeinError(
            "LISTS_BAD_LAYOUT",
            `line ${line} is not the UK OFSI header: it lacks ${missing.join(", ")} (needs ${OFSI_REQUIRED.join(", ")})`,
            { file: file.path, line, received: record.join(",") },
          );
        }
        header = record.map((h) => h.trim());
        continue;
      }
      if (record.length === 1 && !record[0].trim()) continue;
      if (record.length !== header.length) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line,
          message: `the row has ${record.length} columns; the header has ${header.length}`,
          received: record.join(","),
        });
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((h, i) => {
        values[h] = record[i];
      });
      grouper.add({ values, line });
    }
    return { list: "conlist", publishDate, entries: grouper.entries() };
  },
};
