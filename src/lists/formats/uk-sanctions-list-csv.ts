import { clean } from "../entry-builder.js";
import { parseListDate } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { readHeadedCsvRows } from "../read-stream.js";
import {
  addUkField,
  buildUkDesignationEntry,
  fieldKey,
  newUkDesignation,
  type UkDesignation,
} from "../uk-designation.js";

const REQUIRED = ["Unique ID", "Name 6", "Name type", "Regime Name", "Designation Type"];
const NAME_COLUMNS = new Set([
  "name1",
  "name2",
  "name3",
  "name4",
  "name5",
  "name6",
  "nametype",
  "aliasstrength",
]);

/** FCDO UK Sanctions List, CSV. */
export const ukSanctionsListCsv: ListFormat = {
  name: "uk-sanctions-list-csv",
  authority: "uk",
  description: "FCDO UK Sanctions List, CSV (UK-Sanctions-List.csv)",
  sniff: (file: ListFile) =>
    /^(\uFEFF|ï»¿)?"?Report Date/.test(file.headText) || /Unique ID.*OFSI Group ID/.test(file.headText),
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    let publishDate: string | null = null;
    const byId = new Map<string, UkDesignation>();
    const layout = {
      layout: "UK Sanctions List",
      missingColumns: (header: string[]) => REQUIRED.filter((c) => !header.includes(c)),
      preamble: (record: string[]) => {
        const m = /^Report Date:\s*(.+)$/i.exec(record[0]?.trim() ?? "");
        if (m) publishDate = parseListDate(m[1].replace(/-/g, " "));
        return m !== null;
      },
      key: fieldKey,
    };
    for await (const { values: v, record, line } of readHeadedCsvRows(file, layout, log)) {
      const id = clean(v.uniqueid);
      if (!id || !clean(v.name6)) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line,
          field: id ? "Name 6" : "Unique ID",
          message: "each row needs a Unique ID and a Name 6",
          received: record.join(","),
        });
        continue;
      }
      const d = byId.get(id) ?? newUkDesignation(id);
      byId.set(id, d);
      d.names.push({
        given: [v.name1, v.name2, v.name3, v.name4, v.name5]
          .map((n) => clean(n))
          .filter((n): n is string => !!n),
        surname: clean(v.name6),
        nameType: clean(v.nametype) ?? "",
        strength: clean(v.aliasstrength) ?? "",
      });
      for (const [key, value] of Object.entries(v)) {
        if (!NAME_COLUMNS.has(key) && !key.startsWith("address")) addUkField(d, key, value);
      }
      const address = [1, 2, 3, 4, 5, 6]
        .map((n) => v[`addressline${n}`])
        .concat(v.addresspostalcode, v.addresscountry);
      if (address.some((a) => clean(a))) d.addresses.push(address.map((a) => clean(a) ?? ""));
    }
    return { list: "sanctions-list", publishDate, entries: [...byId.values()].map(buildUkDesignationEntry) };
  },
};
