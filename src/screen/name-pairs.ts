// Reading and scoring CSV files of name pairs (`name1,name2[,schema]`), the input of `skein compare-names`
// and the format of nomenklatura's labelled name benchmark. CSV as in RFC 4180.
import { parse } from "csv-parse/sync";
import { SkeinError } from "../model/index.js";
import { normaliseName } from "./normalise.js";
import { compareNormalised } from "./similarity.js";

/** A CSV table: its header and rows of cells, in file order. */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Parses CSV text with a header row; a malformed file is SCREEN_BAD_CSV naming the line. */
export function parseCsvTable(text: string, file: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      relax_column_count: false,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new SkeinError(
      "SCREEN_BAD_CSV",
      `${file}: not a valid CSV file: ${(error as Error).message}`,
      { file, line },
      {
        cause: error,
      },
    );
  }
  if (records.length === 0) {
    throw new SkeinError(
      "SCREEN_BAD_CSV",
      `${file}: the file is empty; it needs a header row, e.g. name1,name2`,
      {
        file,
      },
    );
  }
  return { header: records[0].map((h) => h.trim()), rows: records.slice(1) };
}

/** Index of a required column; a missing one is SCREEN_MISSING_COLUMN listing what the header has. */
export function requireColumn(table: CsvTable, name: string, file: string, example: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new SkeinError(
      "SCREEN_MISSING_COLUMN",
      `${file}: the header has no "${name}" column; it has ${table.header.join(",") || "nothing"}; e.g. ${example}`,
      { file, line: 1, field: name, received: table.header.join(",") },
    );
  }
  return index;
}

/** Scores every row of a `name1,name2[,schema]` table and returns the same table with a `score` column added. */
export function scoreNamePairs(table: CsvTable, file: string): CsvTable {
  const example = "name1,name2,schema";
  const first = requireColumn(table, "name1", file, example);
  const second = requireColumn(table, "name2", file, example);
  const schemaColumn = table.header.indexOf("schema");
  const rows = table.rows.map((row) => {
    const schema = schemaColumn >= 0 ? row[schemaColumn]?.trim() || undefined : undefined;
    const score = compareNormalised(
      normaliseName(row[first], schema),
      normaliseName(row[second], schema),
    ).score;
    return [...row, score.toFixed(4)];
  });
  return { header: [...table.header, "score"], rows };
}

/** One CSV cell, quoted when it holds a comma, quote, line break or edge space. */
function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV line (with its line end) from cells. */
export function formatCsvRow(cells: Array<string | number | boolean | null | undefined>): string {
  return `${cells.map((c) => csvCell(c === null || c === undefined ? "" : String(c))).join(",")}\n`;
}

/** A whole CSV table as text. */
export function formatCsvTable(table: CsvTable): string {
  return formatCsvRow(table.header) + table.rows.map((row) => formatCsvRow(row)).join("");
}
