// The audit trail: who signed in, managed accounts and tokens, uploaded, extracted and loaded lists, merged
// with the decision log (who decided what), so one listing answers "who did this". Append-only.
import {
  type AuditEvent,
  appendAuditEvent,
  type Db,
  listAuditEvents,
  listDecisions,
} from "../store/index.js";

/** One line of the audit trail: an event, or a decision from the decision log. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  /** Where it is kept: `event:<id>` or `decision:<id>`. */
  ref: string;
}

/** Filters of the audit trail; each undefined filter keeps everything. */
export interface AuditFilter {
  actor: string | undefined;
  action: string | undefined;
  since: string | undefined;
}

/** Appends one event (an upload, an extraction run, a list load …) by `actor`. */
export async function recordAudit(
  db: Db,
  event: { actor: string; action: string; target: string | null; detail: Record<string, unknown> },
): Promise<AuditEvent> {
  return appendAuditEvent(db, { ...event, at: new Date().toISOString() });
}

/** The audit trail with the decision log, oldest first. */
export async function readAuditTrail(db: Db, filter: AuditFilter): Promise<AuditEntry[]> {
  const events: AuditEntry[] = (await listAuditEvents(db)).map((e) => ({
    at: e.at,
    actor: e.actor,
    action: e.action,
    target: e.target,
    detail: e.detail,
    ref: `event:${e.id}`,
  }));
  const decisions: AuditEntry[] = (await listDecisions(db)).map((d) => ({
    at: d.at,
    actor: d.by,
    action: `decision:${d.action}`,
    target: Object.values(d.target).join(" "),
    detail: { decision: d.id, why: d.why, supersededBy: d.supersededBy },
    ref: `decision:${d.id}`,
  }));
  return [...events, ...decisions]
    .filter(
      (e) =>
        (filter.actor === undefined || e.actor === filter.actor) &&
        (filter.action === undefined ||
          e.action === filter.action ||
          e.action.startsWith(`${filter.action}:`)) &&
        (filter.since === undefined || e.at >= filter.since),
    )
    .sort((a, b) => a.at.localeCompare(b.at) || a.ref.localeCompare(b.ref));
}
