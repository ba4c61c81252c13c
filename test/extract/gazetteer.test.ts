// Text screening: known names found in new text through the token trie, with exact offsets, case,
// diacritic, script and legal-form tolerance, and guards against short and common names.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildGazetteer, findInText, type GazetteerItem } from "../../src/extract/gazetteer.js";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";

const ITEMS: GazetteerItem[] = [
  { name: "NORTHWIND AVIONICS TRADING CO., LTD.", type: "Company", ref: "list-1" },
  { name: "ŞTEFANESCU INDUSTRIAL GROUP", type: "Company", ref: "list-2" },
  { name: "OOO KRASNOVEK", type: "Company", ref: "list-3" },
  { name: "ZELNIK, Arvo Tomas", type: "Person", ref: "list-4" },
  { name: "ORION DYNAMICS", type: "Company", ref: "list-5" },
  { name: "ORION DYNAMICS MARINE", type: "Company", ref: "list-6" },
  { name: "QZX", type: "Organization", ref: "list-7" },
  { name: "AIR", type: "Company", ref: "list-8" },
  { name: "SNOW", type: "Vessel", ref: "list-9" },
  { name: "GLOBAL TRADING LLC", type: "Company", ref: "list-10" },
  { name: "Velmora Shipping", type: "Company", ref: "entity-a" },
  { name: "VELMORA SHIPPING", type: "Company", ref: "list-11" },
  { name: "AB", type: "Company", ref: "list-12" },
  { name: "KELVOR-AVIA", type: "Company", ref: "list-13" },
  { name: "JOINT STOCK COMPANY TARVENIT", type: "Company", ref: "list-14" },
  { name: "MARESOLT", type: "Vessel", ref: "list-15" },
];
const gazetteer = buildGazetteer(ITEMS);

type Row = [text: string, expected: Array<[words: string, ref: string]>];
const CASES: Row[] = [
  [
    "JSC Tarvenit sold it; later Tarvenit shipped more.",
    [
      ["JSC Tarvenit", "list-14"],
      ["Tarvenit", "list-14"],
    ],
  ],
  ["The tanker Maresolt loaded crude oil.", [["Maresolt", "list-15"]]],
  [
    "Northwind Avionics Trading Company Limited supplied the parts.",
    [["Northwind Avionics Trading Company Limited", "list-1"]],
  ],
  ["Invoices name NORTHWIND AVIONICS TRADING as the seller.", [["NORTHWIND AVIONICS TRADING", "list-1"]]],
  ["A unit of Stefanescu Industrial Group, the broker, paid.", [["Stefanescu Industrial Group", "list-2"]]],
  ["Поставщик ООО «Красновек» отгрузил двигатели.", [["ООО «Красновек»", "list-3"]]],
  ["The plant, Krasnovek LLC, denied it.", [["Krasnovek LLC", "list-3"]]],
  ["Travel records show Arvo Tomas Zelnik flew to Dubai.", [["Arvo Tomas Zelnik", "list-4"]]],
  ["Zelnik, Arvo Tomas (born 1971) is listed.", [["Zelnik, Arvo Tomas", "list-4"]]],
  [
    "Orion Dynamics Marine shipped it; Orion Dynamics paid.",
    [
      ["Orion Dynamics Marine", "list-6"],
      ["Orion Dynamics", "list-5"],
    ],
  ],
  ["The QZX network moved funds.", [["QZX", "list-7"]]],
  ["Global Trading LLC signed the contract.", [["Global Trading LLC", "list-10"]]],
  [
    "Kelvoravia and Kelvor Avia are one firm; KELVOR-AVIA too.",
    [
      ["Kelvoravia", "list-13"],
      ["Kelvor Avia", "list-13"],
      ["KELVOR-AVIA", "list-13"],
    ],
  ],
  [
    "Velmora Shipping chartered the tanker.",
    [
      ["Velmora Shipping", "entity-a"],
      ["Velmora Shipping", "list-11"],
    ],
  ],
];

