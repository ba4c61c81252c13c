// entities.ftm.json: the case as FollowTheMoney entities, one JSON object per line, loadable by
// Aleph, yente and @opensanctions/followthemoney: entities, sources as Documents, links as FtM edge
// schemata, list entries as Sanctions, and Documentation tying each source to what it supports
// (FtM data model, followthemoney.tech/explorer).
import followthemoney from "@opensanctions/followthemoney";
import type { NodeData, SourceRef } from "../../graph/index.js";
import { ENTITY_TYPES, PREDICATES, type Predicate } from "../../model/index.js";
import { safeUrl } from "../escape.js";
import type { Link } from "../investigation.js";
import type { ExportFormat, ExportWriter, ReportRecord } from "../writer.js";

const model = new followthemoney.Model(followthemoney.defaultModel);

/** FtM's Thing is abstract; a product (a drone model, a component) is written as an Asset. */
const PRODUCT_SCHEMA = "Asset";

/** Predicates whose FtM edge runs the other way: "A employs B" is FtM's "B works for A". */
const REVERSED: ReadonlySet<Predicate> = new Set<Predicate>(["employs"]);

/** Identifier kinds and the FtM property that holds them, when the schema has it. */
const IDENTIFIER_PROPERTIES: Record<string, string> = {
  inn: "innCode",
  ogrn: "ogrnCode",
  imo: "imoNumber",
  registration: "registrationNumber",
  passport: "passportNumber",
  lei: "leiCode",
  swift: "swiftBic",
  tax: "taxNumber",
};

type Properties = Record<string, string[]>;

const NON_BLANK = /\S/;

/** An FtM-valid id (letters, digits, dots and dashes, FtM's entity id type) from a Skein id. */
export function ftmId(...parts: string[]): string {
  return parts
    .map((p) => p.replace(/[^0-9a-zA-Z.-]+/g, "-").replace(/^[^0-9a-zA-Z]+|[^0-9a-zA-Z]+$/g, ""))
    .join(".");
}

/** The FtM schema an entity type is written as. */
export function ftmSchemaOf(type: NodeData["type"]): string {
  const name = ENTITY_TYPES[type].ftm;
  return model.getSchema(name).abstract ? PRODUCT_SCHEMA : name;
}

// The FtM model walks schema inheritance on every lookup; exports ask the same few questions millions of times.
const fitsMemo = new Map<string, boolean>();

/**
 * True when schema `target` has `property` and, given an entity type, that type's FtM schema fits the
 * property's range (a Person fits Employment's employee, a Company does not).
 */
function fitsRange(target: string, property: string, type: NodeData["type"] | null): boolean {
  const key = `${target}|${property}|${type}`;
  let fits = fitsMemo.get(key);
  if (fits === undefined) {
    const schema = model.getSchema(target);
    fits =
      schema.hasProperty(property) &&
      (type === null || model.getSchema(ftmSchemaOf(type)).isA(schema.getProperty(property).getRange()));
    fitsMemo.set(key, fits);
  }
  return fits;
}

