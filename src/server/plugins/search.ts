// One search box across the workspace: case entities by name, sources by title and text (with a
// snippet around the hit), and list entries by name; each kind pages with the same limit and offset and
// says whether more follow.
import type { FastifyInstance } from "fastify";
import { ENTITY_TYPE_NAMES } from "../../model/index.js";
import { listSources, searchListEntries } from "../../store/index.js";
import { objectOf } from "../schemas.js";
import { readCaseIndex } from "./case-data.js";
import { foldText } from "./entities.js";

const str = { type: "string" };
const nstr = { type: ["string", "null"] };

/** Characters of context either side of a source hit. */
const SNIPPET_CONTEXT = 80;

/** The search plugin. */
export async function searchPlugin(app: FastifyInstance): Promise<void> {
  const { db } = app.skein;
  app.get<{ Querystring: { q: string; limit: number; offset: number } }>(
    "/api/search",
    {
      config: { access: "viewer" },
      schema: {
        summary: "Search entities, sources and list entries by text (case and accents ignored)",
        tags: ["search"],
        querystring: objectOf(
          {
            q: { type: "string", minLength: 1, maxLength: 200 },
            limit: { type: "integer", minimum: 1, maximum: 100, default: 20, description: "hits per kind" },
            offset: {
              type: "integer",
              minimum: 0,
              maximum: 10000,
              default: 0,
              description: "hits skipped per kind",
            },
          },
          ["limit", "offset"],
        ),
        response: {
          200: objectOf({
            entities: {
              type: "array",
              items: objectOf({
                id: str,
                caption: str,
                type: { type: "string", enum: ENTITY_TYPE_NAMES },
                country: nstr,
                sanctioned: { type: "boolean" },
              }),
            },
            sources: {
              type: "array",
              items: objectOf({
                id: str,
                title: nstr,
                publisher: nstr,
                published: nstr,
                snippet: str,
                start: { type: "integer" },
              }),
            },
            listEntries: {
              type: "array",
              items: objectOf({ id: str, snapshotId: str, caption: str, schema: str, authorityId: str }),
            },
            entityCount: { type: "integer" },
            more: objectOf({
              entities: { type: "boolean" },
              sources: { type: "boolean" },
              listEntries: { type: "boolean" },
            }),
          }),
        },
      },
    },
    async (request) => {
      const { q, limit, offset } = request.query;
      const needle = foldText(q.trim());
      const index = await readCaseIndex(db);
      const found = index.view.entities.filter((e) => e.names.some((n) => foldText(n).includes(needle)));
      const entities = found.slice(offset, offset + limit);
      // One hit past the page says whether more follow.
      const wanted = offset + limit + 1;
      const sources = [];
      for (const source of await listSources(db)) {
        if (sources.length >= wanted) break;
        // Folding keeps length for Latin text; the offset is a pointer for the viewer, not a citation.
        const at = foldText(source.text).indexOf(needle);
        const inTitle = source.title ? foldText(source.title).includes(needle) : false;
        if (at < 0 && !inTitle) continue;
        const start = Math.max(0, at);
        sources.push({
          id: source.id,
          title: source.title,
          publisher: source.publisher,
          published: source.published,
          snippet: source.text.slice(
            Math.max(0, start - SNIPPET_CONTEXT),
            start + needle.length + SNIPPET_CONTEXT,
          ),
          start,
        });
      }
      const listEntries = await searchListEntries(db, q, wanted);
      return {
        entities,
        sources: sources.slice(offset, offset + limit),
        listEntries: listEntries.slice(offset, offset + limit),
        entityCount: found.length,
        more: {
          entities: found.length > offset + limit,
          sources: sources.length === wanted,
          listEntries: listEntries.length === wanted,
        },
      };
    },
  );
}
