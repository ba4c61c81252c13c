// Search across entities, sources and list entries, each kind a page at a time; with no text, the case's
// entities a page at a time, sanctioned first (or only the sanctioned ones). The address keeps the text,
// the kind and the page (`?q=vektor&kind=sources&page=2`).
import { useState } from "react";
import { type Entity, getJson, type Page } from "../api";
import {
  EntityLink,
  ErrorNote,
  evidenceHref,
  Loading,
  Pager,
  SanctionedBadge,
  Section,
  TypeBadge,
  useLoad,
} from "../components";
import { href, hrefWith, pageOf } from "../router";

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
  entityCount: number;
  more: { entities: boolean; sources: boolean; listEntries: boolean };
}

type Kind = "entities" | "sources" | "listEntries";

/** Hits per kind beside each other, and per page when one kind is shown alone; entities per page. */
const PREVIEW = 20;
const PAGE_SIZE = 50;
const KIND_TITLES: Record<Kind, string> = {
  entities: "Entities",
  sources: "Sources",
  listEntries: "List entries",
};

/** The search page; `query` holds the text (`q`), the kind shown alone and the page. */
export function SearchPage({ query }: { query: URLSearchParams }) {
  const q = query.get("q") ?? "";
  const kind = (["entities", "sources", "listEntries"] as const).find((k) => k === query.get("kind")) ?? null;
  const page = pageOf(query);
  const sanctionedOnly = query.get("sanctioned") === "1";
  const [text, setText] = useState(q);
  const size = kind ? PAGE_SIZE : PREVIEW;
  const results = useLoad(
    () =>
      q
        ? getJson<SearchResult>("/api/search", { q, limit: size, offset: (page - 1) * size })
        : Promise.resolve(null),
    [q, kind, page],
  );
  const entities = useLoad(
    () =>
      q
        ? Promise.resolve(null)
        : getJson<Page<Entity>>("/api/entities", {
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
            sanctioned: sanctionedOnly ? true : undefined,
          }),
    [q, page, sanctionedOnly],
  );
  const r = results.data;
  const column = (k: Kind) => {
    if (!r) return null;
    const count = k === "entities" ? r.entityCount : undefined;
    const title = `${KIND_TITLES[k]} (${count ?? (r.more[k] ? `${r[k].length}+` : r[k].length)})`;
    return (
      <Section title={title} key={k}>
        <ul className="plain" data-kind={k}>
          {k === "entities"
            ? r.entities.map((e) => (
                <li key={e.id}>
                  <TypeBadge type={e.type} /> <EntityLink id={e.id} caption={e.caption} />{" "}
                  {e.sanctioned ? <SanctionedBadge /> : null}
                </li>
              ))
            : k === "sources"
              ? r.sources.map((s) => (
                  <li key={s.id}>
                    <a href={evidenceHref(s.id, s.start, s.start + q.length)}>
                      {s.title ?? s.id.slice(0, 12)}
                    </a>
                    <div className="snippet">…{s.snippet}…</div>
                  </li>
                ))
              : r.listEntries.map((e) => (
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
        {kind ? (
          <Pager page={page} pageSize={PAGE_SIZE} total={count} more={r.more[k]} />
        ) : r.more[k] ? (
          <a className="show-more" href={hrefWith({ kind: k, page: undefined })}>
            all {KIND_TITLES[k].toLowerCase()}
          </a>
        ) : null}
        {k === "entities" && r.entities.length > 0 ? (
          <p className="muted">
            <a href={href("graph", null, { q })}>draw these entities</a>
          </p>
        ) : null}
      </Section>
    );
  };
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
      {q && r ? (
        kind ? (
          <div>
            <p>
              <a href={hrefWith({ kind: undefined, page: undefined })}>‹ every kind</a>
            </p>
            {column(kind)}
          </div>
        ) : (
          <div className="columns">{(["entities", "sources", "listEntries"] as const).map(column)}</div>
        )
      ) : q ? (
        <Loading what="results" />
      ) : null}
      {!q ? (
        <Section
          title={`${sanctionedOnly ? "Sanctioned entities" : "Entities"} in the case (${entities.data?.total ?? "…"})`}
        >
          <p className="muted">
            {sanctionedOnly ? (
              <a href={hrefWith({ sanctioned: undefined, page: undefined })}>every entity</a>
            ) : (
              <a href={hrefWith({ sanctioned: 1, page: undefined })}>sanctioned only</a>
            )}{" "}
            · <a href={href("graph", null, {})}>case overview</a>
          </p>
          {entities.data ? (
            <>
              <table className="entities">
                <tbody>
                  {entities.data.items.map((e) => (
                    <tr key={e.id}>
                      <td>
                        <TypeBadge type={e.type} />
                      </td>
                      <td>
                        <EntityLink id={e.id} caption={e.caption} />{" "}
                        {e.sanctioned ? <SanctionedBadge /> : null}
                      </td>
                      <td className="muted">{e.country ?? ""}</td>
                      <td className="muted">{e.claimCount} claims</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager page={page} pageSize={PAGE_SIZE} total={entities.data.total} />
            </>
          ) : (
            <Loading what="entities" />
          )}
        </Section>
      ) : null}
    </div>
  );
}
