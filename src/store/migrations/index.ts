// Every migration, by dated name; applied in name order when a workspace opens.
import type { Migration } from "kysely";
import * as initial from "./2026-11-25-initial.js";
import * as resolution from "./2026-11-25-resolution.js";
import * as resolutionJoins from "./2026-11-25-resolution-joins.js";
import * as claimProbability from "./2026-12-07-claim-probability.js";
import * as accounts from "./2026-12-15-accounts.js";

export const MIGRATIONS: Record<string, Migration> = {
  "2026-11-25-initial": initial,
  "2026-11-25-resolution": resolution,
  "2026-11-25-resolution-joins": resolutionJoins,
  "2026-12-07-claim-probability": claimProbability,
  "2026-12-15-accounts": accounts,
};
