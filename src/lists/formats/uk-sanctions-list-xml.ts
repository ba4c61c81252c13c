// The FCDO UK Sanctions List as XML: <Designations> with one <Designation> per listed person, entity or
// ship: UniqueID, Names/Name (Name1…Name6, NameType, AliasStrength), regime, addresses and the
// individual, entity or ship details.
import type { ListEntry } from "../../model/index.js";
import { parseListDate } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { childText, readXmlRecords, type XmlNode } from "../read-stream.js";
import { addUkField, buildUkDesignationEntry, newUkDesignation } from "../uk-designation.js";

/** Adds every leaf element below `node` as a field, skipping the subtrees read on their own. */
function addLeaves(d: ReturnType<typeof newUkDesignation>, node: XmlNode): void {
  for (const child of node.children) {
    if (child.name === "Names" || child.name === "Addresses") continue;
    if (child.children.length) addLeaves(d, child);
    else addUkField(d, child.name, child.text);
  }
}

/** FCDO UK Sanctions List, XML. */
export const ukSanctionsListXml: ListFormat = {
  name: "uk-sanctions-list-xml",
  authority: "uk",
  description: "FCDO UK Sanctions List, XML (UK-Sanctions-List.xml)",
  sniff: (file: ListFile) => /<Designations[\s>]/.test(file.headText),
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    let publishDate: string | null = null;
    const entries: ListEntry[] = [];
    await readXmlRecords(file, log, {
      records: new Set(["DateGenerated", "Designation"]),
      onRecord(node) {
        if (node.name === "DateGenerated") {
          publishDate = parseListDate(node.text.slice(0, 10));
          return;
        }
        const id = childText(node, "UniqueID");
        const names =
          node.children.find((c) => c.name === "Names")?.children.filter((c) => c.name === "Name") ?? [];
        if (!id || !names.some((n) => childText(n, "Name6"))) {
          log.error({
            code: "LISTS_BAD_ROW",
            file: file.path,
            line: node.line,
            record: id ?? `Designation at line ${node.line}`,
            field: id ? "Name6" : "UniqueID",
            message: "a Designation needs a UniqueID and a Name with Name6",
          });
          return;
        }
        const d = newUkDesignation(id);
        for (const n of names) {
          d.names.push({
            given: ["Name1", "Name2", "Name3", "Name4", "Name5"]
              .map((k) => childText(n, k))
              .filter((v): v is string => !!v),
            surname: childText(n, "Name6"),
            nameType: childText(n, "NameType") ?? "",
            strength: childText(n, "AliasStrength") ?? "",
          });
        }
        for (const address of node.children.find((c) => c.name === "Addresses")?.children ?? []) {
          const lines = [1, 2, 3, 4, 5, 6].map((i) => childText(address, `AddressLine${i}`) ?? "");
          d.addresses.push([
            ...lines,
            childText(address, "AddressPostalCode") ?? "",
            childText(address, "AddressCountry") ?? "",
          ]);
        }
        addLeaves(d, node);
        entries.push(buildUkDesignationEntry(d));
      },
    });
    return { list: "sanctions-list", publishDate, entries };
  },
};
