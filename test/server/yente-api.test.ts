// yente's tests of its other routes (tests/test_search.py, test_entity.py, test_app.py) on the zala
// fixture, as far as they concern the API's answers rather than yente's search engine or catalogue
// files; the README names the ones left out and why.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workspace } from "../../src/store/index.js";
import { HAS_SHARED } from "../helpers/shared.js";
import { assertEntityShape, ZAKHAROV, ZAKHAROV_OFAC_REFERENT, zalaApp } from "./yente-zala.js";

describe.skipIf(!HAS_SHARED)("yente's search, entity and service tests on the zala fixture", () => {
  let workspace: Workspace;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ workspace, app } = await zalaApp("yente-api"));
  });
  afterAll(async () => {
    await app?.close();
    await workspace?.close();
    delete process.env.SKEIN_UPDATE_TOKEN;
  });

  const get = (url: string) => app.inject({ method: "GET", url });
  const total = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().total.value as number;
  };

  it("test_search_zakharov", async () => {
    const response = await get("/search/zala?q=alexander%20zakharov");
    expect(response.statusCode).toBe(200);
    const zakharov = response.json().results[0];
    assertEntityShape(zakharov);
    expect(zakharov.id).toBe(ZAKHAROV);
    expect(zakharov.first_seen).toBe("2023-07-19T18:02:43");
    expect(zakharov.last_seen).not.toBeNull();
    expect(zakharov.datasets).toEqual(["zala"]);
    // FtM property names as published, identifiers included.
    expect(zakharov.properties.innCode).toEqual(["183111242406"]);
  });

  it("test_search_no_query, test_search_limit, test_search_offset, test_search_range_*", async () => {
    expect((await get("/search/zala")).json().results.length).toBeGreaterThan(9);
    expect((await get("/search/zala?limit=0&q=alexander%20zakharov")).json().results).toHaveLength(0);
    const offset = (await get("/search/zala?offset=100&q=alexander%20zakharov")).json();
    expect(offset.results).toHaveLength(0);
    expect(offset.offset).toBe(100);
    expect((await get("/search/default?offset=9999&q=putin")).statusCode).toBe(422);
    expect((await get("/search/zala?limit=10000&q=zakharov")).statusCode).toBe(422);
    const page = (await get("/search/zala?limit=500&q=zakharov")).json();
    expect(page.limit).toBe(500);
    expect(page.offset).toBe(0);
  });

  it("test_search_missing_dataset, test_search_filter_schema_*", async () => {
    expect((await get("/search/banana")).statusCode).toBe(404);
    expect((await get("/search/zala?q=angela%20merkel&schema=Banana")).statusCode).toBe(400);
    expect((await get("/search/zala?q=angela%20merkel&schema=Vessel")).json().results).toHaveLength(0);
    expect(
      (await get("/search/zala?q=alexander%20zakharov&schema=Person")).json().results.length,
    ).toBeGreaterThan(0);
  });

  it("test_search_filter_exclude_dataset, test_search_filter_include_dataset", async () => {
    expect(await total("/search/zala?q=alexander%20zakharov")).toBeGreaterThan(0);
    expect(await total("/search/zala?q=alexander%20zakharov&exclude_dataset=zala")).toBe(0);
    expect(await total("/search/zala?q=alexander%20zakharov&include_dataset=mx_senators")).toBe(0);
    expect(await total("/search/zala?q=alexander%20zakharov&include_dataset=zala")).toBeGreaterThan(0);
    expect(await total("/search/zala?q=alexander%20zakharov&include_dataset=zala&exclude_dataset=zala")).toBe(
      0,
    );
  });

  it("test_search_filter_changed_since", async () => {
    expect(await total("/search/zala?q=alexander%20zakharov&changed_since=2099-01-01T00:00")).toBe(0);
    expect(await total("/search/zala?q=alexander%20zakharov&changed_since=2020-01-01")).toBeGreaterThan(0);
  });

  it("test_search_filter_countries_remove, test_search_filter_countries_operator", async () => {
    expect(await total("/search/zala?q=alexander%20zakharov&countries=ru")).toBeGreaterThan(0);
    expect(await total("/search/zala?q=alexander%20zakharov&countries=ke")).toBe(0);
    expect(await total("/search/zala?q=alexander%20zakharov&countries=ke&countries=ru")).toBeGreaterThan(0);
    expect(await total("/search/zala?q=alexander%20zakharov&filter_op=AND&countries=ke&countries=ru")).toBe(
      0,
    );
  });

  it("test_search_facet_*", async () => {
    const plain = (await get("/search/zala")).json().facets;
    expect(Object.keys(plain).sort()).toEqual(["countries", "datasets", "topics"]);
    expect(plain.datasets.values.map((v: { name: string }) => v.name)).toEqual(["zala"]);
    expect(plain.topics.values.map((v: { name: string }) => v.name)).toContain("sanction");
    const countries = (await get("/search/zala?q=alexander%20zakharov&countries=ru")).json().facets.countries;
    const names = countries.values.map((v: { name: string }) => v.name);
    expect(names).toContain("ru");
    expect(names).not.toContain("ke");
    expect(await total("/search/zala?topics=sanction")).toBeGreaterThan(0);
    const chosen = (await get("/search/zala?facets=schema&facets=topics")).json().facets;
    expect(Object.keys(chosen).sort()).toEqual(["schema", "topics"]);
    expect(chosen.schema.values.map((v: { name: string }) => v.name)).toContain("Person");
  });

  it("test_search_filter", async () => {
    const url = "/search/zala?q=alexander%20zakharov&filter=";
    expect(await total(`${url}properties.birthDate:1972-01-26`)).toBe(0);
    expect(await total(`${url}properties.birthDate:1965-09-21`)).toBeGreaterThan(0);
    expect(await total(`${url}schema:Person`)).toBeGreaterThan(0);
  });

  it("test_search_no_targets, test_search_sorted", async () => {
    expect((await get("/search/zala?schema=LegalEntity&target=true")).json().results.length).toBeGreaterThan(
      0,
    );
    const sorted = (await get("/search/zala?sort=first_seen:desc")).json().results as Array<{
      first_seen: string;
    }>;
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i].first_seen <= sorted[i - 1].first_seen).toBe(true);
  });

  it("test_entity_404 and test_entity_fetch (nested, with its sanctions)", async () => {
    expect((await get("/entities/banana")).statusCode).toBe(404);
    const response = await get(`/entities/${ZAKHAROV}`);
    expect(response.statusCode).toBe(200);
    const data = response.json();
    assertEntityShape(data);
    expect(data.id).toBe(ZAKHAROV);
    expect(data.schema).toBe("Person");
    expect(data.datasets).toContain("zala");
    expect(typeof data.properties.birthDate[0]).toBe("string");
    const sanction = data.properties.sanctions[0];
    expect(sanction.schema).toBe("Sanction");
    expect(sanction.properties.entity).toEqual([ZAKHAROV]);
    expect(typeof data.properties.addressEntity[0]).toBe("object");
    const flat = (await get(`/entities/${ZAKHAROV}?nested=false`)).json();
    expect(flat.properties.sanctions).toBeUndefined();
    expect(typeof flat.properties.addressEntity[0]).toBe("string");
  });

  it("redirects a referent's id to its entity, as yente does", async () => {
    const response = await get(`/entities/${ZAKHAROV_OFAC_REFERENT}?nested=false`);
    expect(response.statusCode).toBe(308);
    expect(response.headers.location).toBe(`/entities/${ZAKHAROV}?nested=false`);
  });

  it("test_healthz, test_readyz", async () => {
    expect((await get("/healthz")).json()).toEqual({ status: "ok" });
    expect((await get("/readyz")).json()).toEqual({ status: "ok" });
  });

  it("test_updatez_get, test_updatez_no_token_configured, test_updatez_no_token, test_updatez_with_token", async () => {
    expect((await get("/updatez")).statusCode).toBe(405);
    delete process.env.SKEIN_UPDATE_TOKEN;
    expect((await app.inject({ method: "POST", url: "/updatez?token=" })).statusCode).toBe(403);
    process.env.SKEIN_UPDATE_TOKEN = "test";
    expect((await app.inject({ method: "POST", url: "/updatez?sync=true" })).statusCode).toBe(403);
    const ok = await app.inject({ method: "POST", url: "/updatez?token=test&sync=true" });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("lists dataset zala in the catalog under default", async () => {
    const catalog = (await get("/catalog")).json();
    const names = catalog.datasets.map((d: { name: string }) => d.name);
    expect(names).toEqual(["default", "zala"]);
    expect(catalog.datasets[0].children).toEqual(["zala"]);
    expect(catalog.current).toContain("zala");
  });
});
