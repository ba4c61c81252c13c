// Reads the dates of period filters (--as-of, --between): ISO 8601 calendar dates at day, month or
// year precision, widened to the first or last day they cover.
import { SkeinError } from "../model/index.js";

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the ISO day that starts or ends it
 * (`2024-02` → `2024-02-01` as a start, `2024-02-29` as an end). Throws GRAPH_BAD_DATE otherwise.
 */
export function parseDateBound(value: unknown, side: "start" | "end", field: string): string {
  const m = typeof value === "string" ? DATE.exec(value.trim()) : null;
  const year = m ? Number(m[1]) : Number.NaN;
  const month = m?.[2] ? Number(m[2]) : null;
  const day = m?.[3] ? Number(m[3]) : null;
  const lastDay = (y: number, mo: number) => new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (
    !m ||
    (month !== null && (month < 1 || month > 12)) ||
    (day !== null && (day < 1 || day > lastDay(year, month!)))
  ) {
    throw new SkeinError(
      "GRAPH_BAD_DATE",
      `${field}: not a date; use YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2024-03-31`,
      {
        field,
        received: String(value),
      },
    );
  }
  const mo = month ?? (side === "start" ? 1 : 12);
  const d = day ?? (side === "start" ? 1 : lastDay(year, mo));
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
