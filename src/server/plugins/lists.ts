// The loaded list snapshots (authority, list, publish date, entry count): what screening and the
// yente-compatible routes match against.
import type { FastifyInstance } from "fastify";
import { listSnapshots } from "../../lists/index.js";
import { listOf, SNAPSHOT_SCHEMA } from "../schemas.js";

/** The lists plugin. */
export async function listsPlugin(app: FastifyInstance): Promise<void> {
  app.get(
    "/api/lists",
    {
      schema: {
        summary: "The loaded list snapshots, oldest load first",
        tags: ["lists"],
        response: { 200: listOf(SNAPSHOT_SCHEMA) },
      },
    },
    async () => {
      const items = await listSnapshots(app.skein.db);
      return { total: items.length, items };
    },
  );
}
