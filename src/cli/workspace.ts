// Opening the workspace a command names (--workspace, SKEIN_WORKSPACE or ./skein.db) for the length of
// one command. Commands that only read never create one; commands that write create it, and remove a
// file they created when the run stored nothing, so a typo leaves no empty case behind.
import { existsSync, rmSync } from "node:fs";
import { isWorkspaceEmpty, openWorkspace, resolveWorkspacePath, type Workspace } from "../store/index.js";

/** Runs `body` with the command's workspace open (created when missing), and closes it afterwards. */
export async function withWorkspace<T>(
  options: Record<string, unknown>,
  body: (workspace: Workspace) => Promise<T>,
): Promise<T> {
  const path = resolveWorkspacePath(options.workspace as string | undefined);
  const created = !path.includes("://") && !existsSync(path);
  const workspace = await openWorkspace(path);
  let keep = !created;
  try {
    const result = await body(workspace);
    keep ||= !(await isWorkspaceEmpty(workspace.db));
    return result;
  } finally {
    await workspace.close();
    if (!keep) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  }
}

/**
 * Runs `body` with an existing workspace open; STORE_NO_WORKSPACE (exit 1, naming the path) when
 * there is none, for commands that only read.
 */
export async function readWorkspace<T>(
  options: Record<string, unknown>,
  body: (workspace: Workspace) => Promise<T>,
): Promise<T> {
  const workspace = await openWorkspace(resolveWorkspacePath(options.workspace as string | undefined), {
    create: false,
  });
  try {
    return await body(workspace);
  } finally {
    await workspace.close();
  }
}
