// Sources: list, read one (with its text, for the evidence viewer) and upload a document (raw bytes,
// bounded by the upload limit) through the ingest stage.
import type { FastifyInstance } from "fastify";
import { recordAudit } from "../../auth/index.js";
import { ingestPaths } from "../../ingest/index.js";
import {
  RELIABILITY_NAMES,
  type Reliability,
  SkeinError,
  SOURCE_KIND_NAMES,
  type Source,
  type SourceKind,
} from "../../model/index.js";
import { findSource, findSourcesByPrefix, listSources } from "../../store/index.js";
import { principalOf } from "../access.js";
import {
  ID_PARAMS,
  listOf,
  objectOf,
  PAGE_QUERY_PROPERTIES,
  SOURCE_SCHEMA,
  SOURCE_SUMMARY_SCHEMA,
} from "../schemas.js";
import { safeName, withUploadedFile } from "../uploads.js";

/** A source without its text, plus the text's length. */
export function summariseSource({ text, pageStarts, ...meta }: Source) {
  return { ...meta, length: text.length };
}

/** The source an id or unique id prefix names; SERVER_NOT_FOUND otherwise. */
export async function findSourceByRef(app: FastifyInstance, ref: string): Promise<Source> {
  const exact = await findSource(app.skein.db, ref);
  if (exact) return exact;
  const found = ref.length >= 4 ? await findSourcesByPrefix(app.skein.db, ref) : [];
  if (found.length === 1) return found[0];
  throw new SkeinError(
    "SERVER_NOT_FOUND",
    found.length > 1
      ? `source id prefix "${ref}" names several sources; give more of the id`
      : `no source with id "${ref}"`,
    { field: "id", received: ref },
  );
}

const UPLOAD_QUERY = objectOf(
  {
    filename: {
      type: "string",
      minLength: 1,
      maxLength: 200,
      description: "the file's name; its extension picks the reader (.txt, .md, .html, .pdf, .json, .jsonl)",
    },
    title: { type: "string", maxLength: 500 },
    publisher: { type: "string", maxLength: 200 },
    published: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "YYYY-MM-DD" },
    url: { type: "string", maxLength: 2000 },
    kind: { type: "string", enum: SOURCE_KIND_NAMES },
    reliability: { type: "string", enum: RELIABILITY_NAMES },
  },
  ["title", "publisher", "published", "url", "kind", "reliability"],
);

const UPLOAD_RESULT = objectOf({
  status: { type: "string", enum: ["ingested", "unchanged"] },
  sourceId: { type: "string" },
  title: { type: ["string", "null"] },
  entities: { type: "integer" },
  warnings: { type: "array", items: { type: "string" } },
});

/** The sources plugin. */
export async function sourcesPlugin(app: FastifyInstance): Promise<void> {
  const { db, config } = app.skein;

  app.get<{ Querystring: { limit: number; offset: number } }>(
    "/api/sources",
    {
      config: { access: "viewer" },
      schema: {
        summary: "List sources (metadata, no text)",
        tags: ["sources"],
        querystring: objectOf(PAGE_QUERY_PROPERTIES, Object.keys(PAGE_QUERY_PROPERTIES)),
        response: { 200: listOf(SOURCE_SUMMARY_SCHEMA) },
      },
    },
    async (request) => {
      const all = await listSources(db);
      const { limit, offset } = request.query;
      return { total: all.length, items: all.slice(offset, offset + limit).map(summariseSource) };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/sources/:id",
    {
      config: { access: "viewer" },
      schema: {
        summary: "One source with its full text (id or unique prefix)",
        tags: ["sources"],
        params: ID_PARAMS,
        response: { 200: SOURCE_SCHEMA },
      },
    },
    async (request) => findSourceByRef(app, request.params.id),
  );

  app.post<{
    Querystring: {
      filename: string;
      title?: string;
      publisher?: string;
      published?: string;
      url?: string;
      kind?: SourceKind;
      reliability?: Reliability;
    };
    Body: Buffer;
  }>(
    "/api/sources",
    {
      config: { access: "analyst" },
      bodyLimit: config.maxUploadBytes,
      schema: {
        summary: "Upload one document (its raw bytes as application/octet-stream) and ingest it",
        tags: ["sources"],
        querystring: UPLOAD_QUERY,
        // The body is the document's bytes: documented in /openapi.json, not validated as JSON.
        consumes: ["application/octet-stream"],
        response: { 201: UPLOAD_RESULT, 200: UPLOAD_RESULT },
      },
    },
    async (request, reply) => {
      const { filename, ...meta } = request.query;
      const by = principalOf(request).label;
      const result = await withUploadedFile(request.body, filename, async (file) => {
        const [ingested] = await ingestPaths(
          db,
          [file],
          { ...meta, maxBytes: config.maxUploadBytes, by },
          undefined,
        );
        return ingested;
      });
      if (result.status === "failed" || !result.sourceId) {
        throw (
          result.error ??
          new SkeinError("INGEST_EMPTY", `upload: ${filename} gave no source`, { file: filename })
        );
      }
      await recordAudit(db, {
        actor: by,
        action: "upload",
        target: result.sourceId,
        detail: { filename: safeName(filename), status: result.status },
      });
      reply.status(result.status === "ingested" ? 201 : 200);
      return {
        status: result.status,
        sourceId: result.sourceId,
        title: result.title,
        entities: result.entities,
        warnings: result.warnings,
      };
    },
  );
}
