import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CATALOGUE, PREDICATE_NAMES } from "../../src/model/index.js";
import { reviewClaim } from "../../src/resolve/index.js";
import { buildApp } from "../../src/server/index.js";
import { openWorkspace, type Workspace } from "../../src/store/index.js";
import { CASE, writeServerCase } from "../fixtures/server/case.js";
import { openTestWorkspace } from "../helpers/workspace.js";

let workspace: Workspace;
let app: FastifyInstance;

beforeAll(async () => {
  workspace = await openTestWorkspace("server");
  await writeServerCase(workspace);
  app = await buildApp({
    workspace,
    config: { bodyLimit: 4096, maxUploadBytes: 64 * 1024, analyst: "tester" },
  });
});
afterAll(async () => {
  await app.close();
  await workspace.close();
});

async function get(url: string) {
  const response = await app.inject({ method: "GET", url });
  return { status: response.statusCode, body: response.json(), raw: response };
}

/** Asserts the one error shape and returns its code. */
function errorCode(status: number, body: Record<string, unknown>): string {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(body).toEqual(
    expect.objectContaining({
      statusCode: status,
      code: expect.any(String),
      error: expect.any(String),
      message: expect.any(String),
    }),
  );
  expect(typeof body.details).toBe("object");
  expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+/);
  return body.code as string;
}

async function entityNamed(name: string) {
  const { body } = await get(`/api/entities?q=${encodeURIComponent(name)}`);
  expect(body.total).toBeGreaterThan(0);
  return body.items[0];
}

