// The yente contract of /match and /reconcile on a small invented FtM export (written here, so these run
// without ../shared): FtM ids, referents, topics, limits, threshold and cutoff, batch limits, errors.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLists } from "../../src/lists/index.js";
import { DEFAULT_ALGORITHM } from "../../src/screen/index.js";
import { buildApp } from "../../src/server/index.js";
import type { Workspace } from "../../src/store/index.js";
import { openTestWorkspace } from "../helpers/workspace.js";

const seen = {
  first_seen: "2022-03-01T09:15:00",
  last_seen: "2025-01-10T08:00:00",
  last_change: "2024-06-01T12:00:00",
};
/** Invented entities: two people, two companies, a sanction, an address and an ownership. */
const ENTITIES = [
  {
    id: "NK-inv-petrov",
    caption: "Boris Ilyich PETROVSKY",
    schema: "Person",
    properties: {
      name: ["Boris Ilyich PETROVSKY", "Борис Ильич Петровский"],
      birthDate: ["1961-04-02"],
      nationality: ["ru"],
      innCode: ["770100000017"],
      topics: ["sanction"],
      addressEntity: ["addr-inv-1"],
    },
    referents: ["ofac-990001", "gb-hmt-990001"],
    target: true,
    ...seen,
  },
  {
    id: "NK-inv-petrova",
    caption: "Borislava PETROVSKAYA",
    schema: "Person",
    properties: { name: ["Borislava PETROVSKAYA"], birthDate: ["1990"], topics: ["role.rca"] },
    referents: [],
    target: true,
    ...seen,
  },
  {
    id: "NK-inv-kestrel",
    caption: "Kestrel Avionics LLC",
    schema: "Company",
    properties: {
      name: ["Kestrel Avionics LLC", "OOO Kestrel Avionika"],
      jurisdiction: ["ru"],
      ogrnCode: ["1027700000012"],
      topics: ["sanction", "export.control"],
    },
    referents: ["ua-nsdc-990002"],
    target: true,
    ...seen,
  },
  {
    id: "NK-inv-kestrelmar",
    caption: "Kestrel Marine Ltd",
    schema: "Company",
    properties: { name: ["Kestrel Marine Ltd"], jurisdiction: ["cy"], topics: ["sanction"] },
    referents: [],
    target: true,
    ...seen,
  },
  {
    id: "san-inv-1",
    caption: "Sanction",
    schema: "Sanction",
    properties: { entity: ["NK-inv-petrov"], program: ["Invented programme"] },
    target: false,
  },
  {
    id: "addr-inv-1",
    caption: "12 Invented Embankment, Moscow",
    schema: "Address",
    properties: { full: ["12 Invented Embankment, Moscow"], country: ["ru"] },
    target: false,
  },
  {
    id: "own-inv-1",
    caption: "Ownership",
    schema: "Ownership",
    properties: { owner: ["NK-inv-petrov"], asset: ["NK-inv-kestrel"] },
    target: false,
  },
];

