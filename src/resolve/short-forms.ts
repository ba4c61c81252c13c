// The forms a party's name takes across documents that equal keys miss: an acronym and its expansion
// ("OFAC" / "Office of Foreign Assets Control"), a short name inside the full one ("Yamantau" / "Bank
// Yamantau", "Putin" / "Vladimir Putin"), transliteration variants ("Kriuk" / "Kryuk"), and a government
// body written several ways ("US Treasury", "Treasury Department", "U.S. Department of the Treasury").
import { findDemonym, findPlace } from "../extract/index.js";
import { normaliseName } from "../screen/index.js";
import type { NameKey } from "./names.js";

/** A name written as an acronym: 2–6 capital letters, maybe with dots ("EU", "OFAC", "U.N."). */
const ACRONYM = /^(?:[A-Z]\.?){2,6}$/;

/** The acronym a name is, in lower case ("ofac"), or null. */
export function acronymOf(name: string): string | null {
  const trimmed = name.trim();
  return ACRONYM.test(trimmed) ? trimmed.replace(/\./g, "").toLowerCase() : null;
}

/** The initials of a name's words, particles, titles and legal forms left out ("Office of Foreign Assets Control" → "ofac"). */
export function initialsOf(key: NameKey): string | null {
  const words = key.normalised.tokens.filter((t) => t.kind === "word");
  if (words.length < 2) return null;
  return words.map((t) => t.text[0]).join("");
}

/**
 * A token folded over the spelling differences of transliteration (Russian and Ukrainian into Latin
 * by different systems): y/i, yo/e, shch/sh, kh/h, doubled letters, a final -iy/-ii.
 */
export function looseToken(token: string): string {
  return token
    .replace(/shch/g, "sh")
    .replace(/yo|yë|ë/g, "e")
    .replace(/kh/g, "h")
    .replace(/ts/g, "c")
    .replace(/y/g, "i")
    .replace(/j/g, "i")
    .replace(/(.)\1+/g, "$1")
    .replace(/ii$/g, "i");
}

/** The key of a name with each token folded (sorted again). */
export function looseKeyOf(key: NameKey): string {
  return key.tokens.map(looseToken).sort().join(" ");
}

/**
 * The tokens of `long` left over when every token of `short` is found in it (folded, or an initial of
 * one of its words), or null when some is not or nothing is left: "Arkady Strelbitsky" leaves
 * "venediktovich" of "Arkady Venediktovich Strelbitsky", "Y. Abdikarimov" is inside "Yerlan Abdikarimov",
 * "Rubezh" leaves "insurance company".
 */
export function leftOver(short: string[], long: string[]): string[] | null {
  if (short.length >= long.length) return null;
  const free = long.map(looseToken);
  for (const token of short.map(looseToken)) {
    let at = free.indexOf(token);
    if (at < 0 && token.length === 1) at = free.findIndex((t) => t.startsWith(token));
    if (at < 0) return null;
    free.splice(at, 1);
  }
  return free;
}

/**
 * Words a firm's full name adds to its short name without naming another party: what it does, where
 * it is registered, what kind of firm it is ("Rubezh" / "Rubezh Insurance Company", "Taihu Xinwei" /
 * "Wuxi Taihu Xinwei Microelectronics"). Anything else ("Aerospace Force" after a corps' name, "Neft"
 * after a group's) may be a unit or a subsidiary, another party.
 */
const DESCRIPTIVE = new Set(
  (
    "company companies co corporation corp group holding holdings bank banking commercial trading trade " +
    "house international industries industry industrial enterprise enterprises plant factory works " +
    "combine mining metallurgical metallurgy engineering technology technologies tech electronics " +
    "microelectronics systems shipping logistics energy oil gas petroleum petrochemical petrochemicals " +
    "chemical chemicals insurance investment investments capital finance financial partners services " +
    "service solutions defense aviation shipyard research institute scientific production manufacturing " +
    "machinery instruments motors global general import export limited incorporated"
  ).split(" "),
);

/** True when a word adds no other party to a name: a descriptive word, a place, or a jurisdiction code. */
export function isDescriptive(token: string): boolean {
  if (DESCRIPTIVE.has(token) || /^[a-z]{2}$/.test(token)) return true;
  const capitalised = token[0].toUpperCase() + token.slice(1);
  return findPlace(capitalised) !== undefined || findDemonym(capitalised) !== undefined;
}

/** Words that make a name a government body's, and words that say nothing of which body it is. */
const BODY_HEADS = new Set(["department", "ministry", "dept", "government"]);
const BODY_FILLERS = new Set(["of", "the", "and", "for", "affairs", "s"]);
/** A body named by its topic alone ("the Treasury", "US Treasury"). */
const BODY_TOPICS_ALONE = new Set(["treasury"]);

/** A government body as its topic and, when the name says it, its country. */
export interface BodyKey {
  topic: string;
  country: string | null;
}

/**
 * The body a name writes, or null for a name that is no ministry or department: "Russia’s Ministry of
 * Defence", "Ministry of Defense of the Russian Federation" and "Russian Defence Ministry" are all
 * defense/ru; "Treasury Department" is treasury with no country.
 */
export function bodyKeyOf(name: string): BodyKey | null {
  const words = name
    .replace(/[’']s\b/g, "")
    .split(/[\s,()]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, ""))
    .filter(Boolean);
  let country: string | null = null;
  let head: string | null = null;
  const topic: string[] = [];
  for (let i = 0; i < words.length; i++) {
    // Longest country name first ("Russian Federation", "United States").
    let matched = 0;
    for (let n = Math.min(3, words.length - i); n >= 1 && matched === 0; n--) {
      const phrase = words.slice(i, i + n).join(" ");
      const place = findPlace(phrase) ?? findDemonym(phrase);
      if (place?.country && (place.kind === "country" || findDemonym(phrase))) {
        country = place.country;
        matched = n;
      }
    }
    if (matched > 0) {
      i += matched - 1;
      continue;
    }
    const lower = words[i].toLowerCase().replace(/\.$/, "");
    if (BODY_HEADS.has(lower)) head = lower;
    else if (!BODY_FILLERS.has(lower)) topic.push(words[i]);
  }
  // "Government of the Russian Federation", "the Russian government": the government is its own topic.
  if (topic.length === 0) return head === "government" && country ? { topic: "government", country } : null;
  const tokens = normaliseName(topic.join(" "), "PublicBody")
    .tokens.map((t) => t.text)
    .sort();
  if (!head && !(tokens.length === 1 && BODY_TOPICS_ALONE.has(tokens[0]))) return null;
  return { topic: tokens.join(" "), country };
}
