import { describe, expect, it } from "vitest";
import type { EntityType } from "../../src/model/index.js";
import { isOnlyLegalForm, resolveEntities } from "../../src/resolve/index.js";
import type { DocumentEntity } from "../../src/store/index.js";

/** One document-level entity in one line: id, source, type, names (first is the caption), country. */
function doc(
  id: string,
  sourceId: string,
  type: EntityType,
  names: string[],
  country: string | null = null,
  identifiers = {},
): DocumentEntity {
  return { id, sourceId, type, caption: names[0], names, country, identifiers };
}

function clusterOf(
  entities: DocumentEntity[],
  links: Array<[string, string]> = [],
  constraints = { together: [], apart: [] } as {
    together: Array<[string, string]>;
    apart: Array<[string, string]>;
  },
) {
  const resolved = resolveEntities({ entities, links, listed: [], constraints });
  const of = new Map<string, string>();
  for (const e of resolved) for (const m of e.memberIds) of.set(m, e.id);
  return { resolved, same: (a: string, b: string) => of.get(a) === of.get(b) };
}

describe("resolveEntities: names across documents", () => {
  const cases: Array<[string, DocumentEntity, DocumentEntity, boolean]> = [
    [
      "legal form dropped",
      doc("a", "s1", "Company", ["Baltic Relay Trading LLC"]),
      doc("b", "s2", "Company", ["Baltic Relay Trading"]),
      true,
    ],
    [
      "legal form long and short",
      doc("a", "s1", "Company", ["Limited Liability Company Orlov Instruments"]),
      doc("b", "s2", "Company", ["Orlov Instruments OOO"]),
      true,
    ],
    [
      "Cyrillic and Latin",
      doc("a", "s1", "Company", ["ООО Орлов Инструментс"]),
      doc("b", "s2", "Company", ["Orlov Instruments LLC"]),
      true,
    ],
    [
      "one legal form in two spellings",
      doc("a", "s1", "Company", ["Orlov Instruments JSC"]),
      doc("b", "s2", "Company", ["AO Orlov Instruments"]),
      true,
    ],
    [
      "two different legal forms",
      doc("a", "s1", "Company", ["Orlov Instruments JSC"]),
      doc("b", "s2", "Company", ["Orlov Instruments LLC"]),
      false,
    ],
    [
      "Han characters and pinyin",
      doc("a", "s1", "Person", ["王海林"]),
      doc("b", "s2", "Person", ["Wang Hailin"]),
      true,
    ],
    [
      "Greek and Latin",
      doc("a", "s1", "Company", ["Σαμαράς Ναυτιλιακή"]),
      doc("b", "s2", "Company", ["Samaras Naftiliaki"]),
      true,
    ],
    [
      "Cyrillic person, surname first",
      doc("a", "s1", "Person", ["Орлов Павел"]),
      doc("b", "s2", "Person", ["Pavel Orlov"]),
      true,
    ],
    [
      "token order",
      doc("a", "s1", "Person", ["Ivan Sergeyevich Dorokhov"]),
      doc("b", "s2", "Person", ["Dorokhov Ivan Sergeyevich"]),
      true,
    ],
    [
      "company and organisation labels",
      doc("a", "s1", "Company", ["Kestrel Avionics Bureau"]),
      doc("b", "s2", "Organization", ["Kestrel Avionics Bureau"]),
      true,
    ],
    ["same place", doc("a", "s1", "Place", ["Tula"]), doc("b", "s2", "Place", ["Tula"]), true],
    [
      "different companies sharing a word",
      doc("a", "s1", "Company", ["Trading House Vega"]),
      doc("b", "s2", "Company", ["TSK Vega"]),
      false,
    ],
    [
      "same name, different countries",
      doc("a", "s1", "Company", ["Nova Tech Ltd"], "cn"),
      doc("b", "s2", "Company", ["Nova Tech Ltd"], "ru"),
      false,
    ],
    [
      "different persons sharing a first name",
      doc("a", "s1", "Person", ["Artur Melnikov"]),
      doc("b", "s2", "Person", ["Artur Vasilenko"]),
      false,
    ],
    [
      "a surname alone, twice, and no fuller name it could be",
      doc("a", "s1", "Person", ["Melnikov"]),
      doc("b", "s2", "Person", ["Melnikov"]),
      true,
    ],
    [
      "person and company of one name",
      doc("a", "s1", "Person", ["Lev Orlov"]),
      doc("b", "s2", "Company", ["Lev Orlov"]),
      false,
    ],
  ];
  it.each(cases)("%s", (_label, a, b, expected) => {
    expect(clusterOf([a, b]).same("a", "b")).toBe(expected);
  });

  it("joins entities that share an identifier whatever their names", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Company", ["Severnaya Opora"], "ru", { inn: ["7701234567"] }),
      doc("b", "s2", "Company", ["North Support Company"], "ru", { inn: ["7701234567"] }),
    ]);
    expect(same("a", "b")).toBe(true);
  });

  it("keeps apart two close names one document already told apart", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Person", ["Zhang Weiming"]),
      doc("b", "s1", "Person", ["Zhang Weimin"]),
    ]);
    expect(same("a", "b")).toBe(false);
  });

  it("does not let one entity's names bridge two parties another document keeps apart", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Organization", ["Harbour Authority"]),
      doc("b", "s1", "Organization", ["Customs Board"]),
      doc("c", "s2", "Organization", [
        "Harbour Authority and Customs Board",
        "Harbour Authority",
        "Customs Board",
      ]),
    ]);
    expect(same("a", "b")).toBe(false);
  });

  it("joins two mentions of one name that one document left apart", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Company", ["Baltic Relay Trading"]),
      doc("b", "s1", "Company", ["Baltic Relay Trading LLC"]),
    ]);
    expect(same("a", "b")).toBe(true);
  });

  it("joins a close spelling across documents (transliteration variants)", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Person", ["Arkady Yemelyanenko"]),
      doc("b", "s2", "Person", ["Arkadiy Emelyanenko"]),
    ]);
    expect(same("a", "b")).toBe(true);
  });

  it("joins a one-word name across documents only when the two share a neighbour in the claims", () => {
    const entities = [
      doc("a", "s1", "Company", ["Kestrel"]),
      doc("b", "s2", "Company", ["Kestrel", "Orlan"]),
      doc("n1", "s1", "Company", ["Orlov Instruments"]),
      doc("n2", "s2", "Company", ["Orlov Instruments"]),
      // "Kestrel" is a word of other names too: it alone proves little.
      ...Array.from({ length: 9 }, (_, i) => doc(`k${i}`, `s${i + 10}`, "Company", [`Kestrel Sales ${i}x`])),
    ];
    expect(clusterOf(entities).same("a", "b")).toBe(false);
    expect(
      clusterOf(entities, [
        ["a", "n1"],
        ["b", "n2"],
      ]).same("a", "b"),
    ).toBe(true);
    // A claim between the two says they are two parties.
    expect(
      clusterOf(entities, [
        ["a", "n1"],
        ["b", "n2"],
        ["a", "b"],
      ]).same("a", "b"),
    ).toBe(false);
  });
});

