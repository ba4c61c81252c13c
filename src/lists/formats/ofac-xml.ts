// OFAC's XML in the `sdnList` schema (sdn.xml and consolidated.xml, namespace
// …/api/PublicationPreview/exports/XML): one sdnEntry per listing with akas, ids, addresses, dates and
// places of birth, nationalities and programs; the publish date is in publshInformation.
import type { ListEntry, ListEntrySchema } from "../../model/index.js";
import {
  addCountry,
  addUnique,
  clean,
  entitySchema,
  finishEntry,
  joinAddress,
  newEntry,
  resolveLinkedNames,
} from "../entry-builder.js";
import { parseListDate, parseListDates } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { applyOfacRemarks } from "../ofac-remarks.js";
import { childrenNamed, childText, readXmlRecords, type XmlNode } from "../read-stream.js";

const SCHEMA: Record<string, ListEntrySchema> = {
  individual: "Person",
  vessel: "Vessel",
  aircraft: "Airplane",
};

/** "LAST, First" as OFAC's CSV writes names, so both formats give the same names. */
function ofacName(node: XmlNode): string | null {
  const last = clean(childText(node, "lastName"));
  const first = clean(childText(node, "firstName"));
  return last && first ? `${last}, ${first}` : (last ?? first);
}

/** OFAC XML, sdnList schema (sdn.xml, consolidated.xml). */
export const ofacXml: ListFormat = {
  name: "ofac-xml",
  authority: "ofac",
  description: "OFAC XML in the sdnList schema: sdn.xml, consolidated.xml",
  sniff: (file: ListFile) => /<sdnList[\s>]/.test(file.headText),
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    // The sdnList schema is the same for both lists; only the published file name tells them apart.
    const list = /cons/i.test(file.name) ? "consolidated" : "sdn";
    let publishDate: string | null = null;
    const entries = new Map<string, ListEntry>();
    const linked = new Map<string, string[]>();
    await readXmlRecords(file, log, {
      records: new Set(["publshInformation", "sdnEntry"]),
      onRecord(node) {
        if (node.name === "publshInformation") {
          publishDate = parseListDate(childText(node, "Publish_Date"), "mdy");
          return;
        }
        const uid = childText(node, "uid");
        const name = ofacName(node);
        if (!uid || !name) {
          log.error({
            code: "LISTS_BAD_ROW",
            file: file.path,
            line: node.line,
            record: uid ?? `sdnEntry at line ${node.line}`,
            field: uid ? "lastName" : "uid",
            message: "an sdnEntry needs a uid and a lastName",
          });
          return;
        }
        const type = (childText(node, "sdnType") ?? "").toLowerCase();
        const entry = newEntry("ofac", list, uid, SCHEMA[type] ?? entitySchema(name));
        addUnique(entry.names, name);
        const first = clean(childText(node, "firstName"));
        const last = clean(childText(node, "lastName"));
        if (entry.schema === "Person" && first && last)
          entry.nameParts = { firstName: first, lastName: last };
        for (const program of childrenNamed(node, "program")) addUnique(entry.programs, program.text);
        for (const aka of childrenNamed(node, "aka")) {
          const akaName = ofacName(aka);
          if (childText(aka, "category") === "weak") addUnique(entry.weakAliases, akaName);
          else addUnique(entry.names, akaName);
        }
        for (const address of childrenNamed(node, "address")) {
          const country = childText(address, "country");
          addUnique(
            entry.addresses,
            joinAddress(
              ["address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country"].map(
                (f) => childText(address, f),
              ),
            ),
          );
          addCountry(entry, country);
        }
        for (const item of childrenNamed(node, "dateOfBirthItem")) {
          for (const date of parseListDates(childText(item, "dateOfBirth")))
            addUnique(entry.birthDates, date);
        }
        for (const tag of ["nationality", "citizenship"]) {
          for (const item of childrenNamed(node, tag)) addCountry(entry, childText(item, "country"));
        }
        const vessel = node.children.find((c) => c.name === "vesselInfo");
        const particulars: string[] = [];
        if (vessel) {
          addCountry(entry, childText(vessel, "vesselFlag"));
          const callSign = childText(vessel, "callSign");
          if (callSign) particulars.push(`Call Sign ${callSign}`);
        }
        // Ids carry the same particulars as the CSV remarks (Passport, Tax ID No., IMO …): read them alike.
        for (const id of childrenNamed(node, "id")) {
          const idType = childText(id, "idType");
          const idNumber = childText(id, "idNumber");
          const idCountry = childText(id, "idCountry");
          if (!idType) continue;
          if (/^(nationality|citizenship) country$/i.test(idType)) {
            addCountry(entry, idCountry ?? idNumber);
            continue;
          }
          if (idNumber) particulars.push(`${idType} ${idNumber}${idCountry ? ` (${idCountry})` : ""}`);
        }
        const remarks = childText(node, "remarks");
        const facts = applyOfacRemarks(entry, [...particulars, remarks].filter(Boolean).join("; "));
        if (facts.linkedNames.length) linked.set(uid, facts.linkedNames);
        entry.remarks = remarks;
        entries.set(uid, entry);
      },
    });
    resolveLinkedNames(entries, linked);
    return { list, publishDate, entries: [...entries.values()].map(finishEntry) };
  },
};
