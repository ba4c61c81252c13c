// OFAC's legacy CSV set (dat_spec.txt): sdn.csv/add.csv/alt.csv/sdn_comments.csv for the SDN list and
// cons_prim/cons_add/cons_alt/cons_comments.csv for the non-SDN consolidated list. Headerless, `-0-` for
// null, CRLF or LF, a trailing 0x1A byte; the four files join on ent_num.
import { basename, dirname } from "node:path";
import type { ListEntry, ListEntrySchema } from "../../model/index.js";
import {
  addCountry,
  addIdentifier,
  addUnique,
  clean,
  entitySchema,
  finishEntry,
  joinAddress,
  newEntry,
  resolveLinkedNames,
} from "../entry-builder.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { applyOfacRemarks } from "../ofac-remarks.js";
import { readCsvBatches } from "../read-stream.js";

type Role = "prim" | "add" | "alt" | "comments";

const COLUMNS: Record<Role, string[]> = {
  prim: [
    "ent_num",
    "SDN_Name",
    "SDN_Type",
    "Program",
    "Title",
    "Call_Sign",
    "Vess_type",
    "Tonnage",
    "GRT",
    "Vess_flag",
    "Vess_owner",
    "Remarks",
  ],
  add: ["ent_num", "Add_num", "Address", "City/State/Province/Postal Code", "Country", "Add_remarks"],
  alt: ["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"],
  comments: ["ent_num", "Remarks_Extended"],
};

const FILE_NAMES: Record<string, [string, Role]> = {
  "sdn.csv": ["sdn", "prim"],
  "add.csv": ["sdn", "add"],
  "alt.csv": ["sdn", "alt"],
  "sdn_comments.csv": ["sdn", "comments"],
  "cons_prim.csv": ["cons", "prim"],
  "cons_add.csv": ["cons", "add"],
  "cons_alt.csv": ["cons", "alt"],
  "cons_comments.csv": ["cons", "comments"],
};

const ROLE_BY_COLUMNS: Record<number, Role> = { 12: "prim", 6: "add", 5: "alt", 2: "comments" };

const PUBLISHED_NAME: Record<string, Record<Role, string>> = {
  sdn: { prim: "sdn.csv", add: "add.csv", alt: "alt.csv", comments: "sdn_comments.csv" },
  cons: { prim: "cons_prim.csv", add: "cons_add.csv", alt: "cons_alt.csv", comments: "cons_comments.csv" },
};

/** First line of the head: `ent_num,` then a quoted field or the null marker. */
const ROW_START = /^\d+,(?:\d+,|"|-0-)/;

function countColumns(line: string): number {
  let n = 1;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) n++;
  }
  return n;
}

function roleOf(file: ListFile): [string, Role] | null {
  const known = FILE_NAMES[file.name.toLowerCase()];
  if (known) return known;
  const firstLine = file.headText.split(/\r?\n/, 1)[0];
  const role = ROLE_BY_COLUMNS[countColumns(firstLine)];
  return role ? [file.name.toLowerCase().startsWith("cons") ? "cons" : "sdn", role] : null;
}

const SCHEMA: Record<string, ListEntrySchema> = {
  individual: "Person",
  vessel: "Vessel",
  aircraft: "Airplane",
};