describe("resolveEntities: short forms, acronyms, bodies and spellings", () => {
  it("joins an acronym to the one party whose name it abbreviates, a text's own pairing first", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Organization", ["Office of Foreign Assets Control", "OFAC"]),
      doc("b", "s2", "Organization", ["OFAC"]),
      doc("c", "s3", "Organization", ["Orbital Freight Aviation Consortium"]),
      doc("d", "s4", "Organization", ["NCA"]),
      doc("e", "s5", "Organization", ["National Crime Agency"]),
    ]);
    expect(same("a", "b")).toBe(true);
    expect(same("b", "c")).toBe(false);
    expect(same("d", "e")).toBe(true);
  });

  it("leaves an acronym apart when two parties of the case could be it", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Organization", ["NCA"]),
      doc("b", "s2", "Organization", ["National Crime Agency"]),
      doc("c", "s3", "Organization", ["Northern Cargo Alliance"]),
    ]);
    expect(same("a", "b")).toBe(false);
    expect(same("a", "c")).toBe(false);
  });

  it("reads one government body however it is written, and never two countries' as one", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Organization", ["U.S. Department of the Treasury"]),
      doc("b", "s2", "Organization", ["US Treasury"]),
      doc("c", "s3", "Organization", ["Treasury Department"]),
      doc("d", "s4", "Organization", ["Department of the Treasury"]),
      doc("e", "s5", "Organization", ["Russian Ministry of Defence"]),
      doc("f", "s6", "Organization", ["Ministry of Defense of the Russian Federation"]),
      doc("g", "s7", "Organization", ["Ministry of Defence of Ukraine"]),
      doc("h", "s8", "Organization", ["Ministry of Defence"]),
    ]);
    expect(same("a", "b") && same("a", "c") && same("a", "d")).toBe(true);
    expect(same("e", "f")).toBe(true);
    expect(same("e", "g")).toBe(false);
    // Without its country, a ministry two countries have stays apart.
    expect(same("h", "e") || same("h", "g")).toBe(false);
  });

  it("joins a ministry without its country to the only country's in the case", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Organization", ["Russia’s Ministry of Defence"]),
      doc("b", "s2", "Organization", ["Ministry of Defence"]),
    ]);
    expect(same("a", "b")).toBe(true);
  });

  it("joins a surname or a shorter name to the one person whose full name holds it", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Person", ["Arkady Venediktovich Strelbitsky"]),
      doc("b", "s2", "Person", ["Arkady Strelbitsky"]),
      doc("c", "s3", "Person", ["Strelbitsky"]),
      doc("d", "s4", "Person", ["A. Strelbitsky"]),
    ]);
    expect(same("a", "b") && same("a", "c") && same("a", "d")).toBe(true);
  });

  it("leaves a surname apart when two persons of the case bear it", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Person", ["Viktor Lvovich Dubravin"]),
      doc("b", "s2", "Person", ["Kirill Viktorovich Dubravin"]),
      doc("c", "s3", "Person", ["Dubravin"]),
    ]);
    expect(same("c", "a") || same("c", "b")).toBe(false);
  });

  it("joins a firm's short name when its full name adds only what the firm is or where", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Company", ["Rubezh Insurance Company JSC"]),
      doc("b", "s2", "Company", ["Rubezh"]),
      doc("c", "s3", "Company", ["Wuxi Taihu Xinwei Microelectronics Co., Ltd."]),
      doc("d", "s4", "Company", ["Taihu Xinwei"]),
    ]);
    expect(same("a", "b")).toBe(true);
    expect(same("c", "d")).toBe(true);
  });

  it("keeps a body apart from its units and a firm's full legal name from another's", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Organization", ["Islamic Revolutionary Guard Corps"]),
      doc("b", "s2", "Organization", ["Islamic Revolutionary Guard Corps Aerospace Force"]),
      doc("c", "s3", "Company", ["Sunfield Gas Carriers Inc."]),
      doc("d", "s4", "Company", ["Sunfield Gas Carriers (HK) Limited"]),
    ]);
    expect(same("a", "b")).toBe(false);
    expect(same("c", "d")).toBe(false);
  });

  it("joins spellings of one transliterated name, designators included", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Product", ["Kriuk-30"]),
      doc("b", "s2", "Product", ["Kryuk-30"]),
      doc("c", "s3", "Product", ["Kryuk-31"]),
      doc("d", "s4", "Company", ["Kolvinskiy Mining and Metallurgical Combine"]),
      doc("e", "s5", "Company", ["Kolvinsky Mining and Metallurgical Combine"]),
    ]);
    expect(same("a", "b")).toBe(true);
    expect(same("a", "c")).toBe(false);
    expect(same("d", "e")).toBe(true);
  });

  it("settles a name's kind by the texts that agree, never on a tie or against a legal form", () => {
    const { same, resolved } = clusterOf([
      doc("a", "s1", "Person", ["Wen Haolin"]),
      doc("b", "s2", "Person", ["Wen Haolin"]),
      doc("c", "s3", "Company", ["Wen Haolin"]),
      doc("d", "s4", "Person", ["Orlan Avia"]),
      doc("e", "s5", "Company", ["Orlan Avia LLC"]),
      doc("f", "s6", "Company", ["Orlan Avia LLC"]),
    ]);
    expect(same("a", "c")).toBe(true);
    expect(resolved.find((e) => e.memberIds.includes("c"))?.type).toBe("Person");
    expect(same("d", "e")).toBe(true);
    expect(resolved.find((e) => e.memberIds.includes("d"))?.type).toBe("Company");
  });

  it("reads a name for several bodies as none of them", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Organization", ["Departments of the Treasury"]),
      doc("b", "s2", "Organization", ["Department of the Treasury"]),
    ]);
    expect(same("a", "b")).toBe(false);
  });

  it("joins a short form one document left beside its full name, but not two names it told apart", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Person", ["Arkady Strelbitsky"]),
      doc("b", "s1", "Person", ["Arkady Venediktovich Strelbitsky"]),
      doc("c", "s2", "Person", ["Arkady Strelbitsky"]),
    ]);
    expect(same("a", "b") && same("b", "c")).toBe(true);
  });

  it("does not let a stray country on one member keep a party apart", () => {
    const many = Array.from({ length: 6 }, (_, i) =>
      doc(`m${i}`, `s${i + 10}`, "Organization", ["Office of Foreign Assets Control", "OFAC"]),
    );
    const { same } = clusterOf([
      ...many,
      doc("x", "s1", "Organization", ["Office of Foreign Assets Control"], "ru"),
      doc("y", "s2", "Organization", ["Office of Foreign Assets Control"], "ir"),
    ]);
    expect(same("m0", "x") && same("m0", "y")).toBe(true);
  });
});

