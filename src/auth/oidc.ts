// Single sign-on with OpenID Connect: the authorisation code flow with PKCE (RFC 7636, S256), state and
// nonce, through openid-client. The identity provider says who the person is (the claim named by `nameClaim`,
// from the ID token, else from UserInfo); the case's accounts say whether they may come in and with which
// role: that claim must name an enabled account.
import * as oidc from "openid-client";
import { type Role, SkeinError } from "../model/index.js";
import { type Db, findAccount } from "../store/index.js";
import { hashSecret, randomSecret, sameSecret } from "./secrets.js";
import { type NewSession, type SessionOptions, startSession } from "./sessions.js";

/** How the server meets its identity provider. */
export interface OidcOptions {
  /** The issuer's address (its discovery document is at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  /** Null for a public client (PKCE alone); else client_secret_basic. */
  clientSecret: string | null;
  /** This server's callback address, as registered with the provider: `<origin>/api/oidc/callback`. */
  redirectUrl: string;
  /** The ID-token claim that names the account: preferred_username by default. */
  nameClaim: string;
}

/** Defaults: the account is named by the provider's preferred_username. */
export const OIDC_DEFAULTS = Object.freeze({ nameClaim: "preferred_username" });

/** The name of the cookie binding a sign-on to the browser that started it. */
export const OIDC_COOKIE = "skein_oidc";

/** How long a started sign-on may take, and how many may be pending at once (per server process). */
const PENDING_MS = 10 * 60_000;
const MAX_PENDING = 1000;

interface Pending {
  verifier: string;
  nonce: string;
  bindingHash: string;
  startedAt: number;
}

function failed(message: string, cause?: unknown): SkeinError {
  return new SkeinError("AUTH_OIDC_FAILED", `single sign-on: ${message}`, { field: "oidc" }, { cause });
}

/** Whether an address is plain http on this machine (a provider under test), where TLS is not required. */
function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/** The sign-on flow of one server: starts sign-ons and finishes them at the callback. */
export class OidcSignIn {
  readonly #options: Readonly<OidcOptions>;
  readonly #pending = new Map<string, Pending>();
  #configuration: Promise<oidc.Configuration> | undefined;

  constructor(options: OidcOptions) {
    for (const url of [options.issuer, options.redirectUrl]) {
      if (!URL.canParse(url)) {
        throw new SkeinError("AUTH_OIDC_CONFIG", `single sign-on: "${url}" is not an address`, {
          field: "oidc",
          received: url,
        });
      }
    }
    this.#options = Object.freeze({ ...options });
  }

  /** The provider's configuration, discovered once (again after a failure). */
  async #config(): Promise<oidc.Configuration> {
    const issuer = new URL(this.#options.issuer);
    this.#configuration ??= oidc
      .discovery(
        issuer,
        this.#options.clientId,
        undefined,
        this.#options.clientSecret === null
          ? oidc.None()
          : oidc.ClientSecretBasic(this.#options.clientSecret),
        isLoopbackHttp(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((cause: unknown) => {
        this.#configuration = undefined;
        throw new SkeinError(
          "AUTH_OIDC_UNREACHABLE",
          `single sign-on: cannot read the identity provider's configuration at ${issuer.origin}`,
          { field: "oidc", received: issuer.href },
          { cause },
        );
      });
    return this.#configuration;
  }

  /**
   * Starts a sign-on: the provider's authorisation address to send the browser to, and the value of the
   * binding cookie to set beside it.
   */
  async begin(now = Date.now()): Promise<{ url: string; binding: string }> {
    const config = await this.#config();
    for (const [state, pending] of this.#pending) {
      if (now - pending.startedAt > PENDING_MS) this.#pending.delete(state);
    }
    if (this.#pending.size >= MAX_PENDING) throw failed("too many sign-ons are pending; try again shortly");
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const binding = randomSecret();
    this.#pending.set(state, { verifier, nonce, bindingHash: hashSecret(binding), startedAt: now });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#options.redirectUrl,
      scope: "openid profile email",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { url: url.href, binding };
  }

  /**
   * Finishes a sign-on at the callback address (`callbackUrl` as the browser requested it): checks state,
   * binding, PKCE and nonce, reads the account name from the ID token, and starts a session for that account.
   */
  async finish(
    db: Db,
    callbackUrl: URL,
    binding: string | undefined,
    session: SessionOptions,
    now = new Date(),
  ): Promise<NewSession> {
    const state = callbackUrl.searchParams.get("state") ?? "";
    const pending = this.#pending.get(state);
    this.#pending.delete(state);
    if (!pending || now.getTime() - pending.startedAt > PENDING_MS) {
      throw failed("this sign-on is unknown or took too long");
    }
    if (!binding || !sameSecret(hashSecret(binding), pending.bindingHash)) {
      throw failed("this sign-on was started in another browser");
    }
    const config = await this.#config();
    const redirect = new URL(this.#options.redirectUrl);
    // The callback as registered, with the parameters the provider sent (a proxy may have changed the host).
    const current = new URL(redirect.href);
    current.search = callbackUrl.search;
    let claimed: unknown;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      claimed = idToken?.[this.#options.nameClaim];
      // Providers that follow the core spec strictly put profile claims only in UserInfo, not the ID token:
      // ask there, for the subject the ID token names.
      if (claimed === undefined && idToken) {
        const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
        claimed = userInfo[this.#options.nameClaim];
      }
    } catch (cause) {
      throw failed("the identity provider refused the sign-on", cause);
    }
    const name = typeof claimed === "string" ? claimed.trim().toLowerCase() : "";
    const account = name ? await findAccount(db, name) : undefined;
    if (!account || account.disabled_at) {
      throw failed(
        `the identity provider's ${this.#options.nameClaim} names no enabled account of this case`,
      );
    }
    return startSession(db, { name: account.name, role: account.role as Role }, "oidc", session, now);
  }
}
