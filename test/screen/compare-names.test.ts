// compareNames on a case table of invented name pairs that should and should not match at the default threshold.
import { describe, expect, it } from "vitest";
import { compareNames } from "../../src/screen/index.js";

const THRESHOLD = 0.7;

describe("compareNames", () => {
  it.each([
    ["Dmitri Kovalenko", "Dmitri Kovalenko", "Person"],
    ["Dmitri Kovalenkko", "Dmitri Kovalenko", "Person"],
    ["KOVALENKO, Dmitri", "Dmitri Kovalenko", "Person"],
    ["Dmitri Arkadyevich Kovalenko", "Dmitri Kovalenko", "Person"],
    ["Дмитрий Коваленко", "Dmitriy Kovalenko", "Person"],
    ["D. Kovalenko", "Dmitri Kovalenko", "Person"],
    ["DmitriKovalenko", "Dmitri Kovalenko", "Person"],
    ["Tarik al-Hasani", "Tariq Al Hassani", "Person"],
    ["OOO Zarevo Instrument Works", "Zarevo Instrument Works LLC", "Company"],
    ["Obshchestvo s ogranichennoi otvetstvennostyu Zarevo", "Zarevo Limited Liability Company", "Company"],
    ["Pelikan Trading Co., Ltd.", "PELIKAN TRADING COMPANY LIMITED", "Company"],
    ["Northern Harbour Defence Bureau", "Northern Harbor Defense Bureau", "Organization"],
    ["NHDB", "Northern Harbour Defence Bureau", "Organization"],
    ["周明浩", "Zhou Minghao", "Person"],
    ["Brigade Fifty-Two", "Brigade 52", "Organization"],
  ])("%s ~ %s (%s) matches", (a, b, schema) => {
    expect(compareNames(a, b, schema)).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it.each([
    ["Pavel Kovalenko", "Dmitri Kovalenko", "Person"],
    ["Dmitri Kovalenko", "Dmitri Petrenko", "Person"],
    ["Tariq al-Hassani", "Tariq al-Rubai", "Person"],
    ["Zarevo Instrument Works", "Zarevo Logistics", "Company"],
    ["Bellamy Precision Optics GmbH", "Bellamy Precision Optics AG", "Company"],
    ["Pelikan Trading (Germany) GmbH", "Pelikan Trading (France) GmbH", "Company"],
    ["Orchid Shipping LLC", "Pelikan Trading LLC", "Company"],
    ["周明浩", "周明涛", "Person"],
  ])("%s ~ %s (%s) does not match", (a, b, schema) => {
    expect(compareNames(a, b, schema)).toBeLessThan(THRESHOLD);
  });

  it("is symmetric and bounded", () => {
    const pairs = [
      ["Dmitri Kovalenko", "KOVALENKO, Dmitri Arkadyevich"],
      ["OOO Zarevo", "Zarevo Logistics LLC"],
    ];
    for (const [a, b] of pairs) {
      const ab = compareNames(a, b, "Person");
      expect(ab).toBeCloseTo(compareNames(b, a, "Person"), 6);
      expect(ab).toBeGreaterThanOrEqual(0);
      expect(ab).toBeLessThanOrEqual(1);
    }
  });

  it("ranks a typo above a different name", () => {
    expect(compareNames("Dmitri Kovalenka", "Dmitri Kovalenko", "Person")).toBeGreaterThan(
      compareNames("Dmitri Kovalchuk", "Dmitri Kovalenko", "Person"),
    );
  });
});
