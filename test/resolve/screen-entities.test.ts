import { describe, expect, it } from "vitest";
import type { ListEntry } from "../../src/model/index.js";
import { buildCaseEntity, namesToScreen, screenEntities } from "../../src/resolve/index.js";
import { buildIndex } from "../../src/screen/index.js";

/** One invented list entry in one line. */
function entry(
  authorityId: string,
  schema: ListEntry["schema"],
  names: string[],
  countries: string[] = [],
): ListEntry {
  return {
    id: `ofac-sdn-${authorityId}`,
    schema,
    caption: names[0],
    names,
    weakAliases: [],
    authority: "ofac",
    list: "sdn",
    authorityId,
    programs: ["RUSSIA-EO14024"],
    countries,
    birthDates: [],
    identifiers: [],
    addresses: [],
    listingDate: null,
    remarks: null,
    linkedTo: [],
  };
}

const index = buildIndex([
  entry("9100001", "Company", ["ORLOV PRECISION INSTRUMENTS JSC", "AO ORLOV PRECISION INSTRUMENTS"], ["ru"]),
  entry("9100002", "Company", ["BALTIC RELAY TRADING LLC"], ["ru"]),
  entry("9100003", "Person", ["DREMIN, Pavel Andreyevich"], ["ru"]),
  entry("9100004", "Company", ["DOLTA OOO"], ["ru"]),
  entry("9100005", "Company", ["SEVEROTRANS LIMITED LIABILITY COMPANY"], ["ru"]),
]);

function entity(
  id: string,
  type: "Company" | "Person" | "Place",
  names: string[],
  country: string | null = null,
) {
  return buildCaseEntity([{ id, type, caption: names[0], names, country, identifiers: {} }]);
}

describe("screening case entities", () => {
  it("matches entities to their list entries with a score and an explanation", () => {
    const orlov = entity("d1", "Company", ["Orlov Precision Instruments", "Orlov Precision"], "ru");
    const relay = entity("d2", "Company", ["Baltic Relay Trading OOO"], "ru");
    const matches = screenEntities([orlov, relay], index, "snap_test");
    const byEntity = Object.fromEntries(matches.map((m) => [m.entityId, m]));
    expect(byEntity[orlov.id].entryId).toBe("ofac-sdn-9100001");
    expect(byEntity[relay.id].entryId).toBe("ofac-sdn-9100002");
    expect(byEntity[orlov.id].score).toBeGreaterThanOrEqual(0.7);
    expect(byEntity[orlov.id].snapshotId).toBe("snap_test");
    expect(Object.keys(byEntity[orlov.id].explanations).length).toBeGreaterThan(0);
    expect(matches).toHaveLength(2);
  });

  it("leaves unlisted parties, places and lone surnames unmatched", () => {
    const matches = screenEntities(
      [
        entity("d3", "Company", ["Zhejiang Brightwing Technology Co., Ltd."], "cn"),
        entity("d4", "Place", ["Tula"]),
        entity("d5", "Person", ["Dremin"]),
      ],
      index,
      "snap_test",
    );
    expect(matches).toEqual([]);
  });

  it("matches a one-word name only to an entry that has that very name", () => {
    const severo = entity("d10", "Company", ["Severotrans"], "ru");
    const delta = entity("d11", "Company", ["Delta"], "ru");
    const matches = screenEntities([severo, delta], index, "snap_test");
    expect(matches.map((m) => [m.entityId, m.entryId])).toEqual([[severo.id, "ofac-sdn-9100005"]]);
  });

  it("screens by full names, not by short forms, when an entity has both", () => {
    const names = namesToScreen(entity("d6", "Company", ["OPI", "Orlov Precision Instruments JSC"]), 6);
    expect(names).toEqual(["Orlov Precision Instruments JSC"]);
    expect(namesToScreen(entity("d7", "Person", ["Dremin"]), 6)).toEqual([]);
    expect(namesToScreen(entity("d8", "Company", ["OPI"]), 6)).toEqual([]);
    expect(namesToScreen(entity("d9", "Company", ["Brightwing"]), 6)).toEqual(["Brightwing"]);
  });
});
