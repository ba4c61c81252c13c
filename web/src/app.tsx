// The workbench shell: asks who is signed in (the sign-in page when nobody is), loads the vocabulary once,
// then shows the page the hash names, with the account and a sign-out button in the header.
import { useEffect, useState } from "react";
import { ApiError, getJson, postJson, type Session, setCsrfToken, whenSignedOut } from "./api";
import { ErrorNote, Loading, useLoad } from "./components";
import { AuditPage } from "./pages/audit-page";
import { EntityPage } from "./pages/entity-page";
import { EvidencePage } from "./pages/evidence-page";
import { GraphPage } from "./pages/graph-page";
import { LoginPage } from "./pages/login-page";
import { ReviewPage } from "./pages/review-page";
import { SearchPage } from "./pages/search-page";
import { TimelinePage } from "./pages/timeline-page";
import { UploadPage } from "./pages/upload-page";
import { href, type Route, useRoute } from "./router";
import { type Vocabulary, VocabularyContext } from "./vocabulary";

const NAV: Array<[string, string]> = [
  ["search", "Search"],
  ["graph", "Graph"],
  ["timeline", "Timeline"],
  ["review", "Review queue"],
  ["upload", "Add documents"],
];

/** A page's identity: its query without the parameters it changes in place (a new identity remounts it). */
function keyOf(query: URLSearchParams, inPlace: string[]): string {
  const kept = new URLSearchParams(query);
  for (const name of inPlace) kept.delete(name);
  return kept.toString();
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "entity":
      return route.arg ? (
        <EntityPage key={route.arg} id={route.arg} query={route.query} />
      ) : (
        <ErrorNote error="No entity named in the address." />
      );
    case "evidence":
      return route.arg ? (
        <EvidencePage sourceId={route.arg} query={route.query} />
      ) : (
        <ErrorNote error="No source named in the address." />
      );
    case "graph":
      return <GraphPage key={keyOf(route.query, ["selected", "expand"])} query={route.query} />;
    case "timeline":
      return <TimelinePage key={route.query.get("entity") ?? ""} query={route.query} />;
    case "review":
      return <ReviewPage query={route.query} />;
    case "upload":
      return <UploadPage />;
    case "audit":
      return <AuditPage />;
    default:
      return <SearchPage key={route.query.get("q") ?? ""} query={route.query} />;
  }
}

/** Who is signed in: unknown while asking, null when nobody is. */
function useSession() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    whenSignedOut(() => {
      setCsrfToken(null);
      setSession(null);
    });
    getJson<Session>("/api/session")
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setSession(s);
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setSession(null);
        else setError(e instanceof Error ? e.message : String(e));
      });
  }, []);
  const signedIn = (s: Session) => {
    setCsrfToken(s.csrfToken);
    setSession(s);
  };
  return { session, error, signedIn };
}

/** The workbench: sign-in when needed, then header, navigation and the current page. */
export function App() {
  const { session, error, signedIn } = useSession();
  if (error) return <ErrorNote error={error} />;
  if (session === undefined) return <Loading what="session" />;
  if (session === null) return <LoginPage onSignedIn={signedIn} />;
  return <Workbench session={session} />;
}

function Workbench({ session }: { session: Session }) {
  const route = useRoute();
  const vocabulary = useLoad(() => getJson<Vocabulary>("/api/vocabulary"), []);
  const nav =
    session.principal.role === "admin" && session.auth === "on" ? [...NAV, ["audit", "Audit"]] : NAV;
  const signOut = () =>
    postJson("/api/logout", {}).finally(() => {
      setCsrfToken(null);
      window.location.reload();
    });
  return (
    <div className="app">
      <header>
        <a href={href("search")} className="brand">
          Skein
        </a>
        <nav>
          {nav.map(([page, label]) => (
            <a key={page} href={href(page)} className={route.page === page ? "active" : ""}>
              {label}
            </a>
          ))}
        </nav>
        {session.auth === "on" ? (
          <span className="account">
            <span data-testid="signed-in-as">{session.principal.label}</span> ({session.principal.role}){" "}
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </span>
        ) : null}
      </header>
      <main>
        <ErrorNote error={vocabulary.error} />
        {vocabulary.data ? (
          <VocabularyContext.Provider value={vocabulary.data}>
            <Page route={route} />
          </VocabularyContext.Provider>
        ) : (
          <Loading what="vocabulary" />
        )}
      </main>
    </div>
  );
}
