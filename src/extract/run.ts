// Runs extraction over sources in the workspace: one transaction per batch of sources, replacing each source's
// machine output (mentions, entities, proposed claims) of the same extractor (the rules, or one model)
// and keeping claims an analyst decided on.
import { type EntityType, type ListEntrySchema, SkeinError } from "../model/index.js";
import {
  findSource,
  findSourcesByPrefix,
  listListEntries,
  listListSnapshots,
  listSources,
  type Queryable,
  readCaseEntities,
  replaceExtraction,
} from "../store/index.js";
import { type Extraction, extractText, RULES_VERSION } from "./extract.js";
import { buildGazetteer, type Gazetteer, type GazetteerItem } from "./gazetteer.js";
import type { LearnedModel } from "./learn/learned-model.js";
import { RELATION_MODEL_NAME } from "./learn/relation-model.js";
import { extractWithModel, type ModelOptions, modelProducer } from "./llm/extract-with-model.js";

const SCHEMA_TYPES: Record<ListEntrySchema, EntityType> = {
  Person: "Person",
  Company: "Company",
  Organization: "Organization",
  LegalEntity: "Company",
  Vessel: "Vessel",
  Airplane: "Aircraft",
};

/**
 * A gazetteer of the names the workspace already knows: every name of every loaded list entry, and
 * the names of case entities (resolved across documents), so that extraction finds them in new text.
 */
export async function buildWorkspaceGazetteer(db: Queryable): Promise<Gazetteer> {
  const items: GazetteerItem[] = [];
  for (const snapshot of await listListSnapshots(db)) {
    for (const entry of await listListEntries(db, snapshot.id)) {
      for (const name of entry.names)
        items.push({ name, type: SCHEMA_TYPES[entry.schema] ?? "Company", ref: entry.id });
    }
  }
  for (const entity of await readCaseEntities(db)) {
    if (entity.type === "Place") continue;
    for (const name of entity.names) items.push({ name, type: entity.type, ref: entity.id });
  }
  return buildGazetteer(items);
}

/** The most sources, and characters of their text, written in one transaction. */
const WRITE_BATCH = { sources: 64, characters: 2_000_000 } as const;

/** Options of runExtraction. */
export interface RunExtractionOptions {
  /** Known names to find in the text (list entries, accepted entities); rules only. */
  gazetteer?: Gazetteer;
  /**
   * Extract with a model endpoint instead of the rules (see extractWithModel). Its output is stored
   * beside the rules' as producer "model:<model>", and a re-run with the same model replaces it.
   */
  model?: Omit<ModelOptions, "published" | "sourceId">;
  /**
   * The learned model over the rules (see loadLearnedModel); undefined for the rules alone. Either way
   * the output replaces the built-in extractor's earlier output for the source.
   */
  learned: LearnedModel | undefined;
  /** Called after each source, for progress. */
  onSource?: (sourceId: string) => void;
}

/** What one source's extraction wrote. */
export interface SourceExtraction {
  sourceId: string;
  title: string | null;
  entities: number;
  mentions: number;
  claims: number;
  kept: number;
  /** Entities and claims a model proposed that the text does not bear out (0 for the rules). */
  dropped: number;
}

/** What a run wrote: totals and one row per source. */
export interface ExtractionRun {
  sources: number;
  entities: number;
  mentions: number;
  claims: number;
  kept: number;
  dropped: number;
  runs: SourceExtraction[];
}

/**
 * Extracts the given sources (ids or unique id prefixes; every source when undefined) and stores the
 * results. Re-running gives the same rows: ids derive from the source and the spans.
 */
export async function runExtraction(
  db: Queryable & { transaction(): { execute<T>(fn: (trx: Queryable) => Promise<T>): Promise<T> } },
  sourceIds: string[] | undefined,
  options: RunExtractionOptions,
): Promise<ExtractionRun> {
  const sources = [];
  if (sourceIds === undefined || sourceIds.length === 0) {
    sources.push(...(await listSources(db)));
  } else {
    for (const id of sourceIds) {
      const exact = await findSource(db, id);
      const found = exact ? [exact] : await findSourcesByPrefix(db, id);
      if (found.length !== 1) {
        throw new SkeinError(
          found.length === 0 ? "STORE_NOT_FOUND" : "EXTRACT_AMBIGUOUS_SOURCE",
          `extract: ${found.length === 0 ? "no source" : "more than one source"} with id ${id}; give a longer prefix of an id from \`skein sources\``,
          { field: "source", received: id },
        );
      }
      sources.push(found[0]);
    }
  }
  const runs: SourceExtraction[] = [];
  const producers: [string, ...string[]] = options.model
    ? [modelProducer(options.model.model)]
    : [RULES_VERSION, RELATION_MODEL_NAME];
  // Sources are written in batches, one transaction each: a commit per source cost more than the
  // writes themselves. A re-run gives the same rows, so a batch lost to a crash is only redone.
  let batch: Array<{ source: (typeof sources)[number]; extraction: Extraction; dropped: number }> = [];
  let batchChars = 0;
  const flush = async () => {
    const written = await db.transaction().execute(async (trx) => {
      const out: SourceExtraction[] = [];
      for (const { source, extraction, dropped } of batch)
        out.push({
          sourceId: source.id,
          title: source.title,
          ...(await replaceExtraction(trx, source.id, extraction, producers)),
          dropped,
        });
      return out;
    });
    runs.push(...written);
    for (const run of written) options.onSource?.(run.sourceId);
    batch = [];
    batchChars = 0;
  };
  for (const source of sources) {
    const { published, id: sourceId } = source;
    let dropped = 0;
    let extraction: Extraction;
    if (options.model) {
      const proposed = await extractWithModel(source.text, { ...options.model, published, sourceId });
      dropped = proposed.dropped.entities + proposed.dropped.claims;
      extraction = proposed;
    } else {
      extraction = extractText(source.text, {
        sourceId,
        published,
        gazetteer: options.gazetteer,
        learned: options.learned,
      });
    }
    batch.push({ source, extraction, dropped });
    batchChars += source.text.length;
    // A model's answers are slow to get again: each source is kept as soon as it is back.
    if (options.model || batch.length >= WRITE_BATCH.sources || batchChars >= WRITE_BATCH.characters)
      await flush();
  }
  if (batch.length > 0) await flush();
  const total = (field: "entities" | "mentions" | "claims" | "kept" | "dropped"): number =>
    runs.reduce((n, r) => n + r[field], 0);
  return {
    sources: runs.length,
    entities: total("entities"),
    mentions: total("mentions"),
    claims: total("claims"),
    kept: total("kept"),
    dropped: total("dropped"),
    runs,
  };
}
