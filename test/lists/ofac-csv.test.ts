// OFAC legacy CSV sets: a hand-written set and the real SDN and non-SDN files in ../shared/data.
import { describe, expect, it } from "vitest";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";
import { entryOf, errorOf, fixture, readOne } from "./helpers.js";

describe("OFAC CSV set (fixture)", () => {
  it("joins sdn, add, alt and comments by ent_num and reads the remarks", async () => {
    const list = await readOne([fixture("ofac-csv")]);
    expect(list.snapshot).toMatchObject({
      authority: "ofac",
      list: "sdn",
      format: "ofac-csv",
      entryCount: 4,
    });
    expect(list.issues).toEqual([]);
    const company = entryOf(list, "9001");
    expect(company.schema).toBe("Company");
    expect(company.names).toEqual([
      "BELYI ZAYATS TEKHNIKA, OOO",
      "BELYI ZAYATS TECHNIKA LLC",
      "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU BELYI ZAYATS",
    ]);
    expect(company.weakAliases).toEqual(["BZT"]);
    expect(company.identifiers).toEqual(
      expect.arrayContaining([
        { type: "inn", value: "7700000001", country: "ru" },
        { type: "ogrn", value: "1167700000001", country: "ru" },
      ]),
    );
    expect(company.addresses).toEqual(["ul. Vymyshlennaya 1, Moscow 101000, Russia"]);
    expect(company.countries).toEqual(["ru"]);

    // The person's remarks run past 1,000 characters: the rest is in sdn_comments.csv (LF line ends).
    const person = entryOf(list, "9002");
    expect(person.schema).toBe("Person");
    expect(person.programs).toEqual(["RUSSIA-EO14024", "BELARUS-EO14038"]);
    expect(person.birthDates).toEqual(["1968-02-14", "1969"]);
    expect(person.countries).toEqual(expect.arrayContaining(["by", "ru"]));
    expect(person.identifiers).toContainEqual({ type: "passport", value: "MP1234567", country: "by" });
    expect(person.weakAliases).toEqual(["SHUMOV, Yan"]);
    expect(person.names).toEqual(["SHUMOVSKY, Yan Petrovich", "SHUMOVSKI, Jan"]);
    expect(person.linkedTo).toEqual(["9001"]);

    const vessel = entryOf(list, "9003");
    expect(vessel.schema).toBe("Vessel");
    expect(vessel.countries).toEqual(["sl"]);
    expect(vessel.identifiers).toEqual(
      expect.arrayContaining([
        { type: "imo", value: "9000001" },
        { type: "mmsi", value: "667000001" },
        { type: "call_sign", value: "9XYZ1" },
      ]),
    );
    expect(vessel.linkedTo).toEqual(["9001"]);
    expect(entryOf(list, "9004").schema).toBe("Airplane");
  });

  it("reads the primary file alone, warning what the missing files would have added", async () => {
    const list = await readOne([fixture("ofac-csv", "sdn.csv")]);
    expect(list.entries).toHaveLength(4);
    expect(entryOf(list, "9001").names).toEqual(["BELYI ZAYATS TEKHNIKA, OOO"]);
    expect(list.issues.map((i) => i.severity)).toEqual(["warning"]);
    expect(list.issues[0].message).toMatch(/add\.csv.*alt\.csv.*sdn_comments\.csv/);
  });

  it("refuses a set without its primary file, naming what is missing", async () => {
    const error = await errorOf(() =>
      readOne([fixture("ofac-csv", "add.csv"), fixture("ofac-csv", "alt.csv")]),
    );
    expect(error.code).toBe("LISTS_INCOMPLETE_SET");
    expect(error.message).toMatch(/sdn\.csv/);
  });
});

