// skein serve: the HTTP API and the web workbench over one workspace, until interrupted; with sign-in when the
// case has accounts, refusing a shared address without them unless --no-auth.
import { OIDC_DEFAULTS, type OidcOptions } from "../../auth/index.js";
import { SkeinError } from "../../model/index.js";
import { isLoopback, startServer } from "../../server/index.js";
import { resolveWorkspacePath } from "../../store/index.js";
import { say } from "../output.js";

/** Parses a whole number flag within a range, or throws CLI_USAGE naming the flag. */
function wholeNumber(value: unknown, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new SkeinError(
      "CLI_USAGE",
      `${flag} must be a whole number from ${min} to ${max}, e.g. ${flag} 8080`,
      {
        field: flag,
        received: String(value),
      },
    );
  }
  return n;
}

/** Single sign-on from the --oidc-* flags and SKEIN_OIDC_CLIENT_SECRET; null when no flag asks for it. */
function oidcOptions(options: Record<string, unknown>, env = process.env): OidcOptions | null {
  const issuer = options.oidcIssuer as string | undefined;
  const clientId = options.oidcClientId as string | undefined;
  const redirectUrl = options.oidcRedirectUrl as string | undefined;
  if (issuer === undefined && clientId === undefined && redirectUrl === undefined) return null;
  if (!issuer || !clientId || !redirectUrl) {
    throw new SkeinError(
      "AUTH_OIDC_CONFIG",
      "serve: single sign-on needs --oidc-issuer, --oidc-client-id and --oidc-redirect-url together",
      { field: "--oidc-issuer" },
    );
  }
  return {
    issuer,
    clientId,
    // A secret never goes on the command line, where other users of the machine can read it.
    clientSecret: env.SKEIN_OIDC_CLIENT_SECRET || null,
    redirectUrl,
    nameClaim: String(options.oidcNameClaim ?? OIDC_DEFAULTS.nameClaim),
  };
}

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const port = wholeNumber(options.port ?? 8080, "--port", 0, 65535);
  const maxUploadMb = wholeNumber(options.maxUpload ?? 20, "--max-upload", 1, 1024);
  const host = String(options.host ?? "127.0.0.1");
  const certFile = options.tlsCert as string | undefined;
  const keyFile = options.tlsKey as string | undefined;
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new SkeinError("SERVER_TLS", "serve: give --tls-cert and --tls-key together", {
      field: certFile === undefined ? "--tls-cert" : "--tls-key",
    });
  }
  const trustProxy = options.trustProxy as string | undefined;
  const workspacePath = resolveWorkspacePath(options.workspace as string | undefined);
  const server = await startServer({
    workspacePath,
    host,
    port,
    auth: options.auth === false ? "off" : "auto",
    tls: certFile && keyFile ? { certFile, keyFile } : null,
    config: {
      maxUploadBytes: maxUploadMb * 1024 * 1024,
      logger: { level: "info", stream: process.stderr },
      oidc: oidcOptions(options),
      trustProxy: trustProxy ?? false,
    },
  });
  // Listening for the stop signals before saying it serves: whoever reads that line may stop it at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  say(
    `skein: serving ${workspacePath} at ${server.url} (workbench at ${server.url}/, API at ${server.url}/openapi.json)`,
  );
  if (!isLoopback(host)) {
    if (server.auth === "off") {
      say(
        `skein: warning: --no-auth on ${host}: anyone who can reach this address can read and change the case, under no name`,
      );
    } else if (certFile === undefined && trustProxy === undefined) {
      say(
        "skein: warning: plain HTTP on a shared address: browsers keep the sign-in cookie only over HTTPS; give --tls-cert and --tls-key, or serve behind a TLS reverse proxy (--trust-proxy)",
      );
    }
  }
  if (server.auth === "on") say("skein: sign-in required (accounts: `skein users list`)");
  await stopped;
  say("skein: stopping");
  await server.close();
  return 0;
}
