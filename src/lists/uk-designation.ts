// Shared by the FCDO UK Sanctions List readers (CSV and XML): one designation gathered as names plus
// field values keyed by a normalised column or element name ("D.O.B" and <DOB> both read "dob"), turned
// into a ListEntry the same way whichever file it came from.
import type { ListEntry, ListEntrySchema } from "../model/index.js";
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

/** A column or element name reduced to lower-case letters and digits. */
export const fieldKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** One designation of the UK Sanctions List. */
export interface UkDesignation {
  uniqueId: string;
  names: Array<{ given: string[]; surname: string | null; nameType: string; strength: string }>;
  /** Values by fieldKey, in order, without repeats. */
  fields: Map<string, string[]>;
  addresses: string[][];
}

/** An empty designation record. */
export function newUkDesignation(uniqueId: string): UkDesignation {
  return { uniqueId, names: [], fields: new Map(), addresses: [] };
}

/** Adds a field value once. */
export function addUkField(designation: UkDesignation, name: string, value: string | null | undefined): void {
  const text = clean(value);
  if (!text) return;
  const key = fieldKey(name);
  const values = designation.fields.get(key) ?? [];
  if (!values.includes(text)) values.push(text);
  designation.fields.set(key, values);
}

const SCHEMA: Record<string, ListEntrySchema> = { individual: "Person", ship: "Vessel" };

/** The ListEntry of one designation (authority id: the list's Unique ID, e.g. RUS0001). */
export function buildUkDesignationEntry(d: UkDesignation): ListEntry {
  const get = (...keys: string[]) => keys.flatMap((k) => d.fields.get(k) ?? []);
  const type = (get("designationtype", "individualentityship")[0] ?? "").toLowerCase();
  const names = d.names.map((n) => ({
    ...n,
    full: clean(type === "individual" ? [...n.given, n.surname].filter(Boolean).join(" ") : n.surname),
  }));
  names.sort(
    (a, b) => Number(/^primary name$/i.test(b.nameType)) - Number(/^primary name$/i.test(a.nameType)),
  );
  const entry = newEntry(
    "uk",
    "sanctions-list",
    d.uniqueId,
    SCHEMA[type] ?? entitySchema(names[0]?.full ?? ""),
  );
  for (const n of names) addUnique(/low/i.test(n.strength) ? entry.weakAliases : entry.names, n.full);
  for (const n of get("namenonlatinscript")) addUnique(entry.names, n);
  for (const r of get("regimename")) addUnique(entry.programs, r);
  entry.listingDate = parseListDate(get("datedesignated")[0]);
  for (const dob of get("dob")) for (const date of parseListDates(dob)) addUnique(entry.birthDates, date);
  for (const c of get("nationalityies", "nationality", "currentbelievedflagofship")) addCountry(entry, c);
  for (const p of get("passportnumber")) addIdentifier(entry, "passport", p);
  for (const n of get("nationalidentifiernumber")) addIdentifier(entry, "national_id", n);
  for (const b of get("businessregistrationnumbers", "businessregistrationnumber"))
    addIdentifier(entry, "registration", b);
  for (const imo of get("imonumber")) addIdentifier(entry, "imo", imo.replace(/^IMO\s*/i, ""));
  for (const g of get("ofsigroupid")) addIdentifier(entry, "ofsi_group_id", g);
  for (const u of get("unreferencenumber")) addIdentifier(entry, "un_reference", u);
  for (const parts of d.addresses) {
    addUnique(entry.addresses, joinAddress(parts));
    addCountry(entry, parts.at(-1));
  }
  entry.remarks = clean([...get("otherinformation"), ...get("ukstatementofreasons")].join(" "));
  return finishEntry(entry);
}