describe("resolveEntities: what does not make two entities one", () => {
  it("a short form two parties' longer names hold", () => {
    const { same } = clusterOf([
      doc("a", "s1", "Organization", ["Central Bank"]),
      doc("b", "s2", "Organization", ["Central Bank of Carnavia", "Central Bank"]),
      doc("c", "s3", "Organization", ["Central Bank of Velmora", "Central Bank"]),
    ]);
    expect(same("a", "b") || same("a", "c")).toBe(false);
  });

  it("a common word as the whole name", () => {
    const traders = Array.from({ length: 9 }, (_, i) =>
      doc(`t${i}`, `s${i + 10}`, "Company", [`Trading Partner ${String.fromCharCode(97 + i)}x`]),
    );
    const { same } = clusterOf([
      doc("a", "s1", "Company", ["Trading"]),
      doc("b", "s2", "Company", ["Trading"]),
      ...traders,
    ]);
    expect(same("a", "b")).toBe(false);
  });

  it("a neighbour that everyone shares", () => {
    const hub = doc("hub", "s0", "Organization", ["Sanctions Directorate"]);
    const others = Array.from({ length: 30 }, (_, i) =>
      doc(`o${i}`, `s${i + 10}`, "Company", [`Party ${i} Holdings`]),
    );
    const entities = [
      doc("a", "s1", "Company", ["Kestrel"]),
      doc("b", "s2", "Company", ["Kestrel", "Orlan"]),
      hub,
      ...others,
      ...Array.from({ length: 9 }, (_, i) => doc(`k${i}`, `s${i + 50}`, "Company", [`Kestrel Sales ${i}x`])),
    ];
    const links: Array<[string, string]> = [
      ["a", "hub"],
      ["b", "hub"],
      ...others.map((o) => [o.id, "hub"] as [string, string]),
    ];
    expect(clusterOf(entities, links).same("a", "b")).toBe(false);
  });
});

