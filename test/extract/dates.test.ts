// Case table for findPeriods: invented sentences in news, notice, invoice and travel-record styles.
import { describe, expect, it } from "vitest";
import { findPeriods } from "../../src/extract/dates.js";

type Row = [
  sentence: string,
  published: string | null,
  words: string,
  start: string,
  end: string,
  precision: string,
];

const CASES: Row[] = [
  // news style, relative to the published date
  [
    "The visits began in the second quarter of last year, officials said.",
    "2025-06-10",
    "the second quarter of last year",
    "2024-04-01",
    "2024-06-30",
    "quarter",
  ],
  [
    "Shipments resumed in the fourth quarter of this year.",
    "2025-11-30",
    "the fourth quarter of this year",
    "2025-10-01",
    "2025-12-31",
    "quarter",
  ],
  [
    "Revenue doubled last year, according to filings.",
    "2025-06-10",
    "last year",
    "2024-01-01",
    "2024-12-31",
    "year",
  ],
  [
    "The engineers arrived in March, a person familiar said.",
    "2025-06-10",
    "March",
    "2025-03-01",
    "2025-03-31",
    "month",
  ],
  [
    "The contract was signed in March of last year.",
    "2025-06-10",
    "March of last year",
    "2024-03-01",
    "2024-03-31",
    "month",
  ],
  ["Payments stopped last month.", "2025-01-15", "last month", "2024-12-01", "2024-12-31", "month"],
  ["The plant was bought two years ago.", "2025-06-10", "two years ago", "2023-01-01", "2023-12-31", "year"],
  ["Today, the ministry designated three firms.", "2024-10-17", "Today", "2024-10-17", "2024-10-17", "day"],
  [
    "Orders placed last quarter were delayed.",
    "2025-05-02",
    "last quarter",
    "2025-01-01",
    "2025-03-31",
    "quarter",
  ],
  [
    "The drone was described in a third-quarter report.",
    "2025-06-10",
    "third-quarter",
    "2024-07-01",
    "2024-09-30",
    "quarter",
  ],
  [
    "The drone was described in a first-quarter report.",
    "2025-06-10",
    "first-quarter",
    "2025-01-01",
    "2025-03-31",
    "quarter",
  ],
  [
    "Flight tests continued earlier this year.",
    "2025-06-10",
    "earlier this year",
    "2025-01-01",
    "2025-12-31",
    "year",
  ],
  // quarters written out and abbreviated
  [
    "Invoices billed the buyer in Q3 2025 for spare parts.",
    "2025-12-01",
    "Q3 2025",
    "2025-07-01",
    "2025-09-30",
    "quarter",
  ],
  ["Deliveries slipped to 3Q24.", null, "3Q24", "2024-07-01", "2024-09-30", "quarter"],
  ["The 2023 Q1 ledger shows two transfers.", null, "2023 Q1", "2023-01-01", "2023-03-31", "quarter"],
  [
    "Work continued through Q4 of last year.",
    "2025-06-10",
    "Q4 of last year",
    "2024-10-01",
    "2024-12-31",
    "quarter",
  ],
  [
    "In a third-quarter 2024–2025 timeline, the plant described work on an engine.",
    "2025-06-10",
    "third-quarter 2024–2025",
    "2024-07-01",
    "2025-09-30",
    "quarter",
  ],
  [
    "The firm billed the buyer in the second quarter of 2025.",
    null,
    "the second quarter of 2025",
    "2025-04-01",
    "2025-06-30",
    "quarter",
  ],
  [
    "Sales grew in the first half of 2023.",
    null,
    "the first half of 2023",
    "2023-01-01",
    "2023-06-30",
    "quarter",
  ],
  // years, ranges, decades
  ["The company shipped 40 engines in 2024.", null, "2024", "2024-01-01", "2024-12-31", "year"],
  [
    "Since the beginning of 2024, the network has added suppliers.",
    "2025-03-01",
    "Since the beginning of 2024",
    "2024-01-01",
    "2025-03-01",
    "year",
  ],
  [
    "It operated between 2019 and 2022 under another name.",
    null,
    "between 2019 and 2022",
    "2019-01-01",
    "2022-12-31",
    "year",
  ],
  ["From 2016 to 2018 he chaired the board.", null, "From 2016 to 2018", "2016-01-01", "2018-12-31", "year"],
  ["Exports rose sharply (2021–2023).", null, "2021–2023", "2021-01-01", "2023-12-31", "year"],
  ["The yard was built in the 1990s.", null, "the 1990s", "1990-01-01", "1999-12-31", "year"],
  ["By early 2023 the depot was full.", null, "early 2023", "2023-01-01", "2023-12-31", "year"],
  ["Budget lines for FY2024 include the program.", null, "FY2024", "2024-01-01", "2024-12-31", "year"],
  [
    "Since 2019 the broker has handled the account.",
    "2024-09-10",
    "Since 2019",
    "2019-01-01",
    "2024-09-10",
    "year",
  ],
  // day and month dates (designation notice, invoice, travel record)
  [
    "On October 17, 2024, the department designated two entities.",
    "2024-10-17",
    "October 17, 2024",
    "2024-10-17",
    "2024-10-17",
    "day",
  ],
  [
    "Invoice No. 118, dated 5 May 2025, total due on receipt.",
    null,
    "5 May 2025",
    "2025-05-05",
    "2025-05-05",
    "day",
  ],
  [
    "Departure 2024-03-05 14:20, arrival the same evening.",
    null,
    "2024-03-05 14:20",
    "2024-03-05",
    "2024-03-05",
    "day",
  ],
  [
    "Since April 2018, the regime has cracked down on protests.",
    "2022-01-10",
    "Since April 2018",
    "2018-04-01",
    "2022-01-10",
    "month",
  ],
  [
    "The letters were exchanged between March and May 2023.",
    null,
    "between March and May 2023",
    "2023-03-01",
    "2023-05-31",
    "month",
  ],
  [
    "The crew trained in the summer of 2022.",
    null,
    "the summer of 2022",
    "2022-06-01",
    "2022-08-31",
    "month",
  ],
  ["DOB 01 Jan 1970; POB Minsk, Belarus.", null, "01 Jan 1970", "1970-01-01", "1970-01-01", "day"],
  [
    "In February 1989, 15 officers were dismissed.",
    null,
    "February 1989",
    "1989-02-01",
    "1989-02-28",
    "month",
  ],
  [
    "Meetings ran November 7th to 9th in the capital.",
    "2022-11-03",
    "November 7th to 9th",
    "2022-11-07",
    "2022-11-09",
    "day",
  ],
  ["In Q1, revenue rose by a third.", "2025-06-10", "Q1", "2025-01-01", "2025-03-31", "quarter"],
  [
    "Flight SU-1420 departed 14.03.2024 at 06:40.",
    null,
    "14.03.2024 at 06:40",
    "2024-03-14",
    "2024-03-14",
    "day",
  ],
  ["Check-in 03/14/2024, room 212, two guests.", null, "03/14/2024", "2024-03-14", "2024-03-14", "day"],
  [
    "The crew stayed from 1 to 15 August 2023.",
    null,
    "1 to 15 August 2023",
    "2023-08-01",
    "2023-08-15",
    "day",
  ],
  ["The firm was founded in the early 2000s.", null, "the early 2000s", "2000-01-01", "2009-12-31", "year"],
  [
    "During the second half of last year sales fell.",
    "2025-06-10",
    "the second half of last year",
    "2024-07-01",
    "2024-12-31",
    "quarter",
  ],
  // anchored relative days
  [
    "The tests took place on 5 May 2025 near the range. The visitors left the day after the tests.",
    "2025-06-10",
    "the day after the tests",
    "2025-05-06",
    "2025-05-06",
    "day",
  ],
  [
    "The delegation held a meeting with the buyer on 12 February 2024. Two days before the meeting, funds were wired.",
    null,
    "Two days before the meeting",
    "2024-02-10",
    "2024-02-10",
    "day",
  ],
];

