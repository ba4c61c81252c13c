// skein investigate DOCS… [--lists PATH…] [--out DIR]: the main job in one command, with a progress
// line per stage (ingest → extract → resolve → screen → analyse → report); writes DIR/summary.json,
// report.html, report.md and the exports, and prints what it found.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { runExtraction } from "../../extract/index.js";
import { buildNetwork } from "../../graph/index.js";
import { DEFAULT_MAX_BYTES, expandPaths, ingestPaths } from "../../ingest/index.js";
import { listSnapshots, loadLists } from "../../lists/index.js";
import { SkeinError } from "../../model/index.js";
import { buildInvestigation, buildSummary, type Summary, writeReports } from "../../report/index.js";
import { readCaseView, runResolution, runScreening } from "../../resolve/index.js";
import { listDecisions } from "../../store/index.js";
import { networkFilterOf } from "../analysis-options.js";
import { warnConfirmedChanges } from "../confirmed-matches.js";
import { plural, printJson, printResult, say, startProgress } from "../output.js";
import { readPublishedOption } from "../published-option.js";
import { withWorkspace } from "../workspace.js";
import { learnedModel, modelOptions } from "./extract.js";
import { errorWhere } from "./ingest.js";

const STAGES = ["ingest", "extract", "resolve", "screen", "analyse", "report"] as const;

/**
 * A folder written beside the --out folder and moved into it only when the run succeeds, so a failed
 * run leaves an existing --out folder as it was.
 */
class StagedFolder {
  readonly #target: string;
  readonly path: string;

