// Sign-in and who may call what, through the API with accounts on: every route generated from /openapi.json
// answers 401 without credentials (except sign-in, health and the workbench's files) and 403 to a viewer when
// it changes state; the role matrix; tokens that expire, are revoked or are scoped to matching; sessions with
// their cookie, CSRF token and sign-out; lockout and rate limits; attribution of decisions, uploads, runs and
// list loads; 409 on a stale version; and no secret in logs, error bodies, the audit trail or the reports.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAccount, createToken } from "../../src/auth/index.js";
import { buildNetwork } from "../../src/graph/index.js";
import { ERROR_CATALOGUE } from "../../src/model/index.js";
import { buildInvestigation, writeReports } from "../../src/report/index.js";
import { readCaseView } from "../../src/resolve/index.js";
import { buildApp } from "../../src/server/index.js";
import { updateToken, type Workspace } from "../../src/store/index.js";
import { CASE, writeServerCase } from "../fixtures/server/case.js";
import { REPO_ROOT } from "../helpers/shared.js";
import { openTestWorkspace } from "../helpers/workspace.js";

const PASSWORDS = { ada: "ada-admin-pass-1234", ann: "ann-analyst-pass-5678", vic: "vic-viewer-pass-9012" };
/** Every secret the suite handles, checked at the end against logs, error bodies, the audit trail and reports. */
const secrets: string[] = [...Object.values(PASSWORDS)];
/** Every response body the suite saw. */
const bodies: string[] = [];
const logLines: string[] = [];

let workspace: Workspace;
let app: FastifyInstance;
const tokens: Record<string, string> = {};

type Call = { method: string; url: string; headers?: Record<string, string>; payload?: unknown };