describe("findPeriods", () => {
  it.each(CASES)("%s", (sentence, published, words, start, end, precision) => {
    const found = findPeriods(sentence, published).find((item) => item.period.text === words);
    expect(found, JSON.stringify(findPeriods(sentence, published))).toBeDefined();
    expect(found!.period).toEqual({ start, end, precision, text: words });
    expect(sentence.slice(found!.start, found!.end)).toBe(words);
  });

  const NONE: Array<[string, string | null]> = [
    ["The visitors left the day after the tests.", "2025-06-10"],
    ["Pursuant to E.O. 13851 and Resolution 2231, the assets are blocked.", "2024-01-01"],
    ["The firm may ship more drones soon.", "2025-06-10"],
    ["Revenue fell last year.", null],
    ["The engineers arrived in March.", null],
    ["Part number 2024-77-A and serial 1999 were listed.", null],
    ["The meeting started at 10:30 on Monday.", "2025-06-10"],
  ];
  it.each(NONE)("finds no period in %s", (sentence, published) => {
    expect(findPeriods(sentence, published)).toEqual([]);
  });

  it("keeps several periods of one sentence apart, in text order", () => {
    const found = findPeriods("Payments in Q1 2024 and in 2023, then on 3 June 2024.", null);
    expect(found.map((item) => item.period.precision)).toEqual(["quarter", "year", "day"]);
    expect(found.map((item) => item.start)).toEqual(
      [...found.map((item) => item.start)].sort((a, b) => a - b),
    );
  });

  it("stays linear on a text made of many periods", () => {
    const started = performance.now();
    expect(findPeriods("2019-2020 ".repeat(50_000), null)).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("rejects a published date that is not YYYY-MM-DD", () => {
    expect(() => findPeriods("in 2024", "17/10/2024")).toThrowError(
      expect.objectContaining({ code: "MODEL_INVALID_VALUE" }),
    );
  });
});
