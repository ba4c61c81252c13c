// Starting the app: opens the workspace, builds the app and listens, on 127.0.0.1 unless told otherwise.
import type { FastifyInstance } from "fastify";
import { SkeinError } from "../model/index.js";
import { openWorkspace } from "../store/index.js";
import { buildApp, type ServerConfig } from "./app.js";

/** Where to listen; loopback by default so a case is never exposed by accident. */
export const LISTEN_DEFAULTS = Object.freeze({ host: "127.0.0.1", port: 8080 });

/** Loopback addresses, and the host names a browser uses for them. */
const LOOPBACK = ["127.0.0.1", "localhost", "::1", "[::1]"];

/** A running server: its address and how to stop it (closing the app, then the workspace). */
export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Opens the workspace at `workspacePath`, builds the app and listens on host:port (port 0: any free port). */
export async function startServer(options: {
  workspacePath: string;
  host?: string;
  port?: number;
  config?: Partial<ServerConfig>;
}): Promise<RunningServer> {
  const host = options.host ?? LISTEN_DEFAULTS.host;
  const port = options.port ?? LISTEN_DEFAULTS.port;
  const workspace = await openWorkspace(options.workspacePath);
  // On loopback, answer only to loopback names (a DNS-rebinding page cannot reach the case).
  const allowedHosts = LOOPBACK.includes(host) ? LOOPBACK.filter((h) => h !== "::1") : null;
  const app = await buildApp({ workspace, config: { allowedHosts, ...options.config } });
  try {
    await app.listen({ host, port });
  } catch (cause) {
    await app.close();
    await workspace.close();
    throw new SkeinError(
      "SERVER_LISTEN_FAILED",
      `serve: cannot listen on ${host}:${port}: ${(cause as Error).message}`,
      { field: "port", received: `${host}:${port}` },
      { cause },
    );
  }
  const address = app.server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    app,
    url: `http://${shownHost}:${boundPort}`,
    close: async () => {
      await app.close();
      await workspace.close();
    },
  };
}
