// Extraction runs: start extraction over some or all sources, followed by resolution and screening, in
// the background, and report progress (one step per source, then resolve, then screen) for the workbench.
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { recordAudit } from "../../auth/index.js";
import {
  type LearnedModel,
  loadLearnedModel,
  type ModelOptions,
  modelOptionsFromEnv,
  runExtraction,
} from "../../extract/index.js";
import { DEFAULT_EXTRACTOR, EXTRACTOR_NAMES, type ExtractorName, SkeinError } from "../../model/index.js";
import { runResolution, runScreening } from "../../resolve/index.js";
import { listSources } from "../../store/index.js";
import { principalOf } from "../access.js";
import { ID_PARAMS, listOf, nullable, objectOf } from "../schemas.js";

/** An extraction run as the API reports it. */
export interface ExtractionRun {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  sourceIds: string[];
  /** "rules", or "llm": the model endpoint the server's SKEIN_LLM_* variables name. */
  extractor: ExtractorName;
  /** Who started it: an account, a token, or the server's analyst without accounts. */
  by: string;
  /** Steps: one per source, then resolution, then screening. */
  total: number;
  done: number;
  current: string | null;
  startedAt: string;
  finishedAt: string | null;
  summary: { claims: number; entities: number; matches: number } | null;
  error: { code: string; message: string } | null;
}

const str = { type: "string" };
const nstr = { type: ["string", "null"] };

const RUN_SCHEMA = objectOf({
  id: str,
  status: { type: "string", enum: ["queued", "running", "done", "failed"] },
  sourceIds: { type: "array", items: str },
  extractor: { type: "string", enum: EXTRACTOR_NAMES },
  by: str,
  total: { type: "integer" },
  done: { type: "integer" },
  current: nstr,
  startedAt: str,
  finishedAt: nstr,
  summary: nullable(
    objectOf({ claims: { type: "integer" }, entities: { type: "integer" }, matches: { type: "integer" } }),
  ),
  error: nullable(objectOf({ code: str, message: str })),
});

/** Runs kept in memory per server, newest last; older finished runs are dropped past this many. */
const MAX_RUNS = 50;

/** The extraction-runs plugin. */
export async function extractionRunsPlugin(app: FastifyInstance): Promise<void> {
  const { db } = app.skein;
  const runs = new Map<string, ExtractionRun>();
  // Runs execute one after another: each writes the whole case, so two at once would race.
  let queue: Promise<void> = Promise.resolve();

  async function execute(
    run: ExtractionRun,
    model: ModelOptions | undefined,
    learned: LearnedModel | undefined,
  ): Promise<void> {
    run.status = "running";
    try {
      run.current = "extract";
      const extraction = await runExtraction(db, run.sourceIds, {
        model,
        learned,
        onSource: (sourceId) => {
          run.done += 1;
          run.current = `extracted ${sourceId.slice(0, 12)}`;
        },
      });
      run.current = "resolve";
      const resolution = await runResolution(db);
      run.done += 1;
      run.current = "screen";
      const screening = await runScreening(db, undefined);
      run.done += 1;
      run.summary = { claims: extraction.claims, entities: resolution.entities, matches: screening.matches };
      run.status = "done";
    } catch (error) {
      run.status = "failed";
      run.error =
        error instanceof SkeinError && error.family !== "internal"
          ? { code: error.code, message: error.message }
          : {
              code: "SERVER_INTERNAL",
              message: `internal error during the run; see the server log (run ${run.id})`,
            };
      app.log.error({ err: error, run: run.id }, "extraction run failed");
    } finally {
      run.current = null;
      run.finishedAt = new Date().toISOString();
    }
  }

  app.post<{ Body: { sources?: string[]; extractor?: ExtractorName } }>(
    "/api/extraction-runs",
    {
      config: { access: "analyst" },
      schema: {
        summary: "Start extraction (then resolution and screening) over the given sources, or all",
        tags: ["extraction"],
        body: objectOf(
          {
            sources: {
              type: "array",
              items: { type: "string", minLength: 1, maxLength: 200 },
              maxItems: 10000,
            },
            extractor: { type: "string", enum: EXTRACTOR_NAMES, default: DEFAULT_EXTRACTOR },
          },
          ["sources", "extractor"],
        ),
        response: { 202: RUN_SCHEMA },
      },
    },
    async (request, reply) => {
      const extractor = request.body.extractor ?? DEFAULT_EXTRACTOR;
      // Checked before the run is queued: a missing endpoint or weights file is the caller's error, not the run's.
      const model = extractor === "llm" ? modelOptionsFromEnv() : undefined;
      const learned = extractor === "learned" ? loadLearnedModel(app.skein.config.weights) : undefined;
      const known = (await listSources(db)).map((s) => s.id);
      const wanted = request.body.sources;
      const missing = (wanted ?? []).filter((id) => !known.includes(id));
      if (missing.length) {
        throw new SkeinError("SERVER_NOT_FOUND", `no source with id "${missing[0]}"`, {
          part: "body",
          field: "sources",
          received: missing.join(" "),
        });
      }
      const sourceIds = wanted ?? known;
      const run: ExtractionRun = {
        id: `run_${randomUUID().slice(0, 8)}`,
        status: "queued",
        sourceIds,
        extractor,
        by: principalOf(request).label,
        total: sourceIds.length + 2,
        done: 0,
        current: null,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        summary: null,
        error: null,
      };
      await recordAudit(db, {
        actor: run.by,
        action: "extraction_run",
        target: run.id,
        detail: { extractor, sources: sourceIds.length },
      });
      runs.set(run.id, run);
      for (const [id, old] of runs) if (runs.size > MAX_RUNS && old.finishedAt) runs.delete(id);
      queue = queue.then(() => execute(run, model, learned));
      reply.status(202);
      return run;
    },
  );

  app.get(
    "/api/extraction-runs",
    {
      config: { access: "viewer" },
      schema: {
        summary: "Extraction runs of this server, oldest first",
        tags: ["extraction"],
        response: { 200: listOf(RUN_SCHEMA) },
      },
    },
    async () => ({ total: runs.size, items: [...runs.values()] }),
  );

  app.get<{ Params: { id: string } }>(
    "/api/extraction-runs/:id",
    {
      config: { access: "viewer" },
      schema: {
        summary: "One extraction run and its progress",
        tags: ["extraction"],
        params: ID_PARAMS,
        response: { 200: RUN_SCHEMA },
      },
    },
    async (request) => {
      const run = runs.get(request.params.id);
      if (!run) {
        throw new SkeinError(
          "SERVER_NOT_FOUND",
          `no extraction run with id "${request.params.id}" on this server`,
          {
            field: "id",
            received: request.params.id,
          },
        );
      }
      return run;
    },
  );

  app.addHook("onClose", async () => {
    await queue;
  });
}
