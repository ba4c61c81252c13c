// The app of `skein serve` holding yente's own test fixture (the Zakharov / Zala Aero sanctions cluster,
// ../shared/data/opensanctions-ftm/yente-zala) loaded as dataset `zala`, as yente's tests load it, and
// yente's entity-shape check (tests/conftest.py assert_entity_shape) written for vitest.
import { mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { loadLists } from "../../src/lists/index.js";
import { buildApp } from "../../src/server/index.js";
import { isSchema } from "../../src/server/plugins/ftm.js";
import type { Workspace } from "../../src/store/index.js";
import { sharedPath } from "../helpers/shared.js";
import { openTestWorkspace } from "../helpers/workspace.js";

/** yente's fixture entity ids: Alexander Vyacheslavovich Zakharov, and his OFAC referent. */
export const ZAKHAROV = "NK-aU5ybkbRFJucf8YMwsJvDw";
export const ZAKHAROV_OFAC_REFERENT = "ofac-45937";

/** A workspace and app with the fixture loaded as list `zala` (its folder names the dataset). */
export async function zalaApp(name: string): Promise<{ workspace: Workspace; app: FastifyInstance }> {
  const folder = join(mkdtempSync(join(tmpdir(), "skein-yente-")), "zala");
  mkdirSync(folder);
  const file = join(folder, "entities.ftm.json");
  symlinkSync(sharedPath("data/opensanctions-ftm/yente-zala/entities.ftm.json"), file);
  const workspace = await openTestWorkspace(name);
  await loadLists(workspace.db, [file]);
  const app = await buildApp({ workspace, config: {} });
  return { workspace, app };
}

const ISO_SECONDS_NO_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const DATASET_NAME = /^[a-z0-9_]+$/;

/** yente's minimum wire shape of an entity, nested entities included. */
export function assertEntityShape(data: Record<string, unknown>): void {
  for (const key of [
    "id",
    "caption",
    "schema",
    "properties",
    "datasets",
    "referents",
    "target",
    "first_seen",
    "last_seen",
    "last_change",
  ]) {
    expect(data, key).toHaveProperty(key);
  }
  expect(typeof data.id === "string" && data.id !== "").toBe(true);
  expect(typeof data.caption === "string" && data.caption !== "").toBe(true);
  expect(isSchema(data.schema as string), String(data.schema)).toBe(true);
  for (const [prop, values] of Object.entries(data.properties as Record<string, unknown>)) {
    expect(Array.isArray(values), prop).toBe(true);
    for (const value of values as unknown[]) {
      if (typeof value === "object" && value !== null) assertEntityShape(value as Record<string, unknown>);
      else expect(typeof value, prop).toBe("string");
    }
  }
  for (const name of data.datasets as unknown[]) expect(name).toMatch(DATASET_NAME);
  expect((data.referents as unknown[]).every((r) => typeof r === "string")).toBe(true);
  expect(typeof data.target).toBe("boolean");
  for (const key of ["first_seen", "last_seen", "last_change"]) {
    const value = data[key];
    if (value !== null) {
      expect(value, key).toMatch(ISO_SECONDS_NO_TZ);
      expect(new Date(`${value}Z`).toISOString().slice(0, 19), key).toBe(value);
    }
  }
}
