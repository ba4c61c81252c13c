// The workbench shell: loads the vocabulary once, then shows the page the hash names.
import { getJson } from "./api";
import { ErrorNote, Loading, useLoad } from "./components";
import { EntityPage } from "./pages/entity-page";
import { EvidencePage } from "./pages/evidence-page";
import { GraphPage } from "./pages/graph-page";
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
    default:
      return <SearchPage key={route.query.get("q") ?? ""} query={route.query} />;
  }
}

/** The workbench: header, navigation and the current page. */
export function App() {
  const route = useRoute();
  const vocabulary = useLoad(() => getJson<Vocabulary>("/api/vocabulary"), []);
  return (
    <div className="app">
      <header>
        <a href={href("search")} className="brand">
          Skein
        </a>
        <nav>
          {NAV.map(([page, label]) => (
            <a key={page} href={href(page)} className={route.page === page ? "active" : ""}>
              {label}
            </a>
          ))}
        </nav>
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
