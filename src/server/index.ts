// The HTTP API and the web workbench over one case workspace (fastify). Reads every stage through its
// index.ts; writes only through stage functions (ingest, extraction runs, decisions).
// Public: buildApp (no socket, for tests), startServer (listens; decides on sign-in), SERVER_DEFAULTS,
// LISTEN_DEFAULTS, isLoopback.
export { buildApp, SERVER_DEFAULTS, type ServerConfig } from "./app.js";
export { type ErrorBody, toErrorBody } from "./errors.js";
export {
  type AuthMode,
  isLoopback,
  LISTEN_DEFAULTS,
  type RunningServer,
  startServer,
} from "./start-server.js";
