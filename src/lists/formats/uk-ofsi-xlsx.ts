// The UK OFSI Consolidated List of Financial Sanctions Targets as a spreadsheet (ConList.xlsx, 2022
// layout): row 1 "Last Updated | dd/mm/yyyy", row 2 the header, then one row per name variant
// grouped by Group ID. Read with exceljs.
import type ExcelJS from "exceljs";
import { SkeinError } from "../../model/index.js";
import { clean } from "../entry-builder.js";
import { parseListDate } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { missingOfsiColumns, OFSI_REQUIRED, OfsiGrouper } from "../ofsi-rows.js";

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const d = value;
    return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value);
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
    // Loaded here, not at the top: exceljs is large and only this format needs it.
    const { default: Excel } = await import("exceljs");
    const workbook = new Excel.Workbook();
    try {
      await workbook.xlsx.readFile(file.path);
    } catch (cause) {
      throw new SkeinError(
        "LISTS_BAD_LAYOUT",
        `cannot read the spreadsheet: ${(cause as Error).message}`,
        { file: file.path },
        { cause },
      );
    }
    const sheet = workbook.worksheets[0];
    if (!sheet)
      throw new SkeinError("LISTS_BAD_LAYOUT", "the workbook has no worksheet", { file: file.path });
    let header: string[] | null = null;
    let headerRow = 0;
    let publishDate: string | null = null;
    const grouper = new OfsiGrouper(file.path, log);
    const scanned = Math.min(sheet.rowCount, 5);
    for (let r = 1; r <= scanned && !header; r++) {
      const cells = (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (/^last updated$/i.test(cells[0]?.trim() ?? "")) publishDate = parseListDate(cells[1]);
      else if (missingOfsiColumns(cells).length === 0) {
        header = cells.map((c) => c.trim());
        headerRow = r;
      }
    }
    if (!header) {
      const first = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
      throw new SkeinError(
        "LISTS_BAD_LAYOUT",
        `sheet "${sheet.name}" is not the UK OFSI layout: none of its first ${scanned} rows is a header with ` +
          `${OFSI_REQUIRED.join(", ")}`,
        { file: file.path, record: `sheet ${sheet.name} row 1`, received: first.join(" | ") },
      );
    }
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const cells = (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1);
      if (!cells.some((c) => clean(cellText(c)))) continue;
      const values: Record<string, string> = {};
      header.forEach((h, i) => {
        values[h] = cellText(cells[i]);
      });
      grouper.add({ values, line: r });
    }
    return { list: "conlist", publishDate, entries: grouper.entries() };
  },
};