describe("resources", () => {
  it("serves the vocabulary from the model's tables", async () => {
    const { status, body } = await get("/api/vocabulary");
    expect(status).toBe(200);
    expect(body.predicates.map((p: { name: string }) => p.name)).toEqual(PREDICATE_NAMES);
    expect(body.entityTypes.find((t: { name: string }) => t.name === "Company").colour).toMatch(
      /^#[0-9a-f]{6}$/,
    );
  });

  it("lists sources without their text and returns one with it, by id or prefix", async () => {
    const list = await get("/api/sources");
    expect(list.body.total).toBe(3);
    expect(list.body.items[0]).not.toHaveProperty("text");
    const one = await get(`/api/sources/${CASE.hostile.slice(0, 10)}`);
    expect(one.status).toBe(200);
    expect(one.body.text).toBe(CASE.hostileText);
  });

  it("shows an entity with its list match, explanation, claims grouped by predicate and sources", async () => {
    const halvard = await entityNamed("halvard");
    expect(halvard.sanctioned).toBe(true);
    const { status, body } = await get(`/api/entities/${halvard.id}`);
    expect(status).toBe(200);
    expect(body.entity.names).toContain("Halvard Dynamics LLC");
    const match = body.matches.find(
      (m: { entry: { authorityId: string } }) => m.entry.authorityId === "9800002",
    );
    expect(match.score).toBeGreaterThanOrEqual(0.7);
    expect(Object.keys(match.explanations).length).toBeGreaterThan(0);
    type Group = { predicate: string; total: number; claims: Array<{ id: string }> };
    const ids = body.claimGroups.flatMap((g: Group) => g.claims.map((c) => c.id));
    expect(ids).toEqual(expect.arrayContaining([CASE.supplyClaim, CASE.onwardClaim, CASE.payClaim]));
    expect(body.claimCount).toBe(ids.length);
    const supplies = body.claimGroups.find((g: Group) => g.predicate === "supplies");
    expect(supplies.total).toBe(3);
    expect(body.sources.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([CASE.news, CASE.ledger]),
    );
    expect(body.sourceCount).toBe(body.sources.length);

    // The first of each group, and the rest through /api/claims in the same order.
    const first = await get(`/api/entities/${halvard.id}?claims=1&sources=1`);
    const group = first.body.claimGroups.find((g: Group) => g.predicate === "supplies");
    expect([group.total, group.claims.length, first.body.sources.length]).toEqual([3, 1, 1]);
    const rest = await get(`/api/claims?entity=${halvard.id}&predicate=supplies&offset=1&limit=10`);
    expect(rest.body.total).toBe(3);
    expect([group.claims[0].id, ...rest.body.items.map((c: { id: string }) => c.id)].sort()).toEqual(
      supplies.claims.map((c: { id: string }) => c.id).sort(),
    );
  });

  it("counts dated claims by year and month, and lists those starting in one", async () => {
    const { body } = await get("/api/timeline");
    expect(body).toEqual({
      total: 2,
      years: [
        {
          period: "2024",
          count: 2,
          months: [
            { period: "2024-01", count: 1 },
            { period: "2024-03", count: 1 },
          ],
        },
      ],
    });
    const march = await get("/api/claims?dated=true&startsIn=2024-03");
    expect(march.body.items.map((c: { id: string }) => c.id)).toEqual([CASE.supplyClaim]);
    expect((await get("/api/claims?startsIn=March")).status).toBe(400);
  });

  it("lists what an entity resolves by text, with names and mentions, so a split names parties, not ids", async () => {
    const halvard = await entityNamed("halvard");
    const { status, body } = await get(`/api/entities/${halvard.id}/members`);
    expect(status).toBe(200);
    expect(body.entity).toEqual({ id: halvard.id, caption: halvard.caption });
    expect(body.members.length).toBe(halvard.memberIds.length);
    for (const member of body.members) {
      expect(member.caption).toMatch(/Halvard/);
      expect(member.source.title.length).toBeGreaterThan(0);
      for (const mention of member.mentions) expect(mention.end).toBeGreaterThan(mention.start);
    }
    expect(body.members.flatMap((m: { mentions: unknown[] }) => m.mentions).length).toBeGreaterThan(0);
    expect((await get("/api/entities/ent_missing/members")).status).toBe(404);
  });

  it("filters claims and orders the timeline by date", async () => {
    const dated = await get("/api/claims?dated=true");
    expect(dated.body.items.map((c: { id: string }) => c.id)).toEqual([CASE.payClaim, CASE.supplyClaim]);
    const alleged = await get("/api/claims?certainty=alleged");
    expect(alleged.body.items.map((c: { id: string }) => c.id)).toEqual([CASE.hostileClaim]);
  });

  it("finds exposure paths to sanctioned parties with each hop's quote", async () => {
    const corvid = await entityNamed("corvid");
    const { status, body } = await get(`/api/graph/paths?from=${corvid.id}`);
    expect(status).toBe(200);
    expect(body.result.length).toBeGreaterThan(0);
    const hop = body.result[0].hops[0];
    expect(hop.from).toBe(corvid.id);
    expect(typeof hop.quote).toBe("string");
    const graph = await get("/api/graph");
    expect(graph.body.nodes.length).toBe(3);
  });

  it("searches entities, sources and list entries", async () => {
    const { body } = await get("/api/search?q=ostrava");
    expect(body.entities.length).toBe(1);
    expect(body.sources.map((s: { id: string }) => s.id)).toContain(CASE.news);
    expect(body.listEntries.map((e: { authorityId: string }) => e.authorityId)).toContain("9800001");
  });

  it("pages search hits, saying whether more follow", async () => {
    const first = await get("/api/search?q=corvid&limit=1");
    expect(first.body.sources).toHaveLength(1);
    expect(first.body.more.sources).toBe(true);
    const second = await get("/api/search?q=corvid&limit=1&offset=1");
    expect(second.body.sources[0].id).not.toBe(first.body.sources[0].id);
    const all = await get("/api/search?q=corvid&limit=20");
    expect(all.body.more).toEqual({ entities: false, sources: false, listEntries: false });
    expect(all.body.entityCount).toBe(all.body.entities.length);
  });

  it("serves what the graph viewer draws: communities, a neighbourhood, exposure paths, chosen entities", async () => {
    const halvard = await entityNamed("halvard");
    const overview = (await get("/api/graph/communities")).body.result;
    expect(overview.communities[0]).toEqual(
      expect.objectContaining({ id: "c1", size: 3, sanctioned: expect.any(Number) }),
    );
    const community = (await get("/api/graph/subgraph?community=c1")).body.result;
    expect(community.nodes).toHaveLength(3);
    const around = (await get(`/api/graph/neighbourhood?entity=${halvard.id}&limit=2`)).body.result;
    expect(around.nodes).toHaveLength(2);
    expect(around.truncated).toBe(true);
    expect(around.nodes.find((n: { id: string }) => n.id === halvard.id).hidden).toBe(1);
    const exposure = (await get("/api/graph/exposure")).body.result;
    expect(exposure.pathEdges.length).toBeGreaterThan(0);
    expect(exposure.edges[0]).not.toHaveProperty("denials");
    const bad = await get("/api/graph/subgraph");
    expect(errorCode(bad.status, bad.body)).toBe("GRAPH_BAD_OPTION");
  });
});

