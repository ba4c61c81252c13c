// The EU Financial Sanctions Files, XML 1.1 (xmlFullSanctionsList_1_1, namespace
// http://eu.europa.ec/fpi/fsd/export): one sanctionEntity per listing with nameAlias, citizenship,
// birthdate, address, identification and regulation elements; the publish date is the root's
// generationDate.

import type { ListEntry } from "../../model/index.js";
import { buildEuEntry, type EuEntityParts, newEuParts } from "../eu-fsf-entity.js";
import { parseListDate } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { readXmlRecords, type XmlNode } from "../read-stream.js";

const attr = (node: XmlNode, name: string) => node.attrs[name]?.trim() || null;

function partsOf(node: XmlNode): EuEntityParts {
  const parts = newEuParts(node.attrs.logicalId);
  parts.euReferenceNumber = attr(node, "euReferenceNumber");
  parts.unitedNationId = attr(node, "unitedNationId");
  parts.designationDate = attr(node, "designationDate");
  for (const child of node.children) {
    switch (child.name) {
      case "remark":
        parts.remark = parts.remark ? `${parts.remark} ${child.text}` : child.text || null;
        break;
      case "subjectType":
        parts.subjectType = attr(child, "code") ?? "";
        break;
      case "regulation":
        parts.regulations.push({
          programme: attr(child, "programme"),
          publicationDate: attr(child, "publicationDate"),
        });
        break;
      case "nameAlias":
        parts.names.push({
          wholeName: attr(child, "wholeName"),
          firstName: attr(child, "firstName"),
          middleName: attr(child, "middleName"),
          lastName: attr(child, "lastName"),
          strong: attr(child, "strong") !== "false",
        });
        break;
      case "citizenship":
        parts.citizenships.push(attr(child, "countryIso2Code") ?? attr(child, "countryDescription") ?? "");
        break;
      case "birthdate":
        parts.birthDates.push({
          date: attr(child, "birthdate"),
          year: attr(child, "year"),
          country: attr(child, "countryIso2Code"),
        });
        break;
      case "address":
        parts.addresses.push({
          street: attr(child, "street"),
          poBox: attr(child, "poBox"),
          zipCode: attr(child, "zipCode"),
          city: attr(child, "city"),
          region: attr(child, "region"),
          country: attr(child, "countryDescription"),
          countryIso2: attr(child, "countryIso2Code"),
        });
        break;
      case "identification":
        parts.identifications.push({
          number: attr(child, "number"),
          typeCode: attr(child, "identificationTypeCode"),
          typeDescription: attr(child, "identificationTypeDescription"),
          countryIso2: attr(child, "countryIso2Code"),
        });
        break;
    }
  }
  return parts;
}

/** EU Financial Sanctions Files, XML 1.1. */
export const euFsfXml: ListFormat = {
  name: "eu-fsf-xml",
  authority: "eu",
  description: "EU Financial Sanctions Files, XML 1.1 (xmlFullSanctionsList_1_1)",
  sniff: (file: ListFile) =>
    /<export[\s>]/.test(file.headText) && /fpi\/fsd\/export|<sanctionEntity/.test(file.headText),
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    let publishDate: string | null = null;
    const entries: ListEntry[] = [];
    await readXmlRecords(file, log, {
      records: new Set(["sanctionEntity"]),
      onRoot(_name, attrs) {
        publishDate = parseListDate(attrs.generationDate?.slice(0, 10));
      },
      onRecord(node) {
        const parts = partsOf(node);
        if (!parts.logicalId || !parts.names.some((n) => n.wholeName || n.lastName)) {
          log.error({
            code: "LISTS_BAD_ROW",
            file: file.path,
            line: node.line,
            record: parts.logicalId || `sanctionEntity at line ${node.line}`,
            field: parts.logicalId ? "nameAlias" : "logicalId",
            message: "a sanctionEntity needs a logicalId and at least one nameAlias",
          });
          return;
        }
        entries.push(buildEuEntry(parts));
      },
    });
    return { list: "fsf", publishDate, entries };
  },
};
