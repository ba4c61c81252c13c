// OFAC's SDN Advanced XML (sdn_advanced.xml, the `Sanctions` schema of the ADVANCED_XML export): parties
// with identities, aliases made of name parts, features (birth dates, nationality, locations, flags),
// identity documents, relationships between profiles and sanctions entries carrying the programs. Every
// code is resolved through the file's own ReferenceValueSets.
import type { ListEntry, ListEntrySchema } from "../../model/index.js";
import { countryCode } from "../countries.js";
import {
  addCountry,
  addIdentifier,
  addUnique,
  entitySchema,
  finishEntry,
  identifierType,
  joinAddress,
  newEntry,
} from "../entry-builder.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { childText, readXmlRecords, type XmlNode } from "../read-stream.js";

/** Every descendant called `name`, depth first. */
function descendants(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const child of node.children) {
    if (child.name === name) out.push(child);
    descendants(child, name, out);
  }
  return out;
}

/** `<Year>/<Month>/<Day>` children as an ISO prefix. */
function ymd(node: XmlNode | undefined): string | null {
  if (!node) return null;
  const y = childText(node, "Year");
  if (!y) return null;
  const m = childText(node, "Month");
  const d = childText(node, "Day");
  if (!m) return y;
  return d ? `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : `${y}-${m.padStart(2, "0")}`;
}

interface Party {
  node: XmlNode;
  fixedRef: string;
}

/** OFAC SDN Advanced XML. */
export const ofacAdvancedXml: ListFormat = {
  name: "ofac-advanced-xml",
  authority: "ofac",
  description: "OFAC SDN Advanced XML: sdn_advanced.xml (and cons_advanced.xml)",
  sniff: (file: ListFile) =>
    /<Sanctions[\s>]/.test(file.headText) &&
    /ADVANCED_XML|<DateOfIssue|<ReferenceValueSets/.test(file.headText),
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    const list = /cons/i.test(file.name) ? "consolidated" : "sdn";
    const refs = new Map<string, Map<string, XmlNode>>();
    const locations = new Map<string, XmlNode>();
    const documents = new Map<string, XmlNode[]>();
    const parties: Party[] = [];
    const relations: XmlNode[] = [];
    const sanctions: XmlNode[] = [];
    let publishDate: string | null = null;
    await readXmlRecords(file, log, {
      records: new Set([
        "DateOfIssue",
        "ReferenceValueSets",
        "Location",
        "IDRegDocument",
        "DistinctParty",
        "ProfileRelationship",
        "SanctionsEntry",
      ]),
      onRecord(node) {
        switch (node.name) {
          case "DateOfIssue":
            publishDate = ymd(node);
            break;
          case "ReferenceValueSets":
            for (const set of node.children) {
              for (const value of set.children) {
                const byId = refs.get(value.name) ?? new Map<string, XmlNode>();
                byId.set(value.attrs.ID, value);
                refs.set(value.name, byId);
              }
            }
            break;
          case "Location":
            locations.set(node.attrs.ID, node);
            break;
          case "IDRegDocument": {
            const docs = documents.get(node.attrs.IdentityID) ?? [];
            docs.push(node);
            documents.set(node.attrs.IdentityID, docs);
            break;
          }
          case "DistinctParty":
            parties.push({ node, fixedRef: node.attrs.FixedRef });
            break;
          case "ProfileRelationship":
            relations.push(node);
            break;
          case "SanctionsEntry":
            sanctions.push(node);
            break;
        }
      },
    });
    const ref = (set: string, id: string | undefined) => (id ? refs.get(set)?.get(id) : undefined);
    const refText = (set: string, id: string | undefined) => ref(set, id)?.text ?? "";

    const entries = new Map<string, ListEntry>();
    const byProfile = new Map<string, ListEntry>();
    for (const { node, fixedRef } of parties) {
      const profile = node.children.find((c) => c.name === "Profile");
      if (!fixedRef || !profile) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line: node.line,
          record: fixedRef || `DistinctParty at line ${node.line}`,
          message: "a DistinctParty needs a FixedRef and a Profile",
        });
        continue;
      }
      const subType = ref("PartySubType", profile.attrs.PartySubTypeID);
      const partyType = refText("PartyType", subType?.attrs.PartyTypeID);
      const subName = subType?.text ?? "";
      const schema: ListEntrySchema | null =
        partyType === "Individual"
          ? "Person"
          : subName === "Vessel"
            ? "Vessel"
            : subName === "Aircraft"
              ? "Airplane"
              : null;
      const entryFor = (): ListEntry => {
        let e = entries.get(fixedRef);
        if (!e) {
          e = newEntry("ofac", list, fixedRef, "LegalEntity");
          entries.set(fixedRef, e);
        }
        return e;
      };
      const names: Array<{ name: string; weak: boolean; primary: boolean }> = [];
      for (const identity of profile.children.filter((c) => c.name === "Identity")) {
        const partTypes = new Map<string, string>();
        for (const group of descendants(identity, "NamePartGroup")) {
          partTypes.set(group.attrs.ID, refText("NamePartType", group.attrs.NamePartTypeID));
        }
        for (const alias of identity.children.filter((c) => c.name === "Alias")) {
          for (const documented of alias.children.filter((c) => c.name === "DocumentedName")) {
            const parts = descendants(documented, "NamePartValue").map((v) => ({
              type: partTypes.get(v.attrs.NamePartGroupID) ?? "",
              text: v.text,
            }));
            const last = parts.filter((p) => p.type === "Last Name").map((p) => p.text);
            const given = parts
              .filter((p) => /First|Middle|Patronymic|Matronymic/.test(p.type))
              .map((p) => p.text);
            // "LAST, First Middle" as OFAC's other formats write individuals.
            const name =
              last.length && given.length
                ? `${last.join(" ")}, ${given.join(" ")}`
                : parts.map((p) => p.text).join(" ");
            names.push({
              name,
              weak: alias.attrs.LowQuality === "true",
              primary: alias.attrs.Primary === "true",
            });
          }
        }
        for (const doc of documents.get(identity.attrs.ID) ?? []) {
          const label = refText("IDRegDocType", doc.attrs.IDRegDocTypeID);
          const number = childText(doc, "IDRegistrationNo");
          const country = countryCode(refText("Country", doc.attrs["IssuedBy-CountryID"]));
          if (number)
            addIdentifier(
              entryFor(),
              identifierType(label, number, country),
              number.replace(/^IMO\s+/i, ""),
              country,
            );
        }
      }
      names.sort((a, b) => Number(b.primary) - Number(a.primary));
      const primary = names.find((n) => !n.weak)?.name ?? names[0]?.name;
      if (!primary) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line: node.line,
          record: fixedRef,
          message: "the party has no name",
        });
        continue;
      }
      const entry = entryFor();
      entry.schema = schema ?? entitySchema(primary);
      for (const n of names) addUnique(n.weak ? entry.weakAliases : entry.names, n.name);
      for (const feature of profile.children.filter((c) => c.name === "Feature")) {
        const type = refText("FeatureType", feature.attrs.FeatureTypeID);
        for (const version of feature.children.filter((c) => c.name === "FeatureVersion")) {
          if (/birth ?date/i.test(type)) {
            const start = descendants(version, "Start")[0];
            const from = ymd(start?.children.find((c) => c.name === "From"));
            if (from) addUnique(entry.birthDates, from);
          }
          for (const detail of version.children.filter((c) => c.name === "VersionDetail")) {
            if (/country|flag/i.test(type))
              addCountry(entry, refText("Country", detail.attrs.DetailReferenceID) || detail.text);
          }
          for (const at of version.children.filter((c) => c.name === "VersionLocation")) {
            const location = locations.get(at.attrs.LocationID);
            if (!location) continue;
            const country = refText(
              "Country",
              location.children.find((c) => c.name === "LocationCountry")?.attrs.CountryID,
            );
            const parts = descendants(location, "Value").map((v) => v.text);
            addUnique(entry.addresses, joinAddress([...parts, country]));
            addCountry(entry, country);
          }
        }
      }
      entries.set(fixedRef, entry);
      byProfile.set(profile.attrs.ID, entry);
    }
    for (const relation of relations) {
      const from = byProfile.get(relation.attrs["From-ProfileID"]);
      const to = byProfile.get(relation.attrs["To-ProfileID"]);
      if (from && to) addUnique(from.linkedTo, to.authorityId);
    }
    for (const sanction of sanctions) {
      const entry = byProfile.get(sanction.attrs.ProfileID);
      if (!entry) continue;
      for (const measure of sanction.children.filter((c) => c.name === "SanctionsMeasure")) {
        if (refText("SanctionsType", measure.attrs.SanctionsTypeID) === "Program")
          addUnique(entry.programs, childText(measure, "Comment"));
      }
      const date = ymd(descendants(sanction, "Date")[0]);
      if (date && (!entry.listingDate || date < entry.listingDate)) entry.listingDate = date;
    }
    const out = [...entries.values()].filter((e) => e.names.length || e.weakAliases.length).map(finishEntry);
    return { list, publishDate, entries: out };
  },
};
