// OpenSanctions / FollowTheMoney entities as JSON lines (entities.ftm.json): one entity per line with
// id, schema and properties. Persons, companies, organisations, vessels and aircraft become list
// entries; Sanction entities give their programs and listing dates, Address entities their addresses,
// and ownership, directorship, family and other links their "linked to" relations.
import { basename, dirname } from "node:path";
import followthemoney from "@opensanctions/followthemoney";
import { type FtmRecord, type ListEntry, type ListEntrySchema, namePartsOf } from "../../model/index.js";
import { addCountry, addIdentifier, addUnique, finishEntry, newEntry } from "../entry-builder.js";
import { parseListDate } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { readLines } from "../read-stream.js";

interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  referents?: string[];
  target?: boolean;
  first_seen?: string | null;
  last_seen?: string | null;
  last_change?: string | null;
}

const SCHEMA: Record<string, ListEntrySchema> = {
  Person: "Person",
  Company: "Company",
  Organization: "Organization",
  PublicBody: "Organization",
  LegalEntity: "LegalEntity",
  Vessel: "Vessel",
  Airplane: "Airplane",
};

/** FtM properties that are identifiers, with Skein's identifier kind. */
export const FTM_IDENTIFIERS: Record<string, string> = {
  innCode: "inn",
  ogrnCode: "ogrn",
  imoNumber: "imo",
  mmsi: "mmsi",
  registrationNumber: "registration",
  taxNumber: "tax_id",
  vatCode: "vat",
  leiCode: "lei",
  swiftBic: "swift_bic",
  passportNumber: "passport",
  idNumber: "national_id",
  okpoCode: "okpo",
  icaoCode: "icao",
  uscCode: "uscc",
  dunsCode: "duns",
  callSign: "call_sign",
  kppCode: "kpp",
};

const COUNTRY_PROPS = ["country", "nationality", "citizenship", "jurisdiction", "flag", "mainCountry"];
/** Relation schemata and the two properties that hold their ends. */
const LINKS: Record<string, [string, string]> = {
  Ownership: ["owner", "asset"],
  Directorship: ["director", "organization"],
  Family: ["person", "relative"],
  Associate: ["person", "associate"],
  Membership: ["member", "organization"],
  Employment: ["employee", "employer"],
  UnknownLink: ["subject", "object"],
  Representation: ["agent", "client"],
};

/** At most this many adjacent entities are kept with one entry. */
const MAX_ADJACENT = 200;

/** The FtM record of an entity as published. */
function ftmRecord(entity: FtmEntity): FtmRecord {
  return {
    id: entity.id,
    schema: entity.schema,
    caption: entity.caption ?? entity.properties.name?.[0] ?? entity.id,
    properties: entity.properties,
    referents: Array.isArray(entity.referents) ? entity.referents : [],
    target: entity.target === true,
    firstSeen: entity.first_seen ?? null,
    lastSeen: entity.last_seen ?? null,
    lastChange: entity.last_change ?? null,
  };
}

/**
 * Keeps with each entry the entities one step away: those its properties name (addresses), those that
 * name it (sanctions, ownerships, family links) and the other ends of the latter.
 */
function keepAdjacent(entities: Map<string, FtmEntity>, entries: Map<string, ListEntry>): void {
  const referenced = (entity: FtmEntity) =>
    Object.values(entity.properties)
      .flat()
      .filter((value) => value !== entity.id && entities.has(value));
  const inbound = new Map<string, FtmEntity[]>();
  for (const entity of entities.values()) {
    for (const ref of referenced(entity)) {
      if (!entries.has(ref)) continue;
      const list = inbound.get(ref);
      if (list) list.push(entity);
      else inbound.set(ref, [entity]);
    }
  }
  for (const [id, entry] of entries) {
    const self = entities.get(id)!;
    const near = [...referenced(self).map((ref) => entities.get(ref)!), ...(inbound.get(id) ?? [])];
    const adjacent = new Map<string, FtmEntity>();
    for (const entity of near) {
      adjacent.set(entity.id, entity);
      for (const ref of referenced(entity)) if (ref !== id) adjacent.set(ref, entities.get(ref)!);
    }
    entry.ftm!.adjacent = [...adjacent.values()].slice(0, MAX_ADJACENT).map(ftmRecord);
  }
}

/** The FtM schema names, from the model itself: a line of any other schema is a bad row. */
const FTM_SCHEMATA = new Set(Object.keys(new followthemoney.Model(followthemoney.defaultModel).schemata));

