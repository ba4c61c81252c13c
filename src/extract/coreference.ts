// Within-document coreference: mentions that name the same thing become one document-level entity —
// parenthetical aliases, shared keys (places, government bodies), identical names, renames and
// "also known as", and short forms (a surname or a distinctive word of a longer name).
import anyAscii from "any-ascii";
import { distance } from "fastest-levenshtein";
import type { EntityType } from "../model/index.js";
import {
  COMMON_ACRONYMS,
  COMPANY_HEADS,
  findPlace,
  isCommonWord,
  LEGAL_FORMS,
  NON_NAME_WORDS,
  ORGANIZATION_HEADS,
} from "./lexicons/index.js";
import type { MentionCandidate } from "./mentions.js";

/** A document-level entity: the mentions that name it. */
export interface EntityGroup {
  type: EntityType;
  caption: string;
  names: string[];
  country: string | null;
  mentions: number[];
}

/** The form two names are compared in: ASCII, lower case, no possessive, no leading "the". */
export function normaliseName(name: string): string {
  return anyAscii(name)
    .toLowerCase()
    .replace(/'s\b/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "");
}

class UnionFind {
  #parent: number[];
  constructor(n: number) {
    this.#parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.#parent[i] !== i) {
      this.#parent[i] = this.#parent[this.#parent[i]];
      i = this.#parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const GENERIC = (w: string): boolean =>
  LEGAL_FORMS.has(w) ||
  COMPANY_HEADS.has(w) ||
  ORGANIZATION_HEADS.has(w) ||
  NON_NAME_WORDS.has(w) ||
  COMMON_ACRONYMS.has(w) ||
  /^(?:of|the|and|for|a|&)$/.test(w);

/** The words of a name, without the guillemets and quotes a firm's name may be written in ("OOO «Navitrek»"). */
const wordsOf = (name: string): string[] =>
  name
    .replace(/[«»“”"]/g, " ")
    .trim()
    .split(/\s+/);

/** Words of a name that identify it on their own ("Treasury" in "Department of the Treasury"). */
function distinctiveWords(name: string): string[] {
  const words = wordsOf(name);
  return words.filter(
    (w, i) => !GENERIC(w) || (i > 0 && /^(?:of|the)$/.test(words[i - 1]) && ORGANIZATION_HEADS.has(w)),
  );
}

/**
 * What stands between a name and another name of the same party: "X, also known as Y", "X (a.k.a. “Y”)",
 * "X, commonly known as the Y", "X was formerly known as Y", "X is also known by the online moniker Y".
 */
const ALIAS_BETWEEN =
  /^\s*[,(]?\s*(?:(?:is|was|are|were)\s+)?(?:(?:(?:also|more|most|commonly|better|widely|now|formerly|formally|previously)\s+)*(?:known|referred to)\s+(?:as|by\s+the\s+(?:online\s+)?(?:monikers?|alias(?:es)?|names?|handles?))|a\.k\.a\.?|a\/k\/a|aka|formerly|f\.k\.a\.?|d\/b\/a|doing business as|changed its name to)\s+(?:the\s+)?[“"‘]?$/i;
const RENAME_BETWEEN = /^\s+to\s+(?:the\s+)?$/;
const USED_NAME = /\b(?:used|uses|using|operates under|operating under|trades as|trading as) the names?\s+$/;

/**
 * Groups mentions into document-level entities: the same key or name, an alias or rename phrase between
 * neighbours, short forms of one longer name, acronyms and body forms. Weak mentions that join nothing
 * are dropped. Each step is its own function (V8 then recompiles only the step whose rare branch a text
 * first takes).
 */
export function resolveMentions(text: string, mentions: MentionCandidate[]): EntityGroup[] {
  const uf = new UnionFind(mentions.length);
  joinSameNames(mentions, uf);
  joinAliasPhrases(text, mentions, uf);
  joinShortForms(mentions, uf);
  joinAcronymsAndBodyForms(mentions, uf);
  const result: EntityGroup[] = [];
  for (const members of groupsOf(uf, mentions.length).values()) {
    if (members.every((i) => mentions[i].weak)) continue;
    result.push(buildGroup(mentions, members));
  }
  return result;
}

/** The members of each group, by the group's root. */
function groupsOf(uf: UnionFind, n: number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return groups;
}

/** Mentions that share a key, a normalised name, or that the mention finder read as an alias. */
function joinSameNames(mentions: MentionCandidate[], uf: UnionFind): void {
  const n = mentions.length;
  const byKey = new Map<string, number>();
  const byName = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const m = mentions[i];
    if (m.aliasOf !== null) uf.union(i, m.aliasOf);
    if (m.key) {
      const k = byKey.get(m.key);
      if (k === undefined) byKey.set(m.key, i);
      else uf.union(i, k);
    }
    const norm = normaliseName(m.text);
    const same = byName.get(norm);
    if (same === undefined) byName.set(norm, i);
    else uf.union(i, same);
  }
}

/** Renames and "also known as" between neighbouring mentions of one sentence. */
function joinAliasPhrases(text: string, mentions: MentionCandidate[], uf: UnionFind): void {
  const n = mentions.length;
  for (let i = 0; i + 1 < n; i++) {
    const a = mentions[i];
    const b = mentions[i + 1];
    if (a.sentence !== b.sentence || a.type === "Place" || b.aliasOf !== null) continue;
    const between = text.slice(a.end, b.start).replace(/^['’]s/, "");
    const renamed =
      RENAME_BETWEEN.test(between) &&
      /\brenamed\s+(?:the\s+)?$/.test(text.slice(Math.max(0, a.start - 20), a.start));
    if (ALIAS_BETWEEN.test(between) || renamed) uf.union(i, i + 1);
    if (USED_NAME.test(text.slice(Math.max(0, b.start - 40), b.start))) {
      const subject = mentions.findIndex((m) => m.sentence === b.sentence && m.type !== "Place" && m !== b);
      if (subject >= 0 && subject < i + 1) uf.union(subject, i + 1);
    }
  }
}

/** Short forms: a name whose words are a distinctive part of exactly one longer name. */
function joinShortForms(mentions: MentionCandidate[], uf: UnionFind): void {
  const groups = groupsOf(uf, mentions.length);
  // Index the longer names by their distinctive words and by their leading and trailing word runs.
  const byWord = new Map<string, Set<number>>();
  const byAffix = new Map<string, Set<number>>();
  const surnames = new Map<string, number>();
  const firstAt = new Map<number, number>();
  const add = (index: Map<string, Set<number>>, key: string, root: number): void => {
    const set = index.get(key);
    if (set) set.add(root);
    else index.set(key, new Set([root]));
  };
  for (const [root, members] of groups) {
    firstAt.set(root, Math.min(...members.map((i) => mentions[i].start)));
    const person = members.some((i) => mentions[i].type === "Person");
    for (const name of new Set(members.map((i) => mentions[i].text))) {
      const words = wordsOf(name);
      if (words.length < 2) continue;
      for (const w of distinctiveWords(name)) add(byWord, w, root);
      for (let k = 2; k < Math.min(words.length, 16); k++) {
        add(byAffix, words.slice(0, k).join(" "), root);
        add(byAffix, words.slice(-k).join(" "), root);
      }
      if (person) surnames.set(words[words.length - 1], root);
    }
  }
  for (const [root, members] of groups) {
    if (mentions[root].type === "Place" && mentions[root].key && !mentions[root].key.includes(":", 6))
      continue;
    // A group is a short form only through its longest name: "KGVR" defined as an acronym of a
    // longer name is no short form of "KGVR Naval Command".
    const longest = members
      .map((i) => mentions[i].text)
      .sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length)[0];
    let words = wordsOf(longest);
    // "<Region> <Brand>" ("Hebei Tianlong") is the brand with its seat: it matches as the brand alone.
    if (
      words.length === 2 &&
      mentions[root].type !== "Person" &&
      findPlace(words[0]) &&
      /^\p{Lu}/u.test(words[1]) &&
      !GENERIC(words[1]) &&
      !isCommonWord(words[1])
    ) {
      words = [words[1]];
    }
    const hits =
      words.length === 1
        ? byWord.get(words[0])
        : distinctiveWords(longest).length > 0
          ? byAffix.get(longest)
          : undefined;
    // "Kavan Darvish" is not "Kavan Darvish & Co.": a person's full name inside a firm's name is the firm's
    // namesake, another party.
    const personal = (r: number): boolean => (groups.get(r) ?? []).some((i) => mentions[i].type === "Person");
    // The tanker "HS Atlantica" is not "HS Atlantica Limited": a ship or aircraft named like a company
    // is the company's property, another party.
    const craft = (r: number): boolean =>
      (groups.get(r) ?? []).some((i) => mentions[i].type === "Vessel" || mentions[i].type === "Aircraft");
    // "Talvar" read from "Talvar-series UAVs" is the product, not "Talvar Aviation Industries Research
    // Center": a product's short form joins no firm named by a legal form or a firm's head.
    const product = members.every((i) => mentions[i].type === "Product");
    const firm = (r: number): boolean =>
      (groups.get(r) ?? []).some((i) =>
        wordsOf(mentions[i].text).some((w) => LEGAL_FORMS.has(w) || COMPANY_HEADS.has(w)),
      );
    const targets = [...(hits ?? [])].filter(
      (t) =>
        t !== root &&
        (words.length === 1 || personal(t) === personal(root)) &&
        craft(t) === craft(root) &&
        !(product && firm(t)),
    );
    const at = firstAt.get(root) ?? 0;
    // A lone word that ends exactly one person's name is that person's surname.
    const surnameOf = words.length === 1 ? targets.filter((t) => surnames.get(words[0]) === t) : [];
    if (surnameOf.length === 1) uf.union(root, surnameOf[0]);
    else if (targets.length === 1) uf.union(root, targets[0]);
    else if (targets.length > 1) {
      // Ambiguous: the nearest name written before the short form is its antecedent.
      const before = targets
        .filter((t) => (firstAt.get(t) ?? 0) < at)
        .sort((a, b) => (firstAt.get(b) ?? 0) - (firstAt.get(a) ?? 0));
      if (before.length > 0) uf.union(root, before[0]);
    } else if (words.length === 1 && words[0].length >= 7 && /^\p{Lu}\p{Ll}+$/u.test(words[0])) {
      // A variant spelling of a person's surname written earlier ("Brovikin" after "… Brovkin").
      for (const [surname, target] of surnames) {
        if (
          target !== root &&
          Math.abs(surname.length - words[0].length) <= 2 &&
          distance(surname, words[0]) <= 2
        ) {
          uf.union(root, target);
          break;
        }
      }
    }
  }
}

const INITIAL_SKIP = /^(?:of|the|and|for|on|in|&|de|du|des|la|le)$/i;

/** The initials of a name, with and without its legal form and connectors ("Suzhou Xiaoli Pharmatech Co." → SXP, SXPC). */
function initialsOf(name: string): string[] {
  const words = name.split(/[\s-]+/).filter((w) => /^[\p{L}]/u.test(w));
  const content = words.filter((w) => !INITIAL_SKIP.test(w));
  const bare = content.filter((w) => !LEGAL_FORMS.has(w));
  return [...new Set([content, bare, words].map((ws) => ws.map((w) => w[0].toUpperCase()).join("")))];
}

const BODY_HEADS =
  /^(?:Department|Ministry|Office|Bureau|Agency|Commission|Committee|Directorate|Service|Administration)$/;

/** "Department of the Treasury" and "Treasury Department" read alike: "treasury department". */
function bodyForm(name: string): string | null {
  const m =
    /^(?:(?:the|U\.S\.|US|United States)\s+)?(\p{Lu}\p{L}+)\s+of\s+(?:the\s+)?(\p{Lu}[\p{L} ]*)$/u.exec(name);
  if (m && BODY_HEADS.test(m[1])) return `${m[2].toLowerCase()} ${m[1].toLowerCase()}`;
  const n = /^(?:(?:the|U\.S\.|US|United States)\s+)?(\p{Lu}[\p{L} ]*?)\s+(\p{Lu}\p{L}+)$/u.exec(name);
  if (n && BODY_HEADS.test(n[2])) return `${n[1].toLowerCase()} ${n[2].toLowerCase()}`;
  return null;
}

/**
 * An acronym joins the one name in the text whose initials it spells ("OFAC" and "Office of Foreign Assets
 * Control" written apart); a body written "X Department" joins "Department of X".
 */
function joinAcronymsAndBodyForms(mentions: MentionCandidate[], uf: UnionFind): void {
  const long = new Map<string, Set<number>>();
  const forms = new Map<string, Set<number>>();
  mentions.forEach((m, i) => {
    if (m.type === "Place" || m.type === "Product") return;
    const root = uf.find(i);
    const words = m.text.split(/\s+/);
    if (words.length >= 2)
      for (const initials of initialsOf(m.text)) {
        if (initials.length < 2) continue;
        const set = long.get(initials) ?? new Set();
        set.add(root);
        long.set(initials, set);
      }
    const form = bodyForm(m.text);
    if (form) {
      const set = forms.get(form) ?? new Set();
      set.add(root);
      forms.set(form, set);
    }
  });
  mentions.forEach((m, i) => {
    if (/^\p{Lu}{2,6}$/u.test(m.text) && !COMMON_ACRONYMS.has(m.text)) {
      const roots = [...(long.get(m.text) ?? [])].filter((r) => r !== uf.find(i));
      if (roots.length === 1) uf.union(i, roots[0]);
    }
  });
  for (const roots of forms.values()) {
    const list = [...roots];
    for (let k = 1; k < list.length; k++) uf.union(list[0], list[k]);
  }
}

function buildGroup(mentions: MentionCandidate[], members: number[]): EntityGroup {
  let best = mentions[members[0]];
  // Between equally sure names, one not written in capitals, then the longest.
  const cased = (m: MentionCandidate): number => (/\p{Ll}/u.test(m.text) ? 1 : 0);
  for (const i of members) {
    const m = mentions[i];
    if (
      m.strength > best.strength ||
      (m.strength === best.strength &&
        (cased(m) > cased(best) || (cased(m) === cased(best) && m.text.length > best.text.length)))
    )
      best = m;
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (const i of [...members].sort((a, b) => mentions[b].text.length - mentions[a].text.length)) {
    const text = mentions[i].text;
    if (!seen.has(text)) {
      seen.add(text);
      names.push(text);
    }
  }
  const countries = new Map<string, number>();
  for (const i of members) {
    const c = mentions[i].country;
    if (c) countries.set(c, (countries.get(c) ?? 0) + 1);
  }
  const country = [...countries.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { type: best.type, caption: names[0], names, country, mentions: members };
}
