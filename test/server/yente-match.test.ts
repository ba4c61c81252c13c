// yente's own /match tests (opensanctions/yente tests/test_match.py), request for request, against the
// app of `skein serve` holding yente's fixture as dataset `zala`. Where yente's test mocks its internals
// (the search call, the scorer), the same request is made and its observable answer checked.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workspace } from "../../src/store/index.js";
import { HAS_SHARED } from "../helpers/shared.js";
import { assertEntityShape, ZAKHAROV, ZAKHAROV_OFAC_REFERENT, zalaApp } from "./yente-zala.js";

const QUERY_ZAKHAROV = {
  schema: "Person",
  properties: {
    name: ["Alexander Vyacheslavovich ZAKHAROV"],
    birthDate: ["1965"],
    country: "Russia",
  },
};

const MANY_NAMES = {
  properties: {
    name: [
      "Alexander Vyacheslavovich ZAKHAROV",
      "Aleksandr Vyacheslavovich Zakharov",
      "Александр Вячеславович Захаров",
      "Александр ЗАХАРОВ",
      "Захаров Александр Вячеславович",
      "Zakharov Aleksandr Vyacheslavovich",
      "Aleksandr Vjačeslavovič Zacharov",
    ],
  },
  schema: "Person",
};

describe.skipIf(!HAS_SHARED)("yente's test_match.py on the zala fixture", () => {
  let workspace: Workspace;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ workspace, app } = await zalaApp("yente-match"));
  });
  afterAll(async () => {
    await app?.close();
    await workspace?.close();
  });

  const post = (payload: object, params: Record<string, string | number | string[]> = {}) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
    const qs = search.size ? `?${search}` : "";
    return app.inject({ method: "POST", url: `/match/zala${qs}`, payload });
  };
  const results = async (payload: object, params = {}, key = "vv") => {
    const response = await post(payload, params);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().responses[key].results as Array<Record<string, unknown>>;
  };

  it("test_match_zakharov", async () => {
    const response = await post({ queries: { vv: QUERY_ZAKHAROV, xx: QUERY_ZAKHAROV, zz: QUERY_ZAKHAROV } });
    expect(response.statusCode, response.body).toBe(200);
    const res = response.json().responses.vv;
    expect(res.query.schema).toBe("Person");
    expect(res.query.properties.country[0]).toBe("ru");
    expect(res.total.value).toBeGreaterThan(0);
    expect(res.results[0].id).toBe(ZAKHAROV);
    assertEntityShape(res.results[0]);
  });

  it("test_match_zakharov_name_based_mode", async () => {
    const query = { queries: { vv: QUERY_ZAKHAROV } };
    const neural = await post(query, { algorithm: "neural-net" });
    expect(neural.statusCode, neural.body).toBe(400);
    const response = await post(query, { algorithm: "name-based" });
    expect(response.statusCode, response.body).toBe(200);
    const res = response.json().responses.vv;
    expect(res.query.schema).toBe("Person");
    expect(res.query.properties.country[0]).toBe("ru");
    expect(res.total.value).toBeGreaterThan(0);
    expect(res.results[0].id).toBe(ZAKHAROV);
    expect(res.results[0].score).toBeGreaterThan(0.7);
    assertEntityShape(res.results[0]);
  });

  it("test_match_no_schema", async () => {
    const noSchema = await post({ queries: { fail: { properties: { name: "Banana" } } } });
    expect(noSchema.statusCode, noSchema.body).toBe(422);
    // An invalid schema in one query of a batch refuses the whole batch.
    const badSchema = await post({
      queries: {
        fail: { schema: "xxx", properties: { name: "Banana" } },
        ok1: { schema: "Person", properties: { name: ["Vladimir Putin"] } },
        ok2: { schema: "Person", properties: { name: ["John Doe"] } },
      },
    });
    expect(badSchema.statusCode, badSchema.body).toBe(400);
    expect(badSchema.json().detail).toMatch(/xxx/);
  });

  it("test_match_name_clause_limit", async () => {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const names: string[] = [];
    for (const a of letters)
      for (const b of letters)
        for (const c of letters) if (names.length < 900) names.push(`token${a}${b}${c}`);
    const response = await post({ queries: { large: { schema: "Person", properties: { name: names } } } });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().detail).toContain("requires 901 clauses; maximum is 900");
  });

  it("test_match_many_names_logic_v1", async () => {
    const first = await results({ queries: { q: MANY_NAMES } }, { algorithm: "logic-v1" }, "q");
    expect(first.length).toBeGreaterThan(0);
    const second = await results(
      { queries: { q: MANY_NAMES } },
      { fuzzy: "false", algorithm: "logic-v1" },
      "q",
    );
    expect(second.length).toBe(first.length);
  });

  it("test_match_many_names", async () => {
    const first = await results({ queries: { q: MANY_NAMES } }, { algorithm: "best" }, "q");
    expect(first.length).toBeGreaterThan(0);
    const second = await results({ queries: { q: MANY_NAMES } }, { fuzzy: "false", algorithm: "best" }, "q");
    expect(second.length).toBe(first.length);
  });

  it("test_match_exclude_dataset", async () => {
    const res = await results(
      { queries: { vv: QUERY_ZAKHAROV } },
      { algorithm: "name-based", exclude_dataset: "zala" },
    );
    expect(res).toHaveLength(0);
  });

  it("test_match_include_dataset", async () => {
    const query = { queries: { vv: QUERY_ZAKHAROV } };
    const none = await results(query, {
      algorithm: "name-based",
      include_dataset: ["ae_local_terrorists", "mx_governors"],
    });
    expect(none).toHaveLength(0);
    const some = await results(query, {
      algorithm: "name-based",
      include_dataset: ["zala", "ae_local_terrorists"],
    });
    expect(some.length).toBeGreaterThan(0);
    const excluded = await results(query, {
      algorithm: "name-based",
      include_dataset: ["zala", "mx_governors", "ae_local_terrorists"],
      exclude_dataset: "zala",
    });
    expect(excluded).toHaveLength(0);
  });

  it("test_match_logic_v2_with_algorithm_config", async () => {
    const accepted = await post(
      { queries: { vv: QUERY_ZAKHAROV }, config: { nm_number_mismatch: 0.4 } },
      { algorithm: "logic-v2" },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const refused = await post(
      { queries: { vv: QUERY_ZAKHAROV }, config: { invalid_option: 0.4 } },
      { algorithm: "logic-v2" },
    );
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().detail).toBe(
      "Invalid configuration parameter: invalid_option for algorithm logic-v2",
    );
  });

  it("test_filter_topic", async () => {
    const res = await results(
      { queries: { vv: QUERY_ZAKHAROV } },
      { algorithm: "name-based", topics: "crime.cyber" },
    );
    expect(res).toHaveLength(0);
  });

  it("test_id_pass_through", async () => {
    const response = await post({ queries: { no1: { ...MANY_NAMES, id: "zakharov" } } });
    expect(response.statusCode, response.body).toBe(200);
    const res = response.json().responses.no1;
    expect(res.query.schema).toBe("Person");
    expect(res.query.id).toBe("zakharov");
  });

  it("test_match_name_without_spaces", async () => {
    const res = await results(
      { queries: { a: { schema: "Person", properties: { name: ["alexandervyacheslavovichzakharov"] } } } },
      {},
      "a",
    );
    expect(res.length).toBeGreaterThan(0);
    expect(res[0].id).toBe(ZAKHAROV);
  });

  it("test_fuzzy_names", async () => {
    const res = await results(
      { queries: { a: { schema: "Person", properties: { name: "Aiexandvr Zakharom" } } } },
      { threshold: 0.2, algorithm: "logic-v2" },
      "a",
    );
    expect(res.length).toBeGreaterThan(0);
    expect(res[0].id).toBe(ZAKHAROV);
  });

  it("test_fuzzy_names_first_letter", async () => {
    const res = await results(
      { queries: { a: { schema: "Person", properties: { name: "Zlexander Sakharov" } } } },
      { algorithm: "logic-v2", threshold: 0.2 },
      "a",
    );
    expect(res.length).toBeGreaterThan(0);
    expect(res[0].id).toBe(ZAKHAROV);
  });

  it("test_match_numeric_property_value", async () => {
    const response = await post({
      queries: { q: { schema: "Person", properties: { name: ["Alexander Zakharov"], birthDate: [1965] } } },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().responses.q.query.properties.birthDate).toContain("1965");
  });

  it("test_exclude_entity_ids", async () => {
    const query = { queries: { q: QUERY_ZAKHAROV } };
    expect((await results(query, {}, "q"))[0].id).toBe(ZAKHAROV);
    expect(await results(query, { exclude_entity_ids: [ZAKHAROV] }, "q")).toHaveLength(0);
    // A referent of the entity excludes it too.
    expect(await results(query, { exclude_entity_ids: [ZAKHAROV_OFAC_REFERENT] }, "q")).toHaveLength(0);
  });

  it("test_match_candidate_search_skips_total", async () => {
    const response = await post({ queries: { q: QUERY_ZAKHAROV } });
    expect(response.statusCode, response.body).toBe(200);
    const res = response.json().responses.q;
    expect(res.total.value).toBe(res.results.length);
    expect(res.results.length).toBeGreaterThan(0);
  });
});
