// Country names as the lists write them, mapped to ISO 3166-1 alpha-2 codes (lower case).
import { describe, expect, it } from "vitest";
import { countryCode } from "../../src/lists/index.js";

describe("countryCode", () => {
  it.each([
    ["Russia", "ru"],
    ["Russian Federation", "ru"],
    ["Korea, North", "kp"],
    ["Democratic People's Republic of Korea", "kp"],
    ["Iran (Islamic Republic of)", "ir"],
    ["Congo, Democratic Republic of the", "cd"],
    ["Democratic Republic of the Congo", "cd"],
    ["Burma", "mm"],
    ["Türkiye", "tr"],
    ["Turkey", "tr"],
    ["United Arab Emirates", "ae"],
    ["Bosnia and Herzegovina", "ba"],
    ["Côte d'Ivoire", "ci"],
    ["RU", "ru"],
    ["gb", "gb"],
    ["UK", "gb"],
    ["RUSSIAN FEDERATION", "ru"],
    ["Syrian Arab Republic", "sy"],
    ["Palestinian", "ps"],
  ])("%s → %s", (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it.each([["Region: Kurdistan"], ["Minsk"], [""], ["XX"]])("%s is not a country", (name) => {
    expect(countryCode(name)).toBeNull();
  });
});
