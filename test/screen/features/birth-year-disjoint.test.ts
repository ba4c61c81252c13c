// birthYearDisjoint on a table of birth dates: fires only when both sides have years and none is within a year.
import { describe, expect, it } from "vitest";
import { birthYearDisjoint, yearsOf } from "../../../src/screen/features/birth-year-disjoint.js";
import { NAME_DEFAULTS, prepareQuery } from "../../../src/screen/index.js";
import { entry } from "../../fixtures/screen/entries.js";

function fires(queryDate: string | undefined, listed: string[]): number {
  const query = prepareQuery({ name: "Dmitri Kovalenko", schema: "Person", birthDate: queryDate });
  const candidate = entry("x", "Person", ["Dmitri Kovalenko"], { birthDates: listed });
  return birthYearDisjoint.compute({
    query,
    entry: candidate,
    names: [],
    config: NAME_DEFAULTS,
    explain: true,
  }).score;
}

describe("birthYearDisjoint", () => {
  it.each([
    ["1971-04-12", ["1971-04-12"], 0],
    ["1972", ["1971-04-12"], 0],
    ["1975", ["1971-04-12"], 1],
    ["1990-01-01", ["1958", "1960"], 1],
    ["1959", ["1958", "1960"], 0],
    [undefined, ["1971"], 0],
    ["1971", [], 0],
  ])("query %s against %j scores %d", (query, listed, expected) => {
    expect(fires(query, listed)).toBe(expected);
  });

  it("reads years from the date forms lists use", () => {
    expect(yearsOf(["1961-05-03", "circa 1960", "1958 to 1962", "unknown"])).toEqual([
      1961, 1960, 1958, 1962,
    ]);
  });
});
