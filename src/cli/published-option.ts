// The --published option of ingest, extract and investigate: a calendar date YYYY-MM-DD, or a usage
// error (exit 2) before anything is read or stored.
import { SkeinError } from "../model/index.js";

/** The --published date, checked to be a real day (2024-02-30 is refused); undefined when not given. */
export function readPublishedOption(options: Record<string, unknown>): string | undefined {
  const value = options.published;
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
    throw new SkeinError("INGEST_BAD_METADATA", "must be a date YYYY-MM-DD, e.g. 2024-10-17", {
      field: "--published",
      received: text,
    });
  }
  return text;
}
