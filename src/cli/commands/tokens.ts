// skein tokens [list | create --role R [--expires 90d] [--scope match] [--name N] | revoke ID]: API tokens
// for scripts and yente or OpenRefine clients. A new token is printed once; only its hash is kept.
import { createToken, parseLifetime, readTokens, revokeToken } from "../../auth/index.js";
import { SkeinError } from "../../model/index.js";
import { osUser } from "../decision-options.js";
import { formatTable, printJson, printResult, say } from "../output.js";
import { withExistingWorkspace } from "../workspace.js";

function usage(message: string): SkeinError {
  return new SkeinError("CLI_USAGE", message, {});
}

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const [action = "list", ...rest] = args;
  const by = osUser();
  if (action === "list") {
    const tokens = await withExistingWorkspace(options, ({ db }) => readTokens(db));
    if (options.json) {
      printJson(tokens);
      return 0;
    }
    if (tokens.length === 0) {
      printResult("no tokens yet: create one with `skein tokens create --role viewer --expires 90d`");
      return 0;
    }
    printResult(
      formatTable(
        ["id", "name", "role", "scope", "created", "by", "expires", "revoked", "last used"],
        tokens.map((t) => [
          t.id,
          t.name,
          t.role,
          t.scope,
          t.createdAt.slice(0, 10),
          t.createdBy,
          t.expiresAt?.slice(0, 16).replace("T", " ") ?? "never",
          t.revokedAt?.slice(0, 10),
          t.lastUsedAt?.slice(0, 16).replace("T", " "),
        ]),
      ),
    );
    return 0;
  }
  if (action === "create") {
    if (rest.length) throw usage(`tokens create takes no arguments; received ${rest.join(" ")}`);
    if (options.role === undefined) throw usage("tokens create: give --role viewer, analyst or admin");
    const expiresInMinutes = options.expires === undefined ? null : parseLifetime(String(options.expires));
    const created = await withExistingWorkspace(options, ({ db }) =>
      createToken(db, {
        name: String(options.name ?? `${options.role} token`),
        role: String(options.role),
        scope: String(options.scope ?? "all"),
        expiresInMinutes,
        by,
      }),
    );
    const { record } = created;
    say(
      `skein: created ${record.id} (${record.role}, scope ${record.scope}, ${record.expiresAt ? `expires ${record.expiresAt}` : "never expires"}); the token, shown this once:`,
    );
    printResult(created.token);
    return 0;
  }
  if (action === "revoke") {
    if (rest.length !== 1)
      throw usage("tokens revoke: give one token id, e.g. skein tokens revoke tok_1a2b3c4d5e6f");
    const token = await withExistingWorkspace(options, ({ db }) => revokeToken(db, rest[0], by));
    printResult(`${token.id}: revoked ${token.revokedAt}`);
    return 0;
  }
  throw usage(`tokens: unknown action "${action}"; use list, create or revoke`);
}
