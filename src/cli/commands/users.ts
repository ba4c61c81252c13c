// skein users [list | add NAME --role R | disable NAME | enable NAME | reset-password NAME | role NAME --role R]:
// the case's accounts. A password is generated and printed once unless --password-stdin gives one.
import {
  addAccount,
  changeRole,
  disableAccount,
  enableAccount,
  readAccounts,
  resetPassword,
} from "../../auth/index.js";
import { SkeinError } from "../../model/index.js";
import { osUser } from "../decision-options.js";
import { formatTable, printJson, printResult, say } from "../output.js";
import { readPasswordFromStdin } from "../secret-input.js";
import { withExistingWorkspace, withWorkspace } from "../workspace.js";

function usage(message: string): SkeinError {
  return new SkeinError("CLI_USAGE", message, {});
}

/** The account name an action needs, or a usage error. */
function nameOf(action: string, rest: string[]): string {
  if (rest.length !== 1)
    throw usage(`users ${action}: give one account name, e.g. skein users ${action} alice`);
  return rest[0];
}

/** Prints a generated password: the only time it is shown. */
function showPassword(name: string, password: string | null): void {
  if (password === null) return;
  say(`skein: the password of ${name}, shown this once (pass it on privately):`);
  printResult(password);
}

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const [action = "list", ...rest] = args;
  const by = osUser();
  const password = options.passwordStdin ? await readPasswordFromStdin() : undefined;
  if (action === "list") {
    const accounts = await withExistingWorkspace(options, ({ db }) => readAccounts(db));
    if (options.json) {
      printJson(accounts);
      return 0;
    }
    if (accounts.length === 0) {
      printResult("no accounts yet: add one with `skein users add NAME --role admin`");
      return 0;
    }
    printResult(
      formatTable(
        ["name", "role", "sign-in", "created", "by", "disabled"],
        accounts.map((a) => [
          a.name,
          a.role,
          a.signIn,
          a.createdAt.slice(0, 10),
          a.createdBy,
          a.disabledAt?.slice(0, 10),
        ]),
      ),
    );
    return 0;
  }
  if (action === "add") {
    const name = nameOf(action, rest);
    if (options.role === undefined) throw usage("users add: give --role viewer, analyst or admin");
    const created = await withWorkspace(options, ({ db }) =>
      addAccount(db, { name, role: String(options.role), password, ssoOnly: options.ssoOnly === true, by }),
    );
    say(`skein: added ${created.account.name} (${created.account.role})`);
    showPassword(name, created.password);
    return 0;
  }
  if (action === "reset-password") {
    const name = nameOf(action, rest);
    const reset = await withExistingWorkspace(options, ({ db }) => resetPassword(db, name, password, by));
    say(`skein: reset the password of ${name}; its sessions have ended`);
    showPassword(name, reset.password);
    return 0;
  }
  if (action === "disable" || action === "enable" || action === "role") {
    const name = nameOf(action, rest);
    if (action === "role" && options.role === undefined)
      throw usage("users role: give --role viewer, analyst or admin");
    const account = await withExistingWorkspace(options, ({ db }) =>
      action === "disable"
        ? disableAccount(db, name, by)
        : action === "enable"
          ? enableAccount(db, name, by)
          : changeRole(db, name, String(options.role), by),
    );
    printResult(`${account.name}: ${account.role}${account.disabledAt ? ", disabled" : ""}`);
    return 0;
  }
  throw usage(`users: unknown action "${action}"; use list, add, disable, enable, reset-password or role`);
}
