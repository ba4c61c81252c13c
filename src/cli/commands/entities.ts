// skein entities: the case entities (one per real-world party), with their members and mentions in
// --json so an analyst can split or merge them.
import { ensureResolved, readCaseView } from "../../resolve/index.js";
import { readCaseEntities, readDocumentEntities, readMentionRefs } from "../../store/index.js";
import { formatTable, printJson, printResult } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const { view, documents, mentions, stored } = await withExistingWorkspace(options, async ({ db }) => {
    await ensureResolved(db);
    return {
      view: await readCaseView(db),
      documents: await readDocumentEntities(db),
      mentions: await readMentionRefs(db),
      stored: await readCaseEntities(db),
    };
  });
  const joinsOf = new Map(stored.map((e) => [e.id, e.joins]));
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const mentionsOf = new Map<string, typeof mentions>();
  for (const m of mentions)
    if (m.entityId) mentionsOf.set(m.entityId, [...(mentionsOf.get(m.entityId) ?? []), m]);
  const claimCount = new Map<string, number>();
  for (const c of view.claims) {
    claimCount.set(c.subjectId, (claimCount.get(c.subjectId) ?? 0) + 1);
    claimCount.set(c.objectId, (claimCount.get(c.objectId) ?? 0) + 1);
  }
  const entities = [...view.entities].sort(
    (a, b) =>
      Number(b.sanctioned) - Number(a.sanctioned) ||
      (claimCount.get(b.id) ?? 0) - (claimCount.get(a.id) ?? 0),
  );
  if (options.json) {
    printJson(
      entities.map(({ memberIds, ...entity }) => ({
        ...entity,
        claims: claimCount.get(entity.id) ?? 0,
        joins: joinsOf.get(entity.id) ?? [],
        members: memberIds.map((id) => ({
          id,
          source: documentById.get(id)?.sourceId ?? null,
          caption: documentById.get(id)?.caption ?? null,
          type: documentById.get(id)?.type ?? null,
          mentions: (mentionsOf.get(id) ?? []).map((m) => ({
            id: m.id,
            start: m.start,
            end: m.end,
            text: m.text,
          })),
        })),
      })),
    );
    return 0;
  }
  if (entities.length === 0) {
    printResult("no entities yet: run `skein investigate DOCS…` or `skein extract` then `skein resolve`");
    return 0;
  }
  printResult(
    formatTable(
      ["id", "type", "caption", "country", "documents", "claims", "sanctioned"],
      entities.map((e) => [
        e.id,
        e.type,
        e.caption.slice(0, 50),
        e.country,
        new Set(e.memberIds.map((m) => documentById.get(m)?.sourceId)).size,
        claimCount.get(e.id) ?? 0,
        e.listings.map((l) => `${l.authority} ${l.authorityId}`).join(", "),
      ]),
    ),
  );
  return 0;
}