/** The entities.ftm.json format. */
export const ftmJson: ExportFormat = {
  name: "ftm",
  filename: "entities.ftm.json",
  description:
    "FollowTheMoney entities (JSON lines): parties, sources as Documents, links as Ownership, Directorship, Employment, Payment, Representation, Membership or UnknownLink, list entries as Sanctions, and Documentation.",
  create(investigation, sink): ExportWriter {
    const network = investigation.network;
    // Entities already documented by each source (no string built per pair).
    const documented = new Map<string, Set<string>>();
    // One line per entity, written directly: these files reach millions of lines on large cases.
    const emit = (id: string, schema: string, properties: Properties) => {
      let body = "";
      for (const name in properties) {
        const values = properties[name];
        let list = "";
        let seen: Set<string> | null = null;
        for (const value of values) {
          if (!NON_BLANK.test(value)) continue;
          if (list !== "") {
            seen ??= new Set(values.slice(0, values.indexOf(value)));
            if (seen.has(value)) continue;
            seen.add(value);
            list += ",";
          }
          list += JSON.stringify(value);
        }
        if (list !== "") body += `${body === "" ? "" : ","}${JSON.stringify(name)}:[${list}]`;
      }
      sink.write(`{"id":${JSON.stringify(id)},"schema":"${schema}","properties":{${body}}}\n`);
    };
    // Ids are cleaned once per entity and source, not once per line that mentions them.
    const ids = new Map<string, string>();
    const idOf = (entityId: string) => {
      let id = ids.get(entityId);
      if (id === undefined) {
        id = ftmId(entityId);
        ids.set(entityId, id);
      }
      return id;
    };
    const documentId = (sourceId: string) => idOf(`doc ${sourceId}`);
    const writeEntity = (e: NodeData) => {
      const schemaName = ftmSchemaOf(e.type);
      const schema = model.getSchema(schemaName);
      const properties: Properties = {
        name: [e.caption],
        alias: e.names.filter((n) => n !== e.caption),
        country: e.country ? [e.country] : [],
      };
      if (schemaName === "Address") properties.full = [e.caption];
      if (e.sanctioned) properties.topics = ["sanction"];
      for (const [kind, values] of Object.entries(e.identifiers)) {
        const property = IDENTIFIER_PROPERTIES[kind];
        if (property && schema.hasProperty(property)) properties[property] = values;
      }
      emit(idOf(e.id), schemaName, properties);
      for (const l of e.listings) {
        if (l.decision === "dismissed") continue;
        emit(ftmId(e.id, "sanction", l.entryId), "Sanction", {
          entity: [idOf(e.id)],
          authority: [`${l.authority.toUpperCase()} ${l.list}`],
          authorityId: [l.authorityId],
          program: l.programs,
          listingDate: l.listingDate ? [l.listingDate] : [],
          summary: [
            `match score ${l.score.toFixed(2)}${l.decision ? `, ${l.decision} by ${l.decidedBy}` : ""}`,
          ],
        });
      }
    };
    const writeLink = (link: Link) => {
      const d = link.data;
      if (d.claimCount === 0) return;
      const sources = [...new Set(d.evidence.map((e) => e.sourceId))];
      const common: Properties = {
        summary: [d.evidence[0].quote],
        description: [
          `${PREDICATES[d.predicate].label}: ${d.claimCount} claim(s), ${d.sourceCount} independent source(s), strongest certainty ${d.certainty}${products(link)}`,
        ],
        startDate: d.period ? [d.period.start] : [],
        endDate: d.period ? [d.period.end] : [],
        proof: sources.map(documentId),
      };
      const subject = idOf(link.subjectId);
      const object = idOf(link.objectId);
      const id = `${subject}.${d.predicate.replace("_", "-")}.${object}`;
      const target = PREDICATES[d.predicate].ftm;
      if (target === "Sanction") {
        emit(id, "Sanction", {
          ...common,
          entity: [subject],
          authority: [network.getNodeAttribute(link.objectId, "caption")],
        });
      } else {
        const edge = model.getSchema(target).edge!;
        const [from, to] = REVERSED.has(d.predicate)
          ? [link.objectId, link.subjectId]
          : [link.subjectId, link.objectId];
        const fits = (property: string, entityId: string) =>
          fitsRange(target, property, network.getNodeAttribute(entityId, "type"));
        const role: Properties = fitsRange(target, "role", null)
          ? { role: [PREDICATES[d.predicate].label] }
          : {};
        if (fits(edge.source, from) && fits(edge.target, to)) {
          const money: Properties =
            target === "Payment"
              ? {
                  amount: d.evidence.flatMap((e) => (e.amount ? [String(e.amount.value)] : [])),
                  currency: d.evidence.flatMap((e) => (e.amount ? [e.amount.currency] : [])),
                }
              : {};
          emit(id, target, {
            ...common,
            ...role,
            ...money,
            [edge.source]: [idOf(from)],
            [edge.target]: [idOf(to)],
          });
        } else {
          // The parties do not fit the FtM edge (a place that "owns", a company "employed"): keep the link.
          emit(id, "UnknownLink", {
            ...common,
            role: [PREDICATES[d.predicate].label],
            subject: [subject],
            object: [object],
          });
        }
      }
      for (const e of d.evidence) {
        let seen = documented.get(e.sourceId);
        if (!seen) {
          seen = new Set();
          documented.set(e.sourceId, seen);
        }
        for (const entityId of [link.subjectId, link.objectId]) {
          if (seen.has(entityId)) continue;
          seen.add(entityId);
          // The most frequent line, written from a template: FtM ids need no JSON escaping.
          const document = documentId(e.sourceId);
          const entity = idOf(entityId);
          sink.write(
            `{"id":"${document}.${entity}","schema":"Documentation","properties":{"document":["${document}"],"entity":["${entity}"],"role":["evidence"]}}\n`,
          );
        }
      }
    };
    const products = (link: Link) => {
      const names = [
        ...new Set(
          link.data.evidence.flatMap((e) =>
            e.productId && network.hasNode(e.productId)
              ? [network.getNodeAttribute(e.productId, "caption")]
              : [],
          ),
        ),
      ];
      return names.length > 0 ? `; products: ${names.join(", ")}` : "";
    };
    const writeSource = (s: SourceRef) => {
      emit(documentId(s.id), "Document", {
        title: [s.title ?? s.filename ?? s.id],
        fileName: s.filename ? [s.filename] : [],
        publisher: s.publisher ? [s.publisher] : [],
        publishedAt: s.published ? [s.published] : [],
        sourceUrl: safeUrl(s.url) ? [s.url!] : [],
      });
    };
    return {
      write(record: ReportRecord) {
        if (record.kind === "source") writeSource(record.source);
        else if (record.kind === "entity") writeEntity(record.entity);
        else if (record.kind === "link") writeLink(record.link);
      },
      finish() {},
    };
  },
};