/** OFAC legacy CSV set (sdn.csv + add.csv + alt.csv + sdn_comments.csv, or the cons_* files). */
export const ofacCsv: ListFormat = {
  name: "ofac-csv",
  authority: "ofac",
  description:
    "OFAC legacy CSV set: sdn.csv, add.csv, alt.csv, sdn_comments.csv (or cons_prim/cons_add/cons_alt/cons_comments)",
  // An empty file under its published name is still this format, so that it reads as "no entries".
  sniff: (file) =>
    (ROW_START.test(file.headText) ||
      (FILE_NAMES[file.name.toLowerCase()] !== undefined && /^[\s\u001a]*$/.test(file.headText))) &&
    roleOf(file) !== null,
  setKey: (file) => `${dirname(file.path)}|${roleOf(file)?.[0] ?? "sdn"}`,
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const byRole = new Map<Role, ListFile>();
    let prefix = "sdn";
    for (const file of files) {
      const [p, role] = roleOf(file) ?? ["sdn", "prim"];
      prefix = p;
      const other = byRole.get(role);
      if (other) {
        log.error({
          code: "LISTS_INCOMPLETE_SET",
          file: file.path,
          message: `two files play the same part (${role}) in one OFAC CSV set: ${other.name} and ${file.name}`,
        });
        continue;
      }
      byRole.set(role, file);
    }
    const names = PUBLISHED_NAME[prefix];
    const prim = byRole.get("prim");
    if (!prim) {
      const present = files.map((f) => f.name).join(", ");
      log.error({
        code: "LISTS_INCOMPLETE_SET",
        file: dirname(files[0].path),
        message:
          `the OFAC CSV set has ${present} but not ${names.prim}, the primary file with the names, types and ` +
          `programs; ${present} only add to its entries by ent_num and cannot be loaded alone`,
        received: present,
      });
      return { list: prefix === "sdn" ? "sdn" : "consolidated", publishDate: null, entries: [] };
    }
    const missing = (["add", "alt", "comments"] as Role[]).filter((r) => !byRole.has(r)).map((r) => names[r]);
    if (missing.length) {
      log.warn({
        file: dirname(prim.path),
        message: `the set has no ${missing.join(", ")}: entries lack ${missing
          .map((m) =>
            m.includes("add")
              ? "addresses"
              : m.includes("alt")
                ? "strong aliases"
                : "remarks past 1,000 characters",
          )
          .join(", ")}`,
      });
    }

    const entries = new Map<string, ListEntry>();
    const remarks = new Map<string, string>();
    const list = prefix === "sdn" ? "sdn" : "consolidated";
    await readRows(prim, "prim", log, ({ record, fields, line }) => {
      const [entNum, name, type, program, title, callSign, vesselType, , , flag, owner] = fields;
      if (!name) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: prim.path,
          line,
          field: "SDN_Name",
          message: "the name is empty",
        });
        return;
      }
      const kind = (type ?? "").toLowerCase();
      const entry = newEntry("ofac", list, entNum, SCHEMA[kind] ?? entitySchema(name));
      addUnique(entry.names, name);
      for (const p of (program ?? "").split(/\]\s*\[/)) addUnique(entry.programs, p.replace(/^\[|\]$/g, ""));
      if (entry.schema === "Vessel") {
        addCountry(entry, flag);
        addIdentifier(entry, "call_sign", callSign);
      }
      if (title || vesselType || owner) {
        remarks.set(
          `${entNum}#head`,
          [title, vesselType && `Vessel type ${vesselType}`, owner && `Owner ${owner}`]
            .filter(Boolean)
            .join("; "),
        );
      }
      if (clean(record[11])) remarks.set(entNum, record[11]);
      if (entries.has(entNum)) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: prim.path,
          line,
          field: "ent_num",
          message: `ent_num ${entNum} appears twice`,
          received: entNum,
        });
      }
      entries.set(entNum, entry);
    });

    const orphan = (file: ListFile, line: number, entNum: string) =>
      log.warn({
        file: file.path,
        line,
        field: "ent_num",
        message: `ent_num ${entNum} is not in ${prim.name}; row skipped`,
        received: entNum,
      });

    const add = byRole.get("add");
    if (add) {
      await readRows(add, "add", log, ({ fields, line }) => {
        const entry = entries.get(fields[0]);
        if (!entry) {
          orphan(add, line, fields[0]);
          return;
        }
        addUnique(entry.addresses, joinAddress([fields[2], fields[3], fields[4]]) ?? undefined);
        addCountry(entry, fields[4]);
      });
    }
    const alt = byRole.get("alt");
    if (alt) {
      await readRows(alt, "alt", log, ({ fields, line }) => {
        const entry = entries.get(fields[0]);
        if (!entry) {
          orphan(alt, line, fields[0]);
          return;
        }
        // alt.csv holds OFAC's strong aliases; the weak ones are only in the remarks.
        if (/weak/i.test(fields[4] ?? "")) addUnique(entry.weakAliases, fields[3]);
        else addUnique(entry.names, fields[3]);
      });
    }
    const comments = byRole.get("comments");
    if (comments) {
      await readRows(comments, "comments", log, ({ record, fields, line }) => {
        if (!entries.has(fields[0])) {
          orphan(comments, line, fields[0]);
          return;
        }
        // The extended remarks continue the 1,000-character Remarks field where it was cut.
        remarks.set(fields[0], (remarks.get(fields[0]) ?? "") + (record[1] ?? ""));
      });
    }

    const linked = new Map<string, string[]>();
    for (const [entNum, entry] of entries) {
      const text = remarks.get(entNum);
      if (text) {
        const facts = applyOfacRemarks(entry, text);
        if (facts.linkedNames.length) linked.set(entNum, facts.linkedNames);
      }
      entry.remarks = [remarks.get(`${entNum}#head`), text].filter(Boolean).join("; ") || null;
    }
    resolveLinkedNames(entries, linked);
    return { list, publishDate: null, entries: [...entries.values()].map(finishEntry) };
  },
};

/** One row of a file of the set: raw cells, cells with the null marker cleared, and its line. */
interface Row {
  record: string[];
  fields: string[];
  line: number;
}

/**
 * Reads one file of the set and calls `onRow` for each good row; rows with the wrong column count or
 * no ent_num go to the log. A callback rather than a generator: no promise per row on 50,000 rows.
 */
async function readRows(file: ListFile, role: Role, log: IssueLog, onRow: (row: Row) => void): Promise<void> {
  const columns = COLUMNS[role];
  for await (const batch of readCsvBatches(file, log)) {
    for (const { record, line } of batch) {
      if (record.length === 1 && /^[\s\u001a]*$/.test(record[0])) continue;
      if (record.length !== columns.length) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line,
          message: `the row has ${record.length} columns; ${basename(file.path)} rows have ${columns.length} (${columns.join(", ")})`,
          received: record.join(","),
        });
        continue;
      }
      const fields = record.map((v) => clean(v) ?? "");
      if (!/^\d+$/.test(fields[0])) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line,
          field: "ent_num",
          message: "ent_num must be a whole number, e.g. 36",
          received: record[0],
        });
        continue;
      }
      onRow({ record, fields, line });
    }
  }
}
