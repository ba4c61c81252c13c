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

describe.skipIf(!HAS_SHARED)("the OpenSanctions folder as a whole", () => {
  it("reads every export in it and skips the delta files with a warning", async () => {
    const { readListFiles } = await import("../../src/lists/index.js");
    const lists = await readListFiles([sharedPath("data/opensanctions-ftm")]);
    expect(lists.map((l) => [l.snapshot.format, l.snapshot.list, l.snapshot.entryCount])).toEqual([
      ["ftm-json", "wd_persons-2024-03-10", 5],
      ["ftm-json", "wd_persons-2024-03-10", 5],
      ["opensanctions-targets-csv", "wikidata-politically-exposed-persons", 5],
      ["ftm-json", "t1", 6],
      ["ftm-json", "yente-zala", 14],
    ]);
    const skipped = lists.flatMap((l) => l.issues).filter((i) => i.code === "LISTS_UNKNOWN_FORMAT");
    expect(skipped.map((i) => i.file.split("/").at(-1))).toEqual([
      "senzing.json",
      ...Array(6).fill("entities.delta.json"),
    ]);
  });
});
