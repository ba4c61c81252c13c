// Shared by the EU Financial Sanctions Files readers (XML 1.1 and CSV 1.1): the parts of one
// sanctionEntity (names, citizenships, birth dates, addresses, identifications, regulations) as plain
// records, turned into a ListEntry the same way whichever file they came from.
import type { ListEntry } from "../model/index.js";
import { countryCode } from "./countries.js";
import {
  addCountry,
  addIdentifier,
  addUnique,
  clean,
  entitySchema,
  finishEntry,
  identifierType,
  joinAddress,
  newEntry,
} from "./entry-builder.js";
import { parseListDate } from "./list-dates.js";

/** One sanctionEntity, gathered from its XML element or its CSV rows. */
export interface EuEntityParts {
  logicalId: string;
  subjectType: string;
  remark: string | null;
  designationDate: string | null;
  euReferenceNumber: string | null;
  unitedNationId: string | null;
  regulations: Array<{ programme: string | null; publicationDate: string | null }>;
  names: Array<{
    wholeName: string | null;
    firstName: string | null;
    middleName: string | null;
    lastName: string | null;
    strong: boolean;
  }>;
  citizenships: string[];
  birthDates: Array<{ date: string | null; year: string | null; country: string | null }>;
  addresses: Array<{
    street: string | null;
    poBox: string | null;
    zipCode: string | null;
    city: string | null;
    region: string | null;
    country: string | null;
    countryIso2: string | null;
  }>;
  identifications: Array<{
    number: string | null;
    typeCode: string | null;
    typeDescription: string | null;
    countryIso2: string | null;
  }>;
}

/** An empty parts record for `logicalId`. */
export function newEuParts(logicalId: string): EuEntityParts {
  return {
    logicalId,
    subjectType: "",
    remark: null,
    designationDate: null,
    euReferenceNumber: null,
    unitedNationId: null,
    regulations: [],
    names: [],
    citizenships: [],
    birthDates: [],
    addresses: [],
    identifications: [],
  };
}

/** The ListEntry of one EU sanctionEntity. */
export function buildEuEntry(parts: EuEntityParts): ListEntry {
  const names = parts.names.map((n) => ({
    name: clean(n.wholeName) ?? clean([n.firstName, n.middleName, n.lastName].filter(Boolean).join(" ")),
    strong: n.strong,
  }));
  const first = names.find((n) => n.name && n.strong)?.name ?? names.find((n) => n.name)?.name ?? "";
  const person = /^person$/i.test(parts.subjectType);
  const entry = newEntry("eu", "fsf", parts.logicalId, person ? "Person" : entitySchema(first));
  for (const n of names) addUnique(n.strong ? entry.names : entry.weakAliases, n.name);
  // The parts of the primary name, when it was given by them.
  const primary = parts.names.find((n) => n.strong && clean(n.firstName) && clean(n.lastName));
  if (person && primary && names[parts.names.indexOf(primary)].name === first) {
    entry.nameParts = {
      firstName: clean(primary.firstName)!,
      ...(clean(primary.middleName) ? { middleName: clean(primary.middleName)! } : {}),
      lastName: clean(primary.lastName)!,
    };
  }
  for (const c of parts.citizenships) addCountry(entry, c);
  for (const b of parts.birthDates)
    addUnique(entry.birthDates, parseListDate(b.date) ?? parseListDate(b.year));
  for (const a of parts.addresses) {
    addUnique(entry.addresses, joinAddress([a.street, a.poBox, a.zipCode, a.city, a.region, a.country]));
    addCountry(entry, a.countryIso2 || a.country);
  }
  for (const id of parts.identifications) {
    const country = countryCode(id.countryIso2);
    const label = [id.typeDescription, id.typeCode].filter(Boolean).join(" ");
    if (id.number) addIdentifier(entry, identifierType(label, id.number, country), id.number, country);
  }
  if (parts.euReferenceNumber) addIdentifier(entry, "eu_reference", parts.euReferenceNumber);
  if (parts.unitedNationId) addIdentifier(entry, "un_reference", parts.unitedNationId);
  const dates: string[] = [];
  for (const r of parts.regulations) {
    addUnique(entry.programs, r.programme);
    const d = parseListDate(r.publicationDate);
    if (d) dates.push(d);
  }
  entry.listingDate = parseListDate(parts.designationDate) ?? dates.sort()[0] ?? null;
  entry.remarks = clean(parts.remark);
  return finishEntry(entry);
}
