// OpenRefine reconciliation at /reconcile/{dataset}: yente's tests/test_reconcile.py on its zala fixture,
// and requests shaped as OpenRefine sends them (form-encoded `queries=` and `extend=` JSON), bad ones too.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workspace } from "../../src/store/index.js";
import { HAS_SHARED } from "../helpers/shared.js";
import { ZAKHAROV, zalaApp } from "./yente-zala.js";

describe.skipIf(!HAS_SHARED)("OpenRefine reconciliation on the zala fixture", () => {
  let workspace: Workspace;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ workspace, app } = await zalaApp("reconcile"));
  });
  afterAll(async () => {
    await app?.close();
    await workspace?.close();
  });

  const get = (url: string) => app.inject({ method: "GET", url });
  /** A POST as OpenRefine makes it: an HTML form with one JSON field. */
  const form = (fields: Record<string, string>) =>
    app.inject({
      method: "POST",
      url: "/reconcile/zala",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(fields).toString(),
    });

  it("test_reconcile_metadata: the service manifest", async () => {
    const response = await get("/reconcile/zala");
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json();
    expect(data.identifierSpace.startsWith("https://www.opensanctions.org")).toBe(true);
    expect(data.defaultTypes.length).toBeGreaterThan(3);
    expect(data.versions).toEqual(["0.2"]);
    expect(data.suggest.entity).toEqual({
      service_url: "http://localhost:80/reconcile/zala",
      service_path: "/suggest/entity",
    });
    expect(data.extend.propose_properties.service_path).toBe("/extend/property");
    expect(data.preview.url).toBe("http://localhost:80/reconcile/zala/preview?id={{id}}");
  });

  it("test_reconcile_post_query: a batch with properties, scored 0–100", async () => {
    const queries = {
      mutti: { query: "Alexander ZAKHAROV" },
      q1: {
        query: "Zakharov Aleksandr",
        type: "Person",
        limit: 2,
        properties: [
          { pid: "birthDate", v: "1965" },
          { pid: "Thing:country", v: "Russia" },
        ],
      },
      q2: { query: "Zala Aero", type: "Company" },
    };
    const response = await form({ queries: JSON.stringify(queries) });
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json();
    expect(data.mutti.result[0].id).toBe(ZAKHAROV);
    expect(data.q1.result[0]).toEqual(
      expect.objectContaining({ id: ZAKHAROV, match: true, type: [{ id: "Person", name: "Person" }] }),
    );
    expect(data.q1.result.length).toBeLessThanOrEqual(2);
    expect(data.q1.result[0].score).toBeGreaterThan(70);
    expect(data.q1.result[0].score).toBeLessThanOrEqual(100);
    // LLC CST, known as Zala Aero.
    expect(data.q2.result[0].id).toBe("NK-abdzbEBkqyT29GyREbiURZ");
  });

  it("test_reconcile_post_extend", async () => {
    const query = { ids: [ZAKHAROV], properties: [{ id: "name" }, { id: "birthDate" }] };
    const response = await form({ extend: JSON.stringify(query) });
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json();
    expect(data.meta).toHaveLength(2);
    expect(data.meta[0].id).toBe("name");
    const names = data.rows[ZAKHAROV].name as Array<{ str: string }>;
    expect(names.length).toBeGreaterThan(0);
    expect(
      names
        .map((n) => n.str)
        .join("")
        .toLowerCase(),
    ).toContain("zakharov");
    expect(data.rows[ZAKHAROV].birthDate).toEqual([{ str: "1965-09-21" }]);
  });

  it("test_reconcile_invalid, and malformed or missing fields: 400 with a message", async () => {
    const banana = await form({ queries: JSON.stringify({ mutti: { type: "Banana" } }) });
    expect(banana.statusCode).toBe(400);
    expect(banana.json().detail).toMatch(/Banana/);
    const malformed = await form({ queries: '{"q0": {"query": "Zala"' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/Cannot decode the "queries" field: it must be JSON/);
    const notObject = await form({ queries: "[1, 2]" });
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().message).toMatch(/JSON object of queries/);
    const badExtend = await form({ extend: "{nope" });
    expect(badExtend.statusCode).toBe(400);
    expect(badExtend.json().details.field).toBe("extend");
    expect((await form({})).statusCode).toBe(400);
    const tooMany = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, { query: "x" }]));
    const batch = await form({ queries: JSON.stringify(tooMany) });
    expect(batch.statusCode).toBe(400);
    expect(batch.json().detail).toBe("Too many queries in one batch (limit: 100)");
    expect((await get("/reconcile/banana")).statusCode).toBe(404);
  });

  it("answers queries given in the URL, as older OpenRefine versions send them", async () => {
    const queries = encodeURIComponent(JSON.stringify({ q0: { query: "Alexander Zakharov" } }));
    const response = await get(`/reconcile/zala?queries=${queries}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().q0.result[0].id).toBe(ZAKHAROV);
  });

  it("previews an entity as escaped HTML", async () => {
    const response = await get(`/reconcile/zala/preview?id=${ZAKHAROV}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
    expect(response.body).toContain("Alexander Vyacheslavovich ZAKHAROV");
    expect(response.body).not.toMatch(/<script/i);
    expect((await get("/reconcile/zala/preview?id=banana")).statusCode).toBe(404);
  });

  it("test_reconcile_suggest_entity_*", async () => {
    expect((await get("/reconcile/zala/suggest/entity")).json().result).toHaveLength(0);
    const res = (await get("/reconcile/zala/suggest/entity?prefix=alexander%20zak")).json().result;
    expect(res.length).toBeGreaterThan(0);
    expect(res[0].id).toBe(ZAKHAROV);
    expect(res[0].name.toLowerCase()).toContain("zakharov");
    expect((await get("/reconcile/zala/suggest/entity?prefix=banana%20man")).json().result).toHaveLength(0);
  });

  it("test_reconcile_suggest_property_*", async () => {
    expect((await get("/reconcile/zala/suggest/property")).json().result).toHaveLength(0);
    const res = (await get("/reconcile/zala/suggest/property?prefix=country")).json().result;
    expect(res.length).toBeGreaterThan(1);
    const ids = res.map((r: { id: string }) => r.id);
    expect(ids).toContain("LegalEntity:mainCountry");
    expect(ids).toContain("Thing:country");
    expect((await get("/reconcile/zala/suggest/property?prefix=banana")).json().result).toHaveLength(0);
  });

  it("test_reconcile_suggest_type_*", async () => {
    expect((await get("/reconcile/zala/suggest/type")).json().result).toHaveLength(0);
    const res = (await get("/reconcile/zala/suggest/type?prefix=organ")).json().result;
    expect(res).toEqual([{ id: "Organization", name: "Organization" }]);
    expect((await get("/reconcile/zala/suggest/type?prefix=banana")).json().result).toHaveLength(0);
  });

  it("test_reconcile_extend_properties, test_reconcile_extend_properties_invalid_type", async () => {
    const response = await get("/reconcile/zala/extend/property?limit=5&type=LegalEntity");
    expect(response.statusCode).toBe(200);
    const data = response.json();
    expect(data.type).toBe("LegalEntity");
    expect(data.limit).toBe(5);
    expect(data.properties).toHaveLength(5);
    const ids = data.properties.map((p: { id: string }) => p.id);
    expect(ids).toContain("name");
    expect(ids).toContain("country");
    expect((await get("/reconcile/zala/extend/property?limit=5&type=Banana")).statusCode).toBe(400);
  });
});
