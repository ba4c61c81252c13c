// The review queue: proposed claims to accept or reject, open list matches to confirm or dismiss, merge and
// split of entities (picked by name), and the decision log with undo. Every list pages, and the address
// keeps each page (`?claims=3&matches=2&log=1`). Every decision goes through the API and shows at once.
import { useEffect, useState } from "react";
import { ApiError, type Claim, type Entity, getJson, type Match, type Page } from "../api";
import {
  ClaimRow,
  decide,
  EntityLink,
  ErrorNote,
  Explanation,
  Loading,
  Pager,
  Section,
  TypeBadge,
  useLoad,
} from "../components";
import { pageOf } from "../router";

interface Decision {
  id: number;
  at: string;
  by: string;
  action: string;
  target: Record<string, string>;
  why: string | null;
  supersededBy: number | null;
}

/** Rows per page of each list. */
const CLAIMS_PER_PAGE = 20;
const MATCHES_PER_PAGE = 10;
const LOG_PER_PAGE = 20;
/** Members listed for a split before "show all". */
const FIRST_MEMBERS = 50;

/** The review queue page; `query` keeps the page of each list. */
export function ReviewPage({ query }: { query: URLSearchParams }) {
  const claimsPage = pageOf(query, "claims");
  const matchesPage = pageOf(query, "matches");
  const logPage = pageOf(query, "log");
  const claims = useLoad(
    () =>
      getJson<Page<Claim>>("/api/claims", {
        status: "proposed",
        limit: CLAIMS_PER_PAGE,
        offset: (claimsPage - 1) * CLAIMS_PER_PAGE,
      }),
    [claimsPage],
  );
  const matches = useLoad(
    () =>
      getJson<Page<Match>>("/api/matches", {
        decision: "open",
        limit: MATCHES_PER_PAGE,
        offset: (matchesPage - 1) * MATCHES_PER_PAGE,
      }),
    [matchesPage],
  );
  const log = useLoad(
    () =>
      getJson<Page<Decision>>("/api/decisions", {
        newestFirst: true,
        limit: LOG_PER_PAGE,
        offset: (logPage - 1) * LOG_PER_PAGE,
      }),
    [logPage],
  );
  const [error, setError] = useState<string | null>(null);
  const [mergeA, setMergeA] = useState<Entity | null>(null);
  const [mergeB, setMergeB] = useState<Entity | null>(null);
  const [splitTarget, setSplitTarget] = useState<Entity | null>(null);
  const [why, setWhy] = useState("");
  const reloadAll = () => {
    claims.reload();
    matches.reload();
    log.reload();
  };
  const run = (body: Record<string, unknown>, version?: number) =>
    decide({ ...body, ...(why.trim() ? { why: why.trim() } : {}) }, version)
      .then(() => {
        setError(null);
        reloadAll();
      })
      .catch((e: unknown) => {
        setError(e instanceof ApiError ? e.message : String(e));
        if (e instanceof ApiError && e.status === 409) reloadAll();
      });
  const versionOf = (...picked: Entity[]) => Math.max(0, ...picked.map((e) => e.version ?? 0));
  return (
    <div className="review">
      <h1>Review queue</h1>
      <label>
        Why (recorded with each decision):{" "}
        <input
          value={why}
          onChange={(e) => setWhy(e.target.value)}
          placeholder="e.g. same tax id in both documents"
          size={50}
        />
      </label>
      <ErrorNote error={error} />
      <Section title={`Proposed claims (${claims.data?.total ?? "…"})`}>
        {claims.data ? (
          <>
            <ul className="plain proposed-claims">
              {claims.data.items.map((c) => (
                <ClaimRow key={c.id} claim={c} onDecided={reloadAll} why={why} />
              ))}
            </ul>
            <Pager page={claimsPage} pageSize={CLAIMS_PER_PAGE} total={claims.data.total} param="claims" />
          </>
        ) : (
          <Loading what="claims" />
        )}
      </Section>
      <Section title={`Open list matches (${matches.data?.total ?? "…"})`}>
        {matches.data?.items.map((m) => (
          <div key={m.id} className="match">
            <h3>
              <EntityLink id={m.entityId} caption={m.entityCaption ?? m.entityId} /> ↔{" "}
              {m.entry?.caption ?? m.entryId}{" "}
              <span className="muted">
                {m.entry ? `${m.entry.authority.toUpperCase()} ${m.entry.authorityId}` : ""} · score{" "}
                {m.score.toFixed(2)}
              </span>
            </h3>
            <Explanation explanations={m.explanations} />
            <div className="actions">
              <button type="button" onClick={() => run({ action: "confirm", match: m.id }, m.version)}>
                Confirm
              </button>
              <button type="button" onClick={() => run({ action: "dismiss", match: m.id }, m.version)}>
                Dismiss
              </button>
            </div>
          </div>
        ))}
        {matches.data ? (
          <Pager page={matchesPage} pageSize={MATCHES_PER_PAGE} total={matches.data.total} param="matches" />
        ) : null}
      </Section>
      <Section title="Merge two entities">
        <EntityPicker value={mergeA} onChange={setMergeA} label="first" />
        <EntityPicker value={mergeB} onChange={setMergeB} label="second" />
        <button
          type="button"
          disabled={!mergeA || !mergeB}
          onClick={() =>
            mergeA &&
            mergeB &&
            run({ action: "merge", entities: [mergeA.id, mergeB.id] }, versionOf(mergeA, mergeB))
          }
        >
          Merge
        </button>{" "}
        <button
          type="button"
          disabled={!mergeA || !mergeB}
          onClick={() =>
            mergeA &&
            mergeB &&
            run({ action: "not_same", entities: [mergeA.id, mergeB.id] }, versionOf(mergeA, mergeB))
          }
        >
          Not the same
        </button>
      </Section>
      <Section title="Split an entity">
        <EntityPicker value={splitTarget} onChange={setSplitTarget} label="entity" />
        {splitTarget ? (
          <SplitMembers
            key={splitTarget.id}
            entity={splitTarget}
            onSplit={(mentions) =>
              run({ action: "split", entity: splitTarget.id, mentions }, versionOf(splitTarget))
            }
          />
        ) : null}
      </Section>
      <Section title={`Decision log (${log.data?.total ?? "…"})`}>
        <table className="log">
          <tbody>
            {(log.data?.items ?? []).map((d) => (
              <tr key={d.id} className={d.supersededBy ? "undone" : ""}>
                <td>{d.id}</td>
                <td>{d.at.slice(0, 19).replace("T", " ")}</td>
                <td>{d.by}</td>
                <td>{d.action}</td>
                <td className="muted">
                  {Object.entries(d.target)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(" ")}
                </td>
                <td>{d.why ?? ""}</td>
                <td>
                  {d.supersededBy || d.action === "undo" ? (
                    d.supersededBy ? (
                      <span className="muted">undone by {d.supersededBy}</span>
                    ) : null
                  ) : (
                    <button type="button" onClick={() => run({ action: "undo", decision: d.id })}>
                      Undo
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {log.data ? (
          <Pager page={logPage} pageSize={LOG_PER_PAGE} total={log.data.total} param="log" />
        ) : null}
      </Section>
    </div>
  );
}

interface Member {
  id: string;
  caption: string;
  type: string;
  source: { id: string; title: string } | null;
  mentions: Array<{ id: string; text: string; start: number; end: number }>;
}

/**
 * What an entity resolves, by text: each text's party with its name and source, and its mentions, to
 * tick a whole party or single mentions to move out.
 */
function SplitMembers({ entity, onSplit }: { entity: Entity; onSplit: (ids: string[]) => void }) {
  const members = useLoad(
    () => getJson<{ members: Member[] }>(`/api/entities/${encodeURIComponent(entity.id)}/members`),
    [entity.id],
  );
  const [ticked, setTicked] = useState<string[]>([]);
  const [all, setAll] = useState(false);
  if (!members.data)
    return members.error ? <ErrorNote error={members.error} /> : <Loading what="its members" />;
  const list = members.data.members;
  const mentions = list.reduce((n, m) => n + m.mentions.length, 0);
  if (list.length < 2 && mentions < 2)
    return <p className="muted">{entity.caption} rests on one mention: nothing to split.</p>;
  const toggle = (id: string, on: boolean) =>
    setTicked(on ? [...ticked, id] : ticked.filter((x) => x !== id));
  return (
    <div>
      <p className="muted">Tick a text's party, or single mentions, to move out as another party:</p>
      {(all ? list : list.slice(0, FIRST_MEMBERS)).map((m) => (
        <div key={m.id} className="member">
          <label>
            <input
              type="checkbox"
              checked={ticked.includes(m.id)}
              onChange={(e) => toggle(m.id, e.target.checked)}
            />{" "}
            <strong>{m.caption}</strong> <TypeBadge type={m.type} />{" "}
            <span className="muted">in {m.source?.title ?? "no source"}</span>
          </label>
          {m.mentions.length > 1 ? (
            <ul className="mentions">
              {m.mentions.map((mention) => (
                <li key={mention.id}>
                  <label>
                    <input
                      type="checkbox"
                      disabled={ticked.includes(m.id)}
                      checked={ticked.includes(mention.id)}
                      onChange={(e) => toggle(mention.id, e.target.checked)}
                    />{" "}
                    “{mention.text}” <span className="muted">at {mention.start}</span>
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
      {!all && list.length > FIRST_MEMBERS ? (
        <button type="button" className="show-more" onClick={() => setAll(true)}>
          Show all {list.length} members
        </button>
      ) : null}
      <button type="button" disabled={ticked.length === 0} onClick={() => onSplit(ticked)}>
        Split
      </button>
    </div>
  );
}

/** Picks an entity by typing part of its name: a few matches at a time, never the whole case. */
function EntityPicker({
  value,
  onChange,
  label,
}: {
  value: Entity | null;
  onChange: (e: Entity | null) => void;
  label: string;
}) {
  const [text, setText] = useState("");
  const [found, setFound] = useState<Entity[]>([]);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      getJson<Page<Entity>>("/api/entities", { q, limit: 8 })
        .then((page) => live && setFound(page.items))
        .catch(() => live && setFound([]));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  if (value) {
    return (
      <div className="picker" data-picked={value.id}>
        {label}: <TypeBadge type={value.type} /> {value.caption}{" "}
        <span className="muted">
          ({value.id.slice(0, 12)}, {value.memberIds.length} member{value.memberIds.length === 1 ? "" : "s"})
        </span>{" "}
        <button type="button" onClick={() => onChange(null)}>
          change
        </button>
      </div>
    );
  }
  return (
    <div className="picker">
      <label>
        {label}:{" "}
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="type a name"
          aria-label={`${label} entity`}
        />
      </label>
      {found.length > 0 ? (
        <ul className="plain suggestions">
          {found.map((e) => (
            <li key={e.id}>
              <button type="button" className="link" onClick={() => onChange(e)}>
                {e.caption}
              </button>{" "}
              <span className="muted">
                ({e.type}, {e.id.slice(0, 12)})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
