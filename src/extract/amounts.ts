// Finds amounts of money in text: the figure (digits or words, with a scale such as million or bn),
// its ISO 4217 currency (from a symbol, a code or a currency word) and the hedge before it.
import type { Amount, Span } from "../model/index.js";
import { CARDINAL_WORDS } from "./number-words.js";
import { chooseLongest } from "./overlaps.js";

/** An amount found in a text, with the [start, end) span of its words. */
export type AmountInText = Amount & Span;

/** Symbols, codes and words → ISO 4217 code. Keys are matched case-insensitively except symbols. */
const SYMBOLS: Record<string, string> = {
  us$: "USD",
  usd$: "USD",
  hk$: "HKD",
  c$: "CAD",
  ca$: "CAD",
  a$: "AUD",
  au$: "AUD",
  s$: "SGD",
  nz$: "NZD",
  r$: "BRL",
  nt$: "TWD",
  $: "USD",
  "€": "EUR",
  "£": "GBP",
  "₽": "RUB",
  "₹": "INR",
  "₩": "KRW",
  "₺": "TRY",
  "₴": "UAH",
  "₪": "ILS",
  "₸": "KZT",
  "¥": "¥",
};
const CODES = [
  "USD",
  "EUR",
  "GBP",
  "CNY",
  "CNH",
  "RMB",
  "RUB",
  "JPY",
  "CHF",
  "INR",
  "IRR",
  "AED",
  "TRY",
  "UAH",
  "KRW",
  "KPW",
  "HKD",
  "SGD",
  "CAD",
  "AUD",
  "NZD",
  "BYN",
  "KZT",
  "SAR",
  "QAR",
  "KWD",
  "OMR",
  "BHD",
  "IQD",
  "SYP",
  "LBP",
  "EGP",
  "VND",
  "THB",
  "MYR",
  "IDR",
  "PKR",
  "BRL",
  "MXN",
  "ZAR",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "CZK",
  "HUF",
  "ILS",
  "NGN",
  "VES",
  "AFN",
  "KGS",
  "UZS",
  "TJS",
  "TMT",
  "AMD",
  "AZN",
  "GEL",
  "MNT",
  "TWD",
  "MMK",
  "RSD",
];
/** Currency words after a figure; the longest phrase wins ("Hong Kong dollars" before "dollars"). */
const WORDS: Array<[string, string]> = [
  ["(?:u\\.?s\\.?|american|united states) dollars?", "USD"],
  ["hong kong dollars?", "HKD"],
  ["canadian dollars?", "CAD"],
  ["australian dollars?", "AUD"],
  ["singapore dollars?", "SGD"],
  ["new zealand dollars?", "NZD"],
  ["(?:new )?taiwan(?:ese)? dollars?", "TWD"],
  ["dollars?", "USD"],
  ["(?:chinese )?(?:yuan|renminbi)", "CNY"],
  ["euros?", "EUR"],
  ["(?:british )?pounds? sterling|british pounds?|sterling", "GBP"],
  ["egyptian pounds?", "EGP"],
  ["syrian pounds?", "SYP"],
  ["lebanese pounds?", "LBP"],
  ["pounds?(?! of\\b)", "GBP"],
  ["belarusian (?:rubles?|roubles?)", "BYN"],
  ["(?:russian )?(?:rubles?|roubles?)", "RUB"],
  ["pakistani rupees?", "PKR"],
  ["(?:indian )?rupees?", "INR"],
  ["(?:japanese )?yen", "JPY"],
  ["north korean won", "KPW"],
  ["(?:south korean |korean )?won", "KRW"],
  ["saudi riyals?", "SAR"],
  ["qatari riyals?", "QAR"],
  ["omani rials?", "OMR"],
  ["(?:iranian )?rials?", "IRR"],
  ["riyals?", "SAR"],
  ["(?:emirati |uae )?dirhams?", "AED"],
  ["(?:turkish )?lira|liras", "TRY"],
  ["(?:ukrainian )?hryvnias?", "UAH"],
  ["swiss francs?", "CHF"],
  ["(?:kazakh(?:stani)? )?tenge", "KZT"],
  ["iraqi dinars?", "IQD"],
  ["kuwaiti dinars?", "KWD"],
  ["serbian dinars?", "RSD"],
  ["mexican pesos?", "MXN"],
  ["(?:venezuelan )?bol[ií]vares|bol[ií]vars?", "VES"],
  ["(?:israeli )?(?:new )?shekels?", "ILS"],
  ["(?:georgian )?lari", "GEL"],
  ["(?:armenian )?drams?", "AMD"],
  ["(?:south african )?rand", "ZAR"],
  ["(?:brazilian )?reais", "BRL"],
  ["(?:nigerian )?naira", "NGN"],
  ["(?:malaysian )?ringgit", "MYR"],
  ["(?:thai )?baht", "THB"],
  ["(?:vietnamese )?dong", "VND"],
  ["(?:afghan )?afghanis", "AFN"],
];
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  mln: 1e6,
  mio: 1e6,
  m: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  lakh: 1e5,
  crore: 1e7,
};
const NUMBER_WORDS: Record<string, number> = {
  ...CARDINAL_WORDS,
  "half a": 0.5,
  "a half": 0.5,
  dozens: 12,
  tens: 10,
  hundreds: 100,
  several: 1,
};
/** Hedges before a figure, as written; the longest phrase wins. */
const QUALIFIERS = [
  "more than",
  "well over",
  "just over",
  "just under",
  "over",
  "above",
  "in excess of",
  "upwards of",
  "at least",
  "no less than",
  "not less than",
  "nearly",
  "almost",
  "close to",
  "approximately",
  "approx.",
  "about",
  "around",
  "roughly",
  "some",
  "an estimated",
  "estimated",
  "up to",
  "as much as",
  "less than",
  "under",
  "below",
  "no more than",
  "at most",
  "between",
];

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const byLength = (a: string, b: string) => b.length - a.length;

