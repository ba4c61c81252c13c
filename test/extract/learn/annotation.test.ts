// The annotation validator on hand-made cases, and the project's corpus in data/annotated: every file
// valid, the size the corpus promises, and clusters that cover every entity once.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type AnnotatedDocument,
  isAnnotationDate,
  readCorpus,
  sharesPassage,
  validateAnnotation,
  validateClusters,
} from "../../../src/extract/index.js";
import { HAS_SHARED, REPO_ROOT, sharedPath } from "../../helpers/shared.js";

const CORPUS = join(REPO_ROOT, "data/annotated");

/** A valid document to break one field at a time. */
function documentOf(): AnnotatedDocument {
  const text = "Kestrel Trading Ltd supplied engines to Orlan Avia LLC in 2024.";
  return {
    id: "t1",
    genre: "news",
    invented: true,
    provenance: { origin: "invented", licence: "CC0-1.0", annotators: ["annotator-1"], notes: "" },
    source: { title: null, publisher: null, date: "2025-01-01", url: null, kind: "news" },
    text,
    entities: [
      {
        id: "e1",
        name: "Kestrel Trading Ltd",
        aliases: [],
        type: "Company",
        country: null,
        sanctioned_per_text: null,
      },
      {
        id: "e2",
        name: "Orlan Avia LLC",
        aliases: [],
        type: "Company",
        country: null,
        sanctioned_per_text: null,
      },
    ],
    relations: [
      {
        source: "e1",
        target: "e2",
        type: "supplies",
        date: "2024",
        evidence: "Kestrel Trading Ltd supplied engines to Orlan Avia LLC in 2024",
        certainty: "stated",
      },
    ],
  };
}

describe("validateAnnotation", () => {
  it("accepts a valid document", () => {
    expect(validateAnnotation(documentOf())).toEqual([]);
  });

  it.each([
    [
      "a name that is not in the text",
      (d: AnnotatedDocument) => (d.entities[0].name = "Kestrel Ltd"),
      "entities[0].name",
    ],
    [
      "evidence that is not in the text",
      (d: AnnotatedDocument) => (d.relations[0].evidence = "Kestrel sold"),
      "relations[0].evidence",
    ],
    [
      "an unknown predicate",
      (d: AnnotatedDocument) => ((d.relations[0] as { type: string }).type = "sells"),
      "relations[0].type",
    ],
    [
      "an unknown certainty",
      (d: AnnotatedDocument) => ((d.relations[0] as { certainty: string }).certainty = "sure"),
      "relations[0].certainty",
    ],
    [
      "a date that does not parse",
      (d: AnnotatedDocument) => (d.relations[0].date = "2024-13"),
      "relations[0].date",
    ],
    [
      "a relation to no entity",
      (d: AnnotatedDocument) => (d.relations[0].target = "e9"),
      "relations[0].target",
    ],
    [
      "a name shared by two entities",
      (d: AnnotatedDocument) => d.entities[1].aliases.push("Kestrel Trading Ltd"),
      "entities[1].aliases[0]",
    ],
    [
      "an invented text with an address",
      (d: AnnotatedDocument) => (d.provenance.origin = "https://example.org"),
      "provenance.origin",
    ],
    [
      "a country that is not a code",
      (d: AnnotatedDocument) => (d.entities[0].country = "Russia"),
      "entities[0].country",
    ],
  ])("finds %s", (_, breakIt, path) => {
    const d = documentOf();
    breakIt(d);
    expect(validateAnnotation(d).map((i) => i.path)).toContain(path);
  });

  it("reads the gold date forms", () => {
    for (const good of ["2024", "2024-05", "2024-05-31", "2025-Q2", "2019-01/2022-02", "2013/2024"])
      expect(isAnnotationDate(good)).toBe(true);
    for (const bad of ["2024-02-30", "24", "2024/2023", "2024-Q5", "May 2024"])
      expect(isAnnotationDate(bad)).toBe(false);
  });
});

describe("the corpus in data/annotated", () => {
  const corpus = readCorpus(CORPUS);

  it("holds at least 60 annotated texts, 25 of them invented, each valid", () => {
    expect(corpus.skipped).toEqual([]);
    expect(corpus.documents.length).toBeGreaterThanOrEqual(60);
    expect(corpus.documents.filter((d) => d.invented).length).toBeGreaterThanOrEqual(25);
    for (const d of corpus.documents) expect(validateAnnotation(d)).toEqual([]);
    expect(new Set(corpus.documents.map((d) => d.id)).size).toBe(corpus.documents.length);
  });

  it("keeps valid second annotations of at least eight texts", () => {
    const second = readCorpus(CORPUS, ["second"]).documents;
    expect(second.length).toBeGreaterThanOrEqual(8);
    const ids = new Set(corpus.documents.map((d) => d.id));
    for (const d of second) expect(ids.has(d.id)).toBe(true);
  });

  it("clusters every entity of every document exactly once", () => {
    const clusters = JSON.parse(readFileSync(join(CORPUS, "resolution.json"), "utf8"));
    expect(validateClusters(clusters, corpus.documents)).toEqual([]);
  });

  it("finds a cluster error", () => {
    const clusters = JSON.parse(readFileSync(join(CORPUS, "resolution.json"), "utf8"));
    clusters.clusters[0].members.push({ ...clusters.clusters[1].members[0] });
    expect(validateClusters(clusters, corpus.documents).length).toBeGreaterThan(0);
  });
});

describe.skipIf(!HAS_SHARED)("released texts copied from ../shared/corpus", () => {
  it("are the cleaned originals, word for word", async () => {
    const { readRelease } = await import(pathToFileURL(join(REPO_ROOT, "scripts/add-release.mjs")).href);
    const released = readCorpus(CORPUS).documents.filter((d) => !d.invented);
    expect(released.length).toBeGreaterThanOrEqual(35);
    for (const d of released) {
      const original = readFileSync(sharedPath("corpus/treasury-press-releases", `${d.id}.md`), "utf8");
      expect(readRelease(original).text).toBe(d.text);
      expect(d.provenance.origin).toMatch(/^https:\/\/home\.treasury\.gov\//);
    }
  });

  it("leave out the development texts, which score a model that never saw them", () => {
    const development = readdirSync(sharedPath("eval"))
      .filter((f) => f.endsWith(".gold.json"))
      .map((f) => JSON.parse(readFileSync(sharedPath("eval", f), "utf8")).text as string);
    expect(development.length).toBe(4);
    for (const d of readCorpus(CORPUS).documents)
      for (const text of development) expect(sharesPassage(d.text, text)).toBe(false);
  });
});