describe("resolveEntities: list matches as evidence", () => {
  const entities = [
    // Close, but not close enough on their own (similarity about 0.86): the list entry settles it.
    doc("a", "s1", "Company", ["Severo Marine Logistics"]),
    doc("b", "s2", "Company", ["Severa Marin Logistika"]),
    // A name and its translation: a shared list entry alone does not join them (screening can be loose).
    doc("e", "s4", "Company", ["Severnaya Opora"]),
    doc("f", "s5", "Company", ["North Support Company"]),
    doc("c", "s3", "Person", ["Arkady Dorokhin"], "ru"),
    doc("d", "s3", "Person", ["Nikolai Dorokhin"], "ru"),
  ];
  const none = { together: [], apart: [] };

  it("joins two close names that matched one list entry strongly", () => {
    const without = resolveEntities({ entities, links: [], listed: [], constraints: none });
    const joined = resolveEntities({
      entities,
      links: [],
      listed: [
        ["a", "ofac-sdn-1"],
        ["b", "ofac-sdn-1"],
      ],
      constraints: none,
    });
    const holder = (out: typeof joined, id: string) => out.find((e) => e.memberIds.includes(id))?.id;
    expect(holder(without, "a")).not.toBe(holder(without, "b"));
    expect(holder(joined, "a")).toBe(holder(joined, "b"));
  });

  it("does not join names that only a list entry ties together", () => {
    const out = resolveEntities({
      entities,
      links: [],
      listed: [
        ["e", "ofac-sdn-3"],
        ["f", "ofac-sdn-3"],
      ],
      constraints: none,
    });
    const holder = (id: string) => out.find((e) => e.memberIds.includes(id))?.id;
    expect(holder("e")).not.toBe(holder("f"));
  });

  it("does not join two parties of one document that matched the same entry", () => {
    const out = resolveEntities({
      entities,
      links: [],
      listed: [
        ["c", "ofac-sdn-2"],
        ["d", "ofac-sdn-2"],
      ],
      constraints: none,
    });
    const holder = (id: string) => out.find((e) => e.memberIds.includes(id))?.id;
    expect(holder("c")).not.toBe(holder("d"));
  });
});

