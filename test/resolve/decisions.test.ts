import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadLists } from "../../src/lists/index.js";
import { sha256 } from "../../src/model/index.js";
import {
  decideMatch,
  ensureResolved,
  findCaseEntity,
  markNotSame,
  mergeEntities,
  readCaseView,
  readMatchesWithDecisions,
  renameEntity,
  reviewClaim,
  runResolution,
  runScreening,
  splitEntity,
  undoDecision,
} from "../../src/resolve/index.js";
import {
  insertSource,
  listDecisions,
  readCaseEntities,
  readMentionRefs,
  type Workspace,
} from "../../src/store/index.js";
import { CASE, claimRow, entityRow, mentionRow, sourceOf, writeCase } from "../fixtures/resolve/case.js";
import { REPO_ROOT } from "../helpers/shared.js";
import { openTestWorkspace } from "../helpers/workspace.js";

const META = { by: "analyst", why: "checked the registry" };
let workspace: Workspace;

beforeEach(async () => {
  workspace = await openTestWorkspace();
  await writeCase(workspace);
  await runResolution(workspace.db);
});
afterEach(async () => {
  await workspace.close();
});

async function entityOf(member: string) {
  return (await findCaseEntity(workspace.db, member)).id;
}

/** Runs `act`, expects it to fail with `code`, and checks that neither the log nor the entities changed. */
async function expectRefused(act: () => Promise<unknown>, code: string) {
  const logBefore = await listDecisions(workspace.db);
  const entitiesBefore = await readCaseEntities(workspace.db);
  await expect(act()).rejects.toMatchObject({ code });
  expect(await listDecisions(workspace.db)).toEqual(logBefore);
  expect(await readCaseEntities(workspace.db)).toEqual(entitiesBefore);
}

describe("resolution of the invented case", () => {
  it("joins the same parties across the two sources and keeps the third apart", async () => {
    expect(await entityOf(CASE.relay1)).toBe(await entityOf(CASE.relay2));
    expect(await entityOf(CASE.wing1)).toBe(await entityOf(CASE.wing2));
    expect(await entityOf(CASE.orlov1)).not.toBe(await entityOf(CASE.relay1));
    const view = await readCaseView(workspace.db);
    expect(view.entities).toHaveLength(3);
    // Both claims now join the same two case entities.
    const ends = view.claims.map((c) => [c.subjectId, c.objectId].sort().join(">"));
    expect(new Set(ends).size).toBe(1);
    expect(view.sources).toHaveLength(2);
    expect(view.sources[0]).not.toHaveProperty("text");
  });
});

describe("keeping resolution current", () => {
  it("re-resolves only when extraction changed the document-level entities", async () => {
    expect(await ensureResolved(workspace.db)).toBeNull();
    await workspace.db
      .insertInto("entities")
      .values({
        id: "ent_late",
        source_id: CASE.s2,
        type: "Company",
        caption: "Orlov Precision",
        names: JSON.stringify(["Orlov Precision"]),
        country: "ru",
        identifiers: "{}",
        properties: "{}",
        producer: "test",
      })
      .execute();
    expect((await ensureResolved(workspace.db))?.documentEntities).toBe(6);
    expect(await entityOf("ent_late")).toBe(await entityOf(CASE.orlov1));
    expect(await ensureResolved(workspace.db)).toBeNull();
  });
});