const SYMBOL_PATTERN = Object.keys(SYMBOLS).sort(byLength).map(escapeRegExp).join("|");
const CODE_PATTERN = CODES.join("|");
const WORD_PATTERN = WORDS.map(([pattern]) => `(?:${pattern})`).join("|");
const DIGITS =
  "\\d{1,3}(?:,\\d{3}){1,5}(?:\\.\\d+)?|\\d{1,3}(?:[\u00a0\u202f ]\\d{3}){1,5}(?!\\d|[.,]\\d)|\\d+(?:\\.\\d+)?";
const WORD_NUMBER =
  "half\\s+a|a\\s+half|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\\s+hundred|hundreds|tens|dozens|several";
const SCALE_SPACED = "thousand|millions?|billions?|trillion|mn|mln|mio\\.?|bn|tn|lakh|crore";
const SCALE_ATTACHED = "k|m|b|bn|mn|mln|tn";
/** A figure: digits with an optional scale, or number words followed by a scale ("five million"). */
const FIGURE = `(?:(?<digits>${DIGITS})(?:(?<attached>${SCALE_ATTACHED})\\b|\\s*(?<scale>${SCALE_SPACED})\\b)?|(?:(?<words>${WORD_NUMBER})\\s+(?:of\\s+)?)?(?<wordScale>thousands?|millions?|billions?|trillions?)(?:\\s+of)?)`;
/** A second figure after a dash or "and"/"to", for ranges: "$5–10 million", "between €2m and €3m". */
const RANGE_TAIL = `(?:\\s*(?:[-\u2013\u2014]|to|and)\\s*(?:${SYMBOL_PATTERN}|(?:${CODE_PATTERN})\\s?)?(?<upper>${DIGITS})(?:(?<upperAttached>${SCALE_ATTACHED})\\b|\\s*(?<upperScale>${SCALE_SPACED})\\b)?)?`;
const QUALIFIER_PATTERN = `(?:\\b(?<qualifier>${QUALIFIERS.sort(byLength).map(escapeRegExp).join("|")})\\s+)?`;

/** What every figure has, digits or a scale word: most sentences have neither and are passed over. */
const FIGURE_CUE = /\d|thousand|million|billion|trillion/i;

const PREFIXED = new RegExp(
  `${QUALIFIER_PATTERN}(?<prefix>${SYMBOL_PATTERN}|\\b(?:${CODE_PATTERN})\\b)\\s?${FIGURE}${RANGE_TAIL}(?:\\s+(?<trailWord>${WORD_PATTERN})\\b)?`,
  "gi",
);
const SUFFIXED = new RegExp(
  `${QUALIFIER_PATTERN}(?<![\\w.,-])${FIGURE}${RANGE_TAIL}\\s*(?:(?<suffixSymbol>[€£₽₹₩₺₴₪₸])|\\b(?<suffixCode>${CODE_PATTERN})\\b|(?<suffixWord>${WORD_PATTERN})\\b)`,
  "gi",
);

