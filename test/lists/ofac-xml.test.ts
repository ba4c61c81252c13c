// OFAC XML in the sdnList schema (fixture and the real consolidated.xml) and the SDN Advanced XML (fixture).
import { describe, expect, it } from "vitest";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";
import { entryOf, fixture, readOne } from "./helpers.js";

describe("OFAC sdnList XML", () => {
  it("reads entries, akas by category, ids, vessel info and the publish date", async () => {
    const list = await readOne([fixture("sdn.xml")]);
    expect(list.snapshot).toMatchObject({
      authority: "ofac",
      list: "sdn",
      format: "ofac-xml",
      publishDate: "2026-03-14",
    });
    const company = entryOf(list, "9001");
    expect(company.names).toEqual(["BELYI ZAYATS TEKHNIKA, OOO", "BELYI ZAYATS TECHNIKA LLC"]);
    expect(company.weakAliases).toEqual(["BZT"]);
    expect(company.identifiers).toContainEqual({ type: "ogrn", value: "1167700000001", country: "ru" });
    expect(company.addresses).toEqual(["ul. Vymyshlennaya 1, Moscow, 101000, Russia"]);
    const person = entryOf(list, "9002");
    expect(person.names).toEqual(["SHUMOVSKY, Yan Petrovich"]);
    expect(person.nameParts).toEqual({ firstName: "Yan Petrovich", lastName: "SHUMOVSKY" });
    expect(person.birthDates).toEqual(["1968-02-14", "1969"]);
    expect(person.countries).toEqual(["by", "ru"]);
    expect(person.linkedTo).toEqual(["9001"]);
    const vessel = entryOf(list, "9003");
    expect(vessel.schema).toBe("Vessel");
    expect(vessel.countries).toEqual(["sl"]);
    expect(vessel.identifiers).toEqual(
      expect.arrayContaining([
        { type: "imo", value: "9000001" },
        { type: "call_sign", value: "9XYZ1" },
      ]),
    );
  });

  it.skipIf(!HAS_SHARED)("reads the real non-SDN consolidated.xml (443 entries, 30 Jun 2025)", async () => {
    const list = await readOne([
      sharedPath("data/ofac-consolidated-non-sdn/xml-2025-06-30/consolidated.xml"),
    ]);
    expect(list.snapshot).toMatchObject({ list: "consolidated", publishDate: "2025-06-30", entryCount: 443 });
    expect(list.entries.filter((e) => e.schema === "Person")).toHaveLength(80);
    const akas = list.entries.reduce((n, e) => n + e.names.length - 1 + e.weakAliases.length, 0);
    expect(akas).toBeGreaterThan(1100);
    expect(entryOf(list, "9639").birthDates).toEqual(["1962"]);
  });
});

describe("OFAC SDN Advanced XML", () => {
  it("resolves parties, name parts, features, documents, relations and programs through the reference sets", async () => {
    const list = await readOne([fixture("sdn_advanced.xml")]);
    expect(list.snapshot).toMatchObject({
      format: "ofac-advanced-xml",
      list: "sdn",
      publishDate: "2026-03-14",
      entryCount: 3,
    });
    const company = entryOf(list, "90001");
    expect(company.schema).toBe("Company");
    expect(company.names).toEqual(["ZARYA FICTIONAL INSTRUMENTS, OOO", "ZFI LLC"]);
    expect(company.weakAliases).toEqual(["ZARYA"]);
    expect(company.addresses).toEqual(["ul. Vymyshlennaya 7, Tula, 300001, Russia"]);
    expect(company.identifiers).toEqual([{ type: "inn", value: "7100000001", country: "ru" }]);
    expect(company.listingDate).toBe("2025-12-02");
    const person = entryOf(list, "90002");
    expect(person).toMatchObject({
      schema: "Person",
      names: ["QIANLU, Fenghe"],
      birthDates: ["1971-05-09"],
      countries: ["cn"],
      programs: ["RUSSIA-EO14024", "CMIC-EO13959"],
      linkedTo: ["90001"],
    });
    const vessel = entryOf(list, "90003");
    expect(vessel).toMatchObject({
      schema: "Vessel",
      countries: ["pa"],
      identifiers: [{ type: "imo", value: "9000001" }],
    });
  });
});
