// Flags shared by the analyst decision commands (merge, split, not-same, accept, reject, confirm,
// dismiss, undo): --why and --by, with --by defaulting to the operating-system user.
import { userInfo } from "node:os";
import type { DecisionMeta, DecisionOutcome } from "../resolve/index.js";
import { plural, printJson, printResult, say } from "./output.js";

/** The user the OS says is running Skein, or "analyst" when it cannot say. */
export function osUser(): string {
  try {
    return userInfo().username || "analyst";
  } catch {
    return "analyst";
  }
}

/** Who and why, from --by and --why. */
export function decisionMetaOf(options: Record<string, unknown>): DecisionMeta {
  return {
    by: typeof options.by === "string" ? options.by : osUser(),
    why: typeof options.why === "string" ? options.why : null,
  };
}

/** Prints a recorded decision: one line, or JSON with --json. */
export function printDecision(
  outcome: DecisionOutcome,
  summary: string,
  options: Record<string, unknown>,
): void {
  if (options.json) {
    printJson(outcome);
    return;
  }
  const { decision, resolution } = outcome;
  printResult(`decision ${decision.id} (${decision.action}) by ${decision.by}: ${summary}`);
  if (resolution)
    say(
      `resolved: ${resolution.documentEntities} document entities into ${plural(resolution.entities, "entity", "entities")}`,
    );
}
