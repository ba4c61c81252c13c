// Who a request or a command acts as: an account signed in through the workbench, an API token, or, with
// accounts off (a single analyst on loopback, or --no-auth), the local user with every right.
import type { Role, TokenScope } from "../model/index.js";

/** Who acts, with what role and scope. */
export interface Principal {
  kind: "account" | "token" | "local";
  /** The account name, the token id, or the local user's name. */
  name: string;
  role: Role;
  scope: TokenScope;
  /** How the log and audit trail name it: the account name, `token:tok_…`, or the local user's name. */
  label: string;
  /** For a browser session: the hash of its id, and the CSRF token state-changing requests must carry. */
  session: { idHash: string; csrfToken: string; expiresAt: string } | null;
}

/** The local user, with accounts off: every right, named as decisions have always named them. */
export function localPrincipal(name: string): Principal {
  return { kind: "local", name, role: "admin", scope: "all", label: name, session: null };
}
