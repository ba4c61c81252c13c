// Screening through the stage's door: the index finds list entries for changed names, the scorer
// explains each hit, and qualifiers (schema, country, birth date, identifiers) move the score.
import { describe, expect, it } from "vitest";
import { ALGORITHMS, buildIndex, screen } from "../../src/screen/index.js";
import { ENTRIES, entry } from "../fixtures/screen/entries.js";

const index = buildIndex(ENTRIES);
const top = (name: string, extra: Record<string, unknown> = {}, options = {}) =>
  screen(index, { name, ...extra }, options)[0];

describe("buildIndex and screen", () => {
  it("indexes every strong name and weak alias", () => {
    expect(index.size).toBe(ENTRIES.length + 1);
  });

  it.each([
    ["the exact name", "OOO Zarevo Instrument Works", "1"],
    ["a typo", "OOO Zarevo Instrumant Works", "1"],
    ["the words reordered", "Instrument Works Zarevo OOO", "1"],
    [
      "the legal form written out",
      "Obshchestvo s ogranichennoi otvetstvennostyu Zarevo Instrument Works",
      "1",
    ],
    ["another script", "ООО Зарево Инструмент Воркс", "1"],
    ["a person's name in natural order", "Dmitri Arkadyevich Kovalenko", "5"],
    ["a person's name without the patronymic", "Dmitri Kovalenko", "5"],
    ["a vessel with its prefix", "MV Morning Lark", "8"],
    ["an acronym", "NHDB", "9"],
    ["Han characters", "周明浩", "11"],
  ])("finds an entry by %s", (_what, name, id) => {
    const result = top(name);
    expect(result.entry.authorityId).toBe(id);
    expect(result.match).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(0.7);
  });

  it("returns results sorted by score, at most `limit`, with match set at the threshold", () => {
    const results = screen(index, { name: "Kovalenko" }, { limit: 2, threshold: 0.5 });
    expect(results.length).toBeLessThanOrEqual(2);
    for (let i = 1; i < results.length; i++)
      expect(results[i - 1].score).toBeGreaterThanOrEqual(results[i].score);
    for (const r of results) expect(r.match).toBe(r.score >= 0.5);
  });

  it("finds nothing for an unrelated name", () => {
    expect(screen(index, { name: "Quiet Meadow Bakery" }, {})).toEqual([]);
  });

  it("explains the name match: which query words met which list words", () => {
    const result = top("Zarevo Instrumant Works LLC");
    const name = result.explanations.nameMatch;
    expect(name.query).toBe("Zarevo Instrumant Works LLC");
    expect(name.candidate).toBe("OOO Zarevo Instrument Works");
    expect(name.detail).toContain("instrumant~instrument");
    expect(name.weight).toBe(1);
    expect(result.algorithm).toBe(ALGORITHMS.at(-1)?.name);
  });

  it("lowers the score when the countries disagree, and explains it", () => {
    const agree = top("Dmitri Kovalenko", { schema: "Person", country: "Russia" });
    const differ = top("Dmitri Kovalenko", { schema: "Person", country: "Brazil" });
    expect(agree.explanations.countryMismatch).toBeUndefined();
    expect(differ.explanations.countryMismatch).toMatchObject({ score: 1, query: "br", candidate: "ru" });
    expect(differ.score).toBeLessThan(agree.score);
  });

  it("lowers the score when the birth years are far apart", () => {
    const near = top("Dmitri Kovalenko", { schema: "Person", birthDate: "1972" });
    const far = top("Dmitri Kovalenko", { schema: "Person", birthDate: "1990-01-01" });
    expect(near.explanations.birthYearDisjoint).toBeUndefined();
    expect(far.explanations.birthYearDisjoint?.score).toBe(1);
    expect(far.score).toBeLessThan(near.score);
  });

  it("lowers the score when a person is matched against a vessel", () => {
    const asVessel = top("Morning Lark", { schema: "Vessel" });
    const asPerson = screen(index, { name: "Morning Lark", schema: "Person" }, { threshold: 0.7 })[0];
    expect(asPerson.explanations.schemaMismatch?.score).toBe(1);
    expect(asPerson.score).toBeLessThan(asVessel.score);
    expect(asPerson.match).toBe(false);
  });

  it("counts an identifier in common as a match of its own", () => {
    const result = top("Zarevo Works Trading", { identifiers: ["INN 7701234567"] });
    expect(result.entry.authorityId).toBe("1");
    expect(result.explanations.identifierMatch).toMatchObject({ score: 1, candidate: "7701234567" });
    expect(result.match).toBe(true);
  });

  it("scores a weak alias below a strong name", () => {
    const result = top("Pelikan Group");
    expect(result.entry.authorityId).toBe("3");
    expect(result.explanations.weakAliasMatch?.score).toBe(1);
    expect(result.score).toBeLessThan(1);
  });

  it("gives the best of an entry's names, however many", () => {
    const multi = buildIndex([entry("x", "Person", ["PETRENKO, Olga", "Olha Petrenko", "Ольга Петренко"])]);
    expect(screen(multi, { name: "Olga Petrenko" }, {})[0].score).toBe(1);
  });

  it("rejects an unknown algorithm and a threshold out of range", () => {
    expect(() => screen(index, { name: "Zarevo" }, { algorithm: "no-such" })).toThrow(
      expect.objectContaining({ code: "SCREEN_UNKNOWN_ALGORITHM" }),
    );
    expect(() => screen(index, { name: "Zarevo" }, { threshold: 1.5 })).toThrow(
      expect.objectContaining({ code: "SCREEN_BAD_OPTION" }),
    );
  });
});

describe("screening names whose legal form is misspelt", () => {
  const companies = buildIndex([
    entry("a", "Company", ["Limited Liability Company Vostrelmash"]),
    entry("b", "Company", ["Joint Stock Company Kerval Trading"]),
    entry("c", "Company", ["Vostrelmash Holdings Limited"]),
  ]);

  it.each([
    ["Limited Liabiltiy Company Vostrelmash", "a"],
    ["Vostrelmash Limited Liability Copmany", "a"],
    ["LCL Vostrelmash", "a"],
    ["Joitn Stock Company Kerval Trading", "b"],
    ["Kerval Trading Jiont Stock Company", "b"],
    ["Trading Kerval JSC", "b"],
    ["Vostrelmash Holdings Limtied", "c"],
  ])("finds %s first", (name, id) => {
    const results = screen(companies, { name }, { limit: 3 });
    expect(results[0]?.entry.id).toBe(`test-list-${id}`);
    expect(results[0]?.match).toBe(true);
  });
});

describe("ALGORITHMS", () => {
  it("declares each algorithm's features with weights and typed config variables", () => {
    for (const algorithm of ALGORITHMS) {
      expect(algorithm.name).toMatch(/^[a-z]+-v\d+$/);
      expect(algorithm.features.some((f) => f.feature.kind === "main")).toBe(true);
      for (const { feature, weight } of algorithm.features) {
        expect(feature.description.length).toBeGreaterThan(10);
        expect(Math.sign(weight)).toBe(feature.kind === "main" ? 1 : -1);
      }
      expect(algorithm.config.threshold.default).toBe(0.7);
      for (const variable of Object.values(algorithm.config))
        expect(["number", "integer"]).toContain(variable.type);
    }
  });
});
