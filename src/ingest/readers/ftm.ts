// FollowTheMoney entities as JSON lines (.jsonl/.ftm.json) or a JSON array, validated against the
// FtM model (@opensanctions/followthemoney). Every bad line is reported with its number.
import followthemoney from "@opensanctions/followthemoney";
import { normaliseText, SkeinError } from "../../model/index.js";
import { assertText, decodeUtf8 } from "../decode.js";
import { type DocumentRead, emptyRead, type FtmEntityDatum } from "../document.js";
import type { Reader } from "./reader.js";

const model = new followthemoney.Model(followthemoney.defaultModel);

interface Located {
  line: number;
  value: unknown;
}

function splitJson(text: string, file: string): Located[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("[")) {
    try {
      return (JSON.parse(trimmed) as unknown[]).map((value, index) => ({ line: index + 1, value }));
    } catch (cause) {
      const message = (cause as Error).message;
      // V8 names the character position; the user needs the line.
      const position = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
      const offset = text.length - trimmed.length;
      const line = Number.isNaN(position) ? undefined : text.slice(0, offset + position).split("\n").length;
      throw new SkeinError("INGEST_BAD_FTM", `not valid JSON: ${message}`, { file, line }, { cause });
    }
  }
  const items: Located[] = [];
  text.split("\n").forEach((raw, index) => {
    if (!raw.trim()) return;
    try {
      items.push({ line: index + 1, value: JSON.parse(raw) });
    } catch (cause) {
      throw new SkeinError(
        "INGEST_BAD_FTM",
        `line is not valid JSON: ${(cause as Error).message}`,
        { file, line: index + 1, received: raw },
        { cause },
      );
    }
  });
  return items;
}

/** Validates one FtM entity; returns the problems found (empty when valid). */
function checkEntity(value: unknown): string[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return ["not a JSON object"];
  const datum = value as Partial<FtmEntityDatum>;
  const problems: string[] = [];
  if (typeof datum.id !== "string" || !datum.id) problems.push("id: missing");
  if (typeof datum.schema !== "string") problems.push("schema: missing");
  else if (!(datum.schema in model.schemata)) problems.push(`schema: unknown FtM schema "${datum.schema}"`);
  else {
    try {
      const schema = model.getSchema(datum.schema);
      for (const [name, values] of Object.entries(datum.properties ?? {})) {
        if (!schema.hasProperty(name)) problems.push(`properties.${name}: not a property of ${datum.schema}`);
        else if (!Array.isArray(values)) problems.push(`properties.${name}: must be a list of values`);
      }
    } catch {
      problems.push(`schema: unknown FtM schema "${datum.schema}"`);
    }
  }
  if (datum.properties !== undefined && (typeof datum.properties !== "object" || datum.properties === null)) {
    problems.push("properties: must be an object");
  }
  return problems;
}

/** Reads FollowTheMoney JSON and JSON-lines files. */
export const ftmReader: Reader = {
  name: "ftm",
  extensions: [".json", ".jsonl", ".ndjson"],
  sniff: () => false,
  async read(bytes, file): Promise<DocumentRead> {
    assertText(bytes, file);
    const { text, warnings } = decodeUtf8(bytes, file);
    const items = splitJson(text, file);
    const problems = items.flatMap(({ line, value }) => checkEntity(value).map((p) => `line ${line}: ${p}`));
    if (problems.length > 0) {
      const first = items.find(({ value }) => checkEntity(value).length > 0);
      throw new SkeinError(
        "INGEST_BAD_FTM",
        `${problems.length} problem(s): ${problems.slice(0, 5).join("; ")}`,
        {
          file,
          line: first?.line,
          received: JSON.stringify(first?.value),
        },
      );
    }
    const read = emptyRead("ftm", normaliseText(text));
    read.warnings.push(...warnings);
    read.ftmEntities = items.map(({ value }) => {
      const datum = value as FtmEntityDatum;
      return { id: datum.id, schema: datum.schema, properties: datum.properties ?? {} };
    });
    return read;
  },
};
