// Clustering document-level entities into case entities: shared identifiers, equal name keys, one
// government body written several ways, transliteration variants, close names (the screening engine's
// comparison) and a shared strong list match join entities of one kind; countries, legal forms, analyst
// decisions and "one document already told them apart" keep parties apart. Weak evidence (a one-word
// name, a near-miss spelling) joins only with context: a neighbour the two share in the claims. Last, a
// short form (an acronym, a surname, a firm's short name, a body without its country) joins the one
// party in the case whose fuller name completes it, and stays apart when two do. Follows the
// nomenklatura resolver's habit: machine judgements first, analyst judgements win.
import type { Entity, EntityType } from "../model/index.js";
import { derivedId, ENTITY_TYPE_NAMES } from "../model/index.js";
import { compareNormalised } from "../screen/index.js";
import type { DocumentEntity } from "../store/index.js";
import { distinctKeys, type NameKey, namesWithKeys } from "./names.js";
import {
  acronymOf,
  type BodyKey,
  bodyKeyOf,
  initialsOf,
  isDescriptive,
  leftOver,
  looseKeyOf,
  looseToken,
} from "./short-forms.js";

/** Analyst judgements replayed from the decision log, as pairs of document-level entity ids. */
export interface Constraints {
  /** Pairs an analyst said are the same, in log order. */
  together: Array<[string, string]>;
  /** Pairs an analyst said are different. */
  apart: Array<[string, string]>;
}

/** Everything clustering needs; every field is required so no caller forgets one. */
export interface ResolutionInput {
  entities: DocumentEntity[];
  /** Document-level entity pairs joined by a claim: the context weak name evidence needs. */
  links: Array<[string, string]>;
  /**
   * Document-level entities that screening matched strongly to a list entry, with the entry's id: two
   * parties with close names matching one entry are one party unless something else keeps them apart.
   */
  listed: Array<[string, string]>;
  constraints: Constraints;
}

/** Why two document-level entities were joined: the rule that fired and what it saw. */
export interface Join {
  left: string;
  right: string;
  /**
   * analyst, identifier, listed (one list entry), name (equal name key or one body), similar (close
   * names, transliteration variants), short (a short form and the one fuller name that completes it).
   */
  rule: "analyst" | "identifier" | "listed" | "name" | "similar" | "short";
  /** The identifier, list entry, name key or similarity, and the shared neighbour when context decided. */
  detail: string;
}

/** A case entity: one real-world party, place or thing, with the document-level entities it gathers. */
export interface ResolvedEntity extends Entity {
  memberIds: string[];
  /** The joins that made it, one fewer than its members. */
  joins: Join[];
}

/** Tuning of the clustering. */
export interface ResolutionOptions {
  /** Name similarity (0..1, screening's name comparison) at which two multi-word names join on their own. */
  fuzzyThreshold: number;
  /** Name similarity at which two names join when the entities also share a neighbour. */
  contextThreshold: number;
  /** A name key or identifier shared by more entities than this is too common to compare pairwise. */
  maxBlockSize: number;
  /** A word start shared by more entities than this is too common to compare their names fuzzily. */
  maxFuzzyBlock: number;
  /** Names of one entity compared at most (the longest first). */
  maxNamesCompared: number;
  /** A one-word name found inside more entities' names than this is a common word, not a name. */
  maxWordEntities: number;
  /** A neighbour linked to more entities than this (a regulator, a country's government) is no context. */
  maxNeighbourLinks: number;
}

/** Defaults of the clustering options. */
export const RESOLUTION_DEFAULTS: Readonly<ResolutionOptions> = Object.freeze({
  fuzzyThreshold: 0.92,
  contextThreshold: 0.8,
  maxBlockSize: 200,
  maxFuzzyBlock: 64,
  maxNamesCompared: 6,
  maxWordEntities: 8,
  maxNeighbourLinks: 25,
});

/** Entity types that may be one thing under two labels (extraction may call a company an organisation). */
const TYPE_GROUPS: Record<EntityType, string> = {
  Person: "person",
  Company: "party",
  Organization: "party",
  PublicBody: "party",
  Place: "place",
  Product: "product",
  Vessel: "vessel",
  Aircraft: "aircraft",
};

/** Groups whose names are compared fuzzily (places and product designators must match exactly). */
const FUZZY_GROUPS = new Set(["person", "party", "vessel", "aircraft"]);

