// Extraction on texts in other styles written for Skein (invented names): a designation notice, an
// invoice, a travel record, a hedged news report and a shipping notice in Markdown. Pins entities,
// claims, dates and certainty.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractText, toContractDocument } from "../../src/extract/index.js";
import { REPO_ROOT } from "../helpers/shared.js";

function extractFixture(name: string, published: string) {
  const text = readFileSync(join(REPO_ROOT, "test/fixtures/extract", name), "utf8");
  const doc = toContractDocument(
    extractText(text, { sourceId: name, published, gazetteer: undefined, learned: undefined }),
  );
  const nameOf = new Map(doc.entities.map((e) => [e.id, e.name]));
  const relations = doc.relations.map((r) => ({
    ...r,
    line: `${nameOf.get(r.source)} ${r.type} ${nameOf.get(r.target)}`,
  }));
  return { doc, relations, names: doc.entities.map((e) => e.name), text };
}

describe("designation notice", () => {
  const { doc, relations, names, text } = extractFixture("designation-notice.txt", "2024-06-04");

  it("finds the parties, people and places, and no legal instruments", () => {
    expect(names).toEqual(
      expect.arrayContaining([
        "Kavrin Precision Works LLC",
        "Tomas Gerulaitis",
        "Brightwave Components Limited",
        "Ostrovka Aero Holding",
        "Belarus",
        "Hong Kong",
      ]),
    );
    expect(names.join("|")).not.toMatch(/E\.O\.|Executive Order|WASHINGTON/);
    expect(doc.entities.find((e) => e.name === "Tomas Gerulaitis")?.type).toBe("Person");
  });

  it("reads designations, roles, ownership, supply and location", () => {
    const lines = relations.map((r) => r.line);
    expect(lines).toEqual(
      expect.arrayContaining([
        "Tomas Gerulaitis directs Kavrin Precision Works LLC",
        "Tomas Gerulaitis owns Kavrin Precision Works LLC",
        "Kavrin Precision Works LLC owns Brightwave Components Limited",
        "Brightwave Components Limited supplies Ostrovka Aero Holding",
        "Kavrin Precision Works LLC supplies Ostrovka Aero Holding",
        "Brightwave Components Limited located_in Hong Kong",
        "Marcus D. Whitfield member_of U.S. Department of the Treasury",
      ]),
    );
    const today = relations.find(
      (r) => r.line === "Brightwave Components Limited sanctioned_by Office of Foreign Assets Control",
    );
    expect(today?.date).toBe("2024-06-04");
    const past = relations.find(
      (r) => r.line === "Kavrin Precision Works LLC sanctioned_by Office of Foreign Assets Control",
    );
    expect(past?.date).toBe("2023-03-03");
    for (const r of relations) expect(text).toContain(r.evidence);
  });
});

describe("invoice", () => {
  const { relations, names } = extractFixture("invoice.txt", "2024-03-14");
  it("links seller and buyer, and keeps reference numbers out", () => {
    expect(relations.map((r) => r.line)).toEqual(
      expect.arrayContaining([
        "Qormeno Trading FZE supplies Varnitsa Tekhnika LLC",
        "Varnitsa Tekhnika LLC pays Qormeno Trading FZE",
      ]),
    );
    expect(names).not.toContain("QT-2024-0117");
    expect(names).toContain("QX-220");
  });
});

describe("travel record", () => {
  const { relations, doc } = extractFixture("travel-record.txt", "2024-05-03");
  it("reads the traveller, employer and destination", () => {
    expect(doc.entities.find((e) => e.name === "Dmitri Olegovich Sarnov")?.type).toBe("Person");
    expect(relations.map((r) => r.line)).toEqual(
      expect.arrayContaining([
        "Varnitsa Tekhnika LLC employs Dmitri Olegovich Sarnov",
        "Dmitri Olegovich Sarnov visits Tehran",
        "Dmitri Olegovich Sarnov visits Parsa Aero Industries",
      ]),
    );
  });
});

