// skein serve: the HTTP API and the web workbench over one workspace, until interrupted.
import { SkeinError } from "../../model/index.js";
import { startServer } from "../../server/index.js";
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

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const port = wholeNumber(options.port ?? 8080, "--port", 0, 65535);
  const maxUploadMb = wholeNumber(options.maxUpload ?? 20, "--max-upload", 1, 1024);
  const host = String(options.host ?? "127.0.0.1");
  const workspacePath = resolveWorkspacePath(options.workspace as string | undefined);
  const server = await startServer({
    workspacePath,
    host,
    port,
    config: { maxUploadBytes: maxUploadMb * 1024 * 1024, logger: { level: "info", stream: process.stderr } },
  });
  say(
    `skein: serving ${workspacePath} at ${server.url} (workbench at ${server.url}/, API at ${server.url}/openapi.json)`,
  );
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1") {
    say(`skein: listening on ${host}: anyone who can reach this address can read and change the case`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  say("skein: stopping");
  await server.close();
  return 0;
}
