// The FCDO UK Sanctions List, CSV and XML fixtures written from its published layout.
import { describe, expect, it } from "vitest";
import { entryOf, fixture, readOne } from "./helpers.js";

describe("UK Sanctions List", () => {
  it("reads the CSV: one row per name, grouped by Unique ID", async () => {
    const list = await readOne([fixture("UK-Sanctions-List.csv")]);
    expect(list.snapshot).toMatchObject({
      authority: "uk",
      list: "sanctions-list",
      format: "uk-sanctions-list-csv",
      publishDate: "2026-03-12",
      entryCount: 3,
    });
    const entity = entryOf(list, "RUS9901");
    expect(entity.names).toEqual(["KAZANSKAYA VYMYSHLENNAYA MASHINA", "OOO KVM"]);
    expect(entity.weakAliases).toEqual(["KVM"]);
    expect(entity.identifiers).toEqual(
      expect.arrayContaining([
        { type: "registration", value: "1161600000001" },
        { type: "ofsi_group_id", value: "99101" },
      ]),
    );
    const person = entryOf(list, "RUS9902");
    expect(person).toMatchObject({
      schema: "Person",
      birthDates: ["1975-08-03"],
      countries: ["ru"],
      listingDate: "2025-02-21",
    });
    expect(person.names).toContain("ЗАВЬЯЛОВ Тимур Ринатович");
    const ship = entryOf(list, "RUS9903");
    expect(ship).toMatchObject({
      schema: "Vessel",
      names: ["SILVER HERON", "GREY HERON"],
      countries: ["ga"],
    });
    expect(ship.identifiers).toContainEqual({ type: "imo", value: "9000002" });
  });

  it("reads the XML into the same entries as the CSV", async () => {
    const xml = await readOne([fixture("UK-Sanctions-List.xml")]);
    const csv = await readOne([fixture("UK-Sanctions-List.csv")]);
    expect(xml.snapshot.format).toBe("uk-sanctions-list-xml");
    expect(xml.snapshot.publishDate).toBe("2026-03-12");
    const core = (l: typeof xml) =>
      l.entries.map(
        ({ id, schema, names, weakAliases, countries, birthDates, programs, listingDate, addresses }) => ({
          id,
          schema,
          names,
          weakAliases,
          countries,
          birthDates,
          programs,
          listingDate,
          addresses,
        }),
      );
    expect(core(xml)).toEqual(core(csv));
  });
});
