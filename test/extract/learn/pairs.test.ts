// Candidate pairs of the learned stage: references carry a party across sentences, lists read like a
// party named alone, designations pair their parties with the notice's authority, and the pairs do not
// depend on the types the entity model gives.
import { describe, expect, it } from "vitest";
import { analyseText, findPairs } from "../../../src/extract/index.js";

const analyse = (text: string) =>
  analyseText(text, { sourceId: "t", published: "2024-06-04", gazetteer: undefined, learned: undefined });

const named = (text: string) => {
  const a = analyse(text);
  return findPairs(a, undefined).map((p) => ({
    first: a.entities[p.first].caption,
    second: p.authority ? "(authority)" : a.entities[p.second].caption,
    gap: p.tokens
      .slice(p.gapStart, Math.min(p.gapEnd, p.tokens.length))
      .map((t) => t.text)
      .join(" "),
    pronoun: p.pronoun,
  }));
};

/** The authority a text's notice names, and the parties paired with it. */
const designation = (text: string) => {
  const a = analyse(text);
  return {
    authority: a.facts.authority === null ? null : a.entities[a.facts.authority].caption,
    listed: named(text)
      .filter((p) => p.second === "(authority)")
      .map((p) => p.first),
  };
};

describe("findPairs", () => {
  it("pairs a reference with the party it stands for", () => {
    const pairs = named(
      "Kestrel Trading Ltd is a broker in Dubai. Last year it shipped engines to Orlan Avia LLC.",
    );
    expect(pairs).toContainEqual(
      expect.objectContaining({ first: "Kestrel Trading Ltd", second: "Orlan Avia LLC", pronoun: true }),
    );
  });

  it("leaves out a mention that only cites a source, and an 'it' standing for one", () => {
    const text =
      "Invoices reviewed by Velmora Media Group show that Kestrel Trading Ltd billed Orlan Avia LLC. It remains unclear what Orlan Avia LLC paid, and Velmora Media Group was unable to confirm whether Vela Transit LLC staff visited Minsk.";
    const pairs = named(text);
    expect(pairs).toContainEqual(
      expect.objectContaining({ first: "Kestrel Trading Ltd", second: "Orlan Avia LLC" }),
    );
    expect(pairs).toContainEqual(expect.objectContaining({ first: "Vela Transit LLC", second: "Minsk" }));
    expect(
      pairs.filter((p) => p.first === "Velmora Media Group" || p.second === "Velmora Media Group"),
    ).toEqual([]);
    // A party that is also cited keeps its pairs where it acts.
    const acting = named(
      "Velmora Media Group said Kestrel Trading Ltd shipped engines to Orlan Avia LLC. Velmora Media Group owns Vela Transit LLC.",
    );
    expect(acting).toContainEqual(
      expect.objectContaining({ first: "Velmora Media Group", second: "Vela Transit LLC" }),
    );
  });

  it("reads a role the record or contract defined as the party it names", () => {
    const invoice = named(
      "SELLER\nQormeno Trading FZE, Dubai\n\nBUYER\nVarnitsa Tekhnika LLC, Moscow\n\nAdvance remitted from the Buyer's account with Ostrel Bank PJSC.",
    );
    expect(invoice).toContainEqual(
      expect.objectContaining({ first: "Varnitsa Tekhnika LLC", second: "Ostrel Bank PJSC" }),
    );
    const contract = named(
      'Qormeno Trading FZE ("Seller") and Varnitsa Tekhnika LLC ("Buyer") signed it. The Seller shipped the goods to Minsk.',
    );
    expect(contract).toContainEqual(
      expect.objectContaining({ first: "Qormeno Trading FZE", second: "Minsk" }),
    );
  });

  it("reads each party of a list across the list", () => {
    const pairs = named(
      "Kestrel Trading Ltd, Vela Transit LLC and Amber Line Ltd supplied engines to Orlan Avia LLC.",
    );
    const gaps = pairs.filter((p) => p.second === "Orlan Avia LLC").map((p) => p.gap);
    expect(gaps).toEqual(["supplied engines to", "supplied engines to", "supplied engines to"]);
  });

  it("pairs a designated party, not a place, with the notice's authority", () => {
    const text =
      "Today, the Office of Foreign Assets Control (OFAC) is designating two firms. Kestrel Trading Ltd, based in Russia, is being designated pursuant to E.O. 14024.";
    const withAuthority = named(text)
      .filter((p) => p.second === "(authority)")
      .map((p) => p.first);
    expect(withAuthority).toContain("Kestrel Trading Ltd");
    expect(withAuthority).not.toContain("Russia");
  });

  it("pairs each numbered entry after a lead-in with the authority and with the lead-in's parties", () => {
    const pairs = named(
      "The Office of Foreign Assets Control is identifying three tankers as property in which Orlan Avia LLC has an interest. These vessels, all of which are owned by Orlan Avia LLC, are:\n\n1. *AMBER SKY*(IMO 9610808)\n2. *NORTH STAR*(IMO 9413559)\n\nOther news follows.",
    );
    for (const vessel of ["AMBER SKY", "NORTH STAR"]) {
      expect(pairs).toContainEqual(expect.objectContaining({ first: vessel, second: "(authority)" }));
      const owner = pairs.find((p) => p.first === vessel && p.second === "Orlan Avia LLC");
      expect(owner?.gap).toMatch(/owned by$/);
    }
  });

  it("finds the authority a release names in many ways, and not a body it only coordinated with", () => {
    const closing = " Kestrel Trading Ltd is being designated pursuant to E.O. 14024.";
    // Past tense, a partner named in between, an acronym alone as the mention, a passive opening.
    for (const opening of [
      "Today, the Office of Foreign Assets Control targeted a network.",
      "Today, the Office of Foreign Assets Control, in coordination with the Federal Bureau of Investigation, designated four firms.",
      "Today, the Office of Foreign Assets Control, alongside the U.S. Department of State, sanctioned a network.",
      "The Foreign, Commonwealth & Development Office (FCDO) has today sanctioned 8 firms.",
      "Russia has long been a haven for such networks. Today’s action was taken by the Office of Foreign Assets Control.",
    ]) {
      const { authority, listed } = designation(opening + closing);
      expect(authority, opening).toMatch(/^(?:Office of Foreign Assets Control|FCDO)$/);
      expect(listed, opening).toContain("Kestrel Trading Ltd");
    }
  });

  it("reads 'each of these individuals' as every person the paragraph before named", () => {
    const pairs = named(
      "Today, the Office of Foreign Assets Control designated members of a ransomware group.\n\n" +
        "Pavel Korsun was a senior administrator of the group. Dmitri Sarnov led its testers. " +
        "Anton Velsky worked as a coder.\n\n" +
        "OFAC is designating each of these individuals pursuant to E.O. 13694.",
    );
    for (const person of ["Pavel Korsun", "Dmitri Sarnov", "Anton Velsky"])
      expect(pairs).toContainEqual(
        expect.objectContaining({ first: "Office of Foreign Assets Control", second: person, pronoun: true }),
      );
  });

  // A regulation's annex, whose entries carry "Reasons:" and "Date of listing:" lines; a state that lists.
  it.each([
    [
      "the council that enacts a regulation, for every entry of its annex",
      "COUNCIL IMPLEMENTING REGULATION (EU) 2025/9999\n\nTHE COUNCIL OF THE EUROPEAN UNION,\n\n" +
        "Having regard to Council Regulation (EU) No 269/2014,\n\nHAS ADOPTED THIS REGULATION:\n" +
        "Article 1 — Annex I is amended as set out in the Annex.\n\nDone at Brussels, 20 May 2025.\n\nANNEX\n\n" +
        "A. Natural persons\n\n1. Oleg Borisovich VARNITSKY (Олег Борисович Варницкий)\n" +
        "Identifying information: DOB: 3.2.1971; Nationality: Russian\n" +
        "Reasons: Oleg Varnitsky directs Kestrel Trading Ltd. He supports the war.\nDate of listing: 20.5.2025\n\n" +
        "B. Legal persons, entities and bodies\n\n2. Limited Liability Company Velskrek (OOO Velskrek)\n" +
        "Identifying information: Address: Moscow, Russian Federation\nDate of listing: 20.5.2025\n",
      "COUNCIL OF THE EUROPEAN UNION",
      ["Oleg Borisovich VARNITSKY", "Limited Liability Company Velskrek"],
    ],
    [
      "a state that lists, for every party of its listings",
      "Canada imposes sanctions on enablers\n\nToday, the Minister announced sanctions on 3 individuals. " +
        "Canada listed Pavel Orlan in April 2022.\n\nToday’s listings include:\n\n" +
        "Marina Velskaya, spouse of Pavel Orlan, is a beneficiary of a trust.\n\n" +
        "Kestrel Trading Ltd, located in Limassol, Cyprus, administered his companies.\n",
      "Canada",
      ["Marina Velskaya", "Kestrel Trading Ltd"],
    ],
  ])("takes %s", (_what, text, authority, listed) => {
    const found = designation(text);
    expect(found.authority).toBe(authority);
    expect(found.listed).toEqual(expect.arrayContaining(listed));
  });

  it("pairs a list entry's own party, not the flag state or parent it opens with", () => {
    const pairs = named(
      "The Office of Foreign Assets Control is identifying the following vessels as blocked property in which Orlan Avia LLC has an interest:\n\n- Panama-flagged AMBER SKY (IMO 9610808)\n- Formerly Comoros-flagged NORTH STAR (IMO 9413559)\n\nThe following subsidiaries are being designated:\n\n- Orlan subsidiary Vela Transit LLC operates a depot in Russia.\n\nOther news follows.",
    );
    const listed = pairs.filter((p) => p.second === "(authority)").map((p) => p.first);
    expect(listed).toEqual(expect.arrayContaining(["AMBER SKY", "NORTH STAR", "Vela Transit LLC"]));
    expect(listed).not.toContain("Panama");
  });

  it("pairs the craft a log is about with the places of its dated rows", () => {
    const text = [
      "Vessel: ORCHID KESTREL (IMO 9200001)",
      "Registered owner: Sable Lark Maritime S.A., Panama City, Panama",
      "",
      "# | From | To | Position / port | Event",
      "01 | 2024-02-01 00:00 | 2024-02-05 14:20 | Sohar anchorage, Oman | At anchor",
      "02 | 2024-02-06 | 2024-02-08 | Fujairah, UAE | Port call",
      "Remarks: Fujairah agent Hollin Marine LLC.",
    ].join("\n");
    const pairs = named(text);
    for (const place of ["Sohar", "Oman", "Fujairah"])
      expect(pairs).toContainEqual(
        expect.objectContaining({ first: "ORCHID KESTREL", second: place, pronoun: true }),
      );
    // The owner's seat is no port call, and a line without a date is no row of the log.
    expect(pairs).not.toContainEqual(
      expect.objectContaining({ first: "ORCHID KESTREL", second: "Panama City" }),
    );
  });

  it("gives the same pairs whatever types the entities take", () => {
    const a = analyse("Kestrel Trading Ltd supplied engines to Orlan Avia LLC, a Minsk-based firm.");
    const retyped = new Map(a.entities.map((_, i) => [i, "Organization" as const]));
    const key = (p: { view: number; first: number; second: number; firstAt: number }) =>
      `${p.view}|${p.first}|${p.second}|${p.firstAt}`;
    expect(findPairs(a, retyped).map(key)).toEqual(findPairs(a, undefined).map(key));
  });
});
