import { parseListDate } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { missingOfsiColumns, OFSI_REQUIRED, OfsiGrouper } from "../ofsi-rows.js";
import { readHeadedCsvRows } from "../read-stream.js";

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
    let publishDate: string | null = null;
    const grouper = new OfsiGrouper(file.path, log);
    const layout = {
      layout: `UK OFSI (needs ${OFSI_REQUIRED.join(", ")})`,
      missingColumns: missingOfsiColumns,
      preamble: (record: string[]) => {
        const lastUpdated = /^last updated$/i.test(record[0]?.trim() ?? "");
        if (lastUpdated) publishDate = parseListDate(record[1]);
        return lastUpdated;
      },
    };
    for await (const { values, line } of readHeadedCsvRows(file, layout, log)) {
      grouper.add({ values, line });
    }
    return { list: "conlist", publishDate, entries: grouper.entries() };
  },
};
