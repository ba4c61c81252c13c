// The UK OFSI Consolidated List: XLSX (real 2025 file), CSV in the 2022 layout (fixture) and the legacy
// HM Treasury CSV (real 2014 file, Windows-1252).
import { describe, expect, it } from "vitest";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";
import { entryOf, fixture, readOne } from "./helpers.js";

describe("UK OFSI consolidated list CSV (2022 layout, fixture)", () => {
  it("groups the name-variant rows by Group ID", async () => {
    const list = await readOne([fixture("conlist-2022", "ConList.csv")]);
    expect(list.snapshot).toMatchObject({
      authority: "uk",
      list: "conlist",
      format: "uk-ofsi-csv",
      publishDate: "2024-03-15",
      entryCount: 2,
    });
    const person = entryOf(list, "99211");
    expect(person).toMatchObject({
      schema: "Person",
      names: ["Gleb Arkadyevich KORNEEV", "Gleb KORNEYEV"],
      birthDates: ["1972"],
      countries: ["ru", "by"],
      programs: ["Russia"],
      listingDate: "2024-03-15",
    });
    expect(person.identifiers).toEqual(
      expect.arrayContaining([
        { type: "passport", value: "720000009" },
        { type: "passport", value: "MP7654321" },
        { type: "uk_sanctions_list_ref", value: "RUS9911" },
      ]),
    );
    const entity = entryOf(list, "99212");
    expect(entity.names).toEqual(["VOLZHSKIE VYMYSHLENNYE SISTEMY", "VVS LLC"]);
    expect(entity.weakAliases).toEqual(["VVS"]);
    expect(entity.addresses).toEqual(["ul. Pridumannaya 9, Samara, Russia"]);
  });
});

describe.skipIf(!HAS_SHARED)("UK OFSI real files", () => {
  it("reads the April 2025 XLSX: 18,796 rows into 4,686 Group IDs", async () => {
    const list = await readOne([sharedPath("data/uk-ofsi-conlist-2025-04")]);
    expect(list.snapshot).toMatchObject({
      format: "uk-ofsi-xlsx",
      publishDate: "2025-04-10",
      entryCount: 4686,
    });
    expect(list.entries.filter((e) => e.schema === "Person")).toHaveLength(3662);
    expect(list.entries.filter((e) => e.schema === "Vessel")).toHaveLength(15);
    const group = entryOf(list, "16667");
    expect(group.names).toEqual(
      expect.arrayContaining([
        "TSK VEKTOR",
        "LLC TSK VEKTOR",
        "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TSK VEKTOR",
      ]),
    );
    expect(group.caption).toBe("TSK VEKTOR");
    expect(group.listingDate).toBe("2024-11-07");
    expect(group.identifiers).toContainEqual({ type: "uk_sanctions_list_ref", value: "RUS2262" });
  });

  it("reads the legacy 2014 CSV in Windows-1252: 2,297 Group IDs", async () => {
    const list = await readOne([sharedPath("data/uk-hmt-conlist-2014-legacy")]);
    expect(list.snapshot).toMatchObject({
      format: "uk-ofsi-csv",
      publishDate: "2014-04-02",
      entryCount: 2297,
    });
    expect(list.entries.filter((e) => e.schema === "Person")).toHaveLength(1337);
    // 0x92 in the file is a right single quote, not a broken character.
    const text = JSON.stringify(list.entries);
    expect(text).toContain("’");
    expect(text).not.toContain("\uFFFD");
  });
});

describe("UK OFSI XLSX written by another tool", () => {
  it("reads inline and shared strings and dates stored as day numbers", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { default: Excel } = await import("exceljs");
    const header = [
      "Name 6",
      "Name 1",
      "DOB",
      "Nationality",
      "Country",
      "Group Type",
      "Alias Type",
      "Regime",
      "Listed On",
      "Group ID",
    ];
    const workbook = new Excel.Workbook();
    const sheet = workbook.addWorksheet("ConList");
    sheet.addRow(["Last Updated", new Date(Date.UTC(2026, 2, 14))]);
    sheet.addRow(header);
    sheet.addRow([
      "PRIDUMKIN",
      "Oleg",
      new Date(Date.UTC(1970, 4, 9)),
      "Russia",
      "Russia",
      "Individual",
      "Primary name",
      "Russia",
      new Date(Date.UTC(2025, 0, 2)),
      99301,
    ]);
    sheet.addRow(["PRIDUMKIN", "Olyeg", "", "", "", "Individual", "AKA", "Russia", "02/01/2025", 99301]);
    const path = join(mkdtempSync(join(tmpdir(), "skein-xlsx-")), "ConList.xlsx");
    await workbook.xlsx.writeFile(path);
    const list = await readOne([path]);
    expect(list.snapshot).toMatchObject({ format: "uk-ofsi-xlsx", publishDate: "2026-03-14", entryCount: 1 });
    expect(list.entries[0]).toMatchObject({
      authorityId: "99301",
      names: ["Oleg PRIDUMKIN", "Olyeg PRIDUMKIN"],
      birthDates: ["1970-05-09"],
      listingDate: "2025-01-02",
      countries: ["ru"],
    });
  });
});
