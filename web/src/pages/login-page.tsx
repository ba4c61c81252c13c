// The sign-in page: an account name and password, or single sign-on when the server offers it. The
// password goes to the server once, in the body of one POST; the page keeps nothing of it.
import { type FormEvent, useState } from "react";
import { ApiError, getJson, postJson, type Session } from "../api";
import { ErrorNote, useLoad } from "../components";

/** The sign-in page; calls `onSignedIn` with the new session. */
export function LoginPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const options = useLoad(() => getJson<{ auth: string; methods: string[] }>("/api/login"), []);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    postJson<Session>("/api/login", { name, password })
      .then((session) => {
        setPassword("");
        onSignedIn(session);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="login">
      <h1>Sign in</h1>
      <form onSubmit={submit}>
        <label>
          Account{" "}
          <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Password{" "}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || !name || !password}>
          Sign in
        </button>
      </form>
      {options.data?.methods.includes("oidc") ? (
        <p>
          <a href="/api/oidc/login" className="sso">
            Sign in with your organisation
          </a>
        </p>
      ) : null}
      <ErrorNote error={error} />
    </div>
  );
}