async function call(request: Call): Promise<LightMyRequestResponse> {
  const response = await app.inject({
    ...request,
    method: request.method as "GET",
    headers: { host: "skein.test", ...request.headers },
  } as Parameters<FastifyInstance["inject"]>[0]);
  bodies.push(response.body);
  return response;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** How the log and audit trail name a token's holder: token:tok_<id>. */
const labelOf = (token: string) => `token:tok_${/^skn_([a-z0-9]{12})\./.exec(token)?.[1]}`;

/** The code of an error answer, after checking its shape: catalogued, the one JSON shape, no stack. */
function errorCode(response: LightMyRequestResponse): string {
  const body = response.json();
  expect(body.statusCode).toBe(response.statusCode);
  expect(Object.keys(ERROR_CATALOGUE)).toContain(body.code);
  expect(response.body).not.toMatch(/at .+\.(ts|js):\d+/);
  return body.code;
}

/** Signs in through the API; the session cookie and CSRF token. */
async function signIn(name: string, password: string) {
  const response = await call({ method: "POST", url: "/api/login", payload: { name, password } });
  expect(response.statusCode).toBe(200);
  const setCookie = String(response.headers["set-cookie"]);
  const cookie = /skein_session=([^;]+)/.exec(setCookie)?.[1] ?? "";
  secrets.push(cookie, response.json().csrfToken);
  return { cookie: `skein_session=${cookie}`, csrf: response.json().csrfToken as string, setCookie };
}

beforeAll(async () => {
  workspace = await openTestWorkspace("access");
  await writeServerCase(workspace);
  for (const [name, role] of [
    ["ada", "admin"],
    ["ann", "analyst"],
    ["vic", "viewer"],
  ] as const) {
    await addAccount(workspace.db, { name, role, password: PASSWORDS[name], ssoOnly: false, by: "setup" });
  }
  for (const [key, role, scope] of [
    ["viewer", "viewer", "all"],
    ["analyst", "analyst", "all"],
    ["admin", "admin", "all"],
    ["match", "viewer", "match"],
  ] as const) {
    tokens[key] = (
      await createToken(workspace.db, { name: key, role, scope, expiresInMinutes: 60, by: "setup" })
    ).token;
  }
  secrets.push(...Object.values(tokens));
  app = await buildApp({
    workspace,
    config: {
      auth: "on",
      analyst: "nobody-local",
      signInsPerMinute: 1000,
      logger: { level: "info", stream: { write: (line: string) => logLines.push(line) } },
    },
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await workspace?.close();
});

/** The documented operations, read from /openapi.json. */
async function operations() {
  const doc = (await call({ method: "GET", url: "/openapi.json", headers: bearer(tokens.admin) })).json();
  return Object.entries(
    doc.paths as Record<string, Record<string, { "x-skein-access": string; security: unknown[] }>>,
  )
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    )
    .map((o) => ({
      ...o,
      url: o.path
        .replace("{dataset}", "default")
        .replace("{name}", "vic")
        .replace(/\{[^}]+\}/g, "x"),
    }));
}

/** POST routes that change nothing (matching, reconciliation, a subgraph asked for), or only the caller's own session. */
const NOT_STATE_CHANGING = new Set([
  "POST /match/{dataset}",
  "POST /reconcile/{dataset}",
  "POST /api/graph/subgraph",
  "POST /api/login",
  "POST /api/logout",
]);

describe("routes generated from /openapi.json", () => {
  it("answer 401 without credentials, except sign-in, health and the workbench's files", async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(30);
    const open = ops.filter((o) => o.op["x-skein-access"] === "public").map((o) => `${o.method} ${o.path}`);
    expect(open.sort()).toEqual([
      "GET /api/login",
      "GET /api/oidc/callback",
      "GET /api/oidc/login",
      "GET /healthz",
      "GET /readyz",
      "POST /api/login",
    ]);
    for (const o of ops.filter((x) => x.op["x-skein-access"] !== "public")) {
      const response = await call({
        method: o.method,
        url: o.url,
        payload: o.method === "GET" ? undefined : {},
      });
      expect({ route: `${o.method} ${o.path}`, status: response.statusCode }).toEqual({
        route: `${o.method} ${o.path}`,
        status: 401,
      });
      expect(errorCode(response)).toBe("AUTH_REQUIRED");
      expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
    }
    expect((await call({ method: "GET", url: "/openapi.json" })).statusCode).toBe(401);
  });

  it("let a viewer read everything but accounts, tokens and the audit trail", async () => {
    const ops = await operations();
    const adminOnly = /^\/api\/(users|tokens|audit)\b/;
    const closed = ops
      .filter(
        (o) =>
          (o.method === "GET" || NOT_STATE_CHANGING.has(`${o.method} ${o.path}`)) && !adminOnly.test(o.path),
      )
      .filter((o) => !["public", "viewer"].includes(o.op["x-skein-access"] as string))
      .map((o) => `${o.method} ${o.path}: ${o.op["x-skein-access"]}`);
    expect(closed).toEqual([]);
  });

  it("answer 403 to a viewer on every state-changing route", async () => {
    const ops = await operations();
    const changing = ops.filter(
      (o) => o.method !== "GET" && !NOT_STATE_CHANGING.has(`${o.method} ${o.path}`),
    );
    expect(changing.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        "POST /api/decisions",
        "POST /api/sources",
        "POST /api/extraction-runs",
        "POST /api/users",
      ]),
    );
    for (const o of changing) {
      const response = await call({
        method: o.method,
        url: o.url,
        headers: bearer(tokens.viewer),
        payload: {},
      });
      expect({ route: `${o.method} ${o.path}`, status: response.statusCode }).toEqual({
        route: `${o.method} ${o.path}`,
        status: 403,
      });
      expect(errorCode(response)).toBe("AUTH_FORBIDDEN");
    }
  });
});

