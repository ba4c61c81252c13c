// Search across entities, sources and list entries; with no text, the case's entities, sanctioned first.
import { useState } from "react";
import { type Entity, getJson, type Page } from "../api";
import {
  EntityLink,
  ErrorNote,
  evidenceHref,
  Loading,
  SanctionedBadge,
  Section,
  TypeBadge,
  useLoad,
} from "../components";
import { href } from "../router";

interface SearchResult {
  entities: Array<{ id: string; caption: string; type: string; country: string | null; sanctioned: boolean }>;
  sources: Array<{
    id: string;
    title: string | null;
    publisher: string | null;
    published: string | null;
    snippet: string;
    start: number;
  }>;
  listEntries: Array<{
    id: string;
    snapshotId: string;
    caption: string;
    schema: string;
    authorityId: string;
  }>;
}

/** The search page; `q` is the text searched. */
export function SearchPage({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const results = useLoad(
    () => (q ? getJson<SearchResult>("/api/search", { q }) : Promise.resolve(null)),
    [q],
  );
  const entities = useLoad(() => getJson<Page<Entity>>("/api/entities", { limit: 200 }), []);
  return (
    <div>
      <form
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          window.location.hash = href("search", null, { q: text.trim() || undefined });
        }}
      >
        <input
          type="search"
          name="q"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Search entities, sources and list entries"
          aria-label="search"
        />
        <button type="submit">Search</button>
      </form>
      <ErrorNote error={results.error ?? entities.error} />
      {q && results.data ? (
        <div className="columns">
          <Section title={`Entities (${results.data.entities.length})`}>
            <ul className="plain">
              {results.data.entities.map((e) => (
                <li key={e.id}>
                  <TypeBadge type={e.type} /> <EntityLink id={e.id} caption={e.caption} />{" "}
                  {e.sanctioned ? <SanctionedBadge /> : null}
                </li>
              ))}
            </ul>
          </Section>
          <Section title={`Sources (${results.data.sources.length})`}>
            <ul className="plain">
              {results.data.sources.map((s) => (
                <li key={s.id}>
                  <a href={evidenceHref(s.id, s.start, s.start + q.length)}>{s.title ?? s.id.slice(0, 12)}</a>
                  <div className="snippet">…{s.snippet}…</div>
                </li>
              ))}
            </ul>
          </Section>
          <Section title={`List entries (${results.data.listEntries.length})`}>
            <ul className="plain">
              {results.data.listEntries.map((e) => (
                <li key={`${e.snapshotId}/${e.id}`}>
                  <a href={`/entities/${encodeURIComponent(e.id)}`} target="_blank" rel="noreferrer">
                    {e.caption}
                  </a>{" "}
                  <span className="muted">
                    ({e.schema}, {e.authorityId})
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        </div>
      ) : null}
      {!q ? (
        <Section title="Entities in the case">
          {entities.data ? (
            <table className="entities">
              <tbody>
                {entities.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <TypeBadge type={e.type} />
                    </td>
                    <td>
                      <EntityLink id={e.id} caption={e.caption} /> {e.sanctioned ? <SanctionedBadge /> : null}
                    </td>
                    <td className="muted">{e.country ?? ""}</td>
                    <td className="muted">{e.claimCount} claims</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Loading what="entities" />
          )}
        </Section>
      ) : null}
    </div>
  );
}
