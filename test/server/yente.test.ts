import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLists } from "../../src/lists/index.js";
import { buildApp } from "../../src/server/index.js";
import type { Workspace } from "../../src/store/index.js";
import { HAS_SHARED, sharedPath } from "../helpers/shared.js";
import { openTestWorkspace } from "../helpers/workspace.js";

describe.skipIf(!HAS_SHARED)("yente-compatible API on the 2023-12 SDN set", () => {
  let workspace: Workspace;
  let app: FastifyInstance;

  beforeAll(async () => {
    workspace = await openTestWorkspace("yente");
    await loadLists(workspace.db, [sharedPath("data/ofac-sdn-csv-2023-12")]);
    app = await buildApp({ workspace, config: {} });
  });
  afterAll(async () => {
    await app?.close();
    await workspace?.close();
  });

  const match = (dataset: string, payload: unknown, query = "") =>
    app.inject({ method: "POST", url: `/match/${dataset}${query}`, payload: payload as object });

  it("matches a company named TSK Vektor in Russia to SDN entry 46441, first, match: true", async () => {
    const response = await match("default", {
      queries: { q1: { schema: "Company", properties: { name: ["TSK Vektor"], country: ["ru"] } } },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const answer = body.responses.q1;
    expect(answer.status).toBe(200);
    expect(answer.query).toEqual({
      id: null,
      schema: "Company",
      properties: { name: ["TSK Vektor"], country: ["ru"] },
    });
    expect(answer.total).toEqual({ value: expect.any(Number), relation: "eq" });
    const first = answer.results[0];
    // An OFAC entry's id is OpenSanctions' id for it, `ofac-<uid>`.
    expect(first.id).toBe("ofac-46441");
    expect(first.match).toBe(true);
    expect(first.score).toBeGreaterThanOrEqual(0.7);
    expect(first).toEqual(
      expect.objectContaining({
        caption: expect.stringMatching(/VEKTOR/),
        schema: expect.any(String),
        datasets: ["sdn"],
        target: true,
      }),
    );
    expect(first.properties.name).toEqual([first.caption]);
    expect(Object.keys(first.explanations).length).toBeGreaterThan(0);
    expect(first.features.nameMatch).toBeGreaterThan(0.7);
    expect(body.limit).toBeGreaterThan(0);
    expect(Object.keys(body.matcher).length).toBeGreaterThan(0);
  });

  it("accepts threshold, limit and algorithm as yente does, and a list name as the dataset", async () => {
    const query = { queries: { a: { schema: "Company", properties: { name: "TSK Vektor" } } } };
    const strict = (
      await match("sdn", query, "?threshold=0.99&limit=2&algorithm=best&topics=sanction")
    ).json().responses.a;
    expect(strict.results.length).toBeLessThanOrEqual(2);
    expect(strict.results.every((r: { match: boolean; score: number }) => r.match === r.score >= 0.99)).toBe(
      true,
    );
    const unknownAlgorithm = await match("default", query, "?algorithm=no-such-thing");
    expect(unknownAlgorithm.statusCode).toBe(400);
    expect(unknownAlgorithm.json().detail).toEqual(expect.any(String));
  });

  it("refuses an unknown dataset and a query without a schema with the error shape", async () => {
    const unknown = await match("nowhere", {
      queries: { a: { schema: "Company", properties: { name: ["x"] } } },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("SERVER_UNKNOWN_DATASET");
    const noSchema = await match("default", { queries: { a: { properties: { name: ["x"] } } } });
    // yente (FastAPI) answers a request that does not validate with 422.
    expect(noSchema.statusCode).toBe(422);
    expect(noSchema.json().code).toBe("SERVER_BAD_REQUEST");
  });

  it("searches, fetches an entity and lists the algorithms", async () => {
    const search = (await app.inject({ method: "GET", url: "/search/default?q=vektor" })).json();
    expect(search.total.value).toBeGreaterThan(0);
    const id = search.results[0].id;
    const entity = await app.inject({ method: "GET", url: `/entities/${id}` });
    expect(entity.statusCode).toBe(200);
    expect(entity.json().id).toBe(id);
    const catalog = (await app.inject({ method: "GET", url: "/catalog" })).json();
    expect(catalog.datasets.find((d: { name: string }) => d.name === "default").children).toEqual(["sdn"]);
    const algorithms = (await app.inject({ method: "GET", url: "/algorithms" })).json();
    expect(algorithms.algorithms.map((a: { name: string }) => a.name)).toContain(algorithms.default);
    expect(Object.values(algorithms.algorithms[0].features)[0]).toEqual(
      expect.objectContaining({ description: expect.any(String), coefficient: expect.any(Number) }),
    );
  });
});
