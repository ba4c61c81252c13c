// The name rules of skein-v3 on invented names: readings across scripts and of given-name equivalents
// bring one party's names together, the namesake guards keep different parties apart, each rule is named
// in the explanation, and the index retrieves names written together and aliases joined by "/" or ";".
import { describe, expect, it } from "vitest";
import { type ListEntry, namePartsOf } from "../../src/model/index.js";
import {
  ALGORITHMS,
  buildIndex,
  compareNames,
  compareNormalised,
  DEFAULT_ALGORITHM,
  normaliseName,
  screen,
} from "../../src/screen/index.js";
import { romaniseKana } from "../../src/screen/japanese.js";

const THRESHOLD = 0.7;

function entry(name: string, schema: ListEntry["schema"] = "Person"): ListEntry {
  return {
    id: `test-list-${name}`,
    schema,
    caption: name,
    names: [name],
    weakAliases: [],
    authority: "test",
    list: "list",
    authorityId: name,
    programs: [],
    countries: [],
    birthDates: [],
    identifiers: [],
    addresses: [],
    listingDate: null,
    remarks: null,
    linkedTo: [],
  };
}

/** The rules named in the explanation of comparing two names. */
function rulesOf(a: string, b: string, schema?: string): string[] {
  return compareNormalised(normaliseName(a, schema), normaliseName(b, schema)).rules;
}