describe("the role matrix", () => {
  // Each family's routes, and the least role that may call them.
  const families: Array<{ family: string; least: "viewer" | "analyst" | "admin"; calls: Call[] }> = [
    {
      family: "read the case",
      least: "viewer",
      calls: [
        { method: "GET", url: "/api/entities" },
        { method: "GET", url: "/api/claims" },
        { method: "GET", url: `/api/sources/${CASE.news}` },
        { method: "GET", url: "/api/graph" },
        { method: "GET", url: "/api/decisions" },
        { method: "GET", url: "/api/lists" },
      ],
    },
    {
      family: "matching",
      least: "viewer",
      calls: [
        {
          method: "POST",
          url: "/match/default",
          payload: { queries: { q: { schema: "Company", properties: { name: ["Halvard Dynamics"] } } } },
        },
        { method: "GET", url: "/algorithms" },
      ],
    },
    {
      family: "decide, upload, extract",
      least: "analyst",
      calls: [
        { method: "POST", url: "/api/decisions", payload: { action: "accept", claim: CASE.onwardClaim } },
        {
          method: "POST",
          url: "/api/sources?filename=matrix.txt",
          headers: { "content-type": "application/octet-stream" },
          payload: Buffer.from("Brindle Marine Works bought valves from Tidewater Castings Ltd in 2025.\n"),
        },
        {
          method: "POST",
          url: "/api/extraction-runs",
          payload: { sources: [CASE.ledger], extractor: "rules" },
        },
      ],
    },
    {
      family: "accounts, tokens, audit, list loads",
      least: "admin",
      calls: [
        { method: "GET", url: "/api/users" },
        { method: "GET", url: "/api/tokens" },
        { method: "GET", url: "/api/audit" },
        {
          method: "POST",
          url: "/api/lists?filename=sdn.xml",
          headers: { "content-type": "application/octet-stream" },
          payload: readFileSync(join(REPO_ROOT, "test/fixtures/lists/sdn.xml")),
        },
      ],
    },
  ];
  const rank = { viewer: 1, analyst: 2, admin: 3 };

  for (const { family, least, calls } of families) {
    for (const role of ["viewer", "analyst", "admin"] as const) {
      const allowed = rank[role] >= rank[least];
      it(`${role} ${allowed ? "may" : "may not"} ${family}`, async () => {
        for (const c of calls) {
          const response = await call({ ...c, headers: { ...c.headers, ...bearer(tokens[role]) } });
          if (allowed)
            expect(response.statusCode, `${c.method} ${c.url}: ${response.body}`).toBeLessThan(300);
          else expect(errorCode(response)).toBe("AUTH_FORBIDDEN");
        }
      }, 60_000);
    }
  }

  it("lets a token scoped to matching call /match, and nothing else", async () => {
    const match = await call({
      method: "POST",
      url: "/match/default",
      headers: bearer(tokens.match),
      payload: { queries: { q: { schema: "Company", properties: { name: ["Halvard Dynamics"] } } } },
    });
    expect(match.statusCode).toBe(200);
    const entities = await call({ method: "GET", url: "/api/entities", headers: bearer(tokens.match) });
    expect(errorCode(entities)).toBe("AUTH_FORBIDDEN");
  });
});

describe("tokens", () => {
  it("refuses an expired token and a revoked one, each with its own code", async () => {
    const expiring = await createToken(workspace.db, {
      name: "short",
      role: "viewer",
      scope: "all",
      expiresInMinutes: 1,
      by: "setup",
    });
    secrets.push(expiring.token);
    expect(
      (await call({ method: "GET", url: "/api/entities", headers: bearer(expiring.token) })).statusCode,
    ).toBe(200);
    await updateToken(workspace.db, expiring.record.id, {
      expires_at: new Date(Date.now() - 1000).toISOString(),
    });
    const expired = await call({ method: "GET", url: "/api/entities", headers: bearer(expiring.token) });
    expect(expired.statusCode).toBe(401);
    expect(errorCode(expired)).toBe("AUTH_TOKEN_EXPIRED");

    const created = await call({
      method: "POST",
      url: "/api/tokens",
      headers: bearer(tokens.admin),
      payload: { name: "to revoke", role: "analyst", expires: "90d" },
    });
    expect(created.statusCode).toBe(201);
    const { token, record } = created.json();
    secrets.push(token);
    expect(
      JSON.stringify(
        (await call({ method: "GET", url: "/api/tokens", headers: bearer(tokens.admin) })).json(),
      ),
    ).not.toContain(token.split(".")[1]);
    expect((await call({ method: "GET", url: "/api/claims", headers: bearer(token) })).statusCode).toBe(200);
    const revoke = await call({
      method: "DELETE",
      url: `/api/tokens/${record.id}`,
      headers: bearer(tokens.admin),
    });
    expect(revoke.json().revokedBy).toBe(labelOf(tokens.admin));
    const revoked = await call({ method: "GET", url: "/api/claims", headers: bearer(token) });
    expect(revoked.statusCode).toBe(401);
    expect(errorCode(revoked)).toBe("AUTH_TOKEN_REVOKED");
  });

  it("refuses bad credentials with catalogued 4xx codes and no stack", async () => {
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ authorization: "Basic YWRhOnBhc3M=" }, 400, "AUTH_BAD_HEADER"],
      [{ authorization: "Bearer" }, 400, "AUTH_BAD_HEADER"],
      [{ authorization: "Bearer a b" }, 400, "AUTH_BAD_HEADER"],
      [{ authorization: `Bearer ${"x".repeat(5000)}` }, 400, "AUTH_CREDENTIALS_TOO_LARGE"],
      [{ authorization: `Bearer ${"x".repeat(200)}` }, 401, "AUTH_BAD_TOKEN"],
      [{ authorization: `Bearer ${tokens.viewer.slice(0, -2)}zz` }, 401, "AUTH_BAD_TOKEN"],
      [
        { authorization: "Bearer skn_000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
        401,
        "AUTH_BAD_TOKEN",
      ],
      [{ cookie: "skein_session=forged-value" }, 401, "AUTH_SESSION_EXPIRED"],
      [{ cookie: `skein_session=${"y".repeat(4000)}` }, 401, "AUTH_SESSION_EXPIRED"],
    ];
    for (const [headers, status, code] of cases) {
      const response = await call({ method: "GET", url: "/api/entities", headers });
      expect({
        headers: Object.keys(headers),
        status: response.statusCode,
        code: errorCode(response),
      }).toEqual({
        headers: Object.keys(headers),
        status,
        code,
      });
    }
  });
});

