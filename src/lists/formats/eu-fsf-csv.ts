// The EU Financial Sanctions Files, CSV 1.1 (csvFullSanctionsList_1_1): semicolon-separated, one row per
// name, address, birth date, identification or citizenship of an entity, keyed by Entity_LogicalId.
import type { ListEntry } from "../../model/index.js";
import { clean } from "../entry-builder.js";
import { buildEuEntry, type EuEntityParts, newEuParts } from "../eu-fsf-entity.js";
import { parseListDate } from "../list-dates.js";
import type { FormatResult, IssueLog, ListFile, ListFormat } from "../list-format.js";
import { readHeadedCsvRows } from "../read-stream.js";

const REQUIRED = [
  "Entity_LogicalId",
  "Entity_SubjectType",
  "NameAlias_WholeName",
  "Entity_Regulation_Programme",
];

/** EU Financial Sanctions Files, CSV 1.1. */
export const euFsfCsv: ListFormat = {
  name: "eu-fsf-csv",
  authority: "eu",
  description: "EU Financial Sanctions Files, CSV 1.1 (csvFullSanctionsList_1_1, semicolon-separated)",
  sniff: (file: ListFile) => /^(\uFEFF|ï»¿)?"?fileGenerationDate"?;.*Entity_LogicalId/.test(file.headText),
  async parse(files: ListFile[], log: IssueLog): Promise<FormatResult> {
    const file = files[0];
    let publishDate: string | null = null;
    const byId = new Map<string, EuEntityParts>();
    const layout = {
      delimiter: ";",
      layout: "EU FSF CSV",
      missingColumns: (header: string[]) => REQUIRED.filter((c) => !header.includes(c)),
    };
    for await (const { values, line } of readHeadedCsvRows(file, layout, log)) {
      const v: Record<string, string | null> = {};
      for (const [key, value] of Object.entries(values)) v[key] = clean(value);
      const id = v.Entity_LogicalId;
      if (!id) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          line,
          field: "Entity_LogicalId",
          message: "Entity_LogicalId is empty",
        });
        continue;
      }
      publishDate ??= parseListDate(v.fileGenerationDate);
      let parts = byId.get(id);
      if (!parts) {
        parts = newEuParts(id);
        parts.subjectType = v.Entity_SubjectType ?? "";
        parts.remark = v.Entity_Remark;
        parts.designationDate = v.Entity_DesignationDate;
        parts.euReferenceNumber = v.Entity_EU_ReferenceNumber;
        parts.unitedNationId = v.Entity_UnitedNationId;
        byId.set(id, parts);
      }
      const programme = v.Entity_Regulation_Programme;
      if (programme && !parts.regulations.some((r) => r.programme === programme)) {
        parts.regulations.push({ programme, publicationDate: v.Entity_Regulation_PublicationDate });
      }
      if (v.NameAlias_WholeName || v.NameAlias_LastName) {
        parts.names.push({
          wholeName: v.NameAlias_WholeName,
          firstName: v.NameAlias_FirstName,
          middleName: v.NameAlias_MiddleName,
          lastName: v.NameAlias_LastName,
          strong: (v.NameAlias_Strong ?? "true") !== "false",
        });
      }
      if (v.Citizenship_CountryIso2Code || v.Citizenship_CountryDescription) {
        parts.citizenships.push(v.Citizenship_CountryIso2Code ?? v.Citizenship_CountryDescription ?? "");
      }
      if (v.BirthDate_BirthDate || v.BirthDate_Year) {
        parts.birthDates.push({
          date: v.BirthDate_BirthDate,
          year: v.BirthDate_Year,
          country: v.BirthDate_CountryIso2Code,
        });
      }
      if (v.Address_Street || v.Address_City || v.Address_CountryIso2Code) {
        parts.addresses.push({
          street: v.Address_Street,
          poBox: v.Address_PoBox,
          zipCode: v.Address_ZipCode,
          city: v.Address_City,
          region: v.Address_Region,
          country: v.Address_CountryDescription,
          countryIso2: v.Address_CountryIso2Code,
        });
      }
      if (v.Identification_Number) {
        parts.identifications.push({
          number: v.Identification_Number,
          typeCode: v.Identification_TypeCode,
          typeDescription: v.Identification_TypeDescription,
          countryIso2: v.Identification_CountryIso2Code,
        });
      }
    }
    const entries: ListEntry[] = [];
    for (const parts of byId.values()) {
      if (!parts.names.length) {
        log.error({
          code: "LISTS_BAD_ROW",
          file: file.path,
          record: parts.logicalId,
          message: "the entity has no name row",
        });
        continue;
      }
      entries.push(buildEuEntry(parts));
    }
    return { list: "fsf", publishDate, entries };
  },
};