describe("decisions through the API", () => {
  it("accepts a claim and shows it at once", async () => {
    const post = await app.inject({
      method: "POST",
      url: "/api/decisions",
      payload: { action: "accept", claim: CASE.supplyClaim, why: "customs records seen" },
    });
    expect(post.statusCode).toBe(201);
    expect(post.json().decision).toEqual(expect.objectContaining({ action: "accept", by: "tester" }));
    const { body } = await get("/api/claims?status=accepted");
    expect(body.items.map((c: { id: string }) => c.id)).toEqual([CASE.supplyClaim]);
  });

  it("dismisses a match and the entity is no longer sanctioned by it", async () => {
    const ostrava = await entityNamed("ostrava");
    const matches = await get(`/api/matches?entity=${ostrava.id}`);
    const id = matches.body.items[0].id;
    expect(matches.body.items[0].decidedBy).toBeNull();
    const post = await app.inject({
      method: "POST",
      url: "/api/decisions",
      payload: { action: "dismiss", match: id },
    });
    expect(post.statusCode).toBe(201);
    const after = await get(`/api/matches?entity=${ostrava.id}`);
    expect(after.body.items[0].decision).toBe("dismissed");
    expect(after.body.items[0].decidedBy).toBe(post.json().decision.by);
    expect((await get(`/api/entities/${ostrava.id}`)).body.entity.sanctioned).toBe(false);
  });

  it("merges two entities, undoes it, and splits one, each shown at once", async () => {
    const count = async () => (await get("/api/entities")).body.total;
    const before = await count();
    const corvid = await entityNamed("corvid");
    const ostrava = await entityNamed("ostrava");
    const merge = await app.inject({
      method: "POST",
      url: "/api/decisions",
      payload: { action: "merge", entities: [corvid.id, ostrava.id], why: "test merge" },
    });
    expect(merge.statusCode).toBe(201);
    expect(await count()).toBe(before - 1);
    const undo = await app.inject({
      method: "POST",
      url: "/api/decisions",
      payload: { action: "undo", decision: merge.json().decision.id },
    });
    expect(undo.statusCode).toBe(201);
    expect(await count()).toBe(before);
    const again = await entityNamed("corvid");
    expect(again.memberIds.length).toBeGreaterThan(1);
    const split = await app.inject({
      method: "POST",
      url: "/api/decisions",
      payload: { action: "split", entity: again.id, mentions: [again.memberIds[0]] },
    });
    expect(split.statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it("shows at once a decision written by another process on the same workspace", async () => {
    const before = await get(`/api/claims/${CASE.payClaim}`);
    expect(before.body.claim.status).not.toBe("rejected");
    const other = await openWorkspace(workspace.path);
    await reviewClaim(other.db, CASE.payClaim, "reject", { by: "someone else", why: "test" });
    await other.close();
    const after = await get(`/api/claims/${CASE.payClaim}`);
    expect(after.body.claim.status).toBe("rejected");
  });

  it("refuses a decision on a claim that does not exist, leaving the log unchanged", async () => {
    const before = (await get("/api/decisions")).body.total;
    const newest = await get("/api/decisions?newestFirst=true&limit=1");
    expect(newest.body.items).toHaveLength(Math.min(1, before));
    if (before > 0) expect(newest.body.items[0].id).toBe(before);
    const post = await app.inject({
      method: "POST",
      url: "/api/decisions",
      payload: { action: "reject", claim: "clm_nope" },
    });
    expect(errorCode(post.statusCode, post.json())).toBe("DECISION_UNKNOWN_CLAIM");
    expect(post.statusCode).toBe(404);
    expect((await get("/api/decisions")).body.total).toBe(before);
  });

  it("says which field an action needs", async () => {
    const post = await app.inject({ method: "POST", url: "/api/decisions", payload: { action: "merge" } });
    expect(errorCode(post.statusCode, post.json())).toBe("SERVER_BAD_REQUEST");
    expect(post.json().details.field).toBe("entities");
  });
});

describe("errors: one JSON shape, never a stack", () => {
  it("malformed JSON is a 400 SERVER_BAD_JSON", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/decisions",
      headers: { "content-type": "application/json" },
      payload: '{"action": "accept", ',
    });
    expect(errorCode(response.statusCode, response.json())).toBe("SERVER_BAD_JSON");
    expect(response.statusCode).toBe(400);
  });

  it("a bad enum value names the part and field", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/decisions",
      payload: { action: "destroy" },
    });
    expect(errorCode(response.statusCode, response.json())).toBe("SERVER_BAD_REQUEST");
    expect(response.json().details).toEqual(expect.objectContaining({ part: "body", field: "action" }));
  });

  it.each([
    ["/api/entities/ent_missing", "SERVER_NOT_FOUND"],
    ["/api/sources/ffffffffffff", "SERVER_NOT_FOUND"],
    ["/api/claims/clm_missing", "SERVER_NOT_FOUND"],
    ["/api/extraction-runs/run_missing", "SERVER_NOT_FOUND"],
    ["/api/graph/ego?entity=ent_missing", "GRAPH_UNKNOWN_ENTITY"],
    ["/api/no-such-route", "SERVER_UNKNOWN_ROUTE"],
    ["/entities/ofac-sdn-0", "SERVER_NOT_FOUND"],
  ])("unknown id %s is a 404 with code %s", async (url, code) => {
    const { status, body } = await get(url);
    expect(status).toBe(404);
    expect(errorCode(status, body)).toBe(code);
  });

  it("a body of an unsupported media type is a 415", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/decisions",
      headers: { "content-type": "application/xml" },
      payload: "<decision action='accept'/>",
    });
    expect(response.statusCode).toBe(415);
    expect(errorCode(response.statusCode, response.json())).toBe("SERVER_UNSUPPORTED_MEDIA");
  });

  it("a body over the limit is a 413", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/decisions",
      payload: { action: "accept", claim: "x", why: "y".repeat(10_000) },
    });
    expect(errorCode(response.statusCode, response.json())).toBe("SERVER_BODY_TOO_LARGE");
    expect(response.statusCode).toBe(413);
  });

  it("every code it reports is in the catalogue", async () => {
    for (const url of ["/api/entities/zz", "/api/no-route", "/api/claims?limit=0"]) {
      const { body } = await get(url);
      expect(Object.keys(ERROR_CATALOGUE)).toContain(body.code);
    }
  });

  it("a server on loopback refuses requests addressed to another host name", async () => {
    const guarded = await buildApp({
      workspace,
      config: { allowedHosts: ["127.0.0.1", "localhost", "[::1]"] },
    });
    const evil = await guarded.inject({
      method: "GET",
      url: "/api/entities",
      headers: { host: "evil.example:8080" },
    });
    const local = await guarded.inject({
      method: "GET",
      url: "/api/entities",
      headers: { host: "127.0.0.1:8080" },
    });
    const ipv6 = await guarded.inject({ method: "GET", url: "/healthz", headers: { host: "[::1]:8080" } });
    await guarded.close();
    expect(errorCode(evil.statusCode, evil.json())).toBe("SERVER_BAD_HOST");
    expect(local.statusCode).toBe(200);
    expect(ipv6.statusCode).toBe(200);
  });

  it("an internal failure gives a generic message and a request id, not the cause", async () => {
    const broken = await buildApp({ workspace, config: { analyst: "tester" } });
    broken.get("/api/explode", async () => {
      throw new Error("secret internal detail");
    });
    const response = await broken.inject({ method: "GET", url: "/api/explode" });
    await broken.close();
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe("SERVER_INTERNAL");
    expect(response.body).not.toContain("secret internal detail");
    expect(response.json().details.requestId).toEqual(expect.any(String));
  });
});

