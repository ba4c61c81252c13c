// OpenSanctions / FollowTheMoney JSON lines and targets.simple.csv (real samples in ../shared/data).
import { describe, expect, it } from "vitest";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";
import { readOne } from "./helpers.js";

describe.skipIf(!HAS_SHARED)("OpenSanctions formats", () => {
  it("reads FtM entities: targets only, with programs from Sanction entities and links", async () => {
    const list = await readOne([sharedPath("data/opensanctions-ftm/yente-zala/entities.ftm.json")]);
    expect(list.snapshot).toMatchObject({ authority: "opensanctions", format: "ftm-json", entryCount: 14 });
    const targets = list.entries;
    expect(targets.every((e) => ["Person", "Company"].includes(e.schema))).toBe(true);
    expect(targets.some((e) => e.programs.length > 0)).toBe(true);
    expect(targets.some((e) => e.linkedTo.length > 0)).toBe(true);
    expect(targets.some((e) => e.identifiers.some((i) => i.type === "inn"))).toBe(true);
    expect(targets.some((e) => e.listingDate !== null)).toBe(true);
  });

  it("reads targets.simple.csv", async () => {
    const list = await readOne([
      sharedPath("data/opensanctions-ftm/wd_persons-2024-03-10/targets.simple.csv"),
    ]);
    expect(list.snapshot).toMatchObject({ format: "opensanctions-targets-csv", entryCount: 5 });
    const first = list.entries.find((e) => e.authorityId === "Q296771")!;
    expect(first).toMatchObject({
      schema: "Person",
      birthDates: ["1970-04-18"],
      countries: ["fr", "lb", "sa"],
    });
    expect(first.names).toEqual(["Saad Hariri", "Hariri", "Sa'd al-Din"]);
  });
});
