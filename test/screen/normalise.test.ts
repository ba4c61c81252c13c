// Name normalisation: legal forms to symbols, scripts to Latin, titles, particles and numbers.
import { describe, expect, it } from "vitest";
import { normaliseName } from "../../src/screen/index.js";

const words = (name: string, schema?: string) => normaliseName(name, schema).tokens.map((t) => t.text);

describe("normaliseName", () => {
  it.each([
    ["OOO Zarevo", "LLC"],
    ["Zarevo o.O.O.", "LLC"],
    ["ООО «Зарево»", "LLC"],
    ["Obshchestvo s ogranichennoi otvetstvennostyu Zarevo", "LLC"],
    ["Zarevo Limited Liability Company", "LLC"],
    ["TOV Zarevo", "LLC"],
    ["Zarevo GmbH", "LLC"],
    ["AO Zarevo", "JSC"],
    ["PAO Zarevo", "JSC"],
    ["Zarevo PJSC", "JSC"],
    ["ZAO Zarevo", "JSC"],
    ["Aktsionernoe obshchestvo Zarevo", "JSC"],
    ["Акционерное общество Зарево", "JSC"],
    ["Zarevo Joint Stock Company", "JSC"],
    ["Zarevo Co.", "CO"],
    ["Zarevo Ltd.", "LTD"],
    ["Zarevo Aktiengeselschaft", "JSC"],
  ])("reads the legal form of %s as %s, leaving the name", (name, symbol) => {
    const normalised = normaliseName(name, "Company");
    expect(normalised.legalForms).toEqual([symbol]);
    expect(normalised.tokens.map((t) => t.text)).toEqual(["zarevo"]);
  });

  it.each([
    ["Zarevo Joitn Stock Copmany", "JSC"],
    ["Limited Liabilty Company Zarevo", "LLC"],
    ["Obshchestvo s ogranichennoi otvetstevnnostyu Zarevo", "LLC"],
    ["Zarevo LDT", "LTD"],
    ["OOA Zarevo", "JSC"],
    ["Zarevo S.A. ed C.V.", "JSC"],
    ["Zarevo Limited Partnreship", "LP"],
    ["Zarevo Anonim Sirketi", "JSC"],
    ["Zarevo Aonnim Sirketi", "JSC"],
    ["Zarevo Ltd. Şti.", "LLC"],
    ["Sherkat-e Zarevo", "CO"],
    ["Zarevo Sahami Khas", "JSC"],
    ["Zarevo Youxian Gongsi", "LTD"],
    ["Zarevo S. de R.L. de C.V.", "LLC"],
  ])("reads the legal form of %s, misspelt or in another language, as %s", (name, symbol) => {
    const normalised = normaliseName(name, "Company");
    expect(normalised.legalForms).toEqual([symbol]);
    expect(normalised.tokens.map((t) => t.text)).toEqual(["zarevo"]);
  });

  it("reads a legal form written in Han before romanising the name as one word", () => {
    const normalised = normaliseName("扎列沃有限公司", "Company");
    expect(normalised.legalForms).toEqual(["LTD"]);
    expect(normalised.tokens.map((t) => t.text).join("")).toBe("zhaliewo");
  });

  it("reads a short form with letters swapped only at a company name's ends, never in a person's name", () => {
    expect(words("Vardo Ldt Holdings", "Company")).toEqual(["vardo", "ldt", "holdings"]);
    expect(words("Ana Ldt", "Person")).toEqual(["ana", "ldt"]);
  });

  it("reads a number word with two letters swapped and 'Adb' as the element Abd", () => {
    expect(words("Elveen Eighty Eihgt Ltd", "Company")).toEqual(["11", "88"]);
    expect(words("Adb al-Hadi Zarani", "Person")).toEqual(words("Abd al-Hadi Zarani", "Person"));
  });

  it("keeps a legal form as the name when nothing else is left", () => {
    expect(words("Company", "Company")).toEqual(["company"]);
  });

  it("folds case, diacritics and punctuation", () => {
    expect(words("Société Générale-Crédit, S.A.", "Company")).toEqual(["societe", "generale", "credit"]);
  });

  it.each([
    ["Дмитрий Коваленко", ["dmitriy", "kovalenko"]],
    ["Κυριάκος Παπαδόπουλος", ["kyriakos", "papadopoulos"]],
    ["周明浩", ["zhou", "minghao"]],
  ])("transliterates %s", (name, expected) => {
    expect(words(name, "Person")).toEqual(expected);
  });

  it("transliterates Arabic and marks it as an abjad", () => {
    const normalised = normaliseName("طارق الحسني", "Person");
    expect(normalised.abjad).toBe(true);
    expect(normalised.script).toBe("Arabic");
    expect(normalised.tokens.length).toBeGreaterThan(0);
    expect(normalised.tokens.every((t) => /^[a-z0-9]+$/.test(t.text))).toBe(true);
  });

  it("drops titles from persons only, and keeps particles with a small weight", () => {
    const person = normaliseName("Dr. Tariq al-Hassani", "Person");
    expect(person.tokens.map((t) => t.text)).toEqual(["tariq", "al", "hassani"]);
    expect(person.tokens[1]).toMatchObject({ kind: "particle" });
    expect(person.tokens[1].weight).toBeLessThan(person.tokens[0].weight);
    expect(words("Dr Pelikan", "Company")).toEqual(["dr", "pelikan"]);
  });

  it("gives a patronymic less weight than a given or family name", () => {
    const [given, patronymic, family] = normaliseName("Dmitri Arkadyevich Kovalenko", "Person").tokens;
    expect(patronymic.text).toBe("arkadyevich");
    expect(patronymic.weight).toBeLessThan(given.weight);
    expect(family.weight).toBe(given.weight);
  });

  it("keeps the initials of persons apart and joins dotted initialisms of organisations", () => {
    expect(normaliseName("J.P. Kovalenko", "Person").tokens.map((t) => t.kind)).toEqual([
      "initial",
      "initial",
      "word",
    ]);
    expect(words("A.B.C. Trading", "Company")).toEqual(["abc", "trading"]);
  });

  it("reads number words and roman numerals as digits, and digit ordinals as words", () => {
    expect(words("Brigade Forty-Four", "Organization")).toEqual(["brigade", "44"]);
    expect(words("1st Harbour Fund IV", "Company")).toEqual(["first", "harbour", "fund", "4"]);
  });

  it("drops articles and conjunctions, and reads '&' as 'and' and '%' as 'percent'", () => {
    expect(words("The Pelikan & Orchid Company", "Company")).toEqual(["pelikan", "orchid"]);
    expect(words("5%ers Fellowship", "Organization")).toEqual(["5", "percent", "ers", "fellowship"]);
  });

  it("reads digits typed for letters inside words", () => {
    expect(words("K0valenko Dm1tri", "Person")).toEqual(["kovalenko", "dmitri"]);
  });

  it("drops vessel prefixes", () => {
    expect(words("MV Morning Lark", "Vessel")).toEqual(["morning", "lark"]);
  });
});
