// The name tables Skein ships in data/names (given names and their equivalents, common family names,
// Korean family names in Hangul and Latin script), read once, when a name first needs them. Their
// provenance is in data/names/PROVENANCE.md.
import { readFileSync } from "node:fs";

const TABLES = new URL("../../data/names/", import.meta.url);

/** Lines of a table: one group per line, words separated by spaces; comments and blank lines skipped. */
function readGroups(file: string): string[][] {
  return readFileSync(new URL(file, TABLES), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => line.split(/\s+/));
}

/** What the tables say about one name word. */
export interface KnownName {
  /** Groups of equivalent forms it belongs to (ids shared across given and family names). */
  groups: readonly number[];
  /** Whether it is a given name (else a family name). */
  given: boolean;
}

let known: Map<string, KnownName> | null = null;

function buildKnown(): Map<string, KnownName> {
  const map = new Map<string, KnownName>();
  let id = 0;
  const add = (groups: string[][], given: boolean) => {
    for (const group of groups) {
      const groupId = id++;
      for (const form of group) {
        const entry = map.get(form);
        if (!entry) map.set(form, { groups: [groupId], given });
        else if (!entry.groups.includes(groupId)) {
          map.set(form, { groups: [...entry.groups, groupId], given: entry.given || given });
        }
      }
    }
  };
  add(readGroups("given-names.txt"), true);
  add(readGroups("surnames.txt"), false);
  return map;
}

/** The tables' entry for a lower-case ASCII name word, or undefined when the word is not a known name. */
export function knownName(word: string): KnownName | undefined {
  known ??= buildKnown();
  return known.get(word);
}

let koreanSurnames: { byHangul: Map<string, string[]>; byLatin: Map<string, string[]> } | null = null;

function buildKoreanSurnames() {
  const byHangul = new Map<string, string[]>();
  const byLatin = new Map<string, string[]>();
  for (const [hangul, ...spellings] of readGroups("korean-surnames.txt")) {
    byHangul.set(hangul, spellings);
    for (const spelling of spellings) byLatin.set(spelling, [...(byLatin.get(spelling) ?? []), hangul]);
  }
  return { byHangul, byLatin };
}

/** Latin spellings of a Korean family name written in Hangul (most usual first), or undefined. */
export function koreanSurnameSpellings(hangul: string): readonly string[] | undefined {
  koreanSurnames ??= buildKoreanSurnames();
  return koreanSurnames.byHangul.get(hangul);
}

/** The Hangul family names a Latin spelling may stand for ("park" → 박), or undefined. */
export function koreanSurnamesSpelt(latin: string): readonly string[] | undefined {
  koreanSurnames ??= buildKoreanSurnames();
  return koreanSurnames.byLatin.get(latin);
}