describe("news report", () => {
  const { relations, doc } = extractFixture("news-article.txt", "2024-06-04");
  it("attributes the shipment to the documents, with its quarter", () => {
    const shipment = relations.find((r) => r.line === "Lindqvist Marine AB supplies Zhelkov Shipyard");
    expect(shipment?.certainty).toBe("reported");
    expect(shipment?.date).toBe("2024-Q1");
  });

  it("keeps the chief executive's role stated and finds the short form", () => {
    expect(relations.find((r) => r.line === "Anna Berglund directs Lindqvist Marine AB")?.certainty).toBe(
      "stated",
    );
    expect(doc.entities.find((e) => e.name === "Kestrel Logistics Ltd")?.aliases).toContain("Kestrel");
    expect(relations.map((r) => r.line)).toContain("Kestrel Logistics Ltd located_in Cyprus");
  });
});

describe("investigation (written after the rules, to check they generalise)", () => {
  const { relations, doc } = extractFixture("investigation.txt", "2025-03-02");
  const lines = relations.map((r) => r.line);

  it("finds the firms, people and products, with their short forms", () => {
    const byName = new Map(doc.entities.map((e) => [e.name, e]));
    expect(byName.get("Gevorg Sarkisyan")?.type).toBe("Person");
    expect(byName.get("Gevorg Sarkisyan")?.aliases).toContain("Sarkisyan");
    expect(byName.get("Kalinovka Machine Works JSC")?.aliases).toContain("Kalinovka");
    expect(byName.get("Silverline General Trading FZE")?.type).toBe("Company");
    expect(byName.get("Kh-101")?.type).toBe("Product");
  });

  it("reads supply, ownership, payment, sanctions, location and hedged or denied links", () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        "Araks Techno Trade LLC supplies Kalinovka Machine Works JSC",
        "Rostekhmash owns Kalinovka Machine Works JSC",
        "Gevorg Sarkisyan owns Silverline General Trading FZE",
        "Silverline General Trading FZE pays Araks Techno Trade LLC",
        "Kalinovka Machine Works JSC sanctioned_by U.S.",
        "Orion Components Ltd located_in Hong Kong",
      ]),
    );
    expect(
      relations.find((r) => r.line === "Orion Components Ltd intermediary_for Kalinovka Machine Works JSC")
        ?.certainty,
    ).toBe("assessed");
    expect(relations.find((r) => r.line === "Orion Components Ltd supplies Russia")?.certainty).toBe(
      "denied",
    );
    expect(
      relations.find((r) => r.line === "Silverline General Trading FZE pays Araks Techno Trade LLC")?.date,
    ).toBe("2023-Q3");
  });
});

describe("UK-style notice with a think-tank quote (written after the rules)", () => {
  const { relations, doc } = extractFixture("uk-notice.txt", "2025-02-24");
  const lines = relations.map((r) => r.line);

  it("keeps a law's title and its bracketed words out of the entities", () => {
    const names = doc.entities.flatMap((e) => [e.name, ...e.aliases]);
    expect(names).not.toContain("Sanctions");
    expect(names).toContain("Russian Armed Forces");
  });

  it("reads its-roles, intermediaries named after the goods, and an analyst's employer", () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        "Volgatek Systems LLC supplies Russian Armed Forces",
        "Irina Petrovna Sokolova owns Volgatek Systems LLC",
        "Irina Petrovna Sokolova directs Volgatek Systems LLC",
        "Nordhaven Electronics GmbH supplies Volgatek Systems LLC",
        "Bishkek Trade Partners LLC intermediary_for Volgatek Systems LLC",
        "Centre for Arms Transfer Research employs Tomas Lindberg",
      ]),
    );
  });
});

