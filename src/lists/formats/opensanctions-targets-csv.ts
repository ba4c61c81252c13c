// OpenSanctions' simplified export targets.simple.csv: one row per target with id, schema, name,
// `;`-joined aliases, birth dates, countries, addresses, identifiers and sanctions.
import type { ListEntrySchema } from "../../model/index.js";
import { addCountry, addIdentifier, addUnique, clean, finishEntry, newEntry } from "../entry-builder.js";
import { parseListDate } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { readHeadedCsvRows } from "../read-stream.js";

const COLUMNS = [
  "id",
  "schema",
  "name",
  "aliases",
  "birth_date",
  "countries",
  "addresses",
  "identifiers",
  "sanctions",
  "dataset",
];
const SCHEMA: Record<string, ListEntrySchema> = {
  Person: "Person",
  Company: "Company",
  Organization: "Organization",
  PublicBody: "Organization",
  LegalEntity: "LegalEntity",
  Vessel: "Vessel",
  Airplane: "Airplane",
};

const split = (value: string | undefined) =>
  (value ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

/** OpenSanctions targets.simple.csv. */
export const opensanctionsTargetsCsv: ListFormat = {
  name: "opensanctions-targets-csv",
  authority: "opensanctions",
  description: "OpenSanctions simplified export, targets.simple.csv",
  sniff: (file: ListFile) => /^(\uFEFF|ï»¿)?"?id"?,"?schema"?,"?name"?,"?aliases"?/.test(file.headText),
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    let list = "targets";
    const entries = [];
    const layout = {
      layout: "OpenSanctions targets.simple.csv",
      missingColumns: (header: string[]) => COLUMNS.filter((c) => !header.includes(c)),
    };
    for await (const { values: v, line } of readHeadedCsvRows(file, layout, log)) {
      const schema = SCHEMA[v.schema];
      if (!schema) continue;
      if (!clean(v.id) || !clean(v.name)) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line,
          field: clean(v.id) ? "name" : "id",
          message: "id and name are required",
        });
        continue;
      }
      const dataset = clean(v.dataset);
      if (dataset)
        list = dataset
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "");
      const entry = newEntry("opensanctions", "targets", v.id, schema);
      addUnique(entry.names, v.name);
      for (const alias of split(v.aliases)) addUnique(entry.names, alias);
      for (const date of split(v.birth_date)) addUnique(entry.birthDates, parseListDate(date) ?? date);
      for (const c of split(v.countries)) addCountry(entry, c);
      for (const a of split(v.addresses)) addUnique(entry.addresses, a);
      for (const id of split(v.identifiers)) addIdentifier(entry, "id", id);
      for (const s of split(v.sanctions)) addUnique(entry.programs, s);
      entries.push(entry);
    }
    for (const entry of entries) {
      entry.list = list;
      entry.id = `opensanctions-${list}-${entry.authorityId}`;
    }
    return { list, publishDate: null, entries: entries.map(finishEntry) };
  },
};