/**
 * Finds every amount of money in `text`: "more than 5 million yuan", "$1.2 billion", "USD 300,000",
 * "€4m", "RUB 12 million", "five million dollars", "between $2m and $3m" (the lower figure, qualifier
 * "between"). The value is in units of the currency; the qualifier is the hedge as written, or null.
 * Figures with no currency are not amounts.
 */
export function findAmounts(text: string): AmountInText[] {
  if (!FIGURE_CUE.test(text)) return [];
  const yenCurrency = /\b(?:yuan|renminbi|RMB|CNY|Chin(?:a|ese))\b/i.test(text) ? "CNY" : "JPY";
  const found: AmountInText[] = [];
  for (const regex of [PREFIXED, SUFFIXED]) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const amount = readAmount(m, yenCurrency);
      if (amount) found.push(amount);
      // A rejected match may hide a good one one character on ("a$5" is "a" then "$5").
      else regex.lastIndex = m.index + 1;
    }
  }
  return chooseLongest(found, text.length);
}

function readAmount(m: RegExpExecArray, yenCurrency: string): AmountInText | null {
  const groups = m.groups!;
  // Codes and lettered symbols count only in capitals: "try 5" is a verb, "TRY 5" Turkish lira, "a$5" no A$.
  for (const code of [groups.prefix, groups.suffixCode]) {
    if (code && /[a-z]/i.test(code) && code !== code.toUpperCase()) return null;
  }
  const currency = currencyOf(groups, yenCurrency);
  if (!currency) return null;
  let value: number;
  if (groups.digits) {
    // "$5–10 million": the lower figure takes the scale written after the upper one.
    const scale = groups.attached ?? groups.scale ?? groups.upperAttached ?? groups.upperScale;
    value = readDigits(groups.digits) * (scale ? SCALES[scale.toLowerCase().replace(/\.$/, "")] : 1);
  } else {
    // "millions of dollars" without a number counts as one of the scale, hedged by the qualifier below.
    const words = (groups.words ?? "one").toLowerCase().replace(/\s+/g, " ");
    value =
      (NUMBER_WORDS[words] ?? NUMBER_WORDS[words.replace(/^a /, "")]) *
      SCALES[groups.wordScale.toLowerCase().replace(/s$/, "")];
  }
  if (!Number.isFinite(value) || value <= 0) return null;
  // "won" and "rand" are also common words: take them only after a figure with a scale or in the thousands.
  if (groups.suffixWord && /^(?:won|rand|dong)$/i.test(groups.suffixWord) && value < 1000) return null;
  const qualifier = groups.qualifier?.toLowerCase() ?? vagueQualifier(groups.words, groups.wordScale);
  const start = m.index;
  const end = m.index + m[0].length;
  return {
    value: Math.round(value * 100) / 100,
    currency,
    qualifier: groups.upper ? "between" : qualifier,
    text: m[0],
    start,
    end,
  };
}

/** "tens of millions of dollars", "millions of dollars" keep their vagueness as the qualifier. */
function vagueQualifier(words: string | undefined, scale: string | undefined): string | null {
  if (!words) return scale && /s$/i.test(scale) ? `${scale.toLowerCase()} of` : null;
  const lower = words.toLowerCase();
  return /^(?:tens|hundreds|dozens|several)$/.test(lower) ? `${lower} of` : null;
}

function currencyOf(groups: Record<string, string | undefined>, yenCurrency: string): string | null {
  const symbol = groups.prefix ?? groups.suffixSymbol;
  if (symbol) {
    const code = SYMBOLS[symbol.toLowerCase()] ?? normaliseCode(symbol);
    // "$5 million Hong Kong dollars": the word after the figure is more specific than the symbol.
    const trail = groups.trailWord ? wordCurrency(groups.trailWord) : null;
    if (trail && code === "USD") return trail;
    return code === "¥" ? (trail ?? yenCurrency) : code;
  }
  if (groups.suffixCode) return normaliseCode(groups.suffixCode);
  if (groups.suffixWord) return wordCurrency(groups.suffixWord);
  return null;
}

function normaliseCode(code: string): string {
  const upper = code.toUpperCase();
  return upper === "RMB" || upper === "CNH" ? "CNY" : upper;
}

function wordCurrency(word: string): string | null {
  for (const [pattern, code] of WORDS) {
    if (new RegExp(`^(?:${pattern})$`, "iu").test(word)) return code;
  }
  return null;
}

/** Reads "1,234.5", "300 000" or "12.5" as a number. */
function readDigits(digits: string): number {
  return Number(digits.replace(/[,\u00a0\u202f ]/g, ""));
}