describe("resolveEntities: analyst constraints and stability", () => {
  const entities = [
    doc("a", "s1", "Company", ["Baltic Relay Trading"]),
    doc("b", "s2", "Company", ["Baltic Relay Trading LLC"]),
    doc("c", "s3", "Company", ["Harbour Ledger Partners"]),
  ];

  it("an analyst's 'not the same' wins over equal names", () => {
    const { same } = clusterOf(entities, [], { together: [], apart: [["a", "b"]] });
    expect(same("a", "b")).toBe(false);
  });

  it("says why entities were joined", () => {
    const merged = resolveEntities({
      entities,
      links: [],
      listed: [],
      constraints: { together: [["a", "c"]], apart: [] },
    });
    const joins = merged.find((e) => e.memberIds.includes("a"))?.joins ?? [];
    expect(joins).toHaveLength(2);
    expect(joins).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ left: "a", right: "c", rule: "analyst" }),
        expect.objectContaining({ rule: "name", detail: expect.stringContaining("Baltic Relay Trading") }),
      ]),
    );
  });

  it("an analyst's merge wins over different names", () => {
    const { same } = clusterOf(entities, [], { together: [["a", "c"]], apart: [] });
    expect(same("a", "c")).toBe(true);
    expect(same("b", "c")).toBe(true);
  });

  it("gives the same entities and ids whatever the input order", () => {
    const one = resolveEntities({
      entities,
      links: [],
      listed: [],
      constraints: { together: [], apart: [] },
    });
    const two = resolveEntities({
      entities: [...entities].reverse(),
      links: [],
      listed: [],
      constraints: { together: [], apart: [] },
    });
    expect(two).toEqual(one);
    expect(one).toHaveLength(2);
    const merged = one.find((e) => e.memberIds.length === 2);
    expect(merged?.names).toEqual(
      expect.arrayContaining(["Baltic Relay Trading", "Baltic Relay Trading LLC"]),
    );
  });
});

describe("isOnlyLegalForm", () => {
  it.each([
    ["Joint Stock Company", true],
    ["the Company", true],
    ["Co., Ltd.", true],
    ["Limited Liability Company", true],
    ["Joint Stock Company Orlov", false],
    ["Company Register", false],
  ])("%s → %s", (name, expected) => {
    expect(isOnlyLegalForm(name)).toBe(expected);
  });
});
