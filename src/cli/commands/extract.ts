// skein extract: FILE → the contract JSON of DESIGN.md (ingest-free), or --workspace W [SOURCE…] →
// mentions, entities and proposed claims stored for each source.

import {
  buildWorkspaceGazetteer,
  type Extraction,
  extractText,
  extractWithModel,
  type LearnedModel,
  loadLearnedModel,
  type ModelOptions,
  modelOptionsFromEnv,
  runExtraction,
  toContractDocument,
} from "../../extract/index.js";
import { DEFAULT_MAX_BYTES, readDocument } from "../../ingest/index.js";
import { DEFAULT_EXTRACTOR, SkeinError, sourceIdOf } from "../../model/index.js";
import { formatTable, plural, printJson, printResult, say, startProgress } from "../output.js";
import { readPublishedOption } from "../published-option.js";
import { withExistingWorkspace } from "../workspace.js";

const DEFAULTS = { extractor: DEFAULT_EXTRACTOR, maxSizeMb: DEFAULT_MAX_BYTES / 1e6 } as const;

/**
 * The model endpoint of `--extractor llm` (the SKEIN_LLM_* variables and --chunk-chars), or undefined
 * for the rules. Shared by `extract` and `investigate`.
 */
export function modelOptions(options: Record<string, unknown>): ModelOptions | undefined {
  if ((options.extractor ?? DEFAULTS.extractor) !== "llm") return undefined;
  const chunkChars = options.chunkChars === undefined ? undefined : Number(options.chunkChars);
  return { ...modelOptionsFromEnv(), chunkChars };
}

/**
 * The learned model when `--extractor learned` (the default) asks for it, read from --weights or the
 * shipped file; undefined for the rules alone or a model endpoint. Shared by `extract` and `investigate`.
 */
export function learnedModel(options: Record<string, unknown>): LearnedModel | undefined {
  if ((options.extractor ?? DEFAULTS.extractor) !== "learned") return undefined;
  return loadLearnedModel(options.weights === undefined ? undefined : String(options.weights));
}

async function extractFile(
  file: string,
  options: Record<string, unknown>,
): Promise<Extraction & { dropped?: unknown }> {
  const maxSizeMb = Number(options.maxSize ?? DEFAULTS.maxSizeMb);
  const read = await readDocument(file, { maxBytes: Math.round(maxSizeMb * 1e6) });
  if (!read.text.trim()) {
    throw new SkeinError("INGEST_EMPTY", `extract: ${file} has no text`, { file });
  }
  const published = readPublishedOption(options) ?? read.published;
  const sourceId = sourceIdOf(read.text);
  const model = modelOptions(options);
  if (model) {
    const result = await extractWithModel(read.text, { ...model, published, sourceId });
    if (result.dropped.entities + result.dropped.claims > 0) {
      say(
        `extract: dropped ${plural(result.dropped.entities, "entity", "entities")} and ${plural(result.dropped.claims, "claim")} the text does not bear out`,
      );
    }
    return result;
  }
  return extractText(read.text, {
    sourceId,
    published,
    gazetteer: undefined,
    learned: learnedModel(options),
  });
}

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  readPublishedOption(options);
  const workspaceMode = options.workspace !== undefined;
  const format = String(options.format ?? (options.json || !workspaceMode ? "json" : "text"));
  if (format !== "json" && format !== "text") {
    throw new SkeinError("EXTRACT_BAD_FORMAT", "extract: --format must be json or text", {
      field: "--format",
      received: format,
    });
  }
  if (!workspaceMode && args.length !== 1) {
    throw new SkeinError("EXTRACT_NO_INPUT", "extract: give one FILE, or --workspace W [SOURCE…]", {
      received: args.join(" "),
    });
  }
  if (!workspaceMode) {
    const extraction = await extractFile(args[0], options);
    const document = toContractDocument(extraction);
    if (format === "json") {
      printJson(
        options.extractor === "llm" && "dropped" in extraction
          ? { ...document, dropped: extraction.dropped }
          : document,
      );
      return 0;
    }
    const names = new Map(document.entities.map((e) => [e.id, e.name]));
    printResult(
      formatTable(
        ["id", "type", "name", "aliases"],
        document.entities.map((e) => [e.id, e.type, e.name, e.aliases.join("; ")]),
      ),
    );
    printResult("");
    printResult(
      formatTable(
        ["source", "relation", "target", "date", "certainty"],
        document.relations.map((r) => [
          names.get(r.source),
          r.type,
          names.get(r.target),
          r.date,
          r.certainty,
        ]),
      ),
    );
    return 0;
  }
  const result = await withExistingWorkspace(options, async ({ db }) => {
    const progress = startProgress(args.length, "extract");
    try {
      const gazetteer = options.gazetteer ? await buildWorkspaceGazetteer(db) : undefined;
      return await runExtraction(db, args.length > 0 ? args : undefined, {
        gazetteer,
        model: modelOptions(options),
        learned: learnedModel(options),
        onSource: (id) => progress.tick(id.slice(0, 12)),
      });
    } finally {
      progress.stop();
    }
  });
  if (format === "json") {
    printJson(result);
    return 0;
  }
  for (const r of result.runs) {
    printResult(
      `${r.sourceId.slice(0, 12)}  ${plural(r.entities, "entity", "entities")}, ${plural(r.mentions, "mention")}, ${plural(r.claims, "claim")}${r.kept ? ` (${r.kept} decided kept)` : ""}  ${r.title ?? ""}`,
    );
  }
  printResult(
    `${plural(result.sources, "source")}: ${plural(result.entities, "entity", "entities")}, ${plural(result.mentions, "mention")}, ${plural(result.claims, "claim")}`,
  );
  if (result.dropped > 0)
    say(
      `extract: dropped ${plural(result.dropped, "entity", "entities")} and claims the model proposed that the texts do not bear out`,
    );
  return 0;
}