describe("think-tank report (written after the rules)", () => {
  const { relations, doc } = extractFixture("research-report.txt", "2024-11-01");
  const lines = relations.map((r) => r.line);

  it("skips the title, keeps an acronym with its body and reads patronymics as people", () => {
    const byName = new Map(doc.entities.map((e) => [e.name, e]));
    expect(doc.entities.map((e) => e.name).join("|")).not.toMatch(/Pathways|Reach/);
    expect(byName.get("Institute for Defence Supply Chains")?.aliases).toContain("IDSC");
    expect(byName.get("Oleg Dmitrievich Rybin")?.type).toBe("Person");
    expect(byName.get("Kalibr")?.type).toBe("Product");
  });

  it("reads the shareholder, the exporter past an aside, the supplier and the hedged agent", () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        "Oleg Dmitrievich Rybin owns Sunrise Parts Trading Ltd",
        "Sunrise Parts Trading Ltd supplies Radiotekh Supply LLC",
        "Radiotekh Supply LLC supplies Tactical Missiles Corporation",
        "Natalia Zueva directs Radiotekh Supply LLC",
      ]),
    );
    expect(lines).not.toContain("Oleg Dmitrievich Rybin supplies Radiotekh Supply LLC");
    expect(
      relations.find((r) => r.line === "Radiotekh Supply LLC intermediary_for Tactical Missiles Corporation")
        ?.certainty,
    ).toBe("assessed");
  });
});

describe("report of an indictment (written after the rules)", () => {
  const { relations, doc } = extractFixture("indictment-report.txt", "2023-06-13");
  const lines = relations.map((r) => r.line);

  it("reads ownership and payments as alleged, and names no giver for a passive delivery", () => {
    expect(doc.entities.map((e) => e.name)).not.toContain("Iranian-Canadian");
    const owns = relations.find((r) => r.line === "Reza Karimian owns Maple Aviation Supply Inc.");
    expect(owns?.certainty).toBe("alleged");
    const paid = relations.find((r) => r.line === "Falcon Gulf Trading FZE pays Maple Aviation Supply Inc.");
    expect(paid?.date).toBe("2019/2021");
    expect(lines.filter((l) => l.startsWith("Tehran "))).toEqual([]);
  });
});

describe("shipping notice in Markdown", () => {
  const { doc, relations, names, text } = extractFixture("shipping-notice.md", "2025-03-12");
  const typeOf = (name: string) => doc.entities.find((e) => e.name === name)?.type;

  it("types ships by their IMO numbers or a ship word before them, apart from the company they share a name with", () => {
    expect(typeOf("KESTREL BAY")).toBe("Vessel");
    expect(typeOf("ORIEL STAR")).toBe("Vessel");
    expect(typeOf("Marlowe Dawn")).toBe("Vessel");
    expect(typeOf("Marlowe Shipholding Limited")).toBe("Company");
    expect(doc.entities.find((e) => e.name === "Marlowe Shipholding Limited")?.aliases).not.toContain(
      "Marlowe Dawn",
    );
  });

  it("reads places of several words before -based, and no document title as a party", () => {
    expect(names).toEqual(expect.arrayContaining(["United Arab Emirates", "Saudi Arabia"]));
    expect(names).not.toContain("Arab Emirates");
    expect(names).not.toContain("Arabia");
    expect(names.join("|")).not.toMatch(/Possible Evasion/);
  });

  it("reads the claims through the Markdown emphasis, and not the identifier as property", () => {
    const lines = relations.map((r) => r.line);
    expect(lines).toEqual(
      expect.arrayContaining([
        "Marlowe Shipholding Limited located_in United Arab Emirates",
        "Teskova Fleet Services FZE located_in Saudi Arabia",
        "Marlowe Shipholding Limited owns Marlowe Dawn",
        "Marlowe Shipholding Limited sanctioned_by Office of Foreign Assets Control",
      ]),
    );
    expect(lines).not.toContain("Marlowe Shipholding Limited owns Office of Foreign Assets Control");
    for (const r of relations) expect(text).toContain(r.evidence);
  });
});
