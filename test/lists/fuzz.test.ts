// A bounded fuzzing pass over every list reader: mutated copies of the fixtures and random bytes,
// forced through each format. Every outcome is a list or a catalogued error, never a crash or a hang.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIST_FORMATS, readListFiles } from "../../src/lists/index.js";
import { isUserError } from "../../src/model/index.js";
import { fixture } from "./helpers.js";

/** Every fixture list file, as bytes. */
const SEEDS = readdirSync(fixture(), { recursive: true, encoding: "utf8" })
  .map((name) => fixture(name))
  .filter((path) => statSync(path).isFile())
  .map((path) => ({ name: path.split("/").at(-1) ?? "list", bytes: readFileSync(path) }));

/** A seed file with some bytes replaced, cut short, or spliced with random bytes. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    edits: fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 0, maxLength: 8 })), { maxLength: 6 }),
    cut: fc.option(fc.nat()),
  })
  .map(({ seed, edits, cut }) => {
    let bytes = Buffer.from(seed.bytes);
    for (const [at, insert] of edits) {
      const i = bytes.length ? at % bytes.length : 0;
      bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(insert), bytes.subarray(i + insert.length)]);
    }
    if (cut !== null && bytes.length) bytes = bytes.subarray(0, cut % bytes.length);
    return { name: seed.name, bytes };
  });

const dir = mkdtempSync(join(tmpdir(), "skein-fuzz-lists-"));
let runs = 0;

async function readsOrRefuses(name: string, bytes: Uint8Array, format: string | undefined): Promise<void> {
  const path = join(dir, `${runs++}-${name}`);
  writeFileSync(path, bytes);
  try {
    await readListFiles([path], { format });
  } catch (error) {
    if (!isUserError(error)) throw error;
  }
}

describe("list readers under fuzzing", () => {
  it("mutated fixtures, sniffed: a list or a catalogued error", async () => {
    await fc.assert(
      fc.asyncProperty(mutated, ({ name, bytes }) => readsOrRefuses(name, bytes, undefined)),
      { numRuns: 120, seed: 12 },
    );
  }, 120_000);

  it("every format forced on mutated fixtures and random bytes: a list or a catalogued error", async () => {
    const input = fc.oneof(
      mutated,
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ name: "x", bytes })),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.constantFrom(...LIST_FORMATS), async ({ name, bytes }, format) => {
        const ending = format.name.split("-").at(-1);
        const file = extname(name) ? name : `${name}.${ending}`;
        await readsOrRefuses(format.name === "uk-ofsi-xlsx" ? `${file}.xlsx` : file, bytes, format.name);
      }),
      { numRuns: 200, seed: 12 },
    );
    expect(runs).toBeGreaterThan(0);
  }, 120_000);
});
