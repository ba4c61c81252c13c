// `lists update` against a local HTTP server on 127.0.0.1 serving list files (fixtures, and the real
// files of ../shared/data when present): download, verify, load; failures store nothing.
import { createReadStream, existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ListSource, listSnapshots, updateLists } from "../../src/lists/index.js";
import type { Workspace } from "../../src/store/index.js";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";
import { openTestWorkspace } from "../helpers/workspace.js";
import { errorOf, fixture } from "./helpers.js";

/** What the mirror serves: `/<authority>/<name>` → a local file (or a status for failures). */
const ROUTES: Record<string, string | number> = {
  "/ofac/sdn.csv": fixture("ofac-csv/sdn.csv"),
  "/ofac/add.csv": fixture("ofac-csv/add.csv"),
  "/ofac/alt.csv": fixture("ofac-csv/alt.csv"),
  "/ofac/sdn_comments.csv": fixture("ofac-csv/sdn_comments.csv"),
  "/eu/xmlFullSanctionsList_1_1.xml": fixture("eu-fsf.xml"),
  "/shared/ofac/sdn.csv": sharedPath("data/ofac-sdn-csv-2023-12/sdn.csv"),
  "/shared/ofac/add.csv": sharedPath("data/ofac-sdn-csv-2023-12/add.csv"),
  "/shared/ofac/alt.csv": sharedPath("data/ofac-sdn-csv-2023-12/alt.csv"),
  "/shared/ofac/sdn_comments.csv": sharedPath("data/ofac-sdn-csv-2023-12/sdn_comments.csv"),
  "/shared/un/consolidated.xml": sharedPath("data/un-sc-consolidated/UN_consolidated.xml"),
  "/shared/uk/ConList.xlsx": sharedPath("data/uk-ofsi-conlist-2025-04/UK_Sanctions_List.xlsx"),
  "/broken/un/consolidated.xml": 404,
  "/empty/un/consolidated.xml": 200,
  "/garbage/un/consolidated.xml": fixture("eu-fsf.csv"),
};

let server: Server;
let base: string;
let workspace: Workspace;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const route = ROUTES[request.url ?? ""];
    requested.push(request.url ?? "");
    if (typeof route === "number") {
      response.writeHead(route).end();
    } else if (route && existsSync(route)) {
      response.writeHead(200, { "content-type": "application/octet-stream" });
      createReadStream(route).pipe(response);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  workspace = await openTestWorkspace();
  requested.length = 0;
});
afterEach(async () => {
  await workspace.close();
});

describe("lists update from a mirror", () => {
  it("downloads, verifies and loads the chosen authorities; a second run finds them unchanged", async () => {
    const results = await updateLists(workspace.db, { baseUrl: base, only: ["ofac", "eu"] });
    expect(results.map((r) => [r.authority, r.lists.map((l) => l.status)])).toEqual([
      ["ofac", ["loaded"]],
      ["eu", ["loaded"]],
    ]);
    expect(requested).toEqual([
      "/ofac/sdn.csv",
      "/ofac/add.csv",
      "/ofac/alt.csv",
      "/ofac/sdn_comments.csv",
      "/eu/xmlFullSanctionsList_1_1.xml",
    ]);
    expect(results[0].files.every((f) => f.bytes > 0)).toBe(true);
    expect(results[0].lists[0].snapshot.entryCount).toBe(4);
    const again = await updateLists(workspace.db, { baseUrl: `${base}/`, only: ["ofac"] });
    expect(again[0].lists[0].status).toBe("unchanged");
    expect(await listSnapshots(workspace.db)).toHaveLength(2);
  });

  it("an HTTP error, an empty file or a file that does not parse stores nothing", async () => {
    for (const [prefix, code] of [
      ["broken", "LISTS_DOWNLOAD_FAILED"],
      ["empty", "LISTS_DOWNLOAD_FAILED"],
      ["garbage", "LISTS_WRONG_FORMAT"],
    ]) {
      const error = await errorOf(() =>
        updateLists(workspace.db, { baseUrl: `${base}/${prefix}`, only: ["un"] }),
      );
      expect(error.code).toBe(code);
    }
    expect((await errorOf(() => updateLists(workspace.db, { only: ["xx"] }))).code).toBe(
      "LISTS_UNKNOWN_FORMAT",
    );
    expect(await listSnapshots(workspace.db)).toEqual([]);
  });

  it("takes other sources in place of the official ones", async () => {
    const sources: ListSource[] = [
      {
        authority: "eu",
        format: "eu-fsf-xml",
        files: [{ name: "eu.xml", url: `${base}/eu/xmlFullSanctionsList_1_1.xml` }],
      },
    ];
    const [result] = await updateLists(workspace.db, { sources });
    expect(result.lists[0].snapshot).toMatchObject({ authority: "eu", list: "fsf", entryCount: 2 });
  });

  it.skipIf(!HAS_SHARED)("loads the real OFAC, UN and UK files served from ../shared/data", async () => {
    const results = await updateLists(workspace.db, {
      baseUrl: `${base}/shared`,
      only: ["ofac", "un", "uk"],
    });
    expect(results.map((r) => [r.authority, r.lists[0].snapshot.entryCount])).toEqual([
      ["ofac", 13821],
      ["un", 1003],
      ["uk", 4686],
    ]);
  });
});
