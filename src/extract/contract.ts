// The contract shape of `skein extract FILE --format json` (DESIGN.md "Contracts"), the same shape as
// the gold annotations: entities with name, aliases, type and country; relations with evidence quotes.
import type { Certainty, Period, Predicate } from "../model/index.js";
import type { Extraction } from "./extract.js";

/** One entity of the contract document. */
export interface ContractEntity {
  id: string;
  name: string;
  aliases: string[];
  type: string;
  country: string | null;
}

/** One relation of the contract document. */
export interface ContractRelation {
  source: string;
  target: string;
  type: Predicate;
  date: string | null;
  evidence: string;
  certainty: Certainty;
}

/** The contract document. */
export interface ContractDocument {
  entities: ContractEntity[];
  relations: ContractRelation[];
}

/** A period as the contract writes it: YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY (start/end for spans). */
export function formatPeriod(period: Period | null): string | null {
  if (!period) return null;
  const one = (iso: string): string => {
    if (period.precision === "day") return iso.slice(0, 10);
    if (period.precision === "month") return iso.slice(0, 7);
    if (period.precision === "quarter")
      return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
    return iso.slice(0, 4);
  };
  const start = one(period.start);
  const end = one(period.end);
  if (start === end) return start;
  const spanOne =
    period.precision === "quarter" && period.start.slice(0, 4) === period.end.slice(0, 4) && start === end;
  return spanOne ? start : `${start}/${end}`;
}

/** Converts an extraction to the contract document; ids are e1, e2 … in order of first mention. */
export function toContractDocument(extraction: Extraction): ContractDocument {
  const firstMention = new Map<string, number>();
  for (const m of extraction.mentions) {
    if (m.entityId && !firstMention.has(m.entityId)) firstMention.set(m.entityId, m.start);
  }
  const ordered = [...extraction.entities].sort(
    (a, b) =>
      (firstMention.get(a.id) ?? Number.MAX_SAFE_INTEGER) -
      (firstMention.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
  const ids = new Map(ordered.map((e, i) => [e.id, `e${i + 1}`]));
  return {
    entities: ordered.map((e) => ({
      id: ids.get(e.id) as string,
      name: e.caption,
      aliases: e.names.filter((n) => n !== e.caption),
      type: e.type === "PublicBody" ? "Organization" : e.type,
      country: e.country,
    })),
    relations: extraction.claims
      .filter((c) => ids.has(c.subjectId) && ids.has(c.objectId))
      .map((c) => ({
        source: ids.get(c.subjectId) as string,
        target: ids.get(c.objectId) as string,
        type: c.predicate,
        date: formatPeriod(c.period),
        evidence: c.evidence.quote,
        certainty: c.certainty,
      })),
  };
}