/** A name for several bodies at once: "the Departments of the Treasury, Commerce, and State". */
const SEVERAL_BODIES = /^(?:the\s+)?(?:departments|ministries|agencies)\b/i;

type EdgeKind = "identifier" | "listed" | "name" | "fuzzy" | "short";

/** The rule a join reports for each kind of edge. */
const RULE_OF: Record<EdgeKind, Join["rule"]> = {
  identifier: "identifier",
  listed: "listed",
  name: "name",
  fuzzy: "similar",
  short: "short",
};

/** Trial order of the evidence kinds (fuzzy edges rank by their similarity, at most 1). */
const RANK = { identifier: 5, caption: 4, listed: 3, alias: 2 } as const;

interface Edge {
  a: number;
  b: number;
  /** Order of trial, highest first: evidence kinds by strength, then name similarity. */
  score: number;
  kind: EdgeKind;
  /** True when the names alone are not enough: a shared neighbour must back it. */
  needsContext: boolean;
  /** What the edge rests on, for the join's explanation. */
  detail: string;
}

interface Prepared {
  entity: DocumentEntity;
  group: string;
  keys: NameKey[];
  captionKey: string;
  /** The caption's tokens (legal forms dropped): the form a short name is looked up by. */
  captionTokens: string[];
  /** True when the caption carries a legal form: a firm's full legal name is no short form. */
  captionHasForm: boolean;
  /** The caption as an acronym ("ofac"), or null. */
  acronym: string | null;
  /** The initials of each name of two words or more ("office of foreign assets control" → "ofac"). */
  initials: string[];
  /** Each key with its tokens folded over transliteration spellings. */
  looseKeys: string[];
  /** The government body a name writes (topic and country), or null. */
  body: BodyKey | null;
  /** Per key: the specific legal forms of each name with that key, or null when one name has none. */
  formsByKey: Map<string, string[][] | null>;
}

/** Union-find over entity indices, with each cluster's sources, countries and apart-partners. */
class Clusters {
  readonly #parent: number[];
  readonly #members: number[][];
  readonly #sources: Array<Set<string>>;
  /** Per cluster, how many members extraction gave each country. */
  readonly #countries: Array<Map<string, number>>;
  readonly #apart: Array<Set<number>>;

  constructor(prepared: Prepared[]) {
    this.#parent = prepared.map((_, i) => i);
    this.#members = prepared.map((_, i) => [i]);
    this.#sources = prepared.map((p) => new Set([p.entity.sourceId]));
    this.#countries = prepared.map((p) => new Map(p.entity.country ? [[p.entity.country, 1]] : []));
    this.#apart = prepared.map(() => new Set());
  }

