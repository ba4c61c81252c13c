// The FollowTheMoney model as far as the yente-compatible API needs it: schemata and their parents,
// property types for cleaning a query, the reverse names of entity links, and list entries written as
// FtM entities (the published record where the list was an FtM export, else one built from the entry).
import { countryCode, FTM_IDENTIFIERS } from "../../lists/index.js";
import type { FtmRecord, ListEntry } from "../../model/index.js";

/** Every FtM schema with its parents (followthemoney's schema/*.yaml `extends`). */
const SCHEMATA: Record<string, string[]> = {
  Thing: [],
  Interval: [],
  Value: [],
  Analyzable: [],
  Asset: ["Thing", "Value"],
  LegalEntity: ["Thing"],
  Person: ["LegalEntity"],
  Organization: ["LegalEntity"],
  Company: ["Organization", "Asset"],
  PublicBody: ["Organization"],
  Vehicle: ["Asset"],
  Vessel: ["Vehicle"],
  Airplane: ["Vehicle"],
  RealEstate: ["Asset"],
  Security: ["Asset"],
  BankAccount: ["Asset"],
  CryptoWallet: ["Value", "Thing"],
  Address: ["Thing"],
  Position: ["Thing"],
  Event: ["Interval", "Thing", "Analyzable"],
  Article: ["Thing"],
  Document: ["Thing", "Analyzable"],
  Mention: [],
  Note: ["Analyzable"],
  Sanction: ["Interval"],
  Identification: ["Interval"],
  Passport: ["Identification"],
  Ownership: ["Interest"],
  Interest: ["Interval"],
  Directorship: ["Interest"],
  Membership: ["Interest"],
  Employment: ["Interest"],
  Representation: ["Interest"],
  Family: ["Interval"],
  Associate: ["Interval"],
  Succession: ["Interest"],
  UnknownLink: ["Interest"],
  Occupancy: ["Interval"],
  Payment: ["Interval", "Value"],
  Debt: ["Interval", "Value"],
  Contract: ["Asset"],
  ContractAward: ["Interest", "Value"],
  CourtCase: ["Thing"],
  CourtCaseParty: ["Interest"],
  Project: ["Interval", "Asset"],
  ProjectParticipant: ["Interest"],
  Trip: ["Event"],
  EconomicActivity: ["Interval"],
  Assessment: ["Thing"],
  TaxRoll: ["Interval"],
  License: ["Contract"],
  Call: ["Interval"],
  Email: ["Interval", "Document"],
  Message: ["Interval", "Document"],
  UserAccount: ["Thing"],
};

/** Schemata a query may take and a result may have: the ones yente matches. */
export const MATCHABLE_SCHEMATA = [
  "LegalEntity",
  "Person",
  "Organization",
  "Company",
  "PublicBody",
  "Vessel",
  "Airplane",
];

/** True when `name` is an FtM schema. */
export function isSchema(name: string): boolean {
  return Object.hasOwn(SCHEMATA, name);
}

/** True when `schema` is `ancestor` or descends from it. */
export function schemaIsA(schema: string, ancestor: string): boolean {
  if (schema === ancestor) return true;
  return (SCHEMATA[schema] ?? []).some((parent) => schemaIsA(parent, ancestor));
}

/** True when entities of these two schemata can be the same thing (one descends from the other). */
export function schemataMatch(a: string, b: string): boolean {
  return schemaIsA(a, b) || schemaIsA(b, a);
}

type PropertyType = "name" | "country" | "date" | "identifier" | "text";