describe("analyst decisions", () => {
  it("merge joins two entities, undo restores them, and the log keeps both entries", async () => {
    const orlov = await entityOf(CASE.orlov1);
    const relay = await entityOf(CASE.relay1);
    const { decision } = await mergeEntities(workspace.db, orlov, relay, META);
    expect(await entityOf(CASE.orlov1)).toBe(await entityOf(CASE.relay2));
    await undoDecision(workspace.db, decision.id, META);
    expect(await entityOf(CASE.orlov1)).not.toBe(await entityOf(CASE.relay2));
    const log = await listDecisions(workspace.db);
    expect(log.map((d) => d.action)).toEqual(["merge", "undo"]);
    expect(log[0].supersededBy).toBe(log[1].id);
    await expectRefused(() => undoDecision(workspace.db, decision.id, META), "DECISION_ALREADY_UNDONE");
  });

  it("not-same keeps two equal names apart, on every later run", async () => {
    await markNotSame(workspace.db, CASE.relay1, CASE.relay2, META);
    expect(await entityOf(CASE.relay1)).not.toBe(await entityOf(CASE.relay2));
    await runResolution(workspace.db);
    expect(await entityOf(CASE.relay1)).not.toBe(await entityOf(CASE.relay2));
  });

  it("split moves a mention's entity out and keeps the rest", async () => {
    const relay = await entityOf(CASE.relay1);
    await splitEntity(workspace.db, relay, [CASE.mentionRelay2], META);
    expect(await entityOf(CASE.relay2)).not.toBe(await entityOf(CASE.relay1));
    await runResolution(workspace.db);
    expect(await entityOf(CASE.relay2)).not.toBe(await entityOf(CASE.relay1));
  });

  it("split moves one mention of several out of one text's party, with the claims read about it alone; undo gives them back", async () => {
    const text =
      "Velta Trading shipped relays to Kestrel Arms. A firm also called Velta Trading sells boats in Minsk.";
    const sourceId = sha256(text);
    await insertSource(workspace.db, { ...sourceOf(text), id: sourceId });
    const second = text.lastIndexOf("Velta Trading");
    await workspace.db
      .insertInto("entities")
      .values([
        entityRow("ent_velta", sourceId, "Company", ["Velta Trading"], null),
        entityRow("ent_kestrel", sourceId, "Company", ["Kestrel Arms"], null),
        entityRow("ent_minsk", sourceId, "Place", ["Minsk"], null),
      ])
      .execute();
    await workspace.db
      .insertInto("mentions")
      .values([
        mentionRow("men_v1", sourceId, 0, "Velta Trading", "ent_velta"),
        mentionRow("men_v2", sourceId, second, "Velta Trading", "ent_velta"),
        mentionRow("men_k", sourceId, text.indexOf("Kestrel"), "Kestrel Arms", "ent_kestrel"),
        mentionRow("men_m", sourceId, text.indexOf("Minsk"), "Minsk", "ent_minsk"),
      ])
      .execute();
    await workspace.db
      .insertInto("claims")
      .values([
        claimRow(
          "clm_ship",
          sourceId,
          "ent_velta",
          "supplies",
          "ent_kestrel",
          "Velta Trading shipped relays to Kestrel Arms",
          text,
        ),
        claimRow(
          "clm_minsk",
          sourceId,
          "ent_velta",
          "located_in",
          "ent_minsk",
          "Velta Trading sells boats in Minsk",
          text,
        ),
      ])
      .execute();
    await runResolution(workspace.db);
    const velta = await entityOf("ent_velta");

    const { decision } = await splitEntity(workspace.db, velta, ["men_v2"], META);
    const holder = (await readMentionRefs(workspace.db)).find((m) => m.id === "men_v2")?.entityId;
    expect(holder).not.toBe("ent_velta");
    const split = await entityOf(holder!);
    expect(split).not.toBe(await entityOf("ent_velta"));
    const view = await readCaseView(workspace.db);
    const subjectOf = (id: string) => view.claims.find((c) => c.id === id)?.subjectId;
    expect(subjectOf("clm_minsk")).toBe(split);
    expect(subjectOf("clm_ship")).toBe(await entityOf("ent_velta"));
    // Every later run keeps the split.
    await runResolution(workspace.db);
    expect(await entityOf(holder!)).not.toBe(await entityOf("ent_velta"));

    await undoDecision(workspace.db, decision.id, META);
    expect((await readMentionRefs(workspace.db)).find((m) => m.id === "men_v2")?.entityId).toBe("ent_velta");
    const after = await readCaseView(workspace.db);
    expect(after.claims.find((c) => c.id === "clm_minsk")?.subjectId).toBe(await entityOf("ent_velta"));
    expect(
      await workspace.db.selectFrom("entities").select("id").where("id", "=", holder!).execute(),
    ).toEqual([]);
  });

  it("rename gives an entity the caption chosen, through re-resolution, until undone", async () => {
    const relay = await entityOf(CASE.relay1);
    const { decision } = await renameEntity(workspace.db, relay, "Baltic Relay Trading (Kaliningrad)", META);
    await runResolution(workspace.db);
    const renamed = await findCaseEntity(workspace.db, CASE.relay2);
    expect(renamed.caption).toBe("Baltic Relay Trading (Kaliningrad)");
    expect(renamed.names).toContain("Baltic Relay Trading LLC");
    await expectRefused(() => renameEntity(workspace.db, relay, "  ", META), "DECISION_BAD_VALUE");
    await expectRefused(() => renameEntity(workspace.db, relay, "bell\u0007", META), "DECISION_BAD_VALUE");
    await undoDecision(workspace.db, decision.id, META);
    expect((await findCaseEntity(workspace.db, CASE.relay2)).caption).not.toBe(
      "Baltic Relay Trading (Kaliningrad)",
    );
  });

  it("accept and reject set a claim's status, and the status survives re-resolution", async () => {
    await reviewClaim(workspace.db, CASE.claim1, "reject", META);
    await reviewClaim(workspace.db, CASE.claim2, "accept", META);
    await runResolution(workspace.db);
    const view = await readCaseView(workspace.db);
    const status = Object.fromEntries(view.claims.map((c) => [c.id, c.status]));
    expect(status).toEqual({ [CASE.claim1]: "rejected", [CASE.claim2]: "accepted" });
  });

  it("a decision outlives re-extraction: entities rewritten with the same ids are merged again", async () => {
    await mergeEntities(workspace.db, CASE.orlov1, CASE.relay1, META);
    await workspace.db.deleteFrom("entities").where("source_id", "=", CASE.s1).execute();
    await workspace.db.deleteFrom("entities").where("source_id", "=", CASE.s2).execute();
    await workspace.db.deleteFrom("mentions").execute();
    await workspace.db.deleteFrom("claims").execute();
    await workspace.db.deleteFrom("sources").execute();
    await writeCase(workspace);
    await runResolution(workspace.db);
    expect(await entityOf(CASE.orlov1)).toBe(await entityOf(CASE.relay2));
  });

  it("refuses bad decisions with a code and leaves the log and entities unchanged", async () => {
    const relay = await entityOf(CASE.relay1);
    const orlov = await entityOf(CASE.orlov1);
    await expectRefused(
      () => mergeEntities(workspace.db, "case_nonexistent", relay, META),
      "RESOLVE_UNKNOWN_ENTITY",
    );
    await expectRefused(() => mergeEntities(workspace.db, relay, relay, META), "DECISION_SAME_ENTITY");
    await expectRefused(
      () => mergeEntities(workspace.db, CASE.relay1, CASE.relay2, META),
      "DECISION_SAME_ENTITY",
    );
    await expectRefused(
      () => splitEntity(workspace.db, orlov, [CASE.mentionOrlov1], META),
      "DECISION_SPLIT_EMPTY",
    );
    await expectRefused(
      () => splitEntity(workspace.db, relay, [CASE.mentionRelay1, CASE.mentionRelay2], META),
      "DECISION_SPLIT_EMPTY",
    );
    await expectRefused(
      () => splitEntity(workspace.db, relay, [CASE.mentionOrlov1], META),
      "DECISION_MENTION_NOT_IN_ENTITY",
    );
    await expectRefused(
      () => splitEntity(workspace.db, relay, ["men_missing"], META),
      "RESOLVE_UNKNOWN_MENTION",
    );
    await expectRefused(
      () => reviewClaim(workspace.db, "clm_gone", "accept", META),
      "DECISION_UNKNOWN_CLAIM",
    );
    await expectRefused(() => undoDecision(workspace.db, 999, META), "DECISION_UNKNOWN");
    await expectRefused(
      () => mergeEntities(workspace.db, relay, orlov, { by: " ", why: null }),
      "DECISION_BAD_VALUE",
    );
    expect(await listDecisions(workspace.db)).toEqual([]);
  });

  it("reports decisions whose claim or entities re-extraction removed", async () => {
    const { decision: review } = await reviewClaim(workspace.db, CASE.claim1, "reject", META);
    const { decision: merge } = await mergeEntities(workspace.db, CASE.orlov1, CASE.relay1, META);
    expect((await runResolution(workspace.db)).unapplied).toEqual([]);
    await workspace.db.deleteFrom("claims").where("id", "=", CASE.claim1).execute();
    await workspace.db.deleteFrom("entities").where("id", "=", CASE.orlov1).execute();
    expect((await runResolution(workspace.db)).unapplied).toEqual([review.id, merge.id]);
  });

  it("refuses a decision on a claim that re-extraction removed", async () => {
    await workspace.db.deleteFrom("claims").where("id", "=", CASE.claim1).execute();
    await expectRefused(
      () => reviewClaim(workspace.db, CASE.claim1, "reject", META),
      "DECISION_UNKNOWN_CLAIM",
    );
  });
});

