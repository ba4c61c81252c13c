// Word lists the name normaliser reads: titles and honorifics, name particles, articles, number
// words, spelling variants and country names (country names from ICU via Intl.DisplayNames).

/** Titles and honorifics dropped from person names ("Mr.", "President", "Sheikh"). */
export const TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "prof",
  "professor",
  "sir",
  "dame",
  "lord",
  "lady",
  "president",
  "prasident",
  "presidente",
  "monsieur",
  "madame",
  "mme",
  "herr",
  "frau",
  "senor",
  "senora",
  "don",
  "dona",
  "sheikh",
  "shaikh",
  "shaykh",
  "sheik",
  "haji",
  "hajji",
  "hadji",
  "mullah",
  "mulla",
  "maulana",
  "maulvi",
  "mawlawi",
  "qari",
  "imam",
  "general",
  "gen",
  "colonel",
  "col",
  "major",
  "maj",
  "captain",
  "capt",
  "lieutenant",
  "lt",
  "admiral",
  "adm",
  "brigadier",
  "hon",
  "honorable",
  "honourable",
  "minister",
  "ayatollah",
  "hojatoleslam",
]);

/** Vessel and aircraft prefixes dropped from craft names ("MV", "M/V", "MT"). */
export const CRAFT_PREFIXES = new Set(["mv", "mt", "ms", "mts", "ss", "fv", "my", "sy", "lng", "lpg"]);

/** Articles and conjunctions dropped from every name ("The", "and", "&"). */
export const DROPPED_WORDS = new Set(["the", "and", "und", "et", "y", "i"]);

/** Name particles kept with a small weight: "al", "bin", "de", "van", "of". */
export const PARTICLES = new Set([
  "al",
  "el",
  "ul",
  "bin",
  "ben",
  "ibn",
  "bint",
  "binti",
  "bt",
  "de",
  "del",
  "della",
  "der",
  "den",
  "di",
  "da",
  "do",
  "dos",
  "das",
  "du",
  "la",
  "le",
  "les",
  "van",
  "von",
  "ter",
  "te",
  "of",
  "for",
  "in",
  "on",
  "at",
  "a",
  "an",
]);

/** Number words read as digits, so "Forty-Four" meets "44". */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fourty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    hundred: 100,
  }),
);

/** Ordinals written with digits read as words ("1st" as "first"), so a misspelt ordinal word still meets them. */
export const ORDINAL_WORDS: readonly string[] = [
  "zeroth",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];

/** Roman numerals read as numbers in the names of organisations, funds and craft ("Fund IV", "Trust II"). */
export const ROMAN_NUMERALS: ReadonlyMap<string, number> = new Map(
  [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
  ].map((r, i) => [r, i + 1]),
);

/** Abbreviations and spelling variants written one way ("Int'l" as "international", "Organisation" as "organization"). */
export const SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    intl: "international",
    natl: "national",
    govt: "government",
    dept: "department",
    mfg: "manufacturing",
    assn: "association",
    bros: "brothers",
    hldgs: "holdings",
    svcs: "services",
    organisation: "organization",
    organisations: "organizations",
    labour: "labor",
    centre: "center",
    defence: "defense",
    programme: "program",
    colour: "color",
    honour: "honor",
  }),
);

/** Abbreviated country names expanded in organisation names ("U.S." as "united states"). */
export const COUNTRY_ABBREVIATIONS: ReadonlyMap<string, string[]> = new Map(
  Object.entries({
    us: ["united", "states"],
    usa: ["united", "states"],
    uk: ["united", "kingdom"],
    uae: ["united", "arab", "emirates"],
    prc: ["china"],
  }),
);

const LOCALES = ["en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "pl", "ro"];

/**
 * The UN M49 codes of continents and world regions (Africa, Europe, Latin America …), which name an
 * organisation's branch rather than a national one.
 */
export const REGION_CODES: ReadonlySet<string> = new Set(
  "002 003 005 009 011 013 014 015 017 018 019 021 029 030 034 035 039 053 054 057 061 142 143 145 150 151 154 155 202 419".split(
    " ",
  ),
);

/**
 * One-word country and region names in the main European languages, lower-case ASCII, with their ISO
 * or M49 code ("kazakistan" → "kz", "europa" → "150").
 */
function buildCountryWords(): Map<string, string> {
  const words = new Map<string, string>();
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b));
  codes.push(...REGION_CODES);
  for (const locale of LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (const code of codes) {
      const name = names.of(code);
      if (!name) continue;
      const plain = name
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
      if (/^[a-z]+$/.test(plain) && plain.length > 3 && !words.has(plain))
        words.set(plain, code.toLowerCase());
    }
  }
  return words;
}

/** Country and region names and their codes: two names that differ only by the place they name are different parties. */
export const COUNTRY_WORDS: ReadonlyMap<string, string> = buildCountryWords();

/** Words many organisation names share ("industries", "trading"): the other words tell organisations apart. */
export const GENERIC_WORDS = new Set([
  "industries",
  "industry",
  "industrial",
  "trading",
  "trade",
  "group",
  "holding",
  "holdings",
  "international",
  "global",
  "services",
  "service",
  "shipping",
  "logistics",
  "engineering",
  "technologies",
  "technology",
  "tech",
  "systems",
  "solutions",
  "enterprises",
  "enterprise",
  "investments",
  "investment",
  "capital",
  "management",
  "partners",
  "resources",
  "energy",
  "marine",
  "maritime",
  "development",
  "import",
  "export",
  "general",
  "national",
  "bank",
  "trust",
  "fund",
  "foundation",
  "company",
  "corporation",
  "association",
  "manufacturing",
  "construction",
  "products",
  "electronics",
  "machinery",
  "equipment",
  "consulting",
  "network",
  "finance",
  "financial",
  "plant",
  "factory",
  "works",
]);
