// The UK OFSI Consolidated List of Financial Sanctions Targets as a spreadsheet (ConList.xlsx, 2022
// layout): row 1 "Last Updated | dd/mm/yyyy", row 2 the header, then one row per name variant grouped
// by Group ID. The worksheet is streamed row by row (read-xlsx.ts).
import { SkeinError } from "../../model/index.js";
import { clean } from "../entry-builder.js";
import { parseListDate } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { missingOfsiColumns, OFSI_REQUIRED, OfsiGrouper } from "../ofsi-rows.js";
import { readFirstSheet } from "../read-xlsx.js";

/** Rows searched for the header before the sheet is declared not to be the UK layout. */
const HEADER_ROWS = 5;
/** Columns that hold dates; a spreadsheet may store them as day serials instead of text. */
const DATE_COLUMNS = new Set(["DOB", "Listed On", "UK Sanctions List Date Designated", "Last Updated"]);

/** A day serial (days since 1899-12-30) as dd/mm/yyyy, as the list writes dates. */
function serialDate(text: string): string {
  if (!/^\d{4,5}(\.\d+)?$/.test(text)) return text;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** UK OFSI Consolidated List, XLSX. */
export const ukOfsiXlsx: ListFormat = {
  name: "uk-ofsi-xlsx",
  authority: "uk",
  description: "UK OFSI Consolidated List of Financial Sanctions Targets, XLSX (ConList.xlsx)",
  sniff: (file: ListFile) =>
    file.head.subarray(0, 4).toString("latin1") === "PK\u0003\u0004" && /\.xlsx$/i.test(file.name),
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    let header: string[] | null = null;
    let publishDate: string | null = null;
    const grouper = new OfsiGrouper(file.path, log);
    let firstRow: string[] = [];
    let seen = 0;
    const sheetName = await readFirstSheet(file, ({ row, cells }, sheet) => {
      if (!header) {
        seen++;
        if (seen === 1) firstRow = cells;
        if (/^last updated$/i.test(cells[0]?.trim() ?? ""))
          publishDate = parseListDate(serialDate(cells[1] ?? ""));
        else if (missingOfsiColumns(cells).length === 0) header = cells.map((c) => c.trim());
        else if (seen >= HEADER_ROWS) throw notUkLayout(file.path, sheet, firstRow);
        return;
      }
      if (!cells.some((c) => clean(c))) return;
      const values: Record<string, string> = {};
      header.forEach((h, i) => {
        values[h] = DATE_COLUMNS.has(h) ? serialDate(cells[i] ?? "") : (cells[i] ?? "");
      });
      grouper.add({ values, line: row });
    });
    if (!header) throw notUkLayout(file.path, sheetName, firstRow);
    return { list: "conlist", publishDate, entries: grouper.entries() };
  },
};

function notUkLayout(path: string, sheet: string, firstRow: string[]): SkeinError {
  return new SkeinError(
    "LISTS_BAD_LAYOUT",
    `sheet "${sheet}" is not the UK OFSI layout: none of its first ${HEADER_ROWS} rows is a header with ` +
      OFSI_REQUIRED.join(", "),
    { file: path, record: `sheet ${sheet} row 1`, received: firstRow.join(" | ") },
  );
}
