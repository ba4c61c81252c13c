// Snapshots in the workspace: load, load again (unchanged), read back, diff two snapshots of one list.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  diffStoredSnapshots,
  listSnapshots,
  loadLists,
  readListFiles,
  readStoredEntries,
} from "../../src/lists/index.js";
import type { Workspace } from "../../src/store/index.js";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";
import { openTestWorkspace } from "../helpers/workspace.js";
import { errorOf, fixture } from "./helpers.js";

let workspace: Workspace;

beforeEach(async () => {
  workspace = await openTestWorkspace();
});
afterEach(async () => {
  await workspace.close();
});

/** A copy of the fixture OFAC set with one entry removed, one added and one alias changed. */
function editedSet(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "skein-lists-v2-")), "ofac");
  cpSync(fixture("ofac-csv"), dir, { recursive: true });
  const edit = (name: string, change: (lines: string[]) => string[]) => {
    const text = readFileSync(join(dir, name), "latin1").replace(/\u001a$/, "");
    writeFileSync(join(dir, name), `${change(text.split("\r\n")).join("\r\n")}\u001a`, "latin1");
  };
  edit("sdn.csv", (lines) => [
    ...lines.filter((l) => !l.startsWith("9004,")),
    '9005,"NOVAYA VYDUMKA, AO",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
  ]);
  edit("add.csv", (lines) => lines.filter((l) => !l.startsWith("9004,")));
  edit("alt.csv", (lines) =>
    lines.map((l) => l.replace("BELYI ZAYATS TECHNIKA LLC", "BELYI ZAYATS TEKNIKA LLC")),
  );
  return dir;
}

describe("loading lists into the workspace", () => {
  it("stores a snapshot with its entries and reads them back unchanged", async () => {
    const [parsed] = await readListFiles([fixture("ofac-csv")]);
    const [result] = await loadLists(workspace.db, [fixture("ofac-csv")]);
    expect(result.status).toBe("loaded");
    expect(result.snapshot).toMatchObject({
      authority: "ofac",
      list: "sdn",
      format: "ofac-csv",
      entryCount: 4,
      fileSha256: parsed.snapshot.fileSha256,
    });
    const [stored] = await readStoredEntries(workspace.db, [result.snapshot.id]);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...stored.entries].sort(byId)).toEqual([...parsed.entries].sort(byId));
    const snapshots = await listSnapshots(workspace.db);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0].filename).toBe("add.csv+alt.csv+sdn.csv+sdn_comments.csv");
  });

  it("loading the same files again is a no-op that says so", async () => {
    const [first] = await loadLists(workspace.db, [fixture("ofac-csv")]);
    const [again] = await loadLists(workspace.db, [fixture("ofac-csv")]);
    expect(again.status).toBe("unchanged");
    expect(again.snapshot.id).toBe(first.snapshot.id);
    expect(await listSnapshots(workspace.db)).toHaveLength(1);
  });

  it("diffs two snapshots of one list: added, removed, changed with the fields", async () => {
    const [before] = await loadLists(workspace.db, [fixture("ofac-csv")]);
    const [after] = await loadLists(workspace.db, [editedSet()]);
    const diff = await diffStoredSnapshots(workspace.db, before.snapshot.id, after.snapshot.id.slice(0, 10));
    expect(diff.added.map((e) => e.authorityId)).toEqual(["9005"]);
    expect(diff.removed.map((e) => e.authorityId)).toEqual(["9004"]);
    expect(diff.changed.map((c) => [c.authorityId, c.fields.map((f) => f.field)])).toEqual([
      ["9001", ["names"]],
    ]);
    expect(diff.unchangedCount).toBe(2);
    // With no ids, the newest snapshot of each list is read.
    const newest = await readStoredEntries(workspace.db);
    expect(newest.map((n) => n.snapshot.id)).toEqual([after.snapshot.id]);
  });

  it("refuses to diff snapshots of different lists, and unknown ids", async () => {
    const [ofac] = await loadLists(workspace.db, [fixture("ofac-csv")]);
    const [eu] = await loadLists(workspace.db, [fixture("eu-fsf.xml")]);
    expect(
      (await errorOf(() => diffStoredSnapshots(workspace.db, ofac.snapshot.id, eu.snapshot.id))).code,
    ).toBe("LISTS_DIFF_MISMATCH");
    expect((await errorOf(() => diffStoredSnapshots(workspace.db, "snap_nope", eu.snapshot.id))).code).toBe(
      "LISTS_SNAPSHOT_NOT_FOUND",
    );
  });
});

describe.skipIf(!HAS_SHARED)("diffing two real SDN publications", () => {
  it("finds the designations added between December 2023 and May 2024", async () => {
    const [dec] = await loadLists(workspace.db, [sharedPath("data/ofac-sdn-csv-2023-12/sdn.csv")]);
    const [may] = await loadLists(workspace.db, [sharedPath("data/ofac-sdn-csv-2024-05/sdn.csv")]);
    const diff = await diffStoredSnapshots(workspace.db, dec.snapshot.id, may.snapshot.id);
    expect(diff.added.length + diff.changed.length + diff.unchangedCount).toBe(14965);
    expect(diff.removed.length + diff.changed.length + diff.unchangedCount).toBe(13821);
    expect(diff.added.map((e) => e.authorityId)).toContain("45708");
    expect(diff.added.map((e) => e.authorityId)).not.toContain("46431");
    expect(diff.unchangedCount).toBeGreaterThan(10000);
  });
});