describe("sessions", () => {
  it("signs in with an HttpOnly, Secure, SameSite=Strict cookie and a CSRF token", async () => {
    const { cookie, csrf, setCookie } = await signIn("ann", PASSWORDS.ann);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const session = await call({ method: "GET", url: "/api/session", headers: { cookie } });
    expect(session.json()).toEqual(
      expect.objectContaining({
        auth: "on",
        csrfToken: csrf,
        principal: expect.objectContaining({ name: "ann", role: "analyst" }),
      }),
    );
  });

  it("refuses a state-changing request without the CSRF token, or from another origin", async () => {
    const { cookie, csrf } = await signIn("ann", PASSWORDS.ann);
    const decision = { action: "accept", claim: CASE.payClaim };
    const missing = await call({
      method: "POST",
      url: "/api/decisions",
      headers: { cookie },
      payload: decision,
    });
    expect(missing.statusCode).toBe(403);
    expect(errorCode(missing)).toBe("AUTH_CSRF");
    const wrong = await call({
      method: "POST",
      url: "/api/decisions",
      headers: { cookie, "x-csrf-token": `${csrf}x` },
      payload: decision,
    });
    expect(errorCode(wrong)).toBe("AUTH_CSRF");
    const crossSite = await call({
      method: "POST",
      url: "/api/decisions",
      headers: {
        cookie,
        "x-csrf-token": csrf,
        origin: "http://elsewhere.example",
        "sec-fetch-site": "cross-site",
      },
      payload: decision,
    });
    expect(errorCode(crossSite)).toBe("AUTH_CSRF");
    const good = await call({
      method: "POST",
      url: "/api/decisions",
      headers: { cookie, "x-csrf-token": csrf, origin: "http://skein.test", "sec-fetch-site": "same-origin" },
      payload: decision,
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().decision.by).toBe("ann");
  });

  it("behind a trusted reverse proxy, takes the browser's host from X-Forwarded-Host, and only then", async () => {
    const behindProxy = await buildApp({
      workspace,
      config: { auth: "on", signInsPerMinute: 1000, logger: false, trustProxy: "127.0.0.1" },
    });
    try {
      // The proxy keeps Host at the upstream address and forwards the public name, as nginx's proxy_pass does.
      const upstream = { host: "127.0.0.1:8080", "x-forwarded-proto": "https" };
      const login = await behindProxy.inject({
        method: "POST",
        url: "/api/login",
        headers: { ...upstream, "x-forwarded-host": "skein.example.org" },
        payload: { name: "ann", password: PASSWORDS.ann },
      });
      expect(login.statusCode).toBe(200);
      const cookie = /skein_session=[^;]+/.exec(String(login.headers["set-cookie"]))?.[0] ?? "";
      const csrf: string = login.json().csrfToken;
      secrets.push(cookie.split("=")[1], csrf);
      const post = (headers: Record<string, string>) =>
        behindProxy.inject({
          method: "POST",
          url: "/api/decisions",
          headers: {
            ...upstream,
            cookie,
            "x-csrf-token": csrf,
            origin: "https://skein.example.org",
            ...headers,
          },
          payload: { action: "accept", claim: CASE.supplyClaim, why: "via the proxy" },
        });
      expect((await post({ "x-forwarded-host": "skein.example.org" })).statusCode).toBe(201);
      const unnamed = await post({});
      expect(unnamed.statusCode).toBe(403);
      expect(unnamed.json().code).toBe("AUTH_CSRF");
      // From an address that is not the trusted proxy, X-Forwarded-Host is not believed.
      const spoofed = await behindProxy.inject({
        method: "POST",
        url: "/api/decisions",
        remoteAddress: "192.0.2.7",
        headers: {
          ...upstream,
          cookie,
          "x-csrf-token": csrf,
          origin: "https://skein.example.org",
          "x-forwarded-host": "skein.example.org",
        },
        payload: { action: "accept", claim: CASE.supplyClaim },
      });
      expect(spoofed.statusCode).toBe(403);
      expect(spoofed.json().code).toBe("AUTH_CSRF");
    } finally {
      await behindProxy.close();
    }
  });

  it("ends the session at sign-out", async () => {
    const { cookie, csrf } = await signIn("vic", PASSWORDS.vic);
    expect((await call({ method: "GET", url: "/api/entities", headers: { cookie } })).statusCode).toBe(200);
    const out = await call({ method: "POST", url: "/api/logout", headers: { cookie, "x-csrf-token": csrf } });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers["set-cookie"])).toMatch(/Max-Age=0/);
    const after = await call({ method: "GET", url: "/api/entities", headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(errorCode(after)).toBe("AUTH_SESSION_EXPIRED");
  });

  it("answers an unknown name and a wrong password alike", async () => {
    const unknown = await call({
      method: "POST",
      url: "/api/login",
      payload: { name: "nobody", password: "whatever-it-is" },
    });
    const wrong = await call({
      method: "POST",
      url: "/api/login",
      payload: { name: "vic", password: "not-the-password" },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(errorCode(wrong)).toBe("AUTH_BAD_LOGIN");
    const huge = await call({
      method: "POST",
      url: "/api/login",
      payload: { name: "vic", password: "p".repeat(5000) },
    });
    expect(errorCode(huge)).toBe("AUTH_CREDENTIALS_TOO_LARGE");
    expect(huge.statusCode).toBe(400);
    const hugeName = await call({
      method: "POST",
      url: "/api/login",
      payload: { name: "n".repeat(500), password: "x" },
    });
    expect(errorCode(hugeName)).toBe("AUTH_CREDENTIALS_TOO_LARGE");
  });

  it("locks a name after five failures, whether or not an account has it", async () => {
    for (const name of ["ada", "ghost"]) {
      for (let i = 0; i < 5; i++) {
        const r = await call({
          method: "POST",
          url: "/api/login",
          payload: { name, password: `wrong-${i}-password` },
        });
        expect(errorCode(r)).toBe("AUTH_BAD_LOGIN");
      }
      const locked = await call({
        method: "POST",
        url: "/api/login",
        payload: { name, password: PASSWORDS.ada },
      });
      expect(locked.statusCode).toBe(429);
      expect(errorCode(locked)).toBe("AUTH_LOCKED");
    }
    // An admin's reset lifts the lockout.
    const reset = await call({
      method: "POST",
      url: "/api/users/ada/password",
      headers: bearer(tokens.admin),
      payload: { password: PASSWORDS.ada },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().password).toBeNull();
    await signIn("ada", PASSWORDS.ada);
  });

  it("refuses sign-ins beyond the limit per address", async () => {
    const limited = await buildApp({ workspace, config: { auth: "on", signInsPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.inject({
          method: "POST",
          url: "/api/login",
          payload: { name: "nobody2", password: "x-y-z" },
        });
        statuses.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json().code).toBe("AUTH_RATE_LIMITED");
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("accounts and attribution", () => {
  it("adds an account with a generated password shown once, disables it, and its sessions end", async () => {
    const added = await call({
      method: "POST",
      url: "/api/users",
      headers: bearer(tokens.admin),
      payload: { name: "dora", role: "viewer" },
    });
    expect(added.statusCode).toBe(201);
    const { password } = added.json();
    secrets.push(password);
    expect(password.length).toBeGreaterThanOrEqual(20);
    const { cookie } = await signIn("dora", password);
    const users = await call({ method: "GET", url: "/api/users", headers: bearer(tokens.admin) });
    expect(users.body).not.toContain(password);
    expect(users.body).not.toMatch(/scrypt/);
    const disabled = await call({
      method: "PATCH",
      url: "/api/users/dora",
      headers: bearer(tokens.admin),
      payload: { disabled: true },
    });
    expect(disabled.json().disabledAt).toEqual(expect.any(String));
    expect((await call({ method: "GET", url: "/api/entities", headers: { cookie } })).statusCode).toBe(401);
    const again = await call({ method: "POST", url: "/api/login", payload: { name: "dora", password } });
    expect(errorCode(again)).toBe("AUTH_BAD_LOGIN");
    const duplicate = await call({
      method: "POST",
      url: "/api/users",
      headers: bearer(tokens.admin),
      payload: { name: "dora", role: "viewer" },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(errorCode(duplicate)).toBe("AUTH_USER_EXISTS");
  });

  it("records who decided, uploaded, ran extraction and loaded a list, and lists it in /api/audit", async () => {
    const analyst = bearer(tokens.analyst);
    const analystLabel = labelOf(tokens.analyst);
    const decision = await call({
      method: "POST",
      url: "/api/decisions",
      headers: analyst,
      payload: { action: "reject", claim: CASE.hostileClaim },
    });
    expect(decision.json().decision.by).toBe(analystLabel);
    const match = (await call({ method: "GET", url: "/api/matches", headers: analyst })).json().items[0];
    const confirmed = await call({
      method: "POST",
      url: "/api/decisions",
      headers: analyst,
      payload: { action: "confirm", match: match.id },
    });
    expect(confirmed.statusCode).toBe(201);
    const matches = (await call({ method: "GET", url: "/api/matches", headers: analyst })).json().items;
    expect(matches.find((m: { id: string }) => m.id === match.id).decidedBy).toBe(analystLabel);
    const impersonate = await call({
      method: "POST",
      url: "/api/decisions",
      headers: analyst,
      payload: { action: "accept", claim: CASE.hostileClaim, by: "ada" },
    });
    expect(errorCode(impersonate)).toBe("AUTH_FORBIDDEN");
    const upload = await call({
      method: "POST",
      url: "/api/sources?filename=attributed.txt",
      headers: { ...analyst, "content-type": "application/octet-stream" },
      payload: Buffer.from("Quillon Freight Ltd chartered a vessel for Marrow Instruments in 2025.\n"),
    });
    expect(upload.statusCode).toBe(201);
    const source = await call({
      method: "GET",
      url: `/api/sources/${upload.json().sourceId}`,
      headers: analyst,
    });
    expect(source.json().ingestedBy).toBe(analystLabel);
    const run = await call({
      method: "POST",
      url: "/api/extraction-runs",
      headers: analyst,
      payload: { sources: [upload.json().sourceId], extractor: "rules" },
    });
    expect(run.json().by).toBe(analystLabel);
    const lists = await call({ method: "GET", url: "/api/lists", headers: analyst });
    const loaded = lists.json().items.find((s: { filename: string }) => s.filename === "sdn.xml");
    expect(loaded.loadedBy).toMatch(/^token:tok_/);

    const audit = await call({ method: "GET", url: "/api/audit?limit=1000", headers: bearer(tokens.admin) });
    const items = audit.json().items as Array<{ actor: string; action: string; target: string }>;
    const did = (action: string) => items.filter((e) => e.action === action).map((e) => e.actor);
    expect(did("upload")).toContain(analystLabel);
    expect(did("extraction_run")).toContain(analystLabel);
    expect(did("list_load").length).toBeGreaterThan(0);
    expect(did("decision:reject")).toContain(analystLabel);
    expect(did("decision:accept")).toContain("ann");
    expect(did("login")).toEqual(expect.arrayContaining(["ann", "vic", "ada"]));
    expect(did("logout")).toContain("vic");
    expect(did("login_failed").length).toBeGreaterThan(0);
    expect(did("user_add")).toContain(labelOf(tokens.admin));
    const filtered = await call({
      method: "GET",
      url: `/api/audit?actor=ann&action=decision`,
      headers: bearer(tokens.admin),
    });
    expect(
      filtered
        .json()
        .items.every(
          (e: { actor: string; action: string }) => e.actor === "ann" && e.action.startsWith("decision:"),
        ),
    ).toBe(true);
  });

  it("answers 409 with the current state to a decision on a stale version", async () => {
    const analyst = bearer(tokens.analyst);
    const read = await call({ method: "GET", url: `/api/claims/${CASE.supplyClaim}`, headers: analyst });
    const version = read.json().claim.version as number;
    expect(read.headers.etag).toBe(`"${version}"`);
    const first = await call({
      method: "POST",
      url: "/api/decisions",
      headers: { ...analyst, "if-match": `"${version}"` },
      payload: { action: "accept", claim: CASE.supplyClaim },
    });
    expect(first.statusCode).toBe(201);
    const second = await call({
      method: "POST",
      url: "/api/decisions",
      headers: { ...bearer(tokens.admin), "if-match": `"${version}"` },
      payload: { action: "reject", claim: CASE.supplyClaim },
    });
    expect(second.statusCode).toBe(409);
    expect(errorCode(second)).toBe("DECISION_CONFLICT");
    const current = second.json().details.current;
    expect(current.version).toBe(first.json().decision.id);
    expect(current.status).toBe("accepted");
    expect(current.decision.by).toBe(first.json().decision.by);
    const reread = await call({ method: "GET", url: `/api/claims/${CASE.supplyClaim}`, headers: analyst });
    expect(reread.json().claim.version).toBe(current.version);
    expect(reread.json().claim.status).toBe("accepted");
    const badHeader = await call({
      method: "POST",
      url: "/api/decisions",
      headers: { ...analyst, "if-match": "yesterday" },
      payload: { action: "reject", claim: CASE.supplyClaim },
    });
    expect(errorCode(badHeader)).toBe("SERVER_BAD_REQUEST");
  });
});

describe("secrets", () => {
  it("never appear in logs, error bodies, the audit trail, the decision log or the reports", async () => {
    const audit = (await call({ method: "GET", url: "/api/audit?limit=1000", headers: bearer(tokens.admin) }))
      .body;
    const decisions = (await call({ method: "GET", url: "/api/decisions", headers: bearer(tokens.admin) }))
      .body;
    const view = await readCaseView(workspace.db);
    const out = mkdtempSync(join(tmpdir(), "skein-access-report-"));
    writeReports(buildInvestigation(view, buildNetwork(view, undefined), undefined), out);
    const reports = readdirSync(out).map((f) => readFileSync(join(out, f), "utf8"));
    const logs = logLines.join("\n");
    expect(logs).toMatch(/request refused/);
    const errorBodies = bodies.filter((b) => b.includes('"statusCode"'));
    expect(errorBodies.length).toBeGreaterThan(20);
    const places = { logs, errors: errorBodies.join("\n"), audit, decisions, reports: reports.join("\n") };
    for (const secret of secrets.filter((s) => s && s.length >= 12)) {
      for (const [where, text] of Object.entries(places)) {
        expect({ where, found: text.includes(secret) }).toEqual({ where, found: false });
      }
    }
    // The only answers that carry a secret are those that hand one out: a session, a new account or token.
    const carrying = bodies.filter((b) => secrets.some((s) => s.length >= 12 && b.includes(s)));
    expect(carrying.length).toBeGreaterThan(0);
    for (const body of carrying) expect(body).toMatch(/^\{"(auth|account|token)"/);
  });
});