/** The properties a yente query and an OpenRefine column use, by the schema that defines them. */
export const PROPERTIES: Array<{ schema: string; name: string; label: string; type: PropertyType }> = [
  ["Thing", "name", "Name", "name"],
  ["Thing", "alias", "Other name", "name"],
  ["Thing", "previousName", "Previous name", "name"],
  ["Thing", "weakAlias", "Weak alias", "name"],
  ["Thing", "country", "Country", "country"],
  ["Thing", "address", "Address", "text"],
  ["Thing", "notes", "Notes", "text"],
  ["Thing", "topics", "Topics", "text"],
  ["Thing", "program", "Program", "text"],
  ["LegalEntity", "mainCountry", "Country of origin", "country"],
  ["LegalEntity", "jurisdiction", "Jurisdiction", "country"],
  ["LegalEntity", "registrationNumber", "Registration number", "identifier"],
  ["LegalEntity", "idNumber", "ID number", "identifier"],
  ["LegalEntity", "taxNumber", "Tax number", "identifier"],
  ["LegalEntity", "innCode", "INN", "identifier"],
  ["LegalEntity", "ogrnCode", "OGRN", "identifier"],
  ["LegalEntity", "okpoCode", "OKPO", "identifier"],
  ["LegalEntity", "vatCode", "V.A.T. Identifier", "identifier"],
  ["LegalEntity", "leiCode", "LEI", "identifier"],
  ["LegalEntity", "dunsCode", "DUNS", "identifier"],
  ["LegalEntity", "uscCode", "USCC", "identifier"],
  ["LegalEntity", "icijId", "ICIJ ID", "identifier"],
  ["LegalEntity", "email", "E-Mail", "text"],
  ["LegalEntity", "phone", "Phone", "text"],
  ["LegalEntity", "website", "Website", "text"],
  ["LegalEntity", "legalForm", "Legal form", "text"],
  ["LegalEntity", "incorporationDate", "Incorporation date", "date"],
  ["LegalEntity", "dissolutionDate", "Dissolution date", "date"],
  ["Person", "firstName", "First name", "name"],
  ["Person", "secondName", "Second name", "name"],
  ["Person", "middleName", "Middle name", "name"],
  ["Person", "fatherName", "Patronymic", "name"],
  ["Person", "lastName", "Last name", "name"],
  ["Person", "birthDate", "Birth date", "date"],
  ["Person", "deathDate", "Death date", "date"],
  ["Person", "birthPlace", "Place of birth", "text"],
  ["Person", "birthCountry", "Country of birth", "country"],
  ["Person", "nationality", "Nationality", "country"],
  ["Person", "citizenship", "Citizenship", "country"],
  ["Person", "passportNumber", "Passport number", "identifier"],
  ["Person", "position", "Position", "text"],
  ["Person", "gender", "Gender", "text"],
  ["Organization", "permId", "PermID", "identifier"],
  ["Organization", "imoNumber", "IMO number", "identifier"],
  ["Company", "kppCode", "KPP", "identifier"],
  ["Company", "swiftBic", "SWIFT/BIC", "identifier"],
  ["Vessel", "imoNumber", "IMO number", "identifier"],
  ["Vessel", "mmsi", "MMSI", "identifier"],
  ["Vessel", "callSign", "Call sign", "identifier"],
  ["Vessel", "flag", "Flag", "country"],
  ["Airplane", "icaoCode", "ICAO aircraft type designator", "identifier"],
].map(([schema, name, label, type]) => ({ schema, name, label, type: type as PropertyType }));

/** The properties of a schema, its own and its parents'. */
export function propertiesOf(schema: string) {
  return PROPERTIES.filter((p) => schemaIsA(schema, p.schema));
}

/** A date as FtM keeps it: a year, year-month or full date prefix; anything else is dropped. */
function cleanDate(value: string): string | null {
  return /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value)?.[0] ?? null;
}

/**
 * A query's properties cleaned as FtM cleans them by type: values to trimmed strings without repeats,
 * countries to ISO codes ("Russia" → "ru"), dates to their date part; values that do not parse, and
 * properties the schema does not have, are dropped.
 */
export function cleanProperties(schema: string, raw: Record<string, unknown>): Record<string, string[]> {
  const known = new Map(propertiesOf(schema).map((p) => [p.name, p.type]));
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const type = known.get(name);
    if (!type) continue;
    const values: string[] = [];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== "string" && typeof item !== "number") continue;
      const text = String(item).trim();
      const clean = type === "country" ? countryCode(text) : type === "date" ? cleanDate(text) : text;
      if (clean && !values.includes(clean)) values.push(clean);
    }
    if (values.length) out[name] = values;
  }
  return out;
}

/** A time as yente gives it: ISO 8601 to the second, no zone ("2023-04-20T18:00:25"). */
export function isoSeconds(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(value);
  if (!match) return null;
  const time = match[2] ?? "00:00:00";
  return `${match[1]}T${time.length === 5 ? `${time}:00` : time}`;
}

/** A list name as an FtM dataset name: lower case letters, digits and underscores. */
export function datasetName(list: string): string {
  return list.toLowerCase().replace(/[^a-z0-9_]+/g, "_");
}

/** Skein's identifier kinds and the FtM property each is written as. */
const IDENTIFIER_PROPERTY = new Map(Object.entries(FTM_IDENTIFIERS).map(([prop, kind]) => [kind, prop]));

/** An entity in yente's shape. */
export interface FtmEntity {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, Array<string | FtmEntity>>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
}

/** The id a list entry has in yente's shape: its FtM id, or `<authority>-<id>` as OpenSanctions writes it. */
export function ftmId(entry: ListEntry): string {
  return entry.ftm?.id ?? `${entry.authority}-${entry.authorityId}`;
}

