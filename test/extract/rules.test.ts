// Each claim rule, pinned by a table of sentences that should fire (subject, predicate, object) and
// sentences that should not. Names are invented; the sentences follow the shapes of notices and news.
import { describe, expect, it } from "vitest";
import { extractText, RULES } from "../../src/extract/index.js";

type Row = [text: string, subject: string, predicate: string, object: string];

function claimsOf(text: string): string[] {
  const x = extractText(text, {
    sourceId: "rules",
    published: "2024-06-04",
    gazetteer: undefined,
    learned: undefined,
  });
  const caption = new Map(x.entities.map((e) => [e.id, e.caption]));
  return x.claims.map((c) => `${caption.get(c.subjectId)} ${c.predicate} ${caption.get(c.objectId)}`);
}

const NOTICE = "Today, the Office of Foreign Assets Control (OFAC) is designating four entities. ";

const FIRES: Record<string, Row[]> = {
  designationClause: [
    [
      `${NOTICE}Orlan Avia LLC and Kestrel Trading Ltd are being designated pursuant to E.O. 14024.`,
      "Kestrel Trading Ltd",
      "sanctioned_by",
      "Office of Foreign Assets Control",
    ],
    [
      `${NOTICE}Orlan Avia LLC was designated pursuant to E.O. 14024 on March 3, 2023.`,
      "Orlan Avia LLC",
      "sanctioned_by",
      "Office of Foreign Assets Control",
    ],
    [
      "On May 8, 2022, the Department of State designated Volna Shipping LLC for operating in the marine sector.",
      "Volna Shipping LLC",
      "sanctioned_by",
      "Department of State",
    ],
    [
      "The shipment went to U.S.-designated Russian defense firm Orlan Avia LLC.",
      "Orlan Avia LLC",
      "sanctioned_by",
      "U.S.",
    ],
    [
      "Kestrel Trading Ltd, now under U.S. and EU sanctions, denied it.",
      "Kestrel Trading Ltd",
      "sanctioned_by",
      "EU",
    ],
  ],
  ownershipPhrase: [
    [
      "Orlan Avia LLC, a subsidiary of Varnitsa Holding JSC, makes parts.",
      "Varnitsa Holding JSC",
      "owns",
      "Orlan Avia LLC",
    ],
    [
      "Orlan Avia LLC’s parent company, Varnitsa Holding JSC, was listed in 2014.",
      "Varnitsa Holding JSC",
      "owns",
      "Orlan Avia LLC",
    ],
    [
      "Pavel Korsun also directs and owns Russia-based Orlan Avia LLC.",
      "Pavel Korsun",
      "owns",
      "Orlan Avia LLC",
    ],
    [
      `${NOTICE}Orlan Avia LLC is being designated for being owned or controlled by Varnitsa Holding JSC.`,
      "Varnitsa Holding JSC",
      "owns",
      "Orlan Avia LLC",
    ],
  ],
  rolePhrase: [
    [
      "Russian national Pavel Korsun (Korsun) is the General Director and beneficial owner of Orlan Avia LLC.",
      "Pavel Korsun",
      "directs",
      "Orlan Avia LLC",
    ],
    [
      "Iran-based Reza Tavakoli (Tavakoli) serves as Parsa Aero Industries’ managing director.",
      "Reza Tavakoli",
      "directs",
      "Parsa Aero Industries",
    ],
    [
      "Footage shows Li Wenhao, Brightwave Components’ chief executive, at the fair.",
      "Li Wenhao",
      "directs",
      "Brightwave Components",
    ],
    [
      "Iran-based Reza Tavakoli (Tavakoli) is an employee of Parsa Aero Industries.",
      "Parsa Aero Industries",
      "employs",
      "Reza Tavakoli",
    ],
    [
      "Anna Berglund, an adjunct senior fellow at the Baltic Security Institute, said so.",
      "Anna Berglund",
      "member_of",
      "Baltic Security Institute",
    ],
  ],
  supplyTrigger: [
    [
      "Russia-based Orlan Avia LLC (Orlan) has supplied propellers and tires to Parsa Aero Industries.",
      "Orlan Avia LLC",
      "supplies",
      "Parsa Aero Industries",
    ],
    [
      "Varnitsa Tekhnika LLC has imported numerous shipments from Brightwave Components Limited since 2023.",
      "Brightwave Components Limited",
      "supplies",
      "Varnitsa Tekhnika LLC",
    ],
    [
      "Invoices show that Qormeno Trading FZE billed Varnitsa Tekhnika LLC more than 5 million yuan.",
      "Varnitsa Tekhnika LLC",
      "pays",
      "Qormeno Trading FZE",
    ],
    [
      "Kavrin Works JSC has contracts with Parsa Aero Industries to overhaul engines.",
      "Kavrin Works JSC",
      "supplies",
      "Parsa Aero Industries",
    ],
  ],
  locationPhrase: [
    [
      "Türkiye-based money exchangers Mehmet Arslanoglu (Arslanoglu) and Selin Kaya (Kaya) moved funds.",
      "Selin Kaya",
      "located_in",
      "Türkiye",
    ],
    [
      "Brightwave Components Limited (Brightwave), based in the PRC, produces sensors.",
      "Brightwave Components Limited",
      "located_in",
      "PRC",
    ],
    ["Testing moved to Chebarsk in Russia’s Orenburg region.", "Chebarsk", "located_in", "Orenburg region"],
  ],
  productPhrase: [
    ["Kavrin Works JSC manufactures the KX-310 engine.", "Kavrin Works JSC", "develops", "KX-310"],
    ["They assessed the GX-12 as a variant of the older DV-7.", "GX-12", "variant_of", "DV-7"],
    [
      "The KX-310 drone was described as undergoing flight tests under the auspices of Orlan Avia LLC.",
      "Orlan Avia LLC",
      "tests",
      "KX-310",
    ],
  ],
  associationPhrase: [
    [
      "Brightwave Components Limited has worked in collaboration with Orlan Avia LLC.",
      "Brightwave Components Limited",
      "associate",
      "Orlan Avia LLC",
    ],
    [
      "Parsa Engineering Company is a KGVR-affiliated company.",
      "Parsa Engineering Company",
      "associate",
      "KGVR",
    ],
  ],
  intermediaryPhrase: [
    [
      "Kestrel Trading Ltd serves as an intermediary between Orlan Avia LLC and its suppliers.",
      "Kestrel Trading Ltd",
      "intermediary_for",
      "Orlan Avia LLC",
    ],
    [
      `${NOTICE}Selin Kaya is being designated for acting or purporting to act for or on behalf of, directly or indirectly, Orlan Avia LLC.`,
      "Selin Kaya",
      "intermediary_for",
      "Orlan Avia LLC",
    ],
  ],
  membershipPhrase: [
    [
      "Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) acted.",
      "Office of Foreign Assets Control",
      "member_of",
      "U.S. Department of the Treasury",
    ],
    [
      "“We act,” said Deputy Secretary of the Treasury Marcus D. Whitfield.",
      "Marcus D. Whitfield",
      "member_of",
      "Treasury",
    ],
  ],
  visitPhrase: [
    [
      "NORTHERN STAR (IMO: 9123456) and POLAR WIND (IMO: 9123457) regularly transit the Caspian Sea.",
      "POLAR WIND",
      "visits",
      "Caspian Sea",
    ],
    [
      "Records show Li Wenhao and Pavel Korsun flying together from Novosibirsk after the fair.",
      "Pavel Korsun",
      "visits",
      "Novosibirsk",
    ],
    ["The tanker NORTHERN STAR arrived at Dongjiakou on 2 July.", "NORTHERN STAR", "visits", "Dongjiakou"],
    ["Pavel Korsun later travelled to Yerevan to meet the buyer.", "Pavel Korsun", "visits", "Yerevan"],
  ],
  recordFields: [
    [
      "Seller: Qormeno Trading FZE, Dubai\nBuyer: Varnitsa Tekhnika LLC, Moscow\nTotal: USD 182,400",
      "Qormeno Trading FZE",
      "supplies",
      "Varnitsa Tekhnika LLC",
    ],
    // Labels on lines of their own above the parties' names.
    [
      "SELLER / MANUFACTURER\nQormeno Trading FZE, Dubai\n\nBUYER\nVARNITSA TEKHNIKA LLC\nUl. Lenina 4, Moscow",
      "Qormeno Trading FZE",
      "supplies",
      "VARNITSA TEKHNIKA LLC",
    ],
    [
      "Passenger: Dmitri Sarnov\nEmployer: Varnitsa Tekhnika LLC\nRoute: Moscow – Tehran",
      "Dmitri Sarnov",
      "visits",
      "Tehran",
    ],
    // A round trip visits every stop but the home it starts and ends at.
    [
      "Passenger: Dmitri Sarnov\nItinerary: Minsk to Tehran on May 2; Tehran to Minsk on May 9",
      "Dmitri Sarnov",
      "visits",
      "Tehran",
    ],
  ],
  statementRows: [
    // Amounts in "Paid out" and "Paid in" columns, the counterparty in a column of its own.
    [
      "STATEMENT OF ACCOUNT\nAccount name: Brenmoor Logistics Ltd\n\nDate | Payee / Payer | Details | Paid out | Paid in | Balance\n03/02/2025 | Ostrava Drive Components GmbH | INV 2025-114 | 18,400.00 | | 41,200.00\n05/02/2025 | Kelvane Marine FZE | CHARTER DEPOSIT | | 52,000.00 | 93,200.00",
      "Brenmoor Logistics Ltd",
      "pays",
      "Ostrava Drive Components GmbH",
    ],
    [
      "STATEMENT OF ACCOUNT\nAccount name: Brenmoor Logistics Ltd\n\nDate | Payee / Payer | Details | Paid out | Paid in | Balance\n03/02/2025 | Ostrava Drive Components GmbH | INV 2025-114 | 18,400.00 | | 41,200.00\n05/02/2025 | Kelvane Marine FZE | CHARTER DEPOSIT | | 52,000.00 | 93,200.00",
      "Kelvane Marine FZE",
      "pays",
      "Brenmoor Logistics Ltd",
    ],
    // A Dr/Cr marker, and the counterparty's bank in the next column.
    [
      "Customer: Tarsim Holdings Inc.\nValue date | Dr/Cr | Amount | Counterparty | Counterparty bank\n2025-03-04 | Dr | 12,000.00 | Velmora Shipping Co. | Harbourline Bank Ltd",
      "Harbourline Bank Ltd",
      "intermediary_for",
      "Velmora Shipping Co.",
    ],
    // A payment made on behalf of a principal: the holder pays for it, or the principal pays the holder.
    [
      "Customer: Tarsim Holdings Inc.\nValue date | Dr/Cr | Amount | Counterparty | Payment details\n2025-03-04 | Dr | 12,000.00 | Velmora Shipping Co. | freight, on behalf of principal Kestrel Trading Ltd",
      "Tarsim Holdings Inc.",
      "intermediary_for",
      "Kestrel Trading Ltd",
    ],
    [
      "Customer: Tarsim Holdings Inc.\nValue date | Dr/Cr | Amount | Counterparty | Payment details\n2025-03-09 | Cr | 8,000.00 | Velmora Shipping Co. | payment on behalf of Kestrel Trading Ltd",
      "Kestrel Trading Ltd",
      "pays",
      "Tarsim Holdings Inc.",
    ],
    // Money out for further credit: the payee passes it on to the final beneficiary.
    [
      "Customer: Tarsim Holdings Inc.\nValue date | Dr/Cr | Amount | Counterparty | Payment details\n2025-03-11 | Dr | 5,000.00 | Golden Reed Exchange LLC | FFC Kestrel Trading Ltd, settlement",
      "Golden Reed Exchange LLC",
      "intermediary_for",
      "Kestrel Trading Ltd",
    ],
    // The payer named after a label inside the particulars.
    [
      "Account holder: Orvani Trading LLC\nDate | Type | Particulars | Debit | Credit\n12 MAR 25 | TT IN | Remitter: Sukhara Metals Ltd | | 9,000.00",
      "Sukhara Metals Ltd",
      "pays",
      "Orvani Trading LLC",
    ],
  ],
};

