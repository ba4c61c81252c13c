import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadLearnedModel, runExtraction } from "../../src/extract/index.js";
import { DEFAULT_MAX_BYTES, ingestPaths } from "../../src/ingest/index.js";
import {
  countRecords,
  listClaims,
  listMentions,
  setClaimStatus,
  type Workspace,
} from "../../src/store/index.js";
import { REPO_ROOT } from "../helpers/shared.js";
import { openTestWorkspace } from "../helpers/workspace.js";

let workspace: Workspace;
let sourceId: string;

beforeEach(async () => {
  workspace = await openTestWorkspace("extract");
  const [result] = await ingestPaths(
    workspace.db,
    [join(REPO_ROOT, "test/fixtures/extract/designation-notice.txt")],
    { maxBytes: DEFAULT_MAX_BYTES, published: "2024-06-04" },
    undefined,
  );
  sourceId = result.sourceId as string;
});

afterEach(async () => {
  await workspace.close();
});

describe("runExtraction", () => {
  it("stores mentions, entities and claims, and re-runs to the same rows", async () => {
    const first = await runExtraction(workspace.db, undefined, { gazetteer: undefined, learned: undefined });
    expect(first.sources).toBe(1);
    expect(first.claims).toBeGreaterThan(5);
    const counts = await countRecords(workspace.db);
    const claims = await listClaims(workspace.db, { entity: "Gerulaitis" });
    expect(claims.map((c) => `${c.subjectCaption} ${c.predicate} ${c.objectCaption}`)).toContain(
      "Tomas Gerulaitis directs Kavrin Precision Works LLC",
    );
    const mentions = await listMentions(workspace.db, sourceId);
    expect(mentions.every((m) => m.entityId)).toBe(true);

    await runExtraction(workspace.db, [sourceId.slice(0, 10)], { gazetteer: undefined, learned: undefined });
    expect(await countRecords(workspace.db)).toEqual(counts);
  });

  it("keeps a claim an analyst accepted when the source is extracted again", async () => {
    await runExtraction(workspace.db, undefined, { gazetteer: undefined, learned: undefined });
    const [claim] = await listClaims(workspace.db, { predicate: "owns" });
    await setClaimStatus(workspace.db, [claim.id], "accepted");
    const again = await runExtraction(workspace.db, undefined, { gazetteer: undefined, learned: undefined });
    expect(again.kept).toBe(1);
    const after = await listClaims(workspace.db, { predicate: "owns" });
    expect(after.find((c) => c.id === claim.id)?.status).toBe("accepted");
    expect(after.filter((c) => c.id === claim.id)).toHaveLength(1);
  });

  it("stores the learned model's claims with their producer and probability, replacing the rules' output", async () => {
    await runExtraction(workspace.db, undefined, { gazetteer: undefined, learned: undefined });
    const learned = loadLearnedModel(undefined);
    await runExtraction(workspace.db, undefined, { gazetteer: undefined, learned });
    const claims = await listClaims(workspace.db, {});
    expect(claims.some((c) => c.producer.includes("skein-relations-v1"))).toBe(true);
    for (const c of claims) {
      if (c.producer.includes("skein-relations-v1")) expect(c.probability).toBeGreaterThan(0);
      expect(c.probability === null || (c.probability >= 0 && c.probability <= 1)).toBe(true);
    }
    // One extractor's output at a time: the learned run replaced the rules-only claims.
    expect(claims.some((c) => c.probability === null)).toBe(false);
  });

  it("rejects an unknown source id", async () => {
    await expect(
      runExtraction(workspace.db, ["ffffffff"], { gazetteer: undefined, learned: undefined }),
    ).rejects.toMatchObject({
      code: "STORE_NOT_FOUND",
    });
  });
});