describe("uploads and extraction runs", () => {
  it("uploads a document as bytes and ingests it once", async () => {
    const text = "Kestrel Haulage GmbH leased two lorries to Marten Freight AB in 2023.";
    const first = await app.inject({
      method: "POST",
      url: "/api/sources?filename=lease.txt&publisher=Freight%20Daily",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from(text),
    });
    expect(first.statusCode).toBe(201);
    const again = await app.inject({
      method: "POST",
      url: "/api/sources?filename=lease.txt",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from(text),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe("unchanged");
    const source = await get(`/api/sources/${first.json().sourceId}`);
    expect(source.body.publisher).toBe("Freight Daily");
  });

  it("refuses an upload over the limit and one of an unsupported type", async () => {
    const big = await app.inject({
      method: "POST",
      url: "/api/sources?filename=big.txt",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.alloc(65 * 1024, 97),
    });
    expect(errorCode(big.statusCode, big.json())).toBe("SERVER_BODY_TOO_LARGE");
    const exe = await app.inject({
      method: "POST",
      url: "/api/sources?filename=tool.exe",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from([0x4d, 0x5a, 0, 0, 1, 2, 3, 0, 0, 0]),
    });
    expect(exe.statusCode).toBe(400);
    expect(errorCode(exe.statusCode, exe.json())).toMatch(/^INGEST_/);
  });

  it("runs extraction with progress to the end", async () => {
    const start = await app.inject({
      method: "POST",
      url: "/api/extraction-runs",
      payload: { sources: [CASE.ledger] },
    });
    expect(start.statusCode).toBe(202);
    const id = start.json().id;
    let run = start.json();
    for (let i = 0; i < 600 && run.status !== "done" && run.status !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = (await get(`/api/extraction-runs/${id}`)).body;
    }
    expect(run.status).toBe("done");
    expect(run.done).toBe(run.total);
  });
});

describe("/openapi.json", () => {
  it("documents every API route with its schemas, derived from the model", async () => {
    const { status, body } = await get("/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/entities/{id}",
      "/api/decisions",
      "/match/{dataset}",
      "/api/graph/paths",
      "/api/sources",
    ]) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    const decision = body.paths["/api/decisions"].post;
    expect(decision.requestBody.content["application/json"].schema.properties.action.enum).toContain("merge");
    expect(decision.responses["4XX"]).toBeDefined();
    const claims = body.paths["/api/claims"].get.parameters.find(
      (p: { name: string }) => p.name === "predicate",
    );
    expect(claims.schema.enum).toEqual(PREDICATE_NAMES);
  });
});
