// Small helpers that every format uses to build a ListEntry (src/model/records.ts): empty entry, add a
// name, country, identifier without duplicates, and finish (caption, weak aliases apart from names).
import type { ListEntry, ListEntrySchema } from "../model/index.js";
import { countryCode } from "./countries.js";

/** An empty entry of `schema` with its stable id `<authority>-<list>-<authorityId>`. */
export function newEntry(
  authority: string,
  list: string,
  authorityId: string,
  schema: ListEntrySchema,
): ListEntry {
  return {
    id: `${authority}-${list}-${authorityId}`,
    schema,
    caption: "",
    names: [],
    weakAliases: [],
    authority,
    list,
    authorityId,
    programs: [],
    countries: [],
    birthDates: [],
    identifiers: [],
    addresses: [],
    listingDate: null,
    remarks: null,
    linkedTo: [],
  };
}

/** Trims, collapses spaces; null for empty and the OFAC null marker `-0-`. */
export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let text = String(value).trim();
  if (text === "" || text === "-0-") return null;
  // Most values have single spaces only; the regex runs only when there is something to collapse.
  if (/\s\s|[\t\n\r\u00a0]/.test(text)) text = text.replace(/\s+/g, " ");
  return text;
}

/** Appends a value once (exact match). */
export function addUnique(values: string[], value: string | null | undefined): void {
  const text = clean(value);
  if (text && !values.includes(text)) values.push(text);
}

/** Adds a country given by name or ISO code; returns false when it is not a known country. */
export function addCountry(entry: ListEntry, name: string | null | undefined): boolean {
  const code = countryCode(clean(name));
  if (code && !entry.countries.includes(code)) entry.countries.push(code);
  return code !== null;
}

/**
 * The identifier kind for a label as lists write it: imo, inn, ogrn, passport, national_id, tax_id,
 * registration, swift_bic, lei, mmsi …; other labels become a snake_case slug of themselves.
 */
export function identifierType(label: string, value: string, country: string | null): string {
  const l = label.toLowerCase();
  if (/\bimo\b/.test(l) || /^imo\s/i.test(value)) return "imo";
  if (/\bmmsi\b/.test(l)) return "mmsi";
  if (/passport/.test(l)) return "passport";
  if (/swift|\bbic\b/.test(l)) return "swift_bic";
  if (/legal entity (number|identifier)|\blei\b/.test(l)) return "lei";
  if (/tax id|\binn\b|taxpayer/.test(l)) return country === "ru" ? "inn" : "tax_id";
  if (/\bogrn\b/.test(l)) return "ogrn";
  if (/registration|registry|company number|gazette/.test(l)) {
    if (country === "ru" && /^\d{13}$/.test(value) && !/gazette/.test(l)) return "ogrn";
    if (/gazette/.test(l)) return country === "ru" ? "okpo" : "government_gazette";
    return "registration";
  }
  if (/national id|identification number|personal id|\bid (no|card)|\bd\.n\.i\b|cedula|c\.u\.r\.p/.test(l)) {
    return "national_id";
  }
  return (
    l
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "id"
  );
}

/** Adds an identifier once (same type and value). */
export function addIdentifier(
  entry: ListEntry,
  type: string,
  value: string | null | undefined,
  country?: string | null,
) {
  const v = clean(value);
  if (!v) return;
  if (entry.identifiers.some((i) => i.type === type && i.value === v)) return;
  entry.identifiers.push(country ? { type, value: v, country } : { type, value: v });
}

/** Joins address parts, skipping empty ones and repeats. */
export function joinAddress(parts: Array<string | null | undefined>): string | null {
  const kept: string[] = [];
  for (const part of parts) {
    const text = clean(part);
    if (text && !kept.includes(text)) kept.push(text);
  }
  return kept.length ? kept.join(", ") : null;
}

/** Sets the caption to the first name and drops weak aliases that are also strong names. */
export function finishEntry(entry: ListEntry): ListEntry {
  entry.caption = entry.names[0] ?? entry.weakAliases[0] ?? entry.authorityId;
  if (entry.names.length === 0 && entry.weakAliases.length) entry.names.push(entry.weakAliases.shift()!);
  const strong = new Set(entry.names.map((n) => n.toLowerCase()));
  entry.weakAliases = entry.weakAliases.filter((n) => !strong.has(n.toLowerCase()));
  return entry;
}

/** Legal-form words that tell a company from other organisations in lists that only say "entity". */
const COMPANY_FORMS =
  /\b(llc|l\.l\.c|ooo|ltd|limited|inc|incorporated|corp|corporation|co|company|gmbh|ag|jsc|ojsc|cjsc|pjsc|pao|zao|oao|ao|s\.?a|s\.?a\.?r\.?l|srl|bv|b\.v|nv|plc|llp|lp|fze|fzco|fzc|fz-llc|tov|pte|sdn bhd|bhd|kg|oy|ab|as|spa|s\.p\.a|sa de cv|trading|industries|enterprise|holding|holdings|group|obshchestvo|aktsionernoe|tovarystvo)\b\.?/i;
/** The same forms written in Cyrillic (\b does not see Cyrillic word edges). */
const COMPANY_FORMS_CYRILLIC = /(^|[\s"«(])(ооо|ао|пао|оао|зао|тов|общество|товариство)(?=$|[\s"».,)])/iu;

/** Company when the name carries a legal form, else the wider LegalEntity. */
export function entitySchema(name: string): ListEntrySchema {
  return COMPANY_FORMS.test(name) || COMPANY_FORMS_CYRILLIC.test(name) ? "Company" : "LegalEntity";
}

/**
 * Turns "Linked To: NAME" relations into authority ids by the entries' names: the exact primary name
 * first, then any name compared without case and punctuation; names that match no entry are left out.
 */
export function resolveLinkedNames(entries: Map<string, ListEntry>, linked: Map<string, string[]>): void {
  if (!linked.size) return;
  const exact = new Map<string, string>();
  for (const [id, entry] of entries) if (!exact.has(entry.names[0])) exact.set(entry.names[0], id);
  let loose: Map<string, string> | null = null;
  const key = (name: string) =>
    name
      .toUpperCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  for (const [id, names] of linked) {
    const entry = entries.get(id)!;
    for (const name of names) {
      let target = exact.get(name);
      if (!target) {
        // Built once, only when some link does not name a primary name exactly.
        if (!loose) {
          loose = new Map();
          for (const [otherId, other] of entries) {
            for (const n of [...other.names, ...other.weakAliases])
              if (!loose.has(key(n))) loose.set(key(n), otherId);
          }
        }
        target = loose.get(key(name));
      }
      if (target && target !== id) addUnique(entry.linkedTo, target);
    }
  }
}
