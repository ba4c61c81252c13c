import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderErrorDoc } from "../../scripts/errors-doc.mjs";
import { ERROR_CATALOGUE, ERROR_FAMILIES, SkeinError } from "../../src/model/index.js";
import { REPO_ROOT } from "../helpers/shared.js";

describe("error catalogue", () => {
  it("docs/errors.md matches the catalogue (regenerate with node scripts/errors-doc.mjs)", () => {
    const doc = readFileSync(join(REPO_ROOT, "docs/errors.md"), "utf8");
    expect(doc).toBe(renderErrorDoc(ERROR_CATALOGUE, ERROR_FAMILIES));
  });

  it("every code reads STAGE_WHAT and has a hint", () => {
    for (const [code, item] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[A-Z]+_[A-Z0-9_]+$/);
      expect(item.hint.length).toBeGreaterThan(10);
    }
  });

  it("derives status and exit code from the family and truncates received values", () => {
    const error = new SkeinError("INGEST_EMPTY", "empty", {
      file: "a.txt",
      line: 3,
      received: "x".repeat(1000),
    });
    expect(error.httpStatus).toBe(400);
    expect(error.exitCode).toBe(1);
    expect(error.where).toBe("a.txt:3");
    expect(String(error.details.received).length).toBeLessThanOrEqual(201);
    expect(new SkeinError("INTERNAL_INVARIANT", "bug").exitCode).toBe(70);
  });
});
