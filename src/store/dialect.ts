// What differs between the embedded SQLite store and a shared PostgreSQL server lives here: how
// JSON columns are encoded and how values come back, so stages see one runtime type.

/** Encodes a value for a JSON column. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Decodes a JSON column; `fallback` when the column is null. */
export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback;
  return JSON.parse(text) as T;
}