  find(i: number): number {
    let root = i;
    while (this.#parent[root] !== root) root = this.#parent[root];
    while (this.#parent[i] !== root) {
      const next = this.#parent[i];
      this.#parent[i] = root;
      i = next;
    }
    return root;
  }

  members(root: number): number[] {
    return this.#members[root];
  }

  markApart(i: number, j: number): void {
    this.#apart[this.find(i)].add(j);
    this.#apart[this.find(j)].add(i);
  }

  /** True when an analyst kept a member of one cluster apart from a member of the other. */
  isApart(ra: number, rb: number): boolean {
    const [small, large] = this.#members[ra].length <= this.#members[rb].length ? [ra, rb] : [rb, ra];
    const apart = this.#apart[large];
    return this.#members[small].some((m) => apart.has(m));
  }

  /** The sources both clusters have a member in. */
  sharedSources(ra: number, rb: number): string[] {
    const [small, large] = this.#sources[ra].size <= this.#sources[rb].size ? [ra, rb] : [rb, ra];
    const other = this.#sources[large];
    return [...this.#sources[small]].filter((s) => other.has(s));
  }

  /**
   * The countries a cluster stands for: those a third of its members or more were given. A country
   * extraction gave one member of forty (a demonym read nearby) does not speak for the cluster.
   */
  #countriesOf(root: number): string[] {
    const size = this.#members[root].length;
    return [...this.#countries[root]].filter(([, n]) => n * 3 >= size).map(([c]) => c);
  }

  countriesConflict(ra: number, rb: number): boolean {
    const a = this.#countriesOf(ra);
    const b = this.#countriesOf(rb);
    if (a.length === 0 || b.length === 0) return false;
    return !a.some((c) => b.includes(c));
  }

  union(ra: number, rb: number): number {
    const [keep, gone] = this.#members[ra].length >= this.#members[rb].length ? [ra, rb] : [rb, ra];
    this.#parent[gone] = keep;
    this.#members[keep].push(...this.#members[gone]);
    for (const s of this.#sources[gone]) this.#sources[keep].add(s);
    for (const [c, n] of this.#countries[gone])
      this.#countries[keep].set(c, (this.#countries[keep].get(c) ?? 0) + n);
    for (const m of this.#apart[gone]) this.#apart[keep].add(m);
    this.#members[gone] = [];
    return keep;
  }

  roots(): number[] {
    return this.#parent.map((_, i) => i).filter((i) => this.#parent[i] === i);
  }
}

function prepare(entity: DocumentEntity): Prepared {
  const names = entity.names.includes(entity.caption) ? entity.names : [entity.caption, ...entity.names];
  const all = namesWithKeys(names, entity.type);
  const keys = distinctKeys(all);
  const captionKey = all.find((k) => k.name === entity.caption)?.key ?? keys[0]?.key ?? "";
  const formsByKey = new Map<string, string[][] | null>();
  for (const key of all) {
    const specific = key.normalised.genericFormsOnly ? [] : key.normalised.legalForms;
    const seen = formsByKey.get(key.key);
    // A name without a specific legal form fits any form.
    if (specific.length === 0 || seen === null) formsByKey.set(key.key, null);
    else formsByKey.set(key.key, [...(seen ?? []), specific]);
  }
  const caption = all.find((k) => k.name === entity.caption) ?? keys[0];
  return {
    entity,
    group: TYPE_GROUPS[entity.type] ?? "other",
    keys,
    captionKey,
    formsByKey,
    captionTokens: caption?.tokens ?? [],
    captionHasForm: (caption?.normalised.legalForms.length ?? 0) > 0,
    acronym: acronymOf(entity.caption),
    initials: keys.map(initialsOf).filter((i): i is string => i !== null),
    looseKeys: [...new Set(keys.map(looseKeyOf))],
    body: TYPE_GROUPS[entity.type] === "party" ? bodyOf(names, entity.country) : null,
  };
}

/** The body the first body-like name writes, its country from the name or else the entity's. */
function bodyOf(names: string[], country: string | null): BodyKey | null {
  for (const name of names) {
    const body = bodyKeyOf(name);
    if (body) return { topic: body.topic, country: body.country ?? country };
  }
  return null;
}

/** True when both entities write this name only with specific legal forms, and never the same one (an AO and an OOO). */
function legalFormsDiffer(a: Prepared, b: Prepared, key: string): boolean {
  const fa = a.formsByKey.get(key);
  const fb = b.formsByKey.get(key);
  if (!fa || !fb) return false;
  return !fa.some((x) => fb.some((y) => x.some((form) => y.includes(form))));
}

/** True when `key` is a short form of the entity's main name: its words are a part of the main name's. */
function isShortForm(p: Prepared, key: NameKey): boolean {
  if (p.captionKey === key.key) return false;
  const main = new Set(p.captionKey.split(" "));
  return key.tokens.every((t) => main.has(t));
}

/**
 * How strong an equal name key is: "alone" joins on its own, "context" needs a shared neighbour, "never"
 * does not join (a lone surname: families and namesakes share one).
 */
function exactKeyStrength(a: Prepared, b: Prepared, key: NameKey, commonWord: (t: string) => boolean) {
  if (a.group === "place" || a.group === "product") return "alone";
  // "Ministry of Defence" alone may be any country's: the short-form pass decides.
  if (a.group === "party" && bodyKeyOf(key.name)?.country === null) return "never";
  if (key.tokens.length === 1) {
    if (a.group === "person") return "never";
    // An acronym joins only parties it abbreviates: "IRGC" beside "IRGC Aerospace Force" is not its name.
    const acronym = acronymOf(key.name);
    const abbreviates = (p: Prepared) => p.acronym === acronym || p.initials.includes(acronym as string);
    if (acronym && !(abbreviates(a) && abbreviates(b))) return "never";
    // One word stands alone only as the main name of both parties, and only if it is not a common word.
    const mainOfBoth = a.captionKey === key.key && b.captionKey === key.key;
    return mainOfBoth && !commonWord(key.tokens[0]) ? "alone" : "context";
  }
  // "Central Bank" as a short form of "Central Bank of X" may name another country's central bank.
  return isShortForm(a, key) || isShortForm(b, key) ? "context" : "alone";
}

function addBlockEdges(
  block: number[],
  prepared: Prepared[],
  options: ResolutionOptions,
  evaluate: (i: number, j: number) => Edge | null,
  edges: Edge[],
): void {
  if (block.length < 2) return;
  if (block.length > options.maxBlockSize) {
    // Too common to compare every pair: link each to the first only (equal keys, identifiers).
    for (let k = 1; k < block.length; k++) {
      const edge = evaluate(block[0], block[k]);
      if (edge && !edge.needsContext) edges.push(edge);
    }
    return;
  }
  for (let x = 0; x < block.length; x++) {
    for (let y = x + 1; y < block.length; y++) {
      if (prepared[block[x]].group !== prepared[block[y]].group) continue;
      const edge = evaluate(block[x], block[y]);
      if (edge) edges.push(edge);
    }
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every candidate pair with its evidence: shared identifiers, equal keys, close names. */
function findEdges(prepared: Prepared[], listed: Map<number, string[]>, options: ResolutionOptions): Edge[] {
  const edges: Edge[] = [];
  const byIdentifier = new Map<string, number[]>();
  const byEntry = new Map<string, number[]>();
  for (const [i, entries] of listed)
    for (const entry of entries) pushTo(byEntry, `${prepared[i].group}|${entry}`, i);
  const byKey = new Map<string, number[]>();
  const byToken = new Map<string, number[]>();
  const wordEntities = new Map<string, number>();
  // A word is common when many longer names hold it ("Trading"), not when many texts name one party by it ("Kremlin").
  for (const p of prepared) {
    for (const t of new Set(p.keys.filter((k) => k.tokens.length >= 2).flatMap((k) => k.tokens)))
      wordEntities.set(t, (wordEntities.get(t) ?? 0) + 1);
  }
  const commonWord = (t: string) => (wordEntities.get(t) ?? 0) > options.maxWordEntities;
  prepared.forEach((p, i) => {
    for (const [kind, values] of Object.entries(p.entity.identifiers)) {
      for (const value of values)
        pushTo(byIdentifier, `${p.group}|${kind}|${value.replace(/\W/g, "").toLowerCase()}`, i);
    }
    for (const k of p.keys) pushTo(byKey, `${p.group}|${k.key}`, i);
    // A name for several bodies is like each of them and is none of them.
    if (!FUZZY_GROUPS.has(p.group) || SEVERAL_BODIES.test(p.entity.caption)) return;
    const tokens = new Set(p.keys.filter((k) => k.tokens.length >= 2).flatMap((k) => k.tokens));
    // Blocking on a token's first three letters lets transliteration variants (-ks-/-x-, k/c) meet.
    for (const t of tokens) if (t.length >= 3) pushTo(byToken, `${p.group}|${t.slice(0, 3)}`, i);
  });

  // Each block's key, without its group, is what the edges of the block rest on.
  const addEdgesOf = (
    blocks: Map<string, number[]>,
    evaluate: (a: number, b: number, key: string) => Edge | null,
  ) => {
    for (const [blockKey, block] of blocks) {
      const key = blockKey.slice(blockKey.indexOf("|") + 1);
      addBlockEdges(block, prepared, options, (a, b) => evaluate(a, b, key), edges);
    }
  };
  addEdgesOf(byIdentifier, (a, b, key) => ({
    a,
    b,
    score: RANK.identifier,
    kind: "identifier",
    needsContext: false,
    detail: key.replace("|", " "),
  }));
  addEdgesOf(byEntry, (a, b, detail) => {
    // A list match is screening's judgement, which can be loose: it joins only names already close,
    // and never persons (a list entry's name variants make many namesakes look alike).
    if (prepared[a].group === "person") return null;
    const similarity = scoreNames(prepared[a], prepared[b], options);
    if (similarity < options.contextThreshold) return null;
    return {
      a,
      b,
      score: RANK.listed,
      kind: "listed",
      needsContext: false,
      detail: `${detail}, names ${similarity.toFixed(2)} alike`,
    };
  });
  addEdgesOf(byKey, (a, b, key) => {
    const nameKey = prepared[a].keys.find((k) => k.key === key) as NameKey;
    const strength = exactKeyStrength(prepared[a], prepared[b], nameKey, commonWord);
    if (strength === "never") return null;
    return {
      a,
      b,
      // Main names first, so each party's core forms before aliases can bridge two parties.
      score: prepared[a].captionKey === key && prepared[b].captionKey === key ? RANK.caption : RANK.alias,
      kind: "name",
      needsContext: strength === "context" || legalFormsDiffer(prepared[a], prepared[b], key),
      detail: `same name "${nameKey.name}" and "${prepared[b].keys.find((k) => k.key === key)?.name}"`,
    };
  });
  // Transliteration variants of one name ("Kriuk-30" / "Kryuk-30", "Tverdynia" / "Tverdynya").
  const byLoose = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    if (!SEVERAL_BODIES.test(p.entity.caption))
      for (const key of p.looseKeys) pushTo(byLoose, `${p.group}|${key}`, i);
  });
  addEdgesOf(byLoose, (a, b, loose) => {
    const ka = prepared[a].keys.find((k) => looseKeyOf(k) === loose) as NameKey;
    const kb = prepared[b].keys.find((k) => looseKeyOf(k) === loose) as NameKey;
    if (ka.key === kb.key) return null;
    const single = ka.tokens.length === 1;
    if (single && prepared[a].group === "person") return null;
    return {
      a,
      b,
      score: RANK.alias,
      kind: "fuzzy",
      needsContext: single && !/\d/.test(ka.key),
      detail: `"${ka.name}" and "${kb.name}" spelt two ways`,
    };
  });
  // One government body however it is written, when both say which country's.
  const byBody = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    if (p.body?.country) pushTo(byBody, `${p.group}|${p.body.topic}, ${p.body.country}`, i);
  });
  addEdgesOf(byBody, (a, b, body) => ({
    a,
    b,
    score: RANK.caption,
    kind: "name",
    needsContext: false,
    detail: `one body, "${prepared[a].entity.caption}" and "${prepared[b].entity.caption}" (${body})`,
  }));
  const compared = new Set<string>();
  for (const block of byToken.values()) {
    if (block.length > options.maxFuzzyBlock) continue;
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const [a, b] = block[x] < block[y] ? [block[x], block[y]] : [block[y], block[x]];
        const pair = `${a}:${b}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        const score = scoreNames(prepared[a], prepared[b], options);
        if (score >= options.contextThreshold) {
          edges.push({
            a,
            b,
            score,
            kind: "fuzzy",
            needsContext: score < options.fuzzyThreshold,
            detail: `similarity ${score.toFixed(2)}`,
          });
        }
      }
    }
  }
  return edges;
}

/** The best similarity between the multi-word names of two entities. */
function scoreNames(a: Prepared, b: Prepared, options: ResolutionOptions): number {
  const pick = (p: Prepared) =>
    p.keys
      .filter((k) => k.tokens.length >= 2)
      .sort((x, y) => y.name.length - x.name.length)
      .slice(0, options.maxNamesCompared);
  let best = 0;
  for (const ka of pick(a)) {
    for (const kb of pick(b)) {
      // Equal keys are judged by the key edge, with its legal-form and one-word rules.
      if (ka.key === kb.key) continue;
      best = Math.max(best, compareNormalised(ka.normalised, kb.normalised).score);
    }
  }
  return best;
}

/** True when two entities' names are one name: an equal key, a transliteration variant, or a short form of the other. */
function sameName(a: Prepared, b: Prepared): boolean {
  if (a.keys.some((k) => b.keys.some((l) => l.key === k.key))) return true;
  if (a.looseKeys.some((k) => b.looseKeys.includes(k))) return true;
  return completes(b, a) || completes(a, b);
}

/**
 * True when `long` has a name that holds every word of `short`'s caption and more. For a party, the
 * caption must be no full legal name, and the words it lacks only describe the firm: "Rubezh" and
 * "Rubezh Insurance Company", but not a corps and its "Aerospace Force".
 */
function completes(long: Prepared, short: Prepared): boolean {
  if (short.group === "party" && short.captionHasForm) return false;
  return long.keys.some((k) => {
    const rest = leftOver(short.captionTokens, k.tokens);
    return rest !== null && (short.group !== "party" || rest.every(isDescriptive));
  });
}

/** How an entity's caption is a short form: an acronym, a body without its country, or words inside a longer name. */
type ShortForm = "acronym" | "body" | "inside";

function shortFormOf(p: Prepared): ShortForm | null {
  if (p.captionTokens.length === 0 || p.group === "place" || p.group === "product") return null;
  if (SEVERAL_BODIES.test(p.entity.caption)) return null;
  if (p.acronym && p.group === "party") return "acronym";
  if (p.body && p.body.country === null) return "body";
  return "inside";
}

/** Lookups of the entities whose names complete a short form, and of those with an equal one. */
function indexCompletions(prepared: Prepared[]) {
  const byInitials = new Map<string, number[]>();
  const byBody = new Map<string, number[]>();
  const byToken = new Map<string, number[]>();
  const byCaption = new Map<string, number[]>();
  const byAlias = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const k of p.keys) if (k.key !== p.captionKey) pushTo(byAlias, `${p.group}|${k.key}`, i);
    for (const initials of p.initials) pushTo(byInitials, `${p.group}|${initials}`, i);
    if (p.body?.country) pushTo(byBody, p.body.topic, i);
    for (const token of new Set(p.keys.flatMap((k) => k.tokens.map(looseToken))))
      pushTo(byToken, `${p.group}|${token}`, i);
    pushTo(byCaption, `${p.group}|${p.captionKey}`, i);
  });
  return {
    /** Entities whose fuller name completes entity i's short form. */
    *fuller(i: number, form: ShortForm): Iterable<number> {
      const p = prepared[i];
      if (form === "acronym") {
        // An expansion a text pairs with the acronym ("European Union (EU)") outranks one that only fits it.
        const fitting = byInitials.get(`${p.group}|${p.acronym}`) ?? [];
        const stated = fitting.filter((j) => prepared[j].keys.some((k) => k.key === p.captionKey));
        yield* stated.length > 0 ? stated : fitting;
      } else if (form === "body") {
        yield* byBody.get((p.body as BodyKey).topic) ?? [];
      } else {
        // A party another text says is also called this ("Ansarallah, known as the Houthis").
        for (const j of byAlias.get(`${p.group}|${p.captionKey}`) ?? []) if (j !== i) yield j;
        // Look the short form up by its rarest word; every longer name holding all its words completes it.
        const lists = p.captionTokens.map((t) => byToken.get(`${p.group}|${looseToken(t)}`) ?? []);
        const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
        for (const j of rarest) if (j !== i && completes(prepared[j], p)) yield j;
      }
    },
    /** Other entities with the same caption key. */
    equal(i: number): number[] {
      const p = prepared[i];
      return (byCaption.get(`${p.group}|${p.captionKey}`) ?? []).filter((j) => j !== i);
    },
  };
}

/** Groups one name may be read as in different texts: a person, a firm or body, a vessel, an aircraft. */
const NAMED_GROUPS = new Set(["person", "party", "vessel", "aircraft"]);

/**
 * One name of two words or more read as different kinds of party in different texts ("Wen Haolin" a
 * company once, a person three times): the kind most documents give wins and the others join it. A tie
 * settles nothing, and a name with a legal form is never a person's.
 */
function settleTypeConflicts(prepared: Prepared[], tryUnion: (edge: Edge) => void): void {
  const byCaption = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    if (NAMED_GROUPS.has(p.group) && p.captionTokens.length >= 2) pushTo(byCaption, p.captionKey, i);
  });
  for (const members of byCaption.values()) {
    const groups = new Map<string, number[]>();
    for (const i of members) pushTo(groups, prepared[i].group, i);
    if (groups.size < 2) continue;
    const ranked = [...groups].sort((a, b) => b[1].length - a[1].length);
    if (ranked[0][1].length === ranked[1][1].length) continue;
    const [winner, kept] = ranked[0];
    for (const [group, others] of ranked.slice(1)) {
      for (const i of others) {
        if (winner === "person" && prepared[i].captionHasForm) continue;
        tryUnion({
          a: i,
          b: kept[0],
          score: 0,
          kind: "name",
          needsContext: false,
          detail: `"${prepared[i].entity.caption}" read as ${group} in one text and as ${winner} in ${kept.length}`,
        });
      }
    }
  }
}

/** Neighbour lookup: which entities each entity is linked to by a claim. */
function buildNeighbours(prepared: Prepared[], links: Array<[string, string]>): number[][] {
  const index = new Map(prepared.map((p, i) => [p.entity.id, i]));
  const neighbours: number[][] = prepared.map(() => []);
  for (const [x, y] of links) {
    const a = index.get(x);
    const b = index.get(y);
    if (a === undefined || b === undefined || a === b) continue;
    // Places are everyone's neighbour ("located in Russia"); they say nothing about identity.
    if (prepared[b].group !== "place") neighbours[a].push(b);
    if (prepared[a].group !== "place") neighbours[b].push(a);
  }
  return neighbours;
}

/** Clusters document-level entities into case entities. Pure: the same input gives the same output. */
export function resolveEntities(
  input: ResolutionInput,
  options: Partial<ResolutionOptions> = {},
): ResolvedEntity[] {
  const config: ResolutionOptions = { ...RESOLUTION_DEFAULTS, ...options };
  const prepared = [...input.entities].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map(prepare);
  const index = new Map(prepared.map((p, i) => [p.entity.id, i]));
  const clusters = new Clusters(prepared);
  const joins: Join[] = [];

  for (const [x, y] of input.constraints.apart) {
    const a = index.get(x);
    const b = index.get(y);
    if (a !== undefined && b !== undefined) clusters.markApart(a, b);
  }
  // Analyst merges first: they win over every machine guard except an analyst's own "not the same".
  for (const [x, y] of input.constraints.together) {
    const a = index.get(x);
    const b = index.get(y);
    if (a === undefined || b === undefined) continue;
    const ra = clusters.find(a);
    const rb = clusters.find(b);
    if (ra !== rb && !clusters.isApart(ra, rb)) {
      clusters.union(ra, rb);
      joins.push({ left: x, right: y, rule: "analyst", detail: "merged by an analyst" });
    }
  }

  const listed = new Map<number, string[]>();
  for (const [id, entry] of input.listed) {
    const i = index.get(id);
    if (i !== undefined) listed.set(i, [...(listed.get(i) ?? []), entry]);
  }
  const edges = findEdges(prepared, listed, config).sort(
    (x, y) => y.score - x.score || x.a - y.a || x.b - y.b,
  );
  const neighbours = buildNeighbours(prepared, input.links);
  const linkedRoots = (root: number): Set<number> =>
    new Set(clusters.members(root).flatMap((m) => neighbours[m].map((n) => clusters.find(n))));

  const duplicatesIn = (source: string, ra: number, rb: number): boolean => {
    const inSource = (root: number) =>
      clusters.members(root).filter((m) => prepared[m].entity.sourceId === source);
    const others = inSource(rb);
    return inSource(ra).every((i) => others.every((j) => sameName(prepared[i], prepared[j])));
  };
  const tryUnion = (edge: Edge): void => {
    let detail = edge.detail;
    const ra = clusters.find(edge.a);
    const rb = clusters.find(edge.b);
    if (ra === rb || clusters.isApart(ra, rb)) return;
    if (edge.kind !== "identifier" && clusters.countriesConflict(ra, rb)) return;
    // One document that names both as separate parties has already told them apart. One name written
    // twice in a document, or a short form beside its full one ("Arkady Strelbitsky", "Arkady
    // Venediktovich Strelbitsky"), is a duplicate its reading missed, not a second party; but an entity
    // whose names bridge two parties one document keeps apart ("the Department of State and the
    // Department of Commerce") is not.
    if (
      edge.kind !== "identifier" &&
      clusters.sharedSources(ra, rb).some((source) => !duplicatesIn(source, ra, rb))
    )
      return;
    // A claim between the two says they are two parties.
    if (edge.kind === "short" && (linkedRoots(ra).has(rb) || linkedRoots(rb).has(ra))) return;
    if (edge.needsContext) {
      const na = linkedRoots(ra);
      const nb = linkedRoots(rb);
      // A claim between the two says they are two parties; a shared neighbour says they may be one.
      if (na.has(rb) || nb.has(ra)) return;
      let shared: number | undefined;
      for (const n of na) {
        if (shared !== undefined || n === ra || n === rb || !nb.has(n)) continue;
        // A hub (a regulator everyone is "designated by") says nothing about who is who.
        if (linkedRoots(n).size <= config.maxNeighbourLinks) shared = n;
      }
      if (shared === undefined) return;
      detail = `${detail}, both linked to "${prepared[shared].entity.caption}"`;
    }
    clusters.union(ra, rb);
    joins.push({
      left: prepared[edge.a].entity.id,
      right: prepared[edge.b].entity.id,
      rule: RULE_OF[edge.kind],
      detail,
    });
  };
  for (const edge of edges) if (!edge.needsContext) tryUnion(edge);
  for (const edge of edges) if (edge.needsContext) tryUnion(edge);
  // Short forms last, once the full names have gathered: each joins the one cluster whose fuller name
  // completes it; with none, equal short forms join each other; with two, it stays apart.
  const completions = indexCompletions(prepared);
  prepared.forEach((p, i) => {
    const form = shortFormOf(p);
    if (!form) return;
    const own = clusters.find(i);
    const fuller = new Map<number, number>();
    for (const j of completions.fuller(i, form)) {
      const root = clusters.find(j);
      // Already with a party that completes it: the short form is settled.
      if (root === own) return;
      if (!fuller.has(root)) fuller.set(root, j);
      if (fuller.size > 1) return;
    }
    const detail = (j: number) =>
      `"${p.entity.caption}" is a short form of "${prepared[j].entity.caption}", the only party whose name completes it`;
    if (fuller.size === 1) {
      const [j] = fuller.values();
      tryUnion({ a: i, b: j, score: 0, kind: "short", needsContext: false, detail: detail(j) });
    } else if (form !== "inside" || (p.group === "person" && p.captionTokens.length === 1)) {
      for (const j of completions.equal(i))
        tryUnion({
          a: i,
          b: j,
          score: 0,
          kind: "short",
          needsContext: false,
          detail: `"${p.entity.caption}" twice, and no fuller name in the case that it could be`,
        });
    }
  });
  settleTypeConflicts(prepared, tryUnion);

  const joinsOf = new Map<number, Join[]>();
  for (const join of joins) pushTo(joinsOf, clusters.find(index.get(join.left) as number), join);
  return clusters
    .roots()
    .map((root) => ({
      ...buildCaseEntity(clusters.members(root).map((m) => prepared[m].entity)),
      joins: joinsOf.get(root) ?? [],
    }))
    .sort((x, y) => (x.id < y.id ? -1 : 1));
}

function mostCommon<T>(values: T[], rank: (value: T) => number[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((x, y) => {
      if (y[1] !== x[1]) return y[1] - x[1];
      const rx = rank(x[0]);
      const ry = rank(y[0]);
      for (let i = 0; i < rx.length; i++) if (rx[i] !== ry[i]) return ry[i] - rx[i];
      return String(x[0]) < String(y[0]) ? -1 : 1;
    })
    .map(([v]) => v)[0];
}

/** Builds one case entity from its members; its id follows the smallest member id, so it is stable. */
export function buildCaseEntity(members: Array<Entity | DocumentEntity>): ResolvedEntity {
  const sorted = [...members].sort((x, y) => (x.id < y.id ? -1 : 1));
  const type = mostCommon(
    sorted.map((m) => m.type),
    (t) => [-ENTITY_TYPE_NAMES.indexOf(t)],
  ) as EntityType;
  // The caption most documents use; between equals, one not written in capitals (a record's
  // "ZHEJIANG … CO., LTD." is the firm an article writes in mixed case), then the fullest form.
  const caption = mostCommon(
    sorted.map((m) => m.caption),
    (c) => [/\p{Ll}/u.test(c) ? 1 : 0, c.split(/\s+/).length, c.length],
  ) as string;
  const names: string[] = [];
  const seen = new Set<string>();
  for (const name of [caption, ...sorted.flatMap((m) => [m.caption, ...m.names])]) {
    const folded = name.toLocaleLowerCase();
    if (!seen.has(folded)) {
      seen.add(folded);
      names.push(name);
    }
  }
  const country =
    mostCommon(
      sorted.map((m) => m.country).filter((c): c is string => Boolean(c)),
      () => [],
    ) ?? null;
  const identifiers: Record<string, string[]> = {};
  for (const m of sorted) {
    for (const [kind, values] of Object.entries(m.identifiers)) {
      identifiers[kind] = [...new Set([...(identifiers[kind] ?? []), ...values])];
    }
  }
  return {
    id: derivedId("case", sorted[0].id),
    type,
    caption,
    names,
    country,
    identifiers,
    memberIds: sorted.map((m) => m.id),
    joins: [],
  };
}
