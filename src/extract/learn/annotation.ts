// The annotated corpus: documents in the gold shape of ../shared/eval (text, entities, relations with
// evidence quotes) plus genre and provenance, and the validator every file must pass. Pure: callers read
// the files. Conventions: data/annotated/README.md.
import {
  CERTAINTY_NAMES,
  type Certainty,
  isOneOf,
  PREDICATE_NAMES,
  type Predicate,
} from "../../model/index.js";

/** Entity types of the annotation guideline (PublicBody is written Organization there). */
export const ANNOTATION_TYPES = [
  "Company",
  "Organization",
  "Person",
  "Place",
  "Product",
  "Vessel",
  "Aircraft",
] as const;
export type AnnotationType = (typeof ANNOTATION_TYPES)[number];

/** Genres of the corpus; cross-validation folds are stratified by them and figures reported per genre. */
export const GENRES = {
  designation: "government designation releases and regulator notices",
  news: "investigative news and wire copy",
  research: "think-tank and academic research with hedged analysis",
  legal: "indictments, complaints and court narratives",
  record: "trade records: invoices, bills of lading, shipping and travel records",
} as const;
export type Genre = keyof typeof GENRES;
export const GENRE_NAMES = Object.keys(GENRES) as Genre[];

/** One annotated entity. */
export interface AnnotatedEntity {
  id: string;
  name: string;
  aliases: string[];
  type: AnnotationType;
  country: string | null;
  sanctioned_per_text: boolean | null;
}

/** One annotated relation; `evidence` is an exact substring of the text. */
export interface AnnotatedRelation {
  source: string;
  target: string;
  type: Predicate;
  date: string | null;
  evidence: string;
  certainty: Certainty;
}

/** Where a text comes from and under what terms. */
export interface Provenance {
  /** The address of a public-domain original, or "invented". */
  origin: string;
  licence: string;
  /** Who annotated it (a role, never a person's private name), and any notes on hard choices. */
  annotators: string[];
  notes: string;
}

/** One document of the corpus. */
export interface AnnotatedDocument {
  id: string;
  genre: Genre;
  invented: boolean;
  provenance: Provenance;
  source: {
    title: string | null;
    publisher: string | null;
    date: string | null;
    url: string | null;
    kind: string;
  };
  text: string;
  entities: AnnotatedEntity[];
  relations: AnnotatedRelation[];
}

/** A problem found in an annotated file: the JSON path and what is wrong. */
export interface AnnotationIssue {
  path: string;
  message: string;
}

const DATE_PART = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?|-Q([1-4]))?$/;

/** True when a gold date reads: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, or two of them joined by "/". */
export function isAnnotationDate(value: string): boolean {
  const parts = value.split("/");
  if (parts.length > 2) return false;
  for (const part of parts) {
    const m = DATE_PART.exec(part);
    if (!m) return false;
    if (m[3]) {
      const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
      if (d.getUTCDate() !== Number(m[3])) return false;
    }
  }
  return parts.length === 1 || parts[0] <= parts[1];
}

const str = (v: unknown): v is string => typeof v === "string";

/**
 * Checks one annotated document and returns every issue (an empty list when it is valid): required
 * fields, names, aliases and evidence as exact substrings of the text, relation ends that exist,
 * vocabulary, dates, countries, and no name shared by two entities (the scorer could not tell them apart).
 */
