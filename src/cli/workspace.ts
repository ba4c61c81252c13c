// Opening the workspace a command names (--workspace, SKEIN_WORKSPACE or ./skein.db) for the length of
// one command. Only the commands that bring material in (ingest, investigate, lists load/update,
// serve) create one, and remove a file they created when the run stored nothing; every other command
// needs the workspace to exist, so a typo in --workspace never reads as an empty case.
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
 * there is none: for commands that read, or that work on what is already stored (extract, resolve,
 * the decisions).
 */
export async function withExistingWorkspace<T>(
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
