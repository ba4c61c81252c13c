// Case table for findAmounts: invented sentences in news, notice, invoice and ledger styles.
import { describe, expect, it } from "vitest";
import { findAmounts } from "../../src/extract/amounts.js";

type Row = [sentence: string, words: string, value: number, currency: string, qualifier: string | null];

const CASES: Row[] = [
  [
    "Invoices show the firm billed the buyer more than 5 million yuan for drones.",
    "more than 5 million yuan",
    5e6,
    "CNY",
    "more than",
  ],
  ["The bank moved $1.2 billion through shell companies.", "$1.2 billion", 1.2e9, "USD", null],
  ["Total due: USD 300,000 on delivery.", "USD 300,000", 300000, "USD", null],
  ["The yard was sold for €4m last spring.", "€4m", 4e6, "EUR", null],
  ["The contract was worth RUB 12 million.", "RUB 12 million", 12e6, "RUB", null],
  ["Officials estimated payments of about 250,000 euros.", "about 250,000 euros", 250000, "EUR", "about"],
  ["He received nearly £3.5bn in loans.", "nearly £3.5bn", 3.5e9, "GBP", "nearly"],
  ["The ministry paid 40 million rubles to the plant.", "40 million rubles", 40e6, "RUB", null],
  ["The shipment was insured for US$2.75 million.", "US$2.75 million", 2.75e6, "USD", null],
  ["Transfers of HK$8 million went through the account.", "HK$8 million", 8e6, "HKD", null],
  ["The buyer wired 1,500,000 AED in May.", "1,500,000 AED", 1.5e6, "AED", null],
  [
    "Funds of up to 2 billion Iranian rials were seized.",
    "up to 2 billion Iranian rials",
    2e9,
    "IRR",
    "up to",
  ],
  ["A deposit of ¥20 million was paid to the Chinese supplier.", "¥20 million", 20e6, "CNY", null],
  ["The studio budget was ¥300 million.", "¥300 million", 300e6, "JPY", null],
  ["Payments totalled five million dollars.", "five million dollars", 5e6, "USD", null],
  ["The fund lost half a million euros.", "half a million euros", 5e5, "EUR", null],
  [
    "The network laundered tens of millions of dollars.",
    "tens of millions of dollars",
    1e7,
    "USD",
    "tens of",
  ],
  [
    "The front company moved millions of dollars to the broker.",
    "millions of dollars",
    1e6,
    "USD",
    "millions of",
  ],
  ["Officials seized a million euros in cash.", "a million euros", 1e6, "EUR", null],
  [
    "The firm helped launder tens of millions of AED for the ministry.",
    "tens of millions of AED",
    1e7,
    "AED",
    "tens of",
  ],
  ["OFAC imposed a$7,139,305 penalty on the exporter.", "$7,139,305", 7139305, "USD", null],
  ["Each engine cost at least $45,000.", "at least $45,000", 45000, "USD", "at least"],
  [
    "The deal was valued at between $5 million and $10 million.",
    "between $5 million and $10 million",
    5e6,
    "USD",
    "between",
  ],
  ["Shares worth $5–10 million changed hands.", "$5–10 million", 5e6, "USD", "between"],
  ["Invoice total 12 500,00? No: EUR 12,500.50 incl. VAT.", "EUR 12,500.50", 12500.5, "EUR", null],
  ["The broker charged 3.2 mln USD in fees.", "3.2 mln USD", 3.2e6, "USD", null],
  ["Loans of CNY 80 million were arranged.", "CNY 80 million", 80e6, "CNY", null],
  ["RMB 6.4 million was transferred in 2023.", "RMB 6.4 million", 6.4e6, "CNY", null],
  ["Sales reached 900 million Hong Kong dollars.", "900 million Hong Kong dollars", 900e6, "HKD", null],
  ["It paid roughly 15 billion won for the parts.", "roughly 15 billion won", 15e9, "KRW", "roughly"],
  ["The account held ₽75 000 000.", "₽75 000 000", 75e6, "RUB", null],
  ["Guarantees exceeded in excess of €250k.", "in excess of €250k", 250000, "EUR", "in excess of"],
  ["The government offered a reward of $10 million.", "$10 million", 10e6, "USD", null],
  ["The parts cost 2,000 Swiss francs each.", "2,000 Swiss francs", 2000, "CHF", null],
];

describe("findAmounts", () => {
  it.each(CASES)("%s", (sentence, words, value, currency, qualifier) => {
    const found = findAmounts(sentence);
    const amount = found.find((item) => item.text === words);
    expect(amount, JSON.stringify(found)).toBeDefined();
    expect(amount).toMatchObject({ value, currency, qualifier });
    expect(sentence.slice(amount!.start, amount!.end)).toBe(words);
  });

  const NONE = [
    "The company shipped 40 engines in 2024.",
    "Pursuant to E.O. 13851, 300 deaths and 2,000 injuries were reported.",
    "The drone carries 500 pounds of explosives.",
    "They won 3 contracts and try 5 more.",
    "The team won the tender in 2023.",
    "Section 1.2 million? No, section 12(b).",
    "Millions of people rely on the dollar.",
    "It won multi-million dollar contracts.",
  ];
  it.each(NONE)("finds no amount in %s", (sentence) => {
    expect(findAmounts(sentence)).toEqual([]);
  });

  it("stays linear on long runs of grouped digits (no currency anywhere)", () => {
    const started = performance.now();
    expect(findAmounts("123 ".repeat(50_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("finds several amounts of one sentence, in text order", () => {
    const found = findAmounts("It paid $2 million in 2022 and €3.5m in 2023, plus RUB 40,000.");
    expect(found.map((item) => [item.value, item.currency])).toEqual([
      [2e6, "USD"],
      [3.5e6, "EUR"],
      [40000, "RUB"],
    ]);
  });
});