export function validateAnnotation(doc: unknown): AnnotationIssue[] {
  const issues: AnnotationIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    add(
      "$",
      "expected a JSON object with id, genre, invented, provenance, source, text, entities, relations",
    );
    return issues;
  }
  const d = doc as Record<string, unknown>;
  if (!str(d.id) || d.id.length === 0) add("id", "expected a non-empty string");
  if (!isOneOf(GENRE_NAMES, d.genre)) add("genre", `expected one of ${GENRE_NAMES.join(", ")}`);
  if (typeof d.invented !== "boolean") add("invented", "expected true or false");
  const p = d.provenance as Record<string, unknown> | undefined;
  if (typeof p !== "object" || p === null) add("provenance", "expected {origin, licence, annotators, notes}");
  else {
    if (!str(p.origin) || !(p.origin === "invented" || /^https?:\/\//.test(p.origin)))
      add("provenance.origin", 'expected the original\'s address (https://…) or "invented"');
    else if ((p.origin === "invented") !== (d.invented === true))
      add("provenance.origin", 'an invented text has origin "invented", a copied text its address');
    if (!str(p.licence) || p.licence.length === 0) add("provenance.licence", "expected the licence");
    if (!Array.isArray(p.annotators) || p.annotators.length === 0 || !p.annotators.every(str))
      add("provenance.annotators", "expected a non-empty list of annotator roles");
    if (!str(p.notes)) add("provenance.notes", "expected a string (may be empty)");
  }
  const s = d.source as Record<string, unknown> | undefined;
  if (typeof s !== "object" || s === null) add("source", "expected {title, publisher, date, url, kind}");
  else {
    if (s.date !== null && !(str(s.date) && /^\d{4}-\d{2}-\d{2}$/.test(s.date)))
      add("source.date", "expected YYYY-MM-DD or null");
    if (!str(s.kind)) add("source.kind", "expected news, government, record or note");
  }
  if (!str(d.text) || d.text.length === 0) {
    add("text", "expected the document text");
    return issues;
  }
  const text = d.text;
  if (!Array.isArray(d.entities)) {
    add("entities", "expected a list");
    return issues;
  }
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  d.entities.forEach((e: Record<string, unknown>, i: number) => {
    const at = `entities[${i}]`;
    if (!str(e.id) || ids.has(e.id)) add(`${at}.id`, `expected a unique id, got ${JSON.stringify(e.id)}`);
    else ids.add(e.id);
    if (!isOneOf(ANNOTATION_TYPES, e.type))
      add(`${at}.type`, `expected one of ${ANNOTATION_TYPES.join(", ")}`);
    if (e.country !== null && !(str(e.country) && /^[a-z]{2}$/.test(e.country)))
      add(
        `${at}.country`,
        `expected an ISO 3166 alpha-2 code in lower case or null, got ${JSON.stringify(e.country)}`,
      );
    if (!(e.sanctioned_per_text === null || typeof e.sanctioned_per_text === "boolean"))
      add(`${at}.sanctioned_per_text`, "expected true, false or null");
    if (!Array.isArray(e.aliases)) add(`${at}.aliases`, "expected a list (may be empty)");
    const names = [e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])];
    names.forEach((n, k) => {
      const where = k === 0 ? `${at}.name` : `${at}.aliases[${k - 1}]`;
      if (!str(n) || n.trim().length === 0) {
        add(where, "expected a non-empty string");
        return;
      }
      if (!text.includes(n)) add(where, `${JSON.stringify(n)} is not an exact substring of the text`);
      const key = normaliseForScoring(n);
      const other = owner.get(key);
      if (other !== undefined && other !== e.id)
        add(where, `${JSON.stringify(n)} is also a name of ${other}: two entities cannot share a name`);
      else owner.set(key, String(e.id));
    });
  });
  if (!Array.isArray(d.relations)) {
    add("relations", "expected a list");
    return issues;
  }
  const seen = new Set<string>();
  d.relations.forEach((r: Record<string, unknown>, i: number) => {
    const at = `relations[${i}]`;
    for (const end of ["source", "target"] as const)
      if (!str(r[end]) || !ids.has(r[end]))
        add(`${at}.${end}`, `no entity with id ${JSON.stringify(r[end])}`);
    if (r.source === r.target) add(at, "a relation joins two different entities");
    if (!isOneOf(PREDICATE_NAMES, r.type)) add(`${at}.type`, `expected one of ${PREDICATE_NAMES.join(", ")}`);
    if (!isOneOf(CERTAINTY_NAMES, r.certainty))
      add(`${at}.certainty`, `expected one of ${CERTAINTY_NAMES.join(", ")}`);
    if (r.date !== null && !(str(r.date) && isAnnotationDate(r.date)))
      add(
        `${at}.date`,
        `expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, a start/end pair, or null; got ${JSON.stringify(r.date)}`,
      );
    if (!str(r.evidence) || r.evidence.length === 0) add(`${at}.evidence`, "expected the quote");
    else if (!text.includes(r.evidence))
      add(
        `${at}.evidence`,
        `not an exact substring of the text: ${JSON.stringify(r.evidence.slice(0, 120))}`,
      );
    const key = `${r.source}|${r.type}|${r.target}`;
    if (seen.has(key))
      add(at, `duplicate relation ${r.source} ${r.type} ${r.target}: annotate each fact once`);
    seen.add(key);
  });
  return issues;
}

/** The scorer's name normalisation (../shared/tools/score-extraction.mjs), so validation sees names as it does. */
export function normaliseForScoring(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

/** Cross-document clusters over a corpus (the shape of ../shared/eval/resolution-dev.json). */
export interface ClusterFile {
  documents: string[];
  clusters: Array<{
    cluster: string;
    canonical: string;
    type: string;
    members: Array<{ doc: string; entity: string; name: string; aliases: string[] }>;
    note?: string;
  }>;
}

/**
 * Whether two texts share a 200-character passage from near the start of either: how the corpus checks
 * that none of its texts is one of the development texts, which must stay unseen by training.
 */
export function sharesPassage(a: string, b: string): boolean {
  return (
    (b.length >= 250 && a.includes(b.slice(50, 250))) || (a.length >= 250 && b.includes(a.slice(50, 250)))
  );
}

/**
 * Checks clusters against the documents they cover and returns every issue: each entity of each document
 * in exactly one cluster, every member an entity that exists, with its name and aliases as written there.
 */
export function validateClusters(file: ClusterFile, documents: AnnotatedDocument[]): AnnotationIssue[] {
  const issues: AnnotationIssue[] = [];
  const byDoc = new Map(documents.map((d) => [d.id, new Map(d.entities.map((e) => [e.id, e]))]));
  const listed = new Set(file.documents);
  for (const d of documents)
    if (!listed.has(d.id)) issues.push({ path: "documents", message: `document ${d.id} is not listed` });
  const seen = new Map<string, string>();
  const ids = new Set<string>();
  file.clusters.forEach((c, i) => {
    if (ids.has(c.cluster))
      issues.push({ path: `clusters[${i}].cluster`, message: `id ${c.cluster} is used twice` });
    ids.add(c.cluster);
    c.members.forEach((m, k) => {
      const at = `clusters[${i}].members[${k}]`;
      const entity = byDoc.get(m.doc)?.get(m.entity);
      if (!entity) {
        issues.push({ path: at, message: `no entity ${m.entity} in document ${m.doc}` });
        return;
      }
      const key = `${m.doc}/${m.entity}`;
      const other = seen.get(key);
      if (other) issues.push({ path: at, message: `${key} is also in cluster ${other}` });
      seen.set(key, c.cluster);
      if (m.name !== entity.name || JSON.stringify(m.aliases) !== JSON.stringify(entity.aliases))
        issues.push({ path: at, message: `${key}: name and aliases differ from the document's` });
    });
  });
  for (const [doc, entities] of byDoc)
    for (const id of entities.keys())
      if (!seen.has(`${doc}/${id}`))
        issues.push({ path: "clusters", message: `${doc}/${id} is in no cluster` });
  return issues;
}