describe("screening and match decisions", () => {
  async function screenRelay() {
    await loadLists(workspace.db, [join(REPO_ROOT, "examples/lists/ofac-sdn")]);
    const summary = await runScreening(workspace.db, undefined);
    const relay = await entityOf(CASE.relay1);
    const match = (await readMatchesWithDecisions(workspace.db)).find((m) => m.entityId === relay);
    return { summary, relay, match };
  }

  it("screens case entities and marks the listed ones sanctioned", async () => {
    const { summary, relay, match } = await screenRelay();
    expect(summary.snapshots).toHaveLength(1);
    expect(match?.entry?.authorityId).toBe("9100002");
    const view = await readCaseView(workspace.db);
    const entity = view.entities.find((e) => e.id === relay);
    expect(entity?.sanctioned).toBe(true);
    expect(entity?.listings[0].authorityId).toBe("9100002");
  });

  it("a confirmed match names who confirmed it in the case view", async () => {
    const { relay, match } = await screenRelay();
    await decideMatch(workspace.db, match!.id, "confirm", {
      by: "ana.reviewer",
      why: "same registry number",
    });
    const view = await readCaseView(workspace.db);
    const listing = view.entities.find((e) => e.id === relay)?.listings[0];
    expect(listing).toMatchObject({ decision: "confirmed", decidedBy: "ana.reviewer" });
  });

  it("a dismissed match no longer makes the entity sanctioned, and survives re-resolution and re-screening", async () => {
    const { relay, match } = await screenRelay();
    await decideMatch(workspace.db, match!.id, "dismiss", META);
    await runResolution(workspace.db);
    await runScreening(workspace.db, undefined);
    const view = await readCaseView(workspace.db);
    expect(view.entities.find((e) => e.id === relay)?.sanctioned).toBe(false);
    const again = (await readMatchesWithDecisions(workspace.db)).find((m) => m.entityId === relay);
    expect(again?.decision).toBe("dismissed");
  });

  it("screens nothing when no list is stored", async () => {
    expect(await runScreening(workspace.db, undefined)).toMatchObject({ snapshots: [], matches: 0 });
  });

  it("refuses a decision on an unknown match", async () => {
    await screenRelay();
    await expectRefused(
      () => decideMatch(workspace.db, "match_nonexistent", "confirm", META),
      "DECISION_UNKNOWN_MATCH",
    );
  });
});