describe("name rules of skein-v3", () => {
  it("is the default algorithm and lists its rules with descriptions", () => {
    expect(DEFAULT_ALGORITHM).toBe("skein-v3");
    const rules = ALGORITHMS.at(-1)!.nameRules;
    expect(rules.map((r) => r.name)).toEqual(
      expect.arrayContaining(["japaneseReading", "arabicNameElements", "nameEquivalent", "numbersDisagree"]),
    );
    for (const rule of rules) expect(rule.description.length).toBeGreaterThan(20);
  });

  it.each([
    ["박서진", "Park Seo Jin"],
    ["최유나", "Choi Yu-na"],
    ["佐藤恵子", "Keiko Sato"],
    ["ナカノ ユウタ", "Yuta Nakano"],
    ["عبد الكريم الناصر", "Abdul Karim Al-Nasser"],
    ["Abdelkarim Nasser", "Abd al-Karim Nasser"],
    ["Bill Hendry", "William Hendry"],
    ["Sasha Volodin", "Alexander Volodin"],
    ["Yury Belkin", "Yuri Belkin"],
    ["HP Grauwald", "Hans-Peter Grauwald"],
    ["Dr. Margit Ellison", "Margit Ellison"],
    ["Jo KIM Hyon", "KIM, Hyon Jo"],
    ["Irina Tereshchenko", "Irina Tereshenko"],
    ["ماجد الشمري", "Majed Al-Shammari"],
    ["จันทร์ศรี บุญมา", "Chan-sri Boonma"],
    ["สมจิต แก้วมณี", "Som-chit Kaewmanee"],
    ["Klaus Schultz", "Klaus Schulz"],
  ])("%s ~ %s matches", (a, b) => {
    expect(compareNames(a, b, "Person")).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it.each([
    ["Kelvarin", "Kelvarin Europe Sp. z o.o."],
    ["Kelvarin Bank AG", "Kelvarin Bank (Schweiz) AG"],
    ["5%ers Fellowship", "Five Percenters Fellowship"],
    ["Cintara Logistics", "Sintara Logistics"],
  ])("%s ~ %s matches as organisations", (a, b) => {
    expect(compareNames(a, b, "Company")).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it.each([
    ["Ri Chol-su", "Ri Chol-ho", "Person"],
    ["Peter Sokolov", "Peter Sobolev", "Person"],
    ["Sea Falcon 3", "Sea Falcon 4", "Vessel"],
    ["Granite Growth Fund II", "Granite Growth Fund III", "Company"],
    ["KTL Instruments Inc.", "KDL Instruments Inc.", "Company"],
    ["Q.R.T.V. Company", "R.T.V. Company", "Company"],
    ["佐藤恵子", "Sato Keiji", "Person"],
    ["Edvard Lindqvist", "Edvard Lindgrist", "Person"],
    ["ماجد الشمري", "Majid Al Shami", "Person"],
    ["Kelvarin Bank", "Kelvarin Bank Trust Company", "Company"],
    ["Kelvarin Bank S.A.", "Kelvarin Bank Chile S.A.", "Company"],
  ])("%s ~ %s (%s) does not match", (a, b, schema) => {
    expect(compareNames(a, b, schema)).toBeLessThan(THRESHOLD);
  });

  it("compares a Korean given name whole in a party of unknown kind against a company entry", () => {
    const index = buildIndex([entry("Han Kwang-chun", "Company")]);
    const [result] = screen(index, { name: "Han Kwang-chol", schema: "LegalEntity" }, { limit: 1 });
    expect(result?.match ?? false).toBe(false);
  });

  it("reads kanji as Japanese only when a Japanese family name leads, else as Chinese pinyin", () => {
    expect(normaliseName("高橋誠", "Person").japanese).toBe("takahashi makoto");
    expect(normaliseName("李明", "Person").japanese).toBeNull();
    expect(normaliseName("李明", "Person").tokens.map((t) => t.text)).toEqual(["li", "ming"]);
    expect(romaniseKana("じゅんいちろう")).toBe("junichiro");
    expect(romaniseKana("ハットリ")).toBe("hattori");
  });

  it("names the rule that fired in the explanation", () => {
    expect(rulesOf("佐藤恵子", "Keiko Sato", "Person").join(" ")).toContain("japaneseReading");
    expect(rulesOf("Abdelkarim Nasser", "Abd al-Karim Nasser", "Person").join(" ")).toContain(
      "arabicNameElements abdelkarim~abd",
    );
    expect(rulesOf("Bill Hendry", "William Hendry", "Person")).toContain("nameEquivalent bill~william");
    expect(rulesOf("Peter Sokolov", "Peter Sobolev", "Person")).toContain(
      "distinctKnownNames sokolov~sobolev",
    );
    expect(rulesOf("Sea Falcon 3", "Sea Falcon 4", "Vessel")).toContain("numbersDisagree 3~4");
    expect(rulesOf("Edvard Lindqvist", "Edvard Lindgrist", "Person")).toContain(
      "nameSoundDiffers lindqvist~lindgrist",
    );
  });

  it("compares FtM name parts by role: the same words in other roles are another person", () => {
    const swapped = { ...entry("Brennan Lowell"), nameParts: { firstName: "Brennan", lastName: "Lowell" } };
    const same = { ...entry("Lowell Brennan"), nameParts: { firstName: "Lowell", lastName: "Brennan" } };
    const index = buildIndex([swapped, same]);
    const query = {
      name: "Lowell Brennan",
      schema: "Person",
      nameParts: { firstName: "Lowell", lastName: "Brennan" },
    };
    const results = screen(index, query, { limit: 2, threshold: THRESHOLD });
    const byId = new Map(results.map((r) => [r.entry.id, r]));
    expect(byId.get(same.id)?.match).toBe(true);
    expect(byId.get(swapped.id)?.match ?? false).toBe(false);
    expect(byId.get(swapped.id)?.explanations.nameMatch.detail ?? "").toContain(
      "namePartsByRole firstName Lowell~Brennan",
    );
    // Without parts on the query the words alone decide, in any order.
    expect(
      screen(index, { name: "Lowell Brennan", schema: "Person" }, { limit: 2 }).every((r) => r.match),
    ).toBe(true);
  });

  it("reads FtM name parts when one value of each is given, with a first and a last name", () => {
    expect(namePartsOf({ firstName: ["Lowell"], middleName: ["J"], lastName: ["Brennan"] })).toEqual({
      firstName: "Lowell",
      middleName: "J",
      lastName: "Brennan",
    });
    expect(namePartsOf({ firstName: ["Lowell", "Lou"], lastName: ["Brennan"] })).toBeUndefined();
    expect(namePartsOf({ name: ["Lowell Brennan"] })).toBeUndefined();
  });

  it("finds an organisation by the acronym of its name with its legal form, a country word beside it", () => {
    const index = buildIndex([entry("Harrow Valve Company", "Company"), entry("Harrow Valves", "Company")]);
    const [top] = screen(index, { name: "HVC Ukraine", schema: "Company" }, { limit: 1 });
    expect(top?.entry.caption).toBe("Harrow Valve Company");
    expect(top?.match).toBe(true);
  });

  it("retrieves names written together, joined with their article, and aliases joined by / or ;", () => {
    const index = buildIndex([
      entry("Varnholt Dynamics AG", "Company"),
      entry("Yusuf al-Qasimi"),
      entry("Orlen Tide Ltd / Marsh Harbour Ltd", "Company"),
      entry("Petra Lindqvist; Petra Holm"),
    ]);
    const top = (name: string, schema?: string) => screen(index, { name, schema }, { limit: 1 })[0];
    expect(top("VarnholtDynamicsAG", "Company")?.entry.caption).toBe("Varnholt Dynamics AG");
    expect(top("Yousef Alqasimi", "Person")?.entry.caption).toBe("Yusuf al-Qasimi");
    expect(top("Marsh Harbour Ltd", "Company")?.match).toBe(true);
    expect(top("Petra Holm", "Person")?.match).toBe(true);
  });
});
