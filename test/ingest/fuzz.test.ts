// A bounded fuzzing pass over every document reader: random and mutated bytes under each file ending.
// Every outcome is a document or a catalogued error, never a crash or a hang.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, it } from "vitest";
import { DEFAULT_MAX_BYTES, READERS, readDocument } from "../../src/ingest/index.js";
import { isUserError } from "../../src/model/index.js";
import { REPO_ROOT } from "../helpers/shared.js";

const EXAMPLES = join(REPO_ROOT, "examples");
const SEEDS = readdirSync(EXAMPLES)
  .filter((name) => name.includes("."))
  .map((name) => readFileSync(join(EXAMPLES, name)));
const ENDINGS = READERS.flatMap((reader) => reader.extensions);

/** Markup-heavy text: the characters that drive the HTML, JSON and Markdown readers. */
const markup = fc
  .array(
    fc.constantFrom(
      "<div>",
      "</div>",
      "<p>",
      "<br>",
      "{",
      "}",
      "[",
      "]",
      '"',
      ":",
      ",",
      "\n",
      "---",
      "&amp;",
      "Acme LLC ",
      "é",
      "\u0000",
    ),
    {
      maxLength: 300,
    },
  )
  .map((parts) => new TextEncoder().encode(parts.join("")));

const mutated = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    edits: fc.array(fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 8 })), { maxLength: 6 }),
  })
  .map(({ seed, edits }) => {
    let bytes = Buffer.from(seed);
    for (const [at, insert] of edits) {
      const i = at % bytes.length;
      bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(insert), bytes.subarray(i + insert.length)]);
    }
    return new Uint8Array(bytes);
  });

describe("document readers under fuzzing", () => {
  it("random, markup and mutated bytes under every ending: a document or a catalogued error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skein-fuzz-ingest-"));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 3000 }), markup, mutated),
        fc.constantFrom(...ENDINGS),
        async (bytes, ending) => {
          const file = join(dir, `${n++}${ending}`);
          writeFileSync(file, bytes);
          try {
            await readDocument(file, { maxBytes: DEFAULT_MAX_BYTES });
          } catch (error) {
            if (!isUserError(error)) throw error;
          }
        },
      ),
      { numRuns: 200, seed: 12 },
    );
  }, 120_000);
});