const SILENT: Array<[text: string, predicate: string]> = [
  // An invoice's item table is no statement: the customer pays nobody named in it.
  [
    "Customer: Varnitsa Tekhnika LLC\nDescription | Qty | Amount\nSpindle motors made by Qormeno Trading FZE | 4 | 12,000.00",
    "pays",
  ],
  // A statement row that does not say which way the money went.
  [
    "Account holder: Orvani Trading LLC\nDate | Counterparty | Debit | Credit\n12/03/2025 | Sukhara Metals Ltd | 9,000.00 | 9,000.00",
    "pays",
  ],
  // A list of alternative legal bases states no ownership.
  [
    "Orlan Avia LLC and Kestrel Trading Ltd were designated pursuant to E.O. 14024 for being owned or controlled by, or for having acted or purported to act for or on behalf of, directly or indirectly, the Government of Nordavia.",
    "owns",
  ],
  ["Kestrel Trading Ltd is owned by Belarus national Pavel Korsun.", "Belarus owns"],
  ["Many firms in Armenia are owned by the Ministry of Mines.", "Ministry of Mines owns"],
  [
    `${NOTICE}Today, OFAC is re-designating Pavel Korsun pursuant to E.O. 13224 for having materially assisted, sponsored, or provided financial, material, or technological support for, or goods or services to or in support of, Orlan Avia LLC.`,
    "Office of Foreign Assets Control supplies",
  ],
  ["Orlan Avia LLC denied that it supplied anything.", "supplies"],
  ["The visits, which began in 2023, occurred on six occasions.", "visits"],
  // A firm that "loaded at" a port names its cargo's port, not a voyage of its own.
  ["Kestrel Trading LLC loaded at Novorossiysk the cargo it sold.", "visits"],
  // … and not the home a round trip starts from.
  ["Passenger: Dmitri Sarnov\nItinerary: Minsk to Tehran on May 2; Tehran to Minsk on May 9", "visits Minsk"],
  ["Executive Order 14024 targets harmful foreign activities of Russia.", "sanctioned_by"],
  [
    "Anna Berglund, Lindqvist Marine’s chief executive, denied that the company sold radars to Russia.",
    "supplies",
  ],
  ["Orlan Avia LLC and Kestrel Trading Ltd attended the same fair in Dubai.", "associate"],
  ["The parts went on to Minsk, where they were delivered to Orlan Avia LLC.", "supplies"],
  [
    "Today, the Office of Foreign Assets Control (OFAC) is designating Pavel Korsun for being owned or controlled by Orlan Avia LLC.",
    "Office of Foreign Assets Control owns",
  ],
];

