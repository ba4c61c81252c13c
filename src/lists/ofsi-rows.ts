// Shared by the UK OFSI Consolidated List readers (XLSX and CSV, 2022 layout and the legacy HM Treasury
// layout): check the header, then fold the one-row-per-name-variant rows into one entry per Group ID.
import type { ListEntry, ListEntrySchema } from "../model/index.js";
import { countryCode } from "./countries.js";
import {
  addCountry,
  addIdentifier,
  addUnique,
  clean,
  entitySchema,
  finishEntry,
  joinAddress,
  newEntry,
} from "./entry-builder.js";
import { parseListDate, parseListDates } from "./list-dates.js";
import type { IssueLog } from "./list-format.js";

/** Columns every OFSI layout has; a sheet without them is not the UK list. */
export const OFSI_REQUIRED = ["Name 6", "Name 1", "Group Type", "Alias Type", "Regime", "Group ID"];

/** The missing required columns of a header row (empty when it is an OFSI header). */
export function missingOfsiColumns(header: string[]): string[] {
  const have = new Set(header.map((h) => h.trim()));
  return OFSI_REQUIRED.filter((c) => !have.has(c));
}

/** One data row keyed by header name, with where it came from. */
export interface OfsiRow {
  values: Record<string, string>;
  line: number;
}

const SCHEMA: Record<string, ListEntrySchema> = { individual: "Person", ship: "Vessel" };

/** Splits OFSI's multi-valued cells: "(1) A (2) B" → ["A", "B"]. */
function multi(value: string | undefined): string[] {
  const text = clean(value);
  if (!text) return [];
  if (!/^\(1\)/.test(text)) return [text];
  return text
    .split(/\(\d+\)\s*/)
    .map((s) => s.trim().replace(/[,;]$/, "").trim())
    .filter(Boolean);
}

/** Folds rows into entries by Group ID; `list` names the list (conlist). */
export class OfsiGrouper {
  readonly #entries = new Map<string, ListEntry>();
  readonly #primaries = new Map<string, number>();
  readonly #file: string;
  readonly #log: IssueLog;

  constructor(file: string, log: IssueLog) {
    this.#file = file;
    this.#log = log;
  }

  /** Adds one name-variant row. */
  add({ values: v, line }: OfsiRow): void {
    const groupId = clean(v["Group ID"]);
    const type = (clean(v["Group Type"]) ?? "").toLowerCase();
    const surname = clean(v["Name 6"]);
    if (!groupId || !/^\d+$/.test(groupId)) {
      this.#log.error({
        code: "LISTS_BAD_ROW",
        file: this.#file,
        line,
        field: "Group ID",
        message: "Group ID must be a whole number, e.g. 15672",
        received: v["Group ID"] ?? "",
      });
      return;
    }
    if (!surname) {
      this.#log.error({
        code: "LISTS_BAD_ROW",
        file: this.#file,
        line,
        field: "Name 6",
        message: "the name (Name 6) is empty",
      });
      return;
    }
    const given = ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5"].map((k) => clean(v[k])).filter(Boolean);
    const name = type === "individual" && given.length ? `${given.join(" ")} ${surname}` : surname;
    let entry = this.#entries.get(groupId);
    if (!entry) {
      entry = newEntry("uk", "conlist", groupId, SCHEMA[type] ?? entitySchema(name));
      this.#entries.set(groupId, entry);
    }
    const aliasType = (clean(v["Alias Type"]) ?? "").toLowerCase();
    const weak = /low/i.test(v["Alias Quality"] ?? "");
    if (/^(primary name|prime alias)$/.test(aliasType)) {
      // Primary names go before the aliases, in the order they come.
      const primaries = this.#primaries.get(groupId) ?? 0;
      if (!entry.names.includes(name)) entry.names.splice(primaries, 0, name);
      this.#primaries.set(groupId, primaries + 1);
    } else if (weak) addUnique(entry.weakAliases, name);
    else addUnique(entry.names, name);
    addUnique(entry.names, v["Name Non-Latin Script"]);
    addUnique(entry.programs, v.Regime);
    entry.listingDate ??= parseListDate(v["Listed On"]);
    for (const dob of multi(v.DOB)) for (const date of parseListDates(dob)) addUnique(entry.birthDates, date);
    for (const nationality of multi(v.Nationality)) addCountry(entry, nationality.replace(/\s*\(.*\)$/, ""));
    for (const passport of multi(v["Passport Number"] ?? v["Passport Details"])) {
      const m = /^([A-Z0-9-]{4,})/i.exec(passport);
      if (m) addIdentifier(entry, "passport", m[1]);
    }
    for (const id of multi(v["National Identification Number"] ?? v["NI Number"])) {
      const m = /^([A-Z0-9-]{4,})/i.exec(id);
      if (m) addIdentifier(entry, "national_id", m[1]);
    }
    const address = joinAddress([
      v["Address 1"],
      v["Address 2"],
      v["Address 3"],
      v["Address 4"],
      v["Address 5"],
      v["Address 6"],
      v["Post/Zip Code"],
      v.Country,
    ]);
    addUnique(entry.addresses, address);
    addCountry(entry, v.Country);
    const other = clean(v["Other Information"]);
    if (other) {
      entry.remarks ??= other;
      const ukRef = /\(UK Sanctions List Ref\):\s*([A-Z]{3}\d+)/.exec(other);
      if (ukRef) addIdentifier(entry, "uk_sanctions_list_ref", ukRef[1]);
      const unRef = /\(UN Ref\):\s*([A-Za-z]+\.\d+(?:\.[A-Za-z0-9]+)*)/.exec(other);
      if (unRef) addIdentifier(entry, "un_reference", unRef[1]);
      for (const imo of other.matchAll(/IMO(?:\s+(?:number|no\.?))?\)?\s*:?\s*(\d{7})\b/gi))
        addIdentifier(entry, "imo", imo[1]);
    }
    const code = countryCode(v["Country of Birth"]);
    if (code && entry.schema === "Person" && !entry.countries.length) entry.countries.push(code);
  }

  /** The entries, one per Group ID, in first-seen order. */
  entries(): ListEntry[] {
    return [...this.#entries.values()].map((e) => {
      e.names = [...new Set(e.names)];
      return finishEntry(e);
    });
  }
}
