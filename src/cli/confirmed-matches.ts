// Warnings for confirmed matches a screening run did not find again: kept because the entry is still
// listed, or gone because the entry left its list. Neither may pass silently.
import type { ScreeningSummary } from "../resolve/index.js";
import { say } from "./output.js";

export function warnConfirmedChanges(screening: Pick<ScreeningSummary, "kept" | "delisted">): void {
  for (const c of screening.kept) {
    say(
      `skein: warning: ${c.caption}: confirmed match to ${c.entryId} kept (decision ${c.decisionId}); ` +
        `the entry is still listed but its names no longer reach the threshold — the list set loaded may lack its aliases`,
    );
  }
  for (const c of screening.delisted) {
    say(
      `skein: warning: ${c.caption}: confirmed match to ${c.entryId} (decision ${c.decisionId}) is no longer ` +
        `on its list in snapshot ${c.snapshotId}: delisted, or the list set loaded is incomplete`,
    );
  }
}
