// The auth stage: accounts and roles of a case, API tokens, browser sessions with CSRF tokens, sign-in with
// lockout, single sign-on (OpenID Connect with PKCE), and the audit trail of who did what.
// Reads and writes: accounts, api_tokens, sessions, login_failures, audit_events; reads the decision log.
// Public: the principal type, account, token, session and sign-in functions, OidcSignIn, the audit trail.
export {
  type Account,
  addAccount,
  changeRole,
  checkAccountName,
  checkRole,
  disableAccount,
  enableAccount,
  MAX_NAME_LENGTH,
  readAccount,
  readAccounts,
  resetPassword,
} from "./accounts.js";
export { type AuditEntry, type AuditFilter, readAuditTrail, recordAudit } from "./audit.js";
export { OIDC_COOKIE, OIDC_DEFAULTS, type OidcOptions, OidcSignIn } from "./oidc.js";
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./passwords.js";
export { localPrincipal, type Principal } from "./principal.js";
export {
  authenticateSession,
  endSession,
  isSessionCsrfToken,
  type NewSession,
  SESSION_COOKIE,
  SESSION_DEFAULTS,
  type SessionOptions,
} from "./sessions.js";
export { AttemptLimiter, LOCKOUT_DEFAULTS, type LockoutOptions, signIn } from "./sign-in.js";
export {
  type ApiToken,
  authenticateToken,
  createToken,
  MAX_TOKEN_LENGTH,
  parseLifetime,
  readTokens,
  revokeToken,
} from "./tokens.js";
