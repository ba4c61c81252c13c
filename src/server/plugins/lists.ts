// The loaded list snapshots (authority, list, publish date, entry count, who loaded it): what screening and
// the yente-compatible routes match against; admins load a list file by uploading it.
import type { FastifyInstance } from "fastify";
import { recordAudit } from "../../auth/index.js";
import { LIST_FORMATS, listSnapshots, loadLists } from "../../lists/index.js";
import { SkeinError } from "../../model/index.js";
import { principalOf } from "../access.js";
import { listOf, objectOf, SNAPSHOT_SCHEMA } from "../schemas.js";
import { withUploadedFile } from "../uploads.js";

/** The lists plugin. */
export async function listsPlugin(app: FastifyInstance): Promise<void> {
  const { db, config } = app.skein;
  app.get(
    "/api/lists",
    {
      config: { access: "viewer" },
      schema: {
        summary: "The loaded list snapshots, oldest load first",
        tags: ["lists"],
        response: { 200: listOf(SNAPSHOT_SCHEMA) },
      },
    },
    async () => {
      const items = await listSnapshots(db);
      return { total: items.length, items };
    },
  );

  app.post<{ Querystring: { filename: string; format?: string }; Body: Buffer }>(
    "/api/lists",
    {
      config: { access: "admin" },
      bodyLimit: config.maxUploadBytes,
      schema: {
        summary: "Load one official list file (its raw bytes as application/octet-stream) as a snapshot",
        tags: ["lists"],
        querystring: objectOf(
          {
            filename: {
              type: "string",
              minLength: 1,
              maxLength: 200,
              description: "the file's name as published",
            },
            format: { type: "string", enum: LIST_FORMATS.map((f) => f.name), description: "skip detection" },
          },
          ["format"],
        ),
        consumes: ["application/octet-stream"],
        response: {
          201: objectOf({
            status: { type: "string", enum: ["loaded", "unchanged"] },
            snapshot: SNAPSHOT_SCHEMA,
          }),
          200: objectOf({
            status: { type: "string", enum: ["loaded", "unchanged"] },
            snapshot: SNAPSHOT_SCHEMA,
          }),
        },
      },
    },
    async (request, reply) => {
      const { filename, format } = request.query;
      const by = principalOf(request).label;
      const results = await withUploadedFile(request.body, filename, (file) =>
        loadLists(db, [file], { format, by }),
      );
      const [result] = results;
      if (!result) {
        throw new SkeinError("LISTS_EMPTY", `upload: ${filename} held no list`, { file: filename });
      }
      await recordAudit(db, {
        actor: by,
        action: "list_load",
        target: result.snapshot.id,
        detail: {
          filename,
          status: result.status,
          authority: result.snapshot.authority,
          list: result.snapshot.list,
        },
      });
      reply.status(result.status === "loaded" ? 201 : 200);
      return { status: result.status, snapshot: { ...result.snapshot, filename } };
    },
  );
}
