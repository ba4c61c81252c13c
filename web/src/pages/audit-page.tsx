// The audit trail, for admins: who signed in, managed accounts and tokens, uploaded, extracted, loaded lists
// and decided, newest first.
import { getJson, type Page } from "../api";
import { ErrorNote, Loading, useLoad } from "../components";

interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string | null;
  ref: string;
}

/** The audit page. */
export function AuditPage() {
  const trail = useLoad(() => getJson<Page<AuditEntry>>("/api/audit", { limit: 1000 }), []);
  if (trail.error) return <ErrorNote error={trail.error} />;
  if (!trail.data) return <Loading what="the audit trail" />;
  return (
    <div className="audit">
      <h1>Audit trail ({trail.data.total})</h1>
      <table className="log">
        <tbody>
          {[...trail.data.items].reverse().map((e) => (
            <tr key={e.ref}>
              <td>{e.at.slice(0, 19).replace("T", " ")}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td className="muted">{e.target ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