describe.skipIf(!HAS_SHARED)("OFAC CSV sets (real files in ../shared/data)", () => {
  // Its reading speed is measured by `npm run bench -- lists`, not here: tests assert behaviour.
  it("reads the December 2023 SDN set: 13,821 entries", async () => {
    const list = await readOne([sharedPath("data/ofac-sdn-csv-2023-12")]);
    expect(list.snapshot.entryCount).toBe(13821);
    expect(list.issues.filter((i) => i.severity === "error")).toEqual([]);
    const count = (schema: string) => list.entries.filter((e) => e.schema === schema).length;
    expect(count("Person")).toBe(6646);
    expect(count("Vessel")).toBe(764);
    expect(count("Airplane")).toBe(378);
    // Every alias row of alt.csv lands on its entry (17,091 rows; a few repeat a name exactly).
    const aliases = list.entries.reduce((n, e) => n + e.names.length - 1, 0);
    expect(aliases).toBeGreaterThan(16900);

    const plant = entryOf(list, "46431");
    expect(plant.programs).toEqual(["RUSSIA-EO14024"]);
    expect(plant.names).toEqual(
      expect.arrayContaining([
        "JSC IEMZ KUPOL",
        "AO IEMZ KUPOL",
        "AKTSIONERNOE OBSHCHESTVO IZHEVSKI ELEKTROMEKHANICHESKI ZAVOD KUPOL",
      ]),
    );
    expect(plant.identifiers).toContainEqual({ type: "inn", value: "1831083343", country: "ru" });
    expect(plant.countries).toEqual(["ru"]);
    const intermediary = entryOf(list, "46441");
    expect(intermediary.names).toContain("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TSK VEKTOR");
    expect(intermediary.linkedTo).toEqual(["46431"]);
  });

  it("reads the May 2024 sdn.csv alone (14,965 entries)", async () => {
    const list = await readOne([sharedPath("data/ofac-sdn-csv-2024-05")]);
    expect(list.snapshot.entryCount).toBe(14965);
    expect(entryOf(list, "45708").programs).toEqual(["RUSSIA-EO14024"]);
  });

  it("reads the non-SDN consolidated CSV set (442 entries)", async () => {
    const list = await readOne([sharedPath("data/ofac-consolidated-non-sdn/csv-2025-12")]);
    expect(list.snapshot).toMatchObject({ list: "consolidated", entryCount: 442 });
    expect(list.issues).toEqual([]);
  });

  it("says which file the 2026 partial set lacks", async () => {
    const error = await errorOf(() => readOne([sharedPath("data/ofac-sdn-csv-2026-06-partial")]));
    expect(error.code).toBe("LISTS_INCOMPLETE_SET");
    expect(error.details?.received).toBe("add.csv, alt.csv");
  });
});

describe("OFAC remarks", () => {
  const cases: Array<
    [
      string,
      Partial<Record<"birthDates" | "countries" | "weakAliases", string[]>> & { identifiers?: unknown[] },
    ]
  > = [
    ["DOB 1962 to 1964; POB Baghdad, Iraq", { birthDates: ["1962", "1963", "1964"], countries: [] }],
    ["DOB circa 1951; nationality Korea, North", { birthDates: ["1951"], countries: ["kp"] }],
    [
      "DOB Mar 1970; citizen Congo, Democratic Republic of the",
      { birthDates: ["1970-03"], countries: ["cd"] },
    ],
    ["a.k.a. 'O'NEIL TRADING'; f.k.a. 'ALPHA; BETA'", { weakAliases: ["O'NEIL TRADING", "ALPHA; BETA"] }],
    [
      "Passport A123456 (Iran) issued 01 Jan 2010 expires 01 Jan 2020; alt. Passport B654321 (Iran)",
      {
        identifiers: [
          { type: "passport", value: "A123456", country: "ir" },
          { type: "passport", value: "B654321", country: "ir" },
        ],
      },
    ],
    [
      "SWIFT/BIC ABCDRUMM; Phone Number 74951234567; Website www.example.org",
      { identifiers: [{ type: "swift_bic", value: "ABCDRUMM" }] },
    ],
    [
      "Organization Established Date 2001; Legal Entity Number 2534001INVENTED00 (Russia)",
      {
        identifiers: [{ type: "lei", value: "2534001INVENTED00", country: "ru" }],
      },
    ],
  ];

  it.each(cases)("%s", async (remarks, expected) => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const path = join(mkdtempSync(join(tmpdir(), "skein-remarks-")), "sdn.csv");
    writeFileSync(
      path,
      `1,"INVENTED NAME",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"${remarks}"\r\n\u001a`,
    );
    const list = await readOne([path]);
    expect(list.entries[0]).toMatchObject(expected);
  });
});
