// The UN Security Council Consolidated List in XML (https://www.un.org/sc/resources/sc-sanctions.xsd):
// INDIVIDUAL and ENTITY records with aliases of good or low quality, dates of birth, nationalities,
// documents, addresses and the UN reference number; the publish date is the root's dateGenerated.
import type { ListEntry } from "../../model/index.js";
import { countryCode } from "../countries.js";
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
} from "../entry-builder.js";
import { parseListDate, parseListDates } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { childrenNamed, childText, readXmlRecords, type XmlNode } from "../read-stream.js";

function birthDates(node: XmlNode): string[] {
  const type = (childText(node, "TYPE_OF_DATE") ?? "").toUpperCase();
  const date = childText(node, "DATE");
  const year = childText(node, "YEAR");
  const from = childText(node, "FROM_YEAR");
  const to = childText(node, "TO_YEAR");
  if (type === "BETWEEN" && from && to) return parseListDates(`${from} to ${to}`);
  const single = parseListDate(date) ?? parseListDate(year);
  return single ? [single] : [];
}

/** UN Security Council Consolidated List, XML. */
export const unXml: ListFormat = {
  name: "un-xml",
  authority: "un",
  description: "UN Security Council Consolidated List, XML (sc-sanctions.xsd)",
  sniff: (file: ListFile) => /<CONSOLIDATED_LIST[\s>]/.test(file.headText),
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    let publishDate: string | null = null;
    const entries: ListEntry[] = [];
    const seen = new Set<string>();
    await readXmlRecords(file, log, {
      records: new Set(["INDIVIDUAL", "ENTITY"]),
      onRoot(_name, attrs) {
        publishDate = parseListDate(attrs.dateGenerated?.slice(0, 10));
      },
      onRecord(node) {
        const person = node.name === "INDIVIDUAL";
        const ref = childText(node, "REFERENCE_NUMBER");
        const name = clean(
          ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"]
            .map((f) => childText(node, f))
            .filter(Boolean)
            .join(" "),
        );
        if (!ref || !name) {
          log.error({
            code: "LISTS_BAD_ROW",
            file: file.path,
            line: node.line,
            record: ref ?? childText(node, "DATAID") ?? undefined,
            field: ref ? "FIRST_NAME" : "REFERENCE_NUMBER",
            message: `a UN ${node.name} needs a REFERENCE_NUMBER and a FIRST_NAME`,
          });
          return;
        }
        if (seen.has(ref)) {
          log.warn({
            file: file.path,
            line: node.line,
            record: ref,
            message: `reference ${ref} appears twice; the first is kept`,
          });
          return;
        }
        seen.add(ref);
        const entry = newEntry("un", "consolidated", ref, person ? "Person" : entitySchema(name));
        addUnique(entry.names, name);
        addUnique(entry.names, childText(node, "NAME_ORIGINAL_SCRIPT"));
        addUnique(entry.programs, childText(node, "UN_LIST_TYPE"));
        entry.listingDate = parseListDate(childText(node, "LISTED_ON"));
        entry.remarks = childText(node, "COMMENTS1");
        for (const nationality of childrenNamed(node, "NATIONALITY")) {
          for (const value of nationality.children) addCountry(entry, value.text);
        }
        for (const alias of node.children.filter((c) => c.name.endsWith("_ALIAS"))) {
          const aliasName = childText(alias, "ALIAS_NAME");
          if (/^low/i.test(childText(alias, "QUALITY") ?? "")) addUnique(entry.weakAliases, aliasName);
          else addUnique(entry.names, aliasName);
        }
        for (const address of node.children.filter((c) => c.name.endsWith("_ADDRESS"))) {
          const parts = ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"].map((f) =>
            childText(address, f),
          );
          addUnique(entry.addresses, joinAddress(parts));
          addCountry(entry, childText(address, "COUNTRY"));
        }
        for (const dob of node.children.filter((c) => c.name === "INDIVIDUAL_DATE_OF_BIRTH")) {
          for (const date of birthDates(dob)) addUnique(entry.birthDates, date);
        }
        for (const doc of node.children.filter((c) => c.name === "INDIVIDUAL_DOCUMENT")) {
          const number = childText(doc, "NUMBER");
          const kind = childText(doc, "TYPE_OF_DOCUMENT") ?? "document";
          const country = countryCode(
            childText(doc, "ISSUING_COUNTRY") ?? childText(doc, "COUNTRY_OF_ISSUE"),
          );
          if (number) addIdentifier(entry, identifierType(kind, number, country), number, country);
        }
        entries.push(finishEntry(entry));
      },
    });
    return { list: "consolidated", publishDate, entries };
  },
};
