// Queries on the analyst decision log. The log is append-only (the table's triggers refuse deletes and
// rewrites); the one update allowed is marking an entry superseded by the decision that undid it.
import type { Decision, DecisionAction } from "../model/index.js";
import { fromJson, toJson } from "./dialect.js";
import type { DecisionTable } from "./schema.js";
import type { Queryable } from "./workspace.js";

/** What an analyst decides; `at` defaults to now. */
export interface NewDecision {
  by: string;
  action: DecisionAction;
  target: Record<string, string>;
  why: string | null;
  at?: string;
}

function fromRow(row: Omit<DecisionTable, "id"> & { id: number }): Decision {
  return {
    id: Number(row.id),
    at: row.at,
    by: row.by,
    action: row.action as DecisionAction,
    target: fromJson<Record<string, string>>(row.target, {}),
    why: row.why,
    supersededBy: row.superseded_by === null ? null : Number(row.superseded_by),
  };
}

/** Appends one decision to the log and returns it with its id. */
export async function appendDecision(db: Queryable, decision: NewDecision): Promise<Decision> {
  const row = await db
    .insertInto("decisions")
    .values({
      at: decision.at ?? new Date().toISOString(),
      by: decision.by,
      action: decision.action,
      target: toJson(decision.target),
      why: decision.why,
      superseded_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

/** The whole log, oldest first (superseded entries included, marked). */
export async function listDecisions(db: Queryable): Promise<Decision[]> {
  const rows = await db.selectFrom("decisions").selectAll().orderBy("id").execute();
  return rows.map(fromRow);
}

/** One decision by id, or undefined. */
export async function findDecision(db: Queryable, id: number): Promise<Decision | undefined> {
  const row = await db.selectFrom("decisions").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Marks decision `id` superseded by decision `by` (the undo entry); an entry is superseded once only. */
export async function supersedeDecision(db: Queryable, id: number, by: number): Promise<void> {
  await db.updateTable("decisions").set({ superseded_by: by }).where("id", "=", id).execute();
}
