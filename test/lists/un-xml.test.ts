// The UN Security Council Consolidated List XML (the real 27 Feb 2026 file).
import { describe, expect, it } from "vitest";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";
import { entryOf, readOne } from "./helpers.js";

describe.skipIf(!HAS_SHARED)("UN Security Council consolidated XML", () => {
  it("reads 730 individuals and 273 entities with their reference numbers", async () => {
    const list = await readOne([sharedPath("data/un-sc-consolidated")]);
    expect(list.snapshot).toMatchObject({
      authority: "un",
      list: "consolidated",
      format: "un-xml",
      publishDate: "2026-02-27",
    });
    expect(list.entries.filter((e) => e.schema === "Person")).toHaveLength(730);
    expect(list.entries).toHaveLength(1003);
    expect(list.entries.every((e) => /^[A-Z]{2}[ie]\.\d+$/.test(e.authorityId))).toBe(true);
    const person = entryOf(list, "CDi.002");
    expect(person.names).toEqual(
      expect.arrayContaining(["FRANK KAKOLELE BWAMBALE", "FRANK KAKORERE", "AIGLE BLANC"]),
    );
    expect(person.countries).toContain("cd");
    expect(person.programs).toEqual(["DRC"]);
    expect(person.listingDate).toBe("2005-11-01");
    // Aliases of low quality are weak aliases, apart from the names.
    const weak = list.entries.reduce((n, e) => n + e.weakAliases.length, 0);
    expect(weak).toBeGreaterThan(100);
    expect(list.entries.some((e) => e.birthDates.length > 1)).toBe(true);
    expect(list.entries.some((e) => e.identifiers.some((i) => i.type === "passport"))).toBe(true);
  });
});