describe("findInText", () => {
  it.each(CASES)("%s", (text, expected) => {
    const hits = findInText(gazetteer, text);
    expect(hits.map((hit) => [text.slice(hit.start, hit.end), hit.ref])).toEqual(expected);
  });

  const NONE = [
    "The qzx network and the northwind avionics trading desk.", // lower case: not the names
    "Orionite Dynamics and Orion Dynamicsx are other firms.", // whole tokens only
    "It flew by air through the snow to Snow Lake.", // a single common word is left out
    "A global trading house expanded; Global Trading grew.", // common words without their legal form
    "The plane landed at Orion. Dynamics of the market changed.", // no match across a sentence end
    "The AB group and Ab Holdings.", // two letters: too short
    "Brightline Tarvenit Systems and Maresolt Shipping Agency are other firms.", // inside longer names
  ];
  it.each(NONE)("finds nothing in %s", (text) => {
    expect(findInText(gazetteer, text)).toEqual([]);
  });

  it("lists the names it leaves out, with the reason", () => {
    const skipped = gazetteer.skipped.map((item) => item.name);
    expect(skipped).toEqual(expect.arrayContaining(["AIR", "SNOW", "AB"]));
    expect(skipped).not.toContain("QZX");
  });

  it("finds nothing with an empty gazetteer or an empty text", () => {
    expect(findInText(buildGazetteer([]), "Orion Dynamics")).toEqual([]);
    expect(findInText(gazetteer, "")).toEqual([]);
  });
});

/** Reads an OFAC legacy CSV file (no header, `-0-` for null, a trailing Ctrl-Z). */
function readOfacCsv(file: string): string[][] {
  const text = readFileSync(file, "latin1").replace(/\u001a/g, "");
  return parse(text, { relax_quotes: true, relax_column_count: true, skip_empty_lines: true, trim: true });
}

describe.skipIf(!HAS_SHARED)("findInText on the full SDN name set (needs ../shared)", () => {
  it("scans the Treasury corpus fast and finds designated parties with exact offsets", () => {
    const dir = sharedPath("data/ofac-sdn-csv-2023-12");
    const types: Record<string, GazetteerItem["type"]> = {
      individual: "Person",
      vessel: "Vessel",
      aircraft: "Aircraft",
    };
    const typeOf = new Map<string, GazetteerItem["type"]>();
    const items: GazetteerItem[] = [];
    for (const row of readOfacCsv(join(dir, "sdn.csv"))) {
      typeOf.set(row[0], types[row[2]] ?? "Company");
      items.push({ name: row[1], type: typeOf.get(row[0])!, ref: row[0] });
    }
    for (const row of readOfacCsv(join(dir, "alt.csv"))) {
      if (row[3] !== "-0-") items.push({ name: row[3], type: typeOf.get(row[0]) ?? "Company", ref: row[0] });
    }
    expect(items.length).toBeGreaterThan(30_000);
    const sdn = buildGazetteer(items);
    const corpusDir = sharedPath("corpus/treasury-press-releases");
    const texts = readdirSync(corpusDir)
      .sort()
      .slice(0, 250)
      .map((file) => readFileSync(join(corpusDir, file), "utf8"));
    const started = performance.now();
    const found = texts.map((text) => ({ text, hits: findInText(sdn, text) }));
    const seconds = (performance.now() - started) / 1000;
    const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
    // The bench measures the ≥ 10 MB/s target on a quiet machine; here, under a parallel test run, the
    // speed is judged against the naive peer (every name searched with indexOf) measured alongside.
    const sample = texts.join("\n").slice(0, 20_000).toLowerCase();
    const names = [...new Set(items.map((item) => item.name.toLowerCase()))];
    const peerStarted = performance.now();
    let peerHits = 0;
    for (const name of names) if (sample.includes(name)) peerHits++;
    const peerSeconds = (performance.now() - peerStarted) / 1000;
    expect(peerHits).toBeGreaterThan(0);
    expect(megabytes / seconds / (0.02 / peerSeconds)).toBeGreaterThan(20);
    expect(megabytes / seconds).toBeGreaterThan(1);
    expect(new Set(found.flatMap(({ hits }) => hits.map((hit) => hit.ref))).size).toBeGreaterThan(500);
    for (const { text, hits } of found) {
      for (const hit of hits) {
        const words = text.slice(hit.start, hit.end);
        expect(words).toMatch(/^[\p{L}\p{N}&].*[\p{L}\p{N}.»”"]$/su);
        expect(words.length).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