describe("the yente contract on an invented FtM export", () => {
  let workspace: Workspace;
  let app: FastifyInstance;

  beforeAll(async () => {
    const folder = join(mkdtempSync(join(tmpdir(), "skein-yente-")), "invented_list");
    mkdirSync(folder);
    writeFileSync(join(folder, "entities.ftm.json"), ENTITIES.map((e) => JSON.stringify(e)).join("\n"));
    workspace = await openTestWorkspace("yente-contract");
    await loadLists(workspace.db, [join(folder, "entities.ftm.json")]);
    app = await buildApp({ workspace, config: {} });
  });
  afterAll(async () => {
    await app?.close();
    await workspace?.close();
  });

  const match = (queries: object, qs = "", extra: object = {}) =>
    app.inject({ method: "POST", url: `/match/invented_list${qs}`, payload: { queries, ...extra } });
  const PETROVSKY = {
    schema: "Person",
    properties: { name: ["Boris Petrovsky"], country: "Russian Federation" },
  };

  it("answers with the FtM record: id, FtM property names, referents, ISO times, the list as dataset", async () => {
    const response = await match({ q: PETROVSKY });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["x-batch-size"]).toBe("1");
    const { results, query, total } = response.json().responses.q;
    expect(query).toEqual({
      id: null,
      schema: "Person",
      properties: { name: ["Boris Petrovsky"], country: ["ru"] },
    });
    expect(results[0]).toMatchObject({
      id: "NK-inv-petrov",
      caption: "Boris Ilyich PETROVSKY",
      datasets: ["invented_list"],
      referents: ["ofac-990001", "gb-hmt-990001"],
      target: true,
      first_seen: "2022-03-01T09:15:00",
      last_change: "2024-06-01T12:00:00",
      match: true,
    });
    expect(results[0].properties.innCode).toEqual(["770100000017"]);
    expect(total).toEqual({ value: results.length, relation: "eq" });
    // A person query never returns a company.
    expect(results.every((r: { schema: string }) => r.schema === "Person")).toBe(true);
  });

  it("applies topics, exclude_schema, changed_since and exclude_entity_ids by id or referent", async () => {
    const ids = async (qs: string, q: object = PETROVSKY) =>
      (await match({ q }, qs)).json().responses.q.results.map((r: { id: string }) => r.id);
    expect(await ids("?topics=sanction")).toContain("NK-inv-petrov");
    expect(await ids("?topics=crime.cyber")).toEqual([]);
    expect(await ids("?exclude_entity_ids=gb-hmt-990001")).not.toContain("NK-inv-petrov");
    expect(await ids("?exclude_entity_ids=NK-inv-petrov")).not.toContain("NK-inv-petrov");
    expect(await ids("?changed_since=2024-07-01")).toEqual([]);
    expect(await ids("?changed_since=2024-05-01")).toContain("NK-inv-petrov");
    const kestrel = { schema: "LegalEntity", properties: { name: ["Kestrel Avionics"] } };
    expect(await ids("", kestrel)).toContain("NK-inv-kestrel");
    expect(await ids("?exclude_schema=Company", kestrel)).toEqual([]);
  });

  it("returns results at or above the cutoff, which defaults to the threshold; match marks the threshold", async () => {
    const kestrel = { schema: "Company", properties: { name: ["Kestrel"] } };
    const strict = (await match({ q: kestrel })).json().responses.q.results;
    const wide = (await match({ q: kestrel }, "?threshold=0.95&cutoff=0.1")).json().responses.q.results;
    expect(wide.length).toBeGreaterThan(strict.length);
    for (const r of wide) {
      expect(r.score).toBeGreaterThanOrEqual(0.1);
      expect(r.match).toBe(r.score >= 0.95);
    }
    for (const r of strict) expect(r.score).toBeGreaterThanOrEqual(0.7);
    const one = (await match({ q: kestrel }, "?threshold=0.1&limit=1")).json();
    expect(one.limit).toBe(1);
    expect(one.responses.q.results).toHaveLength(1);
  });

  it("refuses what yente refuses, with its status codes and `detail`", async () => {
    expect((await match({ q: PETROVSKY }, "?limit=501")).statusCode).toBe(422);
    expect((await match({ q: { properties: { name: "x" } } })).statusCode).toBe(422);
    const compny = await match({ q: { schema: "Compny", properties: { name: "x" } } });
    expect(compny.statusCode).toBe(400);
    expect(compny.json().detail).toBe("Cannot parse example entity: invalid schema: Compny");
    expect((await match({ q: { schema: "Address", properties: { full: "x" } } })).statusCode).toBe(400);
    const batch = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, PETROVSKY]));
    const tooMany = await match(batch);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().detail).toBe("Too many queries in one batch (limit: 100)");
    const option = await match({ q: PETROVSKY }, "", { config: { no_such_option: 1 } });
    expect(option.statusCode).toBe(400);
    expect(option.json().detail).toBe(
      `Invalid configuration parameter: no_such_option for algorithm ${DEFAULT_ALGORITHM}`,
    );
    const unknown = await app.inject({
      method: "POST",
      url: "/match/nowhere",
      payload: { queries: { q: PETROVSKY } },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("reconciles a form-encoded batch and refuses malformed JSON with a message", async () => {
    const post = (payload: string) =>
      app.inject({
        method: "POST",
        url: "/reconcile/invented_list",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload,
      });
    const queries = {
      q0: { query: "Kestrel Avionika", type: "Company", properties: [{ pid: "jurisdiction", v: "Russia" }] },
    };
    const ok = await post(`queries=${encodeURIComponent(JSON.stringify(queries))}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().q0.result[0]).toMatchObject({
      id: "NK-inv-kestrel",
      name: "Kestrel Avionics LLC",
      match: true,
    });
    const bad = await post(`queries=${encodeURIComponent('{"q0": {"query": ')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "SERVER_BAD_REQUEST", details: { field: "queries" } });
    expect(bad.json().message).toMatch(/^Cannot decode the "queries" field: it must be JSON/);
  });
});