  constructor(target: string) {
    this.#target = resolve(target);
    const parent = dirname(this.#target);
    mkdirSync(parent, { recursive: true });
    this.path = mkdtempSync(join(parent, `.${basename(this.#target)}-`));
  }

  /** Moves the written files into the target folder (replacing files of the same name). */
  commit(): void {
    if (!existsSync(this.#target)) {
      renameSync(this.path, this.#target);
      return;
    }
    for (const name of readdirSync(this.path)) renameSync(join(this.path, name), join(this.#target, name));
    rmSync(this.path, { recursive: true, force: true });
  }

  /** Removes what was written. */
  discard(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

function step(index: number, text: string): void {
  say(`[${index + 1}/${STAGES.length}] ${STAGES[index]}: ${text}`);
}

function checkOptions(options: Record<string, unknown>): {
  threshold: number;
  published: string | undefined;
} {
  const threshold = Number(options.threshold ?? 0.7);
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
    throw new SkeinError("CLI_USAGE", "--threshold must be a score in (0, 1], e.g. 0.7", {
      field: "--threshold",
      received: String(options.threshold),
    });
  }
  return { threshold, published: readPublishedOption(options) };
}

export async function run(docs: string[], options: Record<string, unknown>): Promise<number> {
  const { threshold, published } = checkOptions(options);
  const model = modelOptions(options);
  const learned = learnedModel(options);
  const filter = networkFilterOf(options);
  const outDir = String(options.out ?? "out");
  const listPaths = (options.lists as string[] | undefined) ?? [];
  let failed = 0;
  // A misspelt path stops the run before anything is stored or written.
  const missing = expandPaths(docs).find((e) => e.error?.code === "INGEST_PATH_MISSING")?.error;
  if (missing) throw missing;
  const staging = new StagedFolder(outDir);

  const summary: Summary = await withWorkspace(options, async ({ db }) => {
    // Lists first: a bad list file stops the run before any document is stored.
    const loaded = listPaths.length > 0 ? await loadLists(db, listPaths) : [];
    for (const l of loaded) {
      for (const issue of l.issues)
        say(`skein: warning: ${relative(process.cwd(), issue.file)}: ${issue.message}`);
      say(
        `lists: ${l.snapshot.authority}/${l.snapshot.list} ${l.status} (${plural(l.snapshot.entryCount, "entry", "entries")})`,
      );
    }

    const progress = startProgress(expandPaths(docs).length, "ingest");
    const ingested = await ingestPaths(db, docs, { published, maxBytes: DEFAULT_MAX_BYTES }, (r) =>
      progress.tick(r.file),
    );
    progress.stop();
    for (const r of ingested) {
      for (const warning of r.warnings) say(`skein: warning: ${warning}`);
      if (r.status === "failed" && r.error) say(`skein: ${errorWhere(r.error, r.file)}: ${r.error.message}`);
    }
    failed = ingested.filter((r) => r.status === "failed").length;
    const sourceIds = [...new Set(ingested.flatMap((r) => (r.sourceId ? [r.sourceId] : [])))];
    const fresh = ingested.filter((r) => r.status === "ingested").length;
    step(
      0,
      `${plural(ingested.length, "file")}: ${fresh} new, ${sourceIds.length - fresh} already in the workspace, ${failed} failed`,
    );

    const extraction = await runExtraction(db, sourceIds, { model, learned });
    step(
      1,
      `${plural(extraction.sources, "source")}: ${plural(extraction.mentions, "mention")}, ${plural(extraction.entities, "entity", "entities")}, ${plural(extraction.claims, "claim")}` +
        (extraction.dropped > 0
          ? ` (${extraction.dropped} proposed by the model and dropped: not in the text)`
          : ""),
    );

    const resolution = await runResolution(db);
    step(
      2,
      `${resolution.documentEntities} document entities into ${plural(resolution.entities, "entity", "entities")}`,
    );
    for (const id of resolution.unapplied) {
      say(
        `skein: warning: decision ${id} no longer applies: what it names is gone (see \`skein decisions\`)`,
      );
    }

    const snapshotIds = loaded.length > 0 ? loaded.map((l) => l.snapshot.id) : undefined;
    if (snapshotIds || (await listSnapshots(db)).length > 0) {
      const screening = await runScreening(db, snapshotIds, { threshold });
      const lists = screening.snapshots
        .map((s) => `${s.authority}/${s.list} (${plural(s.entries, "entry", "entries")})`)
        .join(", ");
      step(
        3,
        `${plural(screening.screened, "entity", "entities")} against ${lists}: ${plural(screening.matches, "match", "matches")}`,
      );
      warnConfirmedChanges(screening);
      // Strong list matches are evidence for resolution: entities matching one entry may be one party.
      const again = await runResolution(db);
      if (again.entities !== resolution.entities) {
        say(`resolve: list matches joined ${resolution.entities - again.entities} more entities`);
      }
    } else {
      step(3, "no list given (--lists PATH): screening skipped");
    }

    const view = await readCaseView(db, { threshold });
    const network = buildNetwork(view, filter);
    const title = typeof options.title === "string" ? options.title : undefined;
    const investigation = buildInvestigation(view, network, { title, decisions: await listDecisions(db) });
    step(4, `${plural(network.order, "entity", "entities")}, ${plural(network.size, "link")}`);

    const written = writeReports(investigation, staging.path);
    step(5, `${plural(written.length, "file")} written to ${outDir}`);
    return buildSummary(investigation);
  }).catch((error: unknown) => {
    staging.discard();
    throw error;
  });
  staging.commit();
  if (options.json) {
    printJson(summary);
    return failed > 0 ? 1 : 0;
  }
  printResult(
    `${plural(summary.sources, "source")}, ${plural(summary.entities, "entity", "entities")}, ${plural(summary.claims, "claim")}`,
  );
  // A terminal shows the first few; the report and summary.json hold them all.
  const listed = summary.sanctioned.slice(0, 20);
  const rest = summary.sanctioned.length - listed.length;
  printResult(
    `\nSanctioned parties (${summary.sanctioned.length}${rest > 0 ? `; the first ${listed.length} here` : ""}):`,
  );
  for (const s of listed) {
    const entries = s.matches.map(
      (m) => `${m.authority} ${m.list} ${m.authorityId} (${m.program}, ${m.score.toFixed(2)})`,
    );
    printResult(`  ${s.entity.caption}  —  ${entries.join("; ")}`);
  }
  const shown = summary.candidates.slice(0, 10);
  const more = summary.candidatesTotal > shown.length ? `; the strongest ${shown.length} here` : "";
  printResult(`\nDesignation candidates (${summary.candidatesTotal}${more}):`);
  for (const c of shown) {
    printResult(`  ${c.entity.caption}  score ${c.score.toFixed(2)}, ${plural(c.paths.length, "path")}`);
  }
  printResult(
    `\nReport: ${join(outDir, "report.html")} (also report.md, summary.json, entities.ftm.json, network.graphml, network.gexf, claims.csv, and every section complete in sanctioned.csv, candidates.csv, paths.csv, links.csv, intermediaries.csv, focal-points.csv, timeline.csv, sources.csv)`,
  );
  return failed > 0 ? 1 : 0;
}
