// The EU Financial Sanctions Files, XML and CSV fixtures written from the published schema.
import { describe, expect, it } from "vitest";
import { entryOf, fixture, readOne } from "./helpers.js";

describe("EU Financial Sanctions Files", () => {
  it("reads the XML: logical ids, strong and weak names, identifications, regulations", async () => {
    const list = await readOne([fixture("eu-fsf.xml")]);
    expect(list.snapshot).toMatchObject({
      authority: "eu",
      list: "fsf",
      format: "eu-fsf-xml",
      publishDate: "2026-05-04",
      entryCount: 2,
    });
    const company = entryOf(list, "900101");
    expect(company.schema).toBe("Company");
    expect(company.names).toEqual([
      "Obshchestvo s Ogranichennoi Otvetstvennostyu Severnaya Izobretennaya Mekhanika",
      "ООО Северная Изобретенная Механика",
    ]);
    expect(company.weakAliases).toEqual(["OOO SIM"]);
    expect(company.identifiers).toEqual(
      expect.arrayContaining([
        { type: "inn", value: "5900000001", country: "ru" },
        { type: "ogrn", value: "1025900000001", country: "ru" },
        { type: "eu_reference", value: "EU.9001.11" },
      ]),
    );
    expect(company.addresses).toEqual(["ul. Nevydumannaya 12, 614000, Perm, RUSSIAN FEDERATION"]);
    expect(company).toMatchObject({ programs: ["RUS"], listingDate: "2024-06-24", countries: ["ru"] });
    const person = entryOf(list, "900201");
    expect(person).toMatchObject({ schema: "Person", birthDates: ["1979-02-11"], countries: ["ru"] });
  });

  it("reads the semicolon CSV, one row per part, into the same entities", async () => {
    const list = await readOne([fixture("eu-fsf.csv")]);
    expect(list.snapshot).toMatchObject({ format: "eu-fsf-csv", publishDate: "2026-05-04", entryCount: 2 });
    const xml = await readOne([fixture("eu-fsf.xml")]);
    for (const id of ["900101", "900201"]) {
      const a = entryOf(list, id);
      const b = entryOf(xml, id);
      expect(a.caption).toBe(b.caption);
      expect(a.programs).toEqual(b.programs);
      expect(a.birthDates).toEqual(b.birthDates);
      expect(a.addresses).toEqual(b.addresses);
      expect(a.listingDate).toBe(b.listingDate);
    }
  });
});
