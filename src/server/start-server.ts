// Starting the app: opens the workspace, decides whether accounts are required, builds the app and listens,
// on 127.0.0.1 unless told otherwise. Safe by default: on an address other than loopback the server refuses
// to start while the case has no account or token, unless told explicitly to serve without sign-in.
import { readFile } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { SkeinError } from "../model/index.js";
import { countCredentials, openWorkspace, type Workspace } from "../store/index.js";
import { buildApp, type ServerConfig } from "./app.js";

/** Where to listen; loopback by default so a case is never exposed by accident. */
export const LISTEN_DEFAULTS = Object.freeze({ host: "127.0.0.1", port: 8080 });

/** Loopback addresses, and the host names a browser uses for them. */
const LOOPBACK = ["127.0.0.1", "localhost", "::1", "[::1]"];

/** Whether a listening address is this machine only. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.includes(host.toLowerCase());
}

/** A running server: its address, whether sign-in is required, and how to stop it. */
export interface RunningServer {
  app: FastifyInstance;
  url: string;
  auth: "on" | "off";
  close(): Promise<void>;
}

/** How the server decides on sign-in: from the case's accounts ("auto"), or told to go without ("off"). */
export type AuthMode = "auto" | "off";

/**
 * Sign-in is on when the case has an account or a token. Without either, loopback keeps the single
 * analyst's experience, and any other address is refused unless `mode` is "off" (--no-auth).
 */
async function decideAuth(workspace: Workspace, host: string, mode: AuthMode): Promise<"on" | "off"> {
  if (mode === "off") return "off";
  const { accounts, tokens } = await countCredentials(workspace.db);
  if (accounts + tokens > 0) return "on";
  if (isLoopback(host)) return "off";
  throw new SkeinError(
    "SERVER_NO_ACCOUNTS",
    `serve: refusing to serve ${workspace.path} on ${host} without accounts: anyone who can reach it could read and change the case`,
    { field: "host", received: host },
  );
}

/** Reads the TLS certificate and key files; SERVER_TLS naming the one that is missing or unreadable. */
async function readTls(tls: { certFile: string; keyFile: string } | null) {
  if (!tls) return null;
  const read = async (file: string, flag: string) => {
    try {
      return await readFile(file, "utf8");
    } catch (cause) {
      throw new SkeinError(
        "SERVER_TLS",
        `serve: cannot read ${flag} ${file}: ${(cause as Error).message}`,
        { file, field: flag },
        { cause },
      );
    }
  };
  return { cert: await read(tls.certFile, "--tls-cert"), key: await read(tls.keyFile, "--tls-key") };
}

/** Opens the workspace at `workspacePath`, builds the app and listens on host:port (port 0: any free port). */
export async function startServer(options: {
  workspacePath: string;
  host?: string;
  port?: number;
  auth?: AuthMode;
  tls?: { certFile: string; keyFile: string } | null;
  config?: Partial<ServerConfig>;
}): Promise<RunningServer> {
  const host = options.host ?? LISTEN_DEFAULTS.host;
  const port = options.port ?? LISTEN_DEFAULTS.port;
  const tls = await readTls(options.tls ?? null);
  const workspace = await openWorkspace(options.workspacePath);
  let app: FastifyInstance | undefined;
  try {
    const auth = await decideAuth(workspace, host, options.auth ?? "auto");
    // On loopback, answer only to loopback names (a DNS-rebinding page cannot reach the case).
    const allowedHosts = isLoopback(host) ? LOOPBACK.filter((h) => h !== "::1") : null;
    app = await buildApp({ workspace, config: { allowedHosts, auth, tls, ...options.config } });
    await app.listen({ host, port }).catch((cause: unknown) => {
      throw new SkeinError(
        "SERVER_LISTEN_FAILED",
        `serve: cannot listen on ${host}:${port}: ${(cause as Error).message}`,
        { field: "port", received: `${host}:${port}` },
        { cause },
      );
    });
    const address = app.server.address();
    const boundPort = typeof address === "object" && address ? address.port : port;
    const shownHost = host.includes(":") ? `[${host}]` : host;
    const running = app;
    return {
      app,
      url: `${tls ? "https" : "http"}://${shownHost}:${boundPort}`,
      auth,
      close: async () => {
        await running.close();
        await workspace.close();
      },
    };
  } catch (error) {
    await app?.close();
    await workspace.close();
    throw error;
  }
}
