// Names changed the ways list names are: codes with a changed letter, single letters moved, misspelt
// and unusual legal forms, abbreviations standing alone, organisation names screened without a schema.
import { describe, expect, it } from "vitest";
import { buildIndex, compareNames, normaliseName, screen } from "../../src/screen/index.js";
import { entry } from "../fixtures/screen/entries.js";

const words = (name: string, schema?: string) => normaliseName(name, schema).tokens.map((t) => t.text);

describe("codes (registrations, serial numbers)", () => {
  it("reads a name written as one code, and no name of words", () => {
    expect(normaliseName("QX-TRB", "Airplane").code).toBe("qxtrb");
    expect(normaliseName("P-5310").code).toBe("p5310");
    expect(normaliseName("Morning Lark", "Vessel").code).toBeNull();
  });

  it("counts every changed, added, removed or swapped character of a code alike", () => {
    const changed = compareNames("QX-MOI", "QX-MNI", "Airplane");
    expect(compareNames("QX-MOI", "QX-MOA", "Airplane")).toBeCloseTo(changed, 6);
    expect(compareNames("QX-MOI", "QX-MIO", "Airplane")).toBeCloseTo(changed, 6);
    expect(compareNames("QX-MOI", "QX-MOIA", "Airplane")).toBeCloseTo(changed, 6);
    expect(changed).toBeGreaterThanOrEqual(0.7);
    expect(compareNames("QX-MOI", "QX-ZZZ", "Airplane")).toBeLessThan(0.5);
  });

  it("finds every listed code one edit away, tied", () => {
    const codes = ["QX-MOA", "QX-MNI", "QX-MIO", "QX-MOIA", "QX-KLM", "QX-AMO"];
    const index = buildIndex(codes.map((c, i) => entry(String(i), "Airplane", [c])));
    const results = screen(index, { name: "QX-MOI" }, { limit: 10 });
    const top = results.filter((r) => r.score === results[0].score).map((r) => r.entry.caption);
    expect(top.sort()).toEqual(["QX-MIO", "QX-MNI", "QX-MOA", "QX-MOIA"]);
    expect(results.map((r) => r.entry.caption)).not.toContain("QX-KLM");
  });
});

describe("single letters", () => {
  it("keeps letters joined in an organisation name apart as well", () => {
    const normalised = normaliseName("R & R Pelmark GmbH", "Company");
    expect(normalised.tokens.map((t) => t.text)).toEqual(["rr", "pelmark"]);
    expect(normalised.letterTokens?.map((t) => t.text)).toEqual(["r", "r", "pelmark"]);
    expect(normaliseName("Pelmark GmbH", "Company").letterTokens).toBeNull();
  });

  it("matches letters moved away from each other", () => {
    expect(compareNames("R Pelmark R GmbH", "R & R Pelmark GmbH", "Company")).toBe(1);
    expect(compareNames("K Vorsa J S.A.", "J K Vorsa S.A.", "Company")).toBe(1);
  });

  it("finds a name of letters in another order", () => {
    const index = buildIndex([
      entry("1", "Company", ["J K Vorsa S.A."]),
      entry("2", "Company", ["K M A"]),
      entry("3", "Company", ["Vorsa Holdings"]),
    ]);
    expect(screen(index, { name: "K Vorsa J SA" })[0].entry.authorityId).toBe("1");
    expect(screen(index, { name: "M A K" })[0].entry.authorityId).toBe("2");
  });
});

describe("legal forms", () => {
  it("reads a long legal form two letters off, but no ordinary word as one", () => {
    const llc = normaliseName("Obshchestvo s ogranichennoi otvetsvfnnostyu Zarevo", "Company");
    expect(llc.legalForms).toEqual(["LLC"]);
    expect(words("Banco Corporativo S.A.", "Company")).toEqual(["banco", "corporativo"]);
  });

  it("reads limited partnerships in Spanish", () => {
    expect(normaliseName("Jeraldo y Cia. S.C.S.", "Company").legalForms).toContain("LP");
  });

  it("joins dotted initials within one word only", () => {
    const normalised = normaliseName("Zuliana C.I. S.A.S.", "Company");
    expect(normalised.tokens.map((t) => t.text)).toEqual(["zuliana", "ci"]);
    expect(normalised.legalForms).toEqual(["JSC"]);
  });

  it("takes a last word one letter off the other name's legal form for that form", () => {
    expect(normaliseName("40517 Corq.", "Company").looseForm).toBe("CORP");
    expect(compareNames("40517 Corq.", "40517 Corp.", "Company")).toBeGreaterThanOrEqual(0.9);
    expect(compareNames("40517 Corq.", "40517 Holdings", "Company")).toBeLessThan(0.7);
  });
});

describe("acronyms and abbreviations", () => {
  it("scores an acronym of three letters below one of four", () => {
    const three = compareNames("QTS", "Quorra Trading Systems", "Company");
    expect(three).toBeGreaterThanOrEqual(0.7);
    expect(three).toBeLessThan(compareNames("QTSG", "Quorra Trading Systems Group", "Company"));
    // A one-letter typo of a listed three-letter name outranks another name's acronym.
    expect(compareNames("QTS", "QTB", "Company")).toBeGreaterThan(three);
  });

  it("spells out a country abbreviation inside a name, not one standing alone", () => {
    expect(words("Pelikan UAE", "Company")).toEqual(["pelikan", "united", "arab", "emirates"]);
    expect(words("UAE", "Company")).toEqual(["uae"]);
  });
});

describe("a name with a legal form screened without a schema", () => {
  const index = buildIndex([
    entry("1", "Person", ["VELDA, Marit"]),
    entry("2", "Company", ["Marit Velda Trading Ltd"]),
  ]);

  it("is not taken for a person's", () => {
    const results = screen(index, { name: "Marit Velda Ltd" });
    const person = results.find((r) => r.entry.authorityId === "1");
    expect(results[0].entry.authorityId).toBe("2");
    expect(person?.explanations.schemaMismatch?.detail ?? "").toContain("LTD");
    expect(person?.match ?? false).toBe(false);
  });

  it("still finds persons whose names end in what may be a legal form", () => {
    const persons = buildIndex([
      entry("1", "Person", ["CHEN, Na"]),
      entry("2", "Company", ["Chen Holdings NA"]),
    ]);
    expect(screen(persons, { name: "CHEM, Na" })[0].entry.authorityId).toBe("1");
  });
});
