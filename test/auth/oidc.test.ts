// Single sign-on against a real OpenID Connect provider started by the test (oidc-provider on 127.0.0.1):
// the authorisation code flow with PKCE from /api/oidc/login to the callback, a session for the account the
// provider names, and refusals for an account the case lacks, a callback from another browser, a replayed
// callback, a disabled account and a provider that is down; the one-time code never reaches the log.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAccount, disableAccount } from "../../src/auth/index.js";
import { buildApp } from "../../src/server/index.js";
import type { Workspace } from "../../src/store/index.js";
import { openTestWorkspace } from "../helpers/workspace.js";

const CLIENT_SECRET = "skein-test-client-secret-0123456789";
const CALLBACK = "http://skein.test/api/oidc/callback";

let idp: Server;
let issuer: string;
/** The person who signs in at the provider next. */
let nextPerson = "ann";
let workspace: Workspace;
let app: FastifyInstance;
const logLines: string[] = [];

beforeAll(async () => {
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "skein",
        client_secret: CLIENT_SECRET,
        redirect_uris: [CALLBACK],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], profile: ["preferred_username"] },
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub: `subject-${sub}`, preferred_username: sub }),
    }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // The test's person has already consented to Skein.
    loadExistingGrant: async (ctx: {
      oidc: {
        provider: { Grant: new (o: object) => GrantLike };
        client: { clientId: string };
        session: { accountId: string };
      };
    }) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    cookies: { keys: ["oidc-test-cookie-key"] },
  });
  const callback = provider.callback();
  idp.on("request", async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/interaction/")) {
      // The provider's sign-in page, answered at once for the test's person.
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: nextPerson } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    callback(req, res);
  });

  workspace = await openTestWorkspace("oidc");
  await addAccount(workspace.db, {
    name: "ann",
    role: "analyst",
    password: undefined,
    ssoOnly: true,
    by: "test",
  });
  app = await buildApp({
    workspace,
    config: {
      auth: "on",
      oidc: {
        issuer,
        clientId: "skein",
        clientSecret: CLIENT_SECRET,
        redirectUrl: CALLBACK,
        nameClaim: "preferred_username",
      },
      logger: { level: "info", stream: { write: (line: string) => logLines.push(line) } },
    },
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await workspace?.close();
  await new Promise((resolve) => idp?.close(resolve));
});

interface GrantLike {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}

/** Follows the provider's redirects with a cookie jar until it sends the browser back to Skein. */
async function throughProvider(start: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hops = 0; hops < 10; hops++) {
    if (url.href.startsWith(CALLBACK)) return url;
    const response = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [key, ...value] = pair.split("=");
      jar.set(key, value.join("="));
    }
    const location = response.headers.get("location");
    if (!location)
      throw new Error(
        `the provider stopped at ${url.pathname} with ${response.status}: ${await response.text()}`,
      );
    url = new URL(location, url);
  }
  throw new Error("too many redirects at the provider");
}

/** Starts a sign-on at Skein: the provider's address and the binding cookie. */
async function begin() {
  const start = await app.inject({ method: "GET", url: "/api/oidc/login", headers: { host: "skein.test" } });
  expect(start.statusCode).toBe(302);
  const binding = /skein_oidc=[^;]+/.exec(String(start.headers["set-cookie"]))?.[0] ?? "";
  expect(String(start.headers["set-cookie"])).toMatch(/HttpOnly; Secure; SameSite=Lax/);
  return { location: String(start.headers.location), binding };
}

async function finish(callback: URL, cookie: string) {
  return app.inject({
    method: "GET",
    url: `${callback.pathname}${callback.search}`,
    headers: { host: "skein.test", cookie },
  });
}

describe("single sign-on", () => {
  it("offers single sign-on on the sign-in page", async () => {
    const options = await app.inject({ method: "GET", url: "/api/login" });
    expect(options.json().methods).toEqual(["password", "oidc"]);
  });

  it("signs in the account the provider names, through the code flow with PKCE", async () => {
    nextPerson = "ann";
    const { location, binding } = await begin();
    const authorize = new URL(location);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    const callback = await throughProvider(location);
    const code = callback.searchParams.get("code") ?? "";
    expect(code.length).toBeGreaterThan(10);
    const done = await finish(callback, binding);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe("/");
    const session = /skein_session=[^;]+/.exec(String(done.headers["set-cookie"]))?.[0] ?? "";
    expect(String(done.headers["set-cookie"])).toMatch(
      /skein_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Strict/,
    );
    const me = await app.inject({
      method: "GET",
      url: "/api/session",
      headers: { host: "skein.test", cookie: session },
    });
    expect(me.json().principal).toEqual(
      expect.objectContaining({ kind: "account", name: "ann", role: "analyst" }),
    );

    // A callback is good once.
    const replay = await finish(callback, binding);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe("AUTH_OIDC_FAILED");
    expect(logLines.join("\n")).not.toContain(code);
  }, 30_000);

  it("refuses a person the case has no account for", async () => {
    nextPerson = "mallory";
    const { location, binding } = await begin();
    const refused = await finish(await throughProvider(location), binding);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe("AUTH_OIDC_FAILED");
    expect(refused.headers["set-cookie"] ?? "").not.toMatch(/skein_session=[^;]/);
  }, 30_000);

  it("refuses an account the case has disabled", async () => {
    await addAccount(workspace.db, {
      name: "bo",
      role: "viewer",
      password: undefined,
      ssoOnly: true,
      by: "test",
    });
    await disableAccount(workspace.db, "bo", "test");
    nextPerson = "bo";
    const { location, binding } = await begin();
    const refused = await finish(await throughProvider(location), binding);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe("AUTH_OIDC_FAILED");
    expect(refused.headers["set-cookie"] ?? "").not.toMatch(/skein_session=[^;]/);
  }, 30_000);

  it("refuses a callback in a browser that did not start the sign-on", async () => {
    nextPerson = "ann";
    const { location } = await begin();
    const refused = await finish(await throughProvider(location), "skein_oidc=another-browser");
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe("AUTH_OIDC_FAILED");
  }, 30_000);

  it("says when the provider cannot be reached", async () => {
    const other = await openTestWorkspace("oidc-down");
    const down = await buildApp({
      workspace: other,
      config: {
        auth: "on",
        oidc: {
          issuer: "http://127.0.0.1:9",
          clientId: "skein",
          clientSecret: null,
          redirectUrl: CALLBACK,
          nameClaim: "preferred_username",
        },
      },
    });
    try {
      const start = await down.inject({ method: "GET", url: "/api/oidc/login" });
      expect(start.statusCode).toBe(502);
      expect(start.json().code).toBe("AUTH_OIDC_UNREACHABLE");
    } finally {
      await down.close();
      await other.close();
    }
  });
});
