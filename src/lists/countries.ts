// Country names as the lists write them ("Korea, North", "Russian Federation", "Iran (Islamic Republic of)")
// mapped to ISO 3166-1 alpha-2 codes in lower case. English names come from ICU (Intl.DisplayNames);
// the lists' own spellings that ICU does not know are added below.
import anyAscii from "any-ascii";

/** Spellings used by OFAC, the UN, OFSI and the EU that differ from ICU's English region names. */
const LIST_SPELLINGS: Record<string, string> = {
  "korea, north": "kp",
  "korea north": "kp",
  "democratic people's republic of korea": "kp",
  dprk: "kp",
  "korea, south": "kr",
  "republic of korea": "kr",
  "korea, republic of": "kr",
  "russian federation": "ru",
  "iran (islamic republic of)": "ir",
  "iran, islamic republic of": "ir",
  "syrian arab republic": "sy",
  "lao people's democratic republic": "la",
  "viet nam": "vn",
  "united republic of tanzania": "tz",
  "bolivia (plurinational state of)": "bo",
  "venezuela (bolivarian republic of)": "ve",
  "republic of moldova": "md",
  "congo, democratic republic of the": "cd",
  "democratic republic of the congo": "cd",
  "congo, republic of the": "cg",
  "republic of the congo": "cg",
  congo: "cg",
  burma: "mm",
  myanmar: "mm",
  palestinian: "ps",
  palestine: "ps",
  "state of palestine": "ps",
  "west bank": "ps",
  gaza: "ps",
  "region: gaza": "ps",
  "region: west bank": "ps",
  "cote d'ivoire": "ci",
  "ivory coast": "ci",
  macau: "mo",
  macao: "mo",
  "hong kong": "hk",
  "kyrgyz republic": "kg",
  "czech republic": "cz",
  "netherlands antilles": "cw",
  turkey: "tr",
  turkiye: "tr",
  "united states of america": "us",
  usa: "us",
  uk: "gb",
  "great britain": "gb",
  "united kingdom of great britain and northern ireland": "gb",
  macedonia: "mk",
  "the former yugoslav republic of macedonia": "mk",
  swaziland: "sz",
  "east timor": "tl",
  "holy see": "va",
  vatican: "va",
  "micronesia, federated states of": "fm",
  "saint kitts and nevis": "kn",
  "saint lucia": "lc",
  "saint vincent and the grenadines": "vc",
  "sao tome and principe": "st",
  "brunei darussalam": "bn",
  "cabo verde": "cv",
  "the gambia": "gm",
  "gambia, the": "gm",
  "bahamas, the": "bs",
  "the bahamas": "bs",
  "taiwan, province of china": "tw",
  "china, taiwan": "tw",
  "people's republic of china": "cn",
  "china (people's republic of)": "cn",
  crimea: "ua",
  "serbia and montenegro": "rs",
  yugoslavia: "rs",
  ussr: "ru",
  "soviet union": "ru",
  "british virgin islands": "vg",
  "virgin islands, british": "vg",
  curacao: "cw",
  // Demonyms that nationality columns use instead of the country name.
  russian: "ru",
  iranian: "ir",
  syrian: "sy",
  iraqi: "iq",
  afghan: "af",
  "north korean": "kp",
  chinese: "cn",
  belarusian: "by",
  ukrainian: "ua",
  british: "gb",
  american: "us",
  lebanese: "lb",
  pakistani: "pk",
  yemeni: "ye",
  libyan: "ly",
  somali: "so",
  sudanese: "sd",
  turkish: "tr",
  emirati: "ae",
  "saudi arabian": "sa",
  saudi: "sa",
  egyptian: "eg",
  jordanian: "jo",
  kuwaiti: "kw",
  qatari: "qa",
  indian: "in",
  venezuelan: "ve",
  cuban: "cu",
  mexican: "mx",
  colombian: "co",
  nicaraguan: "ni",
  burmese: "mm",
};

function key(name: string): string {
  return anyAscii(name)
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/^the /, "")
    .replace(/[.\s]+$/, "")
    .trim();
}

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  // Codes withdrawn from ISO 3166-1 that ICU still names; skipping them keeps the current code.
  const withdrawn = new Set([
    "AN",
    "BU",
    "CS",
    "DD",
    "DY",
    "FX",
    "HV",
    "NH",
    "RH",
    "SU",
    "TP",
    "UK",
    "VD",
    "YD",
    "YU",
    "ZR",
  ]);
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (withdrawn.has(code)) continue;
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        continue;
      }
      if (!name || name === code || /^(Unknown|Pseudo|Outlying|European|Euro|United Nations)/.test(name))
        continue;
      const lower = code.toLowerCase();
      const forms = [
        name,
        name.replace(/&/g, "and"),
        name.replace(/\s*\(.*\)$/, ""),
        name.replace(/^St\. /, "Saint "),
      ];
      for (const form of forms) if (!table.has(key(form))) table.set(key(form), lower);
      table.set(lower, table.get(lower) ?? lower);
    }
  }
  for (const [name, code] of Object.entries(LIST_SPELLINGS)) table.set(key(name), code);
  table.set("congo - kinshasa", "cd");
  table.set("congo - brazzaville", "cg");
  return table;
}

let TABLE: Map<string, string> | undefined;

/**
 * The ISO 3166-1 alpha-2 code (lower case) of a country name, an ISO code or a common demonym; null when
 * the name is not a country ("Region: Kurdistan", free text).
 */
export function countryCode(name: string | null | undefined): string | null {
  if (!name) return null;
  TABLE ??= buildTable();
  const k = key(name);
  if (!k) return null;
  return TABLE.get(k) ?? null;
}
