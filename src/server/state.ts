// The state every plugin shares: the workspace's query layer and the frozen configuration, nothing else
// (STYLE.md: only the store and config are shared across plugins).
import type { Db } from "../store/index.js";
import type { ServerConfig } from "./app.js";

/** What plugins read from `app.skein`. */
export interface ServerState {
  readonly db: Db;
  readonly config: Readonly<ServerConfig>;
}

/** Builds the shared state; frozen so no plugin can swap the store under another. */
export function createServerState(db: Db, config: Readonly<ServerConfig>): ServerState {
  return Object.freeze({ db, config });
}
