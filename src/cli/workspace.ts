// Opening the workspace a command names (--workspace, SKEIN_WORKSPACE or ./skein.db) for the length of one command.
import { openWorkspace, resolveWorkspacePath, type Workspace } from "../store/index.js";

/** Runs `body` with the command's workspace open, and closes it afterwards. */
export async function withWorkspace<T>(
  options: Record<string, unknown>,
  body: (workspace: Workspace) => Promise<T>,
): Promise<T> {
  const workspace = await openWorkspace(resolveWorkspacePath(options.workspace as string | undefined));
  try {
    return await body(workspace);
  } finally {
    await workspace.close();
  }
}
