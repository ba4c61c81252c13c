// The review queue: proposed claims to accept or reject, open list matches to confirm or dismiss, merge and
// split of entities, and the decision log with undo. Every decision goes through the API and shows at once.
import { useState } from "react";
import { ApiError, type Claim, type Entity, getJson, type Match, type Page } from "../api";
import {
  ClaimRow,
  decide,
  EntityLink,
  ErrorNote,
  Explanation,
  Loading,
  Section,
  useLoad,
} from "../components";

interface Decision {
  id: number;
  at: string;
  by: string;
  action: string;
  target: Record<string, string>;
  why: string | null;
  supersededBy: number | null;
}

/** The review queue page. */
export function ReviewPage() {
  const claims = useLoad(() => getJson<Page<Claim>>("/api/claims", { status: "proposed", limit: 200 }), []);
  const matches = useLoad(() => getJson<Page<Match>>("/api/matches", { decision: "open", limit: 100 }), []);
  const entities = useLoad(() => getJson<Page<Entity>>("/api/entities", { limit: 1000 }), []);
  const log = useLoad(() => getJson<Page<Decision>>("/api/decisions"), []);
  const [error, setError] = useState<string | null>(null);
  const [mergeA, setMergeA] = useState("");
  const [mergeB, setMergeB] = useState("");
  const [splitEntity, setSplitEntity] = useState("");
  const [splitMembers, setSplitMembers] = useState<string[]>([]);
  const [why, setWhy] = useState("");
  const reloadAll = () => {
    claims.reload();
    matches.reload();
    entities.reload();
    log.reload();
  };
  const run = (body: Record<string, unknown>) =>
    decide({ ...body, ...(why.trim() ? { why: why.trim() } : {}) })
      .then(() => {
        setError(null);
        reloadAll();
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  const splitTarget = entities.data?.items.find((e) => e.id === splitEntity);
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
          <ul className="plain">
            {claims.data.items.map((c) => (
              <ClaimRow key={c.id} claim={c} onDecided={reloadAll} why={why} />
            ))}
          </ul>
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
              <button type="button" onClick={() => run({ action: "confirm", match: m.id })}>
                Confirm
              </button>
              <button type="button" onClick={() => run({ action: "dismiss", match: m.id })}>
                Dismiss
              </button>
            </div>
          </div>
        ))}
      </Section>
      <Section title="Merge two entities">
        <EntitySelect
          entities={entities.data?.items ?? []}
          value={mergeA}
          onChange={setMergeA}
          label="first"
        />
        <EntitySelect
          entities={entities.data?.items ?? []}
          value={mergeB}
          onChange={setMergeB}
          label="second"
        />
        <button
          type="button"
          disabled={!mergeA || !mergeB}
          onClick={() => run({ action: "merge", entities: [mergeA, mergeB] })}
        >
          Merge
        </button>{" "}
        <button
          type="button"
          disabled={!mergeA || !mergeB}
          onClick={() => run({ action: "not_same", entities: [mergeA, mergeB] })}
        >
          Not the same
        </button>
      </Section>
      <Section title="Split an entity">
        <EntitySelect
          entities={(entities.data?.items ?? []).filter((e) => e.memberIds.length > 1)}
          value={splitEntity}
          onChange={(v) => {
            setSplitEntity(v);
            setSplitMembers([]);
          }}
          label="entity"
        />
        {splitTarget ? (
          <div>
            <p className="muted">Tick the document-level entities to move out:</p>
            {splitTarget.memberIds.map((m) => (
              <label key={m} className="member">
                <input
                  type="checkbox"
                  checked={splitMembers.includes(m)}
                  onChange={(e) =>
                    setSplitMembers(
                      e.target.checked ? [...splitMembers, m] : splitMembers.filter((x) => x !== m),
                    )
                  }
                />{" "}
                {m}
              </label>
            ))}
            <button
              type="button"
              disabled={splitMembers.length === 0}
              onClick={() => run({ action: "split", entity: splitEntity, mentions: splitMembers })}
            >
              Split
            </button>
          </div>
        ) : null}
      </Section>
      <Section title={`Decision log (${log.data?.total ?? "…"})`}>
        <table className="log">
          <tbody>
            {[...(log.data?.items ?? [])].reverse().map((d) => (
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
      </Section>
    </div>
  );
}

function EntitySelect({
  entities,
  value,
  onChange,
  label,
}: {
  entities: Entity[];
  value: string;
  onChange: (v: string) => void;
  label: string;
}) {
  return (
    <label>
      {label}:{" "}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">choose…</option>
        {entities.map((e) => (
          <option key={e.id} value={e.id}>
            {e.caption} ({e.type}, {e.id.slice(0, 12)})
          </option>
        ))}
      </select>{" "}
    </label>
  );
}
