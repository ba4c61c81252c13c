// Starts `skein serve` on a workspace in a process of its own, as a user runs it, for the benchmarks that
// measure it from outside (HTTP clients, a browser).

/** Starts the server on a free loopback port; resolves with its URL and the child process. */
export async function startServerProcess(workspacePath) {
  const { spawn } = await import("node:child_process");
  const script = `
    import { startServer } from ${JSON.stringify(new URL("../dist/server/index.js", import.meta.url).href)};
    const server = await startServer({ workspacePath: ${JSON.stringify(workspacePath)}, host: "127.0.0.1", port: 0 });
    process.stdout.write(server.url + "\\n");
    process.on("SIGTERM", async () => { await server.close(); process.exit(0); });
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout.once("data", (data) => resolve({ url: String(data).trim(), child }));
  });
}