describe("the rule registry", () => {
  it("lists every rule once, each with a version, a cue and an analyst-facing description", () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of RULES) {
      expect(rule.version).toBeGreaterThan(0);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.cue).toBeInstanceOf(RegExp);
    }
    expect(names.sort()).toEqual(Object.keys(FIRES).sort());
  });
});

// Further shapes of research and news writing, one row each, added to their rule's table.
const MORE: Array<[rule: string, row: Row]> = [
  [
    "supplyTrigger",
    [
      "Trade data show Brightwave Components Limited’s shipments of chips to Orlan Avia LLC doubled.",
      "Brightwave Components Limited",
      "supplies",
      "Orlan Avia LLC",
    ],
  ],
  [
    "supplyTrigger",
    [
      "Customs data list consignments from Kavrin Works JSC to Parsa Aero Industries in 2023.",
      "Kavrin Works JSC",
      "supplies",
      "Parsa Aero Industries",
    ],
  ],
  [
    "supplyTrigger",
    [
      "Varnitsa Tekhnika LLC transferred $2.4 million to Qormeno Trading FZE in May.",
      "Varnitsa Tekhnika LLC",
      "pays",
      "Qormeno Trading FZE",
    ],
  ],
  [
    "ownershipPhrase",
    [
      "Varnitsa Holding JSC holds a 51% stake in Orlan Avia LLC.",
      "Varnitsa Holding JSC",
      "owns",
      "Orlan Avia LLC",
    ],
  ],
  [
    "rolePhrase",
    [
      "The deal was signed by Pavel Korsun, who heads Orlan Avia LLC.",
      "Pavel Korsun",
      "directs",
      "Orlan Avia LLC",
    ],
  ],
  [
    "rolePhrase",
    [
      "Baltic Security Institute analyst Tomas Lindberg said so.",
      "Baltic Security Institute",
      "employs",
      "Tomas Lindberg",
    ],
  ],
  [
    "productPhrase",
    ["Orlan Avia LLC tested the KX-310 engine in April.", "Orlan Avia LLC", "tests", "KX-310"],
  ],
  [
    "associationPhrase",
    [
      "Kestrel Trading Ltd shares an address with Orlan Avia LLC in Dubai.",
      "Kestrel Trading Ltd",
      "associate",
      "Orlan Avia LLC",
    ],
  ],
];
MORE.push(
  [
    "supplyTrigger",
    [
      "Kavrin Works JSC supplied Orlan Avia LLC with gearboxes.",
      "Kavrin Works JSC",
      "supplies",
      "Orlan Avia LLC",
    ],
  ],
  [
    "supplyTrigger",
    [
      "Kavrin Works JSC’s customers include Orlan Avia LLC and Parsa Aero Industries.",
      "Kavrin Works JSC",
      "supplies",
      "Parsa Aero Industries",
    ],
  ],
  [
    "supplyTrigger",
    [
      "Orlan Avia LLC’s suppliers include Kavrin Works JSC.",
      "Kavrin Works JSC",
      "supplies",
      "Orlan Avia LLC",
    ],
  ],
  [
    "rolePhrase",
    [
      "Pavel Korsun, who works for Orlan Avia LLC, declined to comment.",
      "Orlan Avia LLC",
      "employs",
      "Pavel Korsun",
    ],
  ],
  [
    "rolePhrase",
    [
      "Anna Berglund joined Lindqvist Marine AB as chief executive in 2019.",
      "Anna Berglund",
      "directs",
      "Lindqvist Marine AB",
    ],
  ],
  [
    "locationPhrase",
    ["Kavrin Works JSC’s main plant is located in Belarus.", "Kavrin Works JSC", "located_in", "Belarus"],
  ],
  [
    "locationPhrase",
    ["Orlan Avia LLC operates a warehouse in Armenia.", "Orlan Avia LLC", "located_in", "Armenia"],
  ],
  [
    "ownershipPhrase",
    [
      "According to the indictment, Pavel Korsun owned Orlan Avia LLC.",
      "Pavel Korsun",
      "owns",
      "Orlan Avia LLC",
    ],
  ],
  [
    "supplyTrigger",
    [
      "She arranged payments of $80,000 from Kestrel Trading Ltd to Orlan Avia LLC.",
      "Kestrel Trading Ltd",
      "pays",
      "Orlan Avia LLC",
    ],
  ],
);
MORE.push([
  "intermediaryPhrase",
  [
    "Drones were billed to Orlan Avia LLC in 2024 and delivered by the Russian firm Kestrel Trading Ltd in May.",
    "Kestrel Trading Ltd",
    "intermediary_for",
    "Orlan Avia LLC",
  ],
]);
MORE.push(
  [
    "designationClause",
    [
      "Orlan Avia LLC was sanctioned by the United States in 2022.",
      "Orlan Avia LLC",
      "sanctioned_by",
      "United States",
    ],
  ],
  [
    "designationClause",
    [
      "In 2023 the United Kingdom sanctioned Kestrel Trading Ltd over its exports.",
      "Kestrel Trading Ltd",
      "sanctioned_by",
      "United Kingdom",
    ],
  ],
);
MORE.push([
  "intermediaryPhrase",
  [
    "Today, the Office of Foreign Assets Control (OFAC) is designating Pavel Korsun for having acted or purported to act for or on behalf of, directly or indirectly, Orlan Avia LLC.",
    "Pavel Korsun",
    "intermediary_for",
    "Orlan Avia LLC",
  ],
]);
MORE.push(
  [
    "ownershipPhrase",
    [
      "Kestrel Trading Ltd is owned by Belarus national Pavel Korsun, who also directs it.",
      "Pavel Korsun",
      "owns",
      "Kestrel Trading Ltd",
    ],
  ],
  [
    "ownershipPhrase",
    [
      "Kestrel Trading Ltd was designated pursuant to E.O. 14024 for being owned or controlled by the Government of Nordavia.",
      "Government of Nordavia",
      "owns",
      "Kestrel Trading Ltd",
    ],
  ],
  [
    "designationClause",
    [
      `${NOTICE}Today, OFAC is re-designating Pavel Korsun pursuant to E.O. 13224.`,
      "Pavel Korsun",
      "sanctioned_by",
      "Office of Foreign Assets Control",
    ],
  ],
  [
    "supplyTrigger",
    [
      `${NOTICE}Today, OFAC is re-designating Pavel Korsun pursuant to E.O. 13224 for having materially assisted, sponsored, or provided financial, material, or technological support for, or goods or services to or in support of, Orlan Avia LLC.`,
      "Pavel Korsun",
      "supplies",
      "Orlan Avia LLC",
    ],
  ],
  [
    "designationClause",
    [
      "Today, the Office of Foreign Assets Control (OFAC) is implementing new measures against evasion. Orlan Avia LLC was designated pursuant to E.O. 14024 for operating in the technology sector.",
      "Orlan Avia LLC",
      "sanctioned_by",
      "Office of Foreign Assets Control",
    ],
  ],
);
for (const [rule, row] of MORE) FIRES[rule].push(row);

