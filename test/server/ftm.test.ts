// The FtM helpers of the yente-compatible API on invented values: query cleaning by property type,
// ISO times, dataset names, schema kinship, and list entries written as FtM entities.
import { describe, expect, it } from "vitest";
import type { ListEntry } from "../../src/model/index.js";
import {
  cleanProperties,
  datasetName,
  entryToFtm,
  isoSeconds,
  isSchema,
  nestedEntity,
  schemataMatch,
} from "../../src/server/plugins/ftm.js";

const ENTRY: ListEntry = {
  id: "ofac-sdn-90001",
  schema: "Company",
  caption: "NORTHWIND TRADING OOO",
  names: ["NORTHWIND TRADING OOO", "SEVERNYI VETER"],
  weakAliases: ["NORTHWIND"],
  authority: "ofac",
  list: "sdn",
  authorityId: "90001",
  programs: ["RUSSIA-EO14024"],
  countries: ["ru"],
  birthDates: [],
  identifiers: [
    { type: "inn", value: "7700000001" },
    { type: "okpo", value: "12345678" },
    { type: "un_reference", value: "QDe.999" },
  ],
  addresses: ["1 Invented St, Moscow"],
  listingDate: "2024-02-23",
  remarks: null,
  linkedTo: [],
};

describe("FtM helpers", () => {
  it("cleans query values by their property's type and drops what does not parse", () => {
    expect(
      cleanProperties("Person", {
        name: [" Ivan Example ", "Ivan Example", 42],
        country: ["Russia", "ru", "Atlantis"],
        nationality: "Germany",
        birthDate: [1970, "1970-05-01T00:00:00", "sometime"],
        innCode: 183100000001,
        hullColour: ["red"],
        alias: [{ nested: true }],
      }),
    ).toEqual({
      name: ["Ivan Example", "42"],
      country: ["ru"],
      nationality: ["de"],
      birthDate: ["1970", "1970-05-01"],
      innCode: ["183100000001"],
    });
    // A Company has no birth date.
    expect(cleanProperties("Company", { birthDate: "1970", jurisdiction: "United Kingdom" })).toEqual({
      jurisdiction: ["gb"],
    });
  });

  it("writes times as ISO date-times to the second and list names as dataset names", () => {
    expect(isoSeconds("2024-02-23")).toBe("2024-02-23T00:00:00");
    expect(isoSeconds("2023-04-20T18:00:25.123456")).toBe("2023-04-20T18:00:25");
    expect(isoSeconds("2099-01-01T00:00")).toBe("2099-01-01T00:00:00");
    expect(isoSeconds("soon")).toBeNull();
    expect(datasetName("yente-zala")).toBe("yente_zala");
    expect(datasetName("UK Sanctions List")).toBe("uk_sanctions_list");
  });

  it("knows FtM schemata and which can be the same thing", () => {
    expect(isSchema("Company")).toBe(true);
    expect(isSchema("Compny")).toBe(false);
    expect(schemataMatch("Company", "LegalEntity")).toBe(true);
    expect(schemataMatch("Company", "Organization")).toBe(true);
    expect(schemataMatch("Person", "Company")).toBe(false);
    expect(schemataMatch("Vessel", "Person")).toBe(false);
  });

  it("writes an official list's entry as an FtM entity with OpenSanctions' id and FtM property names", () => {
    const entity = entryToFtm(ENTRY);
    expect(entity).toMatchObject({
      id: "ofac-90001",
      caption: "NORTHWIND TRADING OOO",
      schema: "Company",
      datasets: ["sdn"],
      referents: [],
      target: true,
      first_seen: "2024-02-23T00:00:00",
      last_seen: null,
    });
    expect(entity.properties).toMatchObject({
      name: ["NORTHWIND TRADING OOO"],
      alias: ["SEVERNYI VETER"],
      weakAlias: ["NORTHWIND"],
      country: ["ru"],
      innCode: ["7700000001"],
      okpoCode: ["12345678"],
      idNumber: ["QDe.999"],
    });
  });

  it("nests an FtM entry's adjacent entities and names inbound links by their reverse", () => {
    const record = (id: string, schema: string, properties: Record<string, string[]>) => ({
      id,
      schema,
      caption: id,
      properties,
      referents: [],
      target: false,
      firstSeen: "2024-01-01T10:00:00",
      lastSeen: null,
      lastChange: null,
    });
    const entry: ListEntry = {
      ...ENTRY,
      ftm: {
        ...record("NK-1", "Company", { name: ["Northwind"], addressEntity: ["addr-1"] }),
        target: true,
        adjacent: [
          record("addr-1", "Address", { full: ["1 Invented St"] }),
          record("san-1", "Sanction", { entity: ["NK-1"], authority: ["Invented Office"] }),
          record("own-1", "Ownership", { owner: ["NK-2"], asset: ["NK-1"] }),
          record("NK-2", "Person", { name: ["Ivan Example"] }),
        ],
      },
    };
    const nested = nestedEntity(entry);
    expect(nested.id).toBe("NK-1");
    expect(nested.properties.addressEntity).toEqual([
      expect.objectContaining({ id: "addr-1", schema: "Address" }),
    ]);
    expect(nested.properties.sanctions).toEqual([
      expect.objectContaining({
        id: "san-1",
        properties: { entity: ["NK-1"], authority: ["Invented Office"] },
      }),
    ]);
    const ownership = nested.properties.ownershipAsset?.[0] as { properties: Record<string, unknown[]> };
    expect(ownership.properties.asset).toEqual(["NK-1"]);
    expect(ownership.properties.owner).toEqual([expect.objectContaining({ id: "NK-2", caption: "NK-2" })]);
  });
});