function recordToEntity(record: FtmRecord, datasets: string[]): FtmEntity {
  return {
    id: record.id,
    caption: record.caption,
    schema: record.schema,
    properties: { ...record.properties },
    datasets,
    referents: record.referents,
    target: record.target,
    first_seen: isoSeconds(record.firstSeen),
    last_seen: isoSeconds(record.lastSeen),
    last_change: isoSeconds(record.lastChange),
  };
}

/** A list entry as an FtM entity: the published record where there is one, else built from its fields. */
export function entryToFtm(entry: ListEntry): FtmEntity {
  const datasets = [datasetName(entry.list)];
  if (entry.ftm) return recordToEntity(entry.ftm, datasets);
  const properties: Record<string, string[]> = {};
  const put = (name: string, values: Array<string | null | undefined>) => {
    const kept = values.filter((v): v is string => typeof v === "string" && v !== "");
    if (kept.length) properties[name] = [...new Set([...(properties[name] ?? []), ...kept])];
  };
  put("name", entry.names.slice(0, 1));
  put("alias", entry.names.slice(1));
  put("weakAlias", entry.weakAliases);
  put(entry.schema === "Person" ? "nationality" : "country", entry.countries);
  put("birthDate", entry.birthDates);
  put("program", entry.programs);
  put("address", entry.addresses);
  put("notes", [entry.remarks]);
  put("topics", ["sanction"]);
  for (const identifier of entry.identifiers)
    put(IDENTIFIER_PROPERTY.get(identifier.type) ?? "idNumber", [identifier.value]);
  const listed = isoSeconds(entry.listingDate);
  return {
    id: ftmId(entry),
    caption: entry.caption,
    schema: entry.schema,
    properties,
    datasets,
    referents: [],
    target: true,
    first_seen: listed,
    last_seen: null,
    last_change: null,
  };
}

/**
 * The names FtM gives a link seen from the entity it points at (followthemoney's `reverse` names):
 * a Sanction's `entity` is the sanctioned party's `sanctions`, an Ownership's `owner` its `ownershipOwner`.
 */
const REVERSE: Record<string, Record<string, string>> = {
  Sanction: { entity: "sanctions" },
  Ownership: { owner: "ownershipOwner", asset: "ownershipAsset" },
  Directorship: { director: "directorshipDirector", organization: "directorshipOrganization" },
  Family: { person: "familyPerson", relative: "familyRelative" },
  Associate: { person: "associates", associate: "associations" },
  Membership: { member: "membershipMember", organization: "membershipOrganization" },
  Employment: { employee: "employers", employer: "employees" },
  Representation: { agent: "agencyClient", client: "agentRepresentation" },
  UnknownLink: { subject: "unknownLinkSubject", object: "unknownLinkObject" },
  Succession: { predecessor: "successors", successor: "predecessors" },
  Identification: { holder: "identification" },
  Passport: { holder: "passport" },
  Address: {},
};

/**
 * yente's nested entity: property values naming an adjacent entity become that entity, and the entities
 * that name this one appear under the link's reverse name, each with its own far end filled in.
 */
export function nestedEntity(entry: ListEntry): FtmEntity {
  const entity = entryToFtm(entry);
  const adjacent = new Map((entry.ftm?.adjacent ?? []).map((r) => [r.id, r]));
  if (!adjacent.size) return entity;
  const datasets = entity.datasets;
  const expand = (record: FtmRecord, skip: string): FtmEntity => {
    const inner = recordToEntity(record, datasets);
    for (const [name, values] of Object.entries(record.properties)) {
      inner.properties[name] = values.map((v) =>
        v !== skip && adjacent.has(v) ? recordToEntity(adjacent.get(v)!, datasets) : v,
      );
    }
    return inner;
  };
  for (const [name, values] of Object.entries(entity.properties)) {
    entity.properties[name] = values.map((v) =>
      typeof v === "string" && adjacent.has(v) ? expand(adjacent.get(v)!, entity.id) : v,
    );
  }
  for (const record of adjacent.values()) {
    for (const [name, values] of Object.entries(record.properties)) {
      if (!values.includes(entity.id)) continue;
      const reverse =
        REVERSE[record.schema]?.[name] ??
        `${record.schema[0].toLowerCase()}${record.schema.slice(1)}${name[0].toUpperCase()}${name.slice(1)}`;
      entity.properties[reverse] = [...(entity.properties[reverse] ?? []), expand(record, entity.id)];
    }
  }
  return entity;
}