/** OpenSanctions / FollowTheMoney JSON lines. */
export const ftmJson: ListFormat = {
  name: "ftm-json",
  authority: "opensanctions",
  description: "OpenSanctions / FollowTheMoney entities, JSON lines (entities.ftm.json)",
  sniff: (file: ListFile) => {
    const first = file.headText.split(/\r?\n/, 1)[0];
    return (
      /^\s*\{/.test(first) &&
      /"schema"\s*:/.test(first) &&
      /"properties"\s*:/.test(first) &&
      !/"op"\s*:/.test(first)
    );
  },
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    const entities = new Map<string, FtmEntity>();
    let anyTarget = false;
    for await (const { text, line } of readLines(file, log)) {
      if (!text.trim()) continue;
      let entity: FtmEntity;
      try {
        entity = JSON.parse(text) as FtmEntity;
      } catch (cause) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line,
          message: `not a JSON object: ${(cause as Error).message}`,
          received: text,
        });
        continue;
      }
      if (
        !entity ||
        typeof entity.id !== "string" ||
        typeof entity.schema !== "string" ||
        typeof entity.properties !== "object"
      ) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line,
          message: "each line must be an FtM entity with id, schema and properties",
          received: text,
        });
        continue;
      }
      if (!FTM_SCHEMATA.has(entity.schema)) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line,
          field: "schema",
          message: `"${entity.schema}" is not a FollowTheMoney schema (e.g. Person, Company, Sanction)`,
          received: entity.schema,
        });
        continue;
      }
      if (entity.target) anyTarget = true;
      entities.set(entity.id, entity);
    }
    const entries = new Map<string, ListEntry>();
    // OpenSanctions names its exports generically (entities.ftm.json, targets.nested.json): the folder
    // they sit in names the dataset.
    const stem = basename(file.name).replace(/\.(ftm\.)?jsonl?$/i, "");
    const list = /^(entities|targets\.nested)(\.ftm)?$/i.test(stem) ? basename(dirname(file.path)) : stem;
    for (const entity of entities.values()) {
      const schema = SCHEMA[entity.schema];
      // A file that marks targets lists the others only as context (owners, relatives, addresses).
      if (!schema || (anyTarget && !entity.target)) continue;
      const p = entity.properties;
      const entry = newEntry("opensanctions", list, entity.id, schema);
      for (const name of [entity.caption, ...(p.name ?? [])]) addUnique(entry.names, name);
      for (const name of [...(p.alias ?? []), ...(p.previousName ?? [])]) addUnique(entry.names, name);
      for (const name of p.weakAlias ?? []) addUnique(entry.weakAliases, name);
      const nameParts = schema === "Person" ? namePartsOf(p) : undefined;
      if (nameParts) entry.nameParts = nameParts;
      for (const prop of COUNTRY_PROPS) for (const c of p[prop] ?? []) addCountry(entry, c);
      for (const date of p.birthDate ?? []) addUnique(entry.birthDates, parseListDate(date) ?? date);
      for (const [prop, kind] of Object.entries(FTM_IDENTIFIERS))
        for (const v of p[prop] ?? []) addIdentifier(entry, kind, v);
      for (const address of p.address ?? []) addUnique(entry.addresses, address);
      for (const ref of p.addressEntity ?? []) {
        const address = entities.get(ref);
        addUnique(entry.addresses, address?.properties.full?.[0] ?? address?.caption);
      }
      for (const program of p.program ?? []) addUnique(entry.programs, program);
      entry.remarks = (p.notes ?? []).join(" ") || null;
      entry.ftm = { ...ftmRecord(entity), adjacent: [] };
      entries.set(entity.id, entry);
    }
    for (const entity of entities.values()) {
      const p = entity.properties;
      if (entity.schema === "Sanction") {
        for (const ref of p.entity ?? []) {
          const entry = entries.get(ref);
          if (!entry) continue;
          for (const program of [...(p.program ?? []), ...(p.programId ?? [])])
            addUnique(entry.programs, program);
          const listed = parseListDate(p.listingDate?.[0] ?? p.startDate?.[0]);
          if (listed && (!entry.listingDate || listed < entry.listingDate)) entry.listingDate = listed;
        }
        continue;
      }
      const ends = LINKS[entity.schema];
      if (!ends) continue;
      for (const a of p[ends[0]] ?? []) {
        for (const b of p[ends[1]] ?? []) {
          if (entries.has(a) && entities.has(b)) addUnique(entries.get(a)!.linkedTo, b);
          if (entries.has(b) && entities.has(a)) addUnique(entries.get(b)!.linkedTo, a);
        }
      }
    }
    keepAdjacent(entities, entries);
    if (!entries.size && entities.size) {
      log.warn({
        file: file.path,
        message: "no Person, Company, Organization, LegalEntity, Vessel or Airplane entities",
      });
    }
    return { list, publishDate: null, entries: [...entries.values()].map(finishEntry) };
  },
};
