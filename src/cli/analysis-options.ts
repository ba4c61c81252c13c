// What the analysis commands (paths, intermediaries, focal-points, candidates, ego) share: the period
// filter flags, reading the case network from the workspace, and printing a hop with its evidence.
import { buildNetwork, type Hop, type Network, type NetworkFilter } from "../graph/index.js";
import { SkeinError } from "../model/index.js";
import { ensureResolved, findCaseEntity, readCaseView } from "../resolve/index.js";
import { plural } from "./output.js";
import { withExistingWorkspace } from "./workspace.js";

/** The period filter of --as-of DATE and --between A B. */
export function networkFilterOf(options: Record<string, unknown>): NetworkFilter {
  const filter: NetworkFilter = {};
  if (typeof options.asOf === "string") filter.asOf = options.asOf;
  const between = options.between as string[] | undefined;
  if (between !== undefined) {
    if (between.length !== 2) {
      throw new SkeinError("CLI_USAGE", "--between takes two dates, e.g. --between 2024-01 2024-12", {
        field: "--between",
        received: between.join(" "),
      });
    }
    filter.between = [between[0], between[1]];
  }
  return filter;
}

/** Reads the case network; `entityRefs` (ids, prefixes or document-level ids) come back as case entity ids. */
export async function loadNetwork(
  options: Record<string, unknown>,
  entityRefs: string[] = [],
): Promise<{ network: Network; entityIds: string[] }> {
  return withExistingWorkspace(options, async ({ db }) => {
    await ensureResolved(db);
    const entityIds: string[] = [];
    for (const ref of entityRefs) entityIds.push((await findCaseEntity(db, ref)).id);
    const view = await readCaseView(db);
    return { network: buildNetwork(view, networkFilterOf(options)), entityIds };
  });
}

/** An integer flag, checked. */
export function integerOption(
  options: Record<string, unknown>,
  name: string,
  flag: string,
): number | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new SkeinError("CLI_USAGE", `${flag} must be a whole number, e.g. 3`, {
      field: flag,
      received: String(value),
    });
  }
  return n;
}

/** One hop as two lines: who did what to whom, then the quote with its certainty and source. */
export function formatHop(hop: Hop): string {
  const [subject, object] = hop.forward ? [hop.fromCaption, hop.toCaption] : [hop.toCaption, hop.fromCaption];
  const source = hop.source?.title ?? hop.source?.filename ?? hop.sourceId.slice(0, 12);
  const who = hop.attribution ? `, per ${hop.attribution}` : "";
  const sources = plural(hop.sourceCount, "independent origin");
  return (
    `  ${subject} —${hop.predicate}→ ${object}  [${hop.certainty}${who}; ${sources}]\n` +
    `      "${hop.quote.replace(/\s+/g, " ").slice(0, 240)}" (${source})`
  );
}