describe("designation clauses are official statements", () => {
  it.each([
    `${NOTICE}Orlan Avia LLC is being designated pursuant to E.O. 14024 for operating in the technology sector.`,
    `${NOTICE}Kestrel Trading Ltd is being designated pursuant to E.O. 13694 for activities reasonably likely to result in a significant threat to national security.`,
    `${NOTICE}Pavel Korsun was designated pursuant to E.O. 14024 for being owned or controlled by, or having acted or purported to act for or on behalf of, directly or indirectly, Orlan Avia LLC.`,
  ])("%s is stated", (text) => {
    const x = extractText(text, {
      sourceId: "rules",
      published: "2024-06-04",
      gazetteer: undefined,
      learned: undefined,
    });
    const designations = x.claims.filter((c) => c.predicate === "sanctioned_by");
    expect(designations.length).toBeGreaterThan(0);
    for (const c of designations) expect(c.certainty).toBe("stated");
  });

  it("a hedge outside the legal basis still counts", () => {
    const x = extractText("Orlan Avia LLC reportedly supplied drones to Kestrel Trading Ltd.", {
      sourceId: "rules",
      published: "2024-06-04",
      gazetteer: undefined,
      learned: undefined,
    });
    expect(x.claims.find((c) => c.predicate === "supplies")?.certainty).toBe("reported");
  });
});

for (const [rule, rows] of Object.entries(FIRES)) {
  describe(rule, () => {
    it.each(rows)("%s → %s %s %s", (text, subject, predicate, object) => {
      expect(claimsOf(text)).toContain(`${subject} ${predicate} ${object}`);
    });
  });
}

describe("sentences that should not fire", () => {
  it.each(SILENT)("%s (no %s)", (text, predicate) => {
    expect(claimsOf(text).filter((c) => c.includes(` ${predicate} `) || c.startsWith(predicate))).toEqual([]);
  });
});
