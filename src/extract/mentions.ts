// Finds mentions of people, companies, organisations, places, products and vessels in a source's
// sentences: capitalised name sequences typed by legal forms, head words, lexicons, designator shapes
// and context ("Russian national X", "X (IMO: …)", "X series"), plus parenthetical aliases "X (ABC)".
import type { EntityType } from "../model/index.js";
import {
  COMMON_ACRONYMS,
  COMPANY_HEADS,
  DEFINED_ROLES,
  FORMS_BEFORE_QUOTED_NAME,
  findDemonym,
  findInternationalBody,
  findPlace,
  isCommonWord,
  isDemonym,
  isFirstName,
  isLastName,
  isPinyinGivenName,
  isPinyinName,
  isVerb,
  LEGAL_FORMS,
  NON_NAME_WORDS,
  ORGANIZATION_HEADS,
  type PlaceHit,
  PRODUCT_NOUNS,
} from "./lexicons/index.js";
import type { Sentence } from "./sentences.js";
import { bars, perText } from "./text-facts.js";
import { type Token, tokenize } from "./tokens.js";

/** A mention found in the text, before within-document coreference. */
export interface MentionCandidate {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** How sure the type is: 1 capitalisation only … 5 a lexicon entry. */
  strength: number;
  /** Entities that share a key are one (places, international and government bodies). */
  key: string | null;
  /** ISO country the context gives ("Russia-based", "Russian national"). */
  country: string | null;
  /** Index (in the returned array) of the mention this one is a parenthetical alias of. */
  aliasOf: number | null;
  sentence: number;
  /** A lone capitalised word at a sentence start: dropped unless coreference confirms it. */
  weak: boolean;
  /** Hyphen cue after the name (based, designated, affiliated …). */
  cue: string | null;
  /** The rule that found it. */
  producer: string;
}

const CONNECTORS = new Set([
  "of",
  "the",
  "for",
  "and",
  "de",
  "del",
  "da",
  "di",
  "du",
  "la",
  "le",
  "von",
  "van",
  "der",
  "bin",
  "ibn",
  "al",
  "el",
  "z",
  "&",
  // Turkish "and" inside firm names ("Makina Sanayi ve Ticaret Ltd. Şti.").
  "ve",
  // Names written in capitals ("COUNCIL OF THE EUROPEAN UNION").
  "OF",
  "THE",
]);
const TITLE_WORDS = new Set(
  "Acting|Under|Deputy|Assistant|Secretary|President|Vice|Minister|Director|Ranking|Chairman|Chairperson|Chairwoman|Commander|Ambassador|General|Colonel|Senator|Governor|Prime|Chief|Head|Managing|Supreme|Leader|Special|Envoy|Spokesperson|Spokesman|Attorney|Judge|Mayor|Premier|Lieutenant|Major|Brigadier|Admiral|Captain|Chair|Executive|Senior|First|Former|Founder|Owner|Member|Board|Directors|Officer".split(
    "|",
  ),
);
const GENERIC_WORDS = new Set(
  "Global|Base|Military-Industrial|Agenda|Respect|Internet|Proxies|Review|Prohibitions|Strategy|Combatting|Combating|Targeting|Support|Unity|Terrorist|Terrorists|Petition|Removal|Action|Plan|Guidance|Assessment|Memorandum|Presidential|Financing|Kingpin|Narcotics|Virtual|Currency|Filing|Statement|Remarks|View|Specifically|Federal|Register|Economic|Enforcement|Guidelines|Frequently|Asked|Question|Questions|Sanctions|Program|Programs|General|Compliance|Advisory|Guidance|Risk|Alert|Notice|National|Security|Strategy|Report|Annual|International|Foreign|Assets|Control|Financial|Crimes|Network|Public|Private|Civil|Military|Defense|Defence|Trade|Policy|Office|Department|Ministry|Affairs|Development|Human|Rights|Democracy|Peace|Freedom|Justice|Illicit|Finance|Federal|State|Special|Specially|Designated|Nationals|Blocked|Persons|Entity|List|Counter|Countering|Terrorism|Intelligence|Agency|Service|Services|Industry|Industries|Sector|Sectors|Energy|Oil|Gas|Technology|Technologies|Materials|Equipment|Weapons|Mass|Destruction|Proliferation|Activities|Activity|Operations|Order|Act|Annex|Section|Part|Chapter|Article|Key|Major|Senior|Chief|Head|Deputy|New|Old|North|South|East|West|Northern|Southern|Eastern|Western|Central|Greater|United|Joint|Holding|Group|Leaders|Summit|Directive|Final|FINAL|Alert|Soviet".split(
    "|",
  ),
);
/** Capitalised prepositions in titles of documents and measures; a name follows them. */
const TITLE_PREPOSITIONS = new Set([
  "Involving",
  "Regarding",
  "Concerning",
  "Relating",
  "Against",
  "Targeting",
]);
/** "an Alert on Possible Evasion of …": the subject of a document, written in capitals, names no party. */
const DOCUMENT_ON =
  /\b(?:Alert|Advisory|Guidance|Notice|Report|Statement|Bulletin|Fact Sheet|Guidelines|Note)\s+(?:on|regarding|concerning|about)\s+(?:the\s+)?[*_[]*$/;
/** Last words of events and documents, which are not annotated as parties. */
const EVENT_OR_DOCUMENT_HEADS = new Set(
  "Day|Conference|Convention|Declaration|Forum|Summit|Week|Expo|Exhibition|Assessment|Advisory|Alert|Guidance|Strategy|Bulletin|Report|Statement|Memorandum|Initiative|Meeting|Plan|Talks|Dialogue|Governors".split(
    "|",
  ),
);
/**
 * An upper-case word that reads as a word, not an acronym: five letters or more without three consonants
 * in a row, or four alternating consonants and vowels ("JAYA", not "NIOC").
 */
const WORDLIKE_CAPS =
  /^(?:(?![A-Z]*[B-DF-HJ-NP-TV-XZ]{3})[A-Z]{5,}|(?:[B-DF-HJ-NP-TV-XZ][AEIOUY]){2}|(?:[AEIOUY][B-DF-HJ-NP-TV-XZ]){2})$/;
/**
 * True when the text also writes the word inside a longer capitalised name ("Northwing" after
 * "Zhenlan Northwing Technology Co."): it is then a short form of that name, not an ordinary word.
 */
function isPartOfLongerName(text: string, word: string): boolean {
  return longerNamesOf(text).has(word);
}

/** Every word written right after a capitalised word, or right before one, with only spaces between. */
function wordsInLongerNames(text: string): Set<string> {
  const words = new Set<string>();
  const re = /[\p{L}\p{N}.’'-]+/gu;
  let previous: { text: string; end: number } | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const current = { text: m[0], end: m.index + m[0].length };
    if (previous && /^\s+$/.test(text.slice(previous.end, m.index))) {
      if (/^\p{Lu}/u.test(previous.text)) words.add(current.text.replace(/[.’'-]+$/, ""));
      if (/^\p{Lu}\p{L}/u.test(current.text)) words.add(previous.text.replace(/[.’'-]+$/, ""));
    }
    previous = current;
  }
  return words;
}
/**
 * True when `word`, in capitals, ends a name of two to four capitalised words in the text and also
 * stands alone at least twice, not next to another capitalised word ("ROSTAMZADEH" after "KAVEH
 * ROSTAMZADEH"): the surname of a person written in capitals.
 */
function isUpperCaseSurname(text: string, word: string): boolean {
  return surnamesOf(text).has(word);
}

function upperCaseSurnames(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(
    /\b\p{Lu}[\p{Lu}’'-]+(?: \p{Lu}[\p{Lu}’'-]+){0,2} (\p{Lu}[\p{Lu}’'-]{3,})\b/gu,
  )) {
    const word = m[1];
    if (found.has(word)) continue;
    // A heading in capitals ("VIOLENT ACTIVITIES OF LNFM", "BOARD DIRECTORS") is no name; an acronym
    // ("LNFM", "(AQAH)") no surname.
    if (m[0].split(" ").some((w) => isCommonWord(w.toLowerCase()))) continue;
    if ((word.match(/[AEIOUY]/g)?.length ?? 0) < 2 || text.includes(`(${word})`)) continue;
    // Not a legal form, and not a name the text also writes in title case ("LA NUEVA FAMILIA MICHOACANA"
    // is a heading's style for "La Nueva Familia Michoacana").
    if (LEGAL_FORMS.has(word)) continue;
    if (text.includes(titleCased(word))) continue;
    if (standsAlone(text, word) >= 2) found.add(word);
  }
  return found;
}

/**
 * How often `word` stands in the text as a word of its own: after no word ("3. X", ", X"; "the X" is
 * a ship's way) and before no capitalised word.
 */
function standsAlone(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    const end = at + word.length;
    if (WORD_CHAR.test(text[at - 1] ?? "") || WORD_CHAR.test(text[end] ?? "")) continue;
    if (text[at - 1] === " " && WORD_CHAR.test(text[at - 2] ?? "")) continue;
    const next = /^ ?([\p{L}’'-]*)/u.exec(text.slice(end, end + 40))?.[1] ?? "";
    if (UPPER.test(next)) continue;
    count++;
  }
  return count;
}
const WORD_CHAR = /^[\p{L}\p{N}’'-]$/u;
const UPPER = /\p{Lu}/u;
const longerNamesOf = perText(wordsInLongerNames);
const surnamesOf = perText(upperCaseSurnames);
/** Endings of English gerunds, adjectives and abstract nouns ("Imposing", "Sectoral", "Exposure"). */
const COMMON_ENDING =
  /^\p{Lu}\p{Ll}{3,}(?:ing|al|ment|ments|tion|tions|sion|ity|ities|ness|ure|ance|ence|ism|ogy|ive|ous|ful|less|ship)$/u;
const GROUP_NOUN =
  "(?:terrorist|militant|armed|criminal|extremist|proxy|rebel|separatist|insurgent|paramilitary|drug trafficking)\\s+(?:group|organi[sz]ation|movement|militia|network|cartel)s?";
/** "the terrorist organization X", "Foreign Terrorist Organization (FTO) X": a group word before the name. */
const GROUP_BEFORE = new RegExp(`\\b${GROUP_NOUN}\\s+(?:\\([^)]*\\)\\s+)?[*_[]*$`, "i");
/** "X, an Iran-backed militant group": the same word in an apposition after it. */
const GROUP_AFTER = new RegExp(`^,?\\s+(?:an?|the)\\s+(?:[\\w’-]+\\s+){0,3}?${GROUP_NOUN}\\b`, "i");
const MAX_NAME_TOKENS = 14;
const PUBLIC_BODY_HEADS = new Set([
  "Bureau",
  "Ministry",
  "Department",
  "Office",
  "Agency",
  "Administration",
  "Commission",
  "Committee",
  "Council",
  "Government",
  "Directorate",
  "Parliament",
]);
const PLACE_HEADS = new Set([
  "Port",
  "Sea",
  "Island",
  "Islands",
  "Strait",
  "Gulf",
  "River",
  "Bay",
  "Oblast",
  "Province",
  "Krai",
  "Region",
  "District",
  "Governorate",
  "Peninsula",
  "Lake",
  "Mountains",
  "Airport",
  "Harbor",
  "Harbour",
  "City",
  "Republic",
]);
const PLACE_NOUNS = /^\s+(region|oblast|province|krai|district|governorate|republic)\b/;
const PLACE_SHAPE = /(?:sk|grad|burg|bourg|abad|kul|ovo|evo|ino|opol|opolis|stan|dar|shahr)$/;
const DESIGNATOR = /^(?:[A-Z][A-Za-z]{0,5}-?\d{1,5}[A-Za-z]{0,3}|[A-Z][a-z]+-\d{1,4}[A-Z]?)$/;
const NUMBER = /^\d{1,4}$/;
const PERSON_CUE =
  /\b(?:national|nationals|citizen|citizens|exchangers?|businessman|businesswoman|supplier|engineer|executive|financier|broker|facilitator|money[- ]changers?|masters?|captain|officials?|operatives?|associates?|relatives?|son|daughter|wife|husband|brother|sister|father|mother|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|his|her)\s*,?\s+[*_[]*$/;
/** East Slavic patronymics ("Dmitrievich", "Petrovna") and Arabic name particles mark a person's name. */
const PATRONYMIC = /^(?:\p{Lu}\p{Ll}+(?:ovich|evich|ich|ovna|evna|ichna|inichna|ogly|oglu|kyzy|qizi))$/u;
/** "the tanker Ocean Star", "MV Northern Light": a craft word before a name makes it a vessel. */
const CRAFT_BEFORE =
  /\b(?:(?:vessel|tanker|oil tanker|ship|cargo ship|freighter|bulk carrier|container ship|carrier|yacht|superyacht|dredger|trawler|MV|M\/V|MT|M\/T)|(?:vessels|tankers|ships|carriers),?\s+(?:including|such as|namely))\s+(?:the\s+)?[*_]*$/;
/** Words a number counts ("31 times", "40 tonnes"): the number does not end a name before them. */
const COUNTED =
  /^(?:times|occasions|km|kilometres|kilometers|miles|tonnes|tons|barrels|percent|per|metric|nautical|hours|days|weeks|months|years|people|vessels|ships|flights|voyages|containers|units|shipments|cargoes)$/;
/** A legal form that opens a firm's name. */
const FORM_OPENING_NAME = /^(?:Limited Liability|(?:Closed |Open |Public |Private )?Joint[- ]Stock) /;
/** Prefixes a ship's name is written with: motor vessel, motor tanker. */
const CRAFT_PREFIXES = new Set(["MV", "MT", "M/V", "M/T", "M.V.", "M.T."]);
/** Aircraft registrations ("RA-64050", "EP-MNA") written after an aircraft word. */
const TAIL_NUMBER = /^[A-Z]{1,2}-[A-Z0-9]{3,5}$/;
const AIRCRAFT_CONTEXT =
  /\b(?:aircraft|airplane|aeroplane|plane|airliner|jet|freighter|cargo plane|registration|registered as|tail number)\b[^.]{0,40}$/i;
/** "docked at Bandar Abbas", "flew to Novosibirsk": where a craft or traveller goes is a place. */
const MOTION_BEFORE =
  /\b(?:docked|berthed|anchored|called|arrived|landed|sailed|flew|travell?ed|departed|transited|port of|city of|town of|village of|province of|region of)\s+(?:at|in|to|from|into|via)?\s*(?:the\s+(?:port|city|town)\s+of\s+)?$/;
/** "the Vostok and KX-59 missiles": a name coordinated with a designator before a product noun. */
const PRODUCT_PAIR =
  /^\s+(?:and|or)\s+[A-Z][A-Za-z]{0,5}-?\d{1,5}[A-Za-z]{0,3}\s+(?:series\s+)?(?:drones?|UAVs?|missiles?|engines?|rockets?|aircraft|helicopters?|systems?)\b/;
const PERSON_AFTER =
  /^,\s+(?:an?|the|its|his|her|\p{Lu}[\p{L}-]*['’]s)\s+(?:[\w-]+\s+){0,2}?(?:employee|engineer|director|executive|manager|founder|co-founder|owner|shareholder|chairman|chairwoman|chair|president|official|officer|national(?!\s+(?!who\b|and\b|with\b|of\b|in\b|based\b|living\b|residing\b)[a-z])|citizen|businessman|businesswoman|adviser|advisor|spokesman|spokeswoman|spokesperson|head|chief|lawyer|accountant|broker|financier|resident)\b/u;
/** "X is the general director of Y", "X, who was born in …", "X and his …": contexts only people take. */
const PERSON_ROLE_AFTER =
  /^(?:,?\s+(?:is|was|has been|serves as|served as|remains|became)\s+(?:the|an?|its)\s+(?:[\w-]+\s+){0,2}?(?:director|general director|chief executive|CEO|chairman|chairwoman|founder|co-founder|businessman|businesswoman|national|citizen|son|daughter|wife|husband|brother|sister)\b|\s*,?\s*(?:\(\s*)?(?:who was |was )?born\b|\s+(?:and|with)\s+(?:his|her)\b)/;
/** "Svetlana Petrova": a feminine given name's ending and an East Slavic feminine surname's ending. */
const FEMININE_GIVEN = /^\p{Lu}\p{Ll}+(?:a|ya|ia)$/u;
const SLAVIC_FEMININE_SURNAME = /^\p{Lu}\p{Ll}+(?:ova|eva|yova|ina|yna|skaya|tskaya|aya)$/u;
const AUXILIARY =
  /^\s+(?:is|was|are|were|has|have|had|also|will|would|can|could|did|does|do|said|says|serves|served|directs|directed|owns|owned|operates|operated|controls|controlled|manufactures|produces|produced|supplied|supplies|acts|acted|remains|became|billed|received|shipped|sold|paid|used|uses|then|later|previously|currently|now)\b/;

/** A Roman numeral after a name, from II: a lone "I" is the pronoun. */
const ROMAN_NUMERAL = /^(?:II|III|IV|V|VI|VII|VIII|IX|X)$/;
/** "al-Jamal", "bin-Laden": a name particle hyphened to a capitalised word continues a name. */
const PARTICLE_NAME = /^(?:al|el|ad|ar|as|ash|at|az|an|ul|bin|ibn|abu|bint)-\p{Lu}/u;
const isCapital = (t: Token): boolean =>
  (/^[\p{Lu}]/u.test(t.text) || PARTICLE_NAME.test(t.text)) &&
  !NON_NAME_WORDS.has(t.text) &&
  !COMMON_ACRONYMS.has(t.text) &&
  !/['’](?:ve|m|d|ll|re|t)$/.test(t.text) &&
  !/\.(?:pdf|docx?|xlsx?|csv|html?|zip)$/i.test(t.text);
const isAllCaps = (s: string): boolean => /^[\p{Lu}\p{N}&.\-\s]+$/u.test(s) && /\p{Lu}{2}/u.test(s);
/** A word in capitals as title case writes it: "KUPRIN" → "Kuprin". */
const titleCased = (word: string): string => word[0] + word.slice(1).toLowerCase();
const TRAILING_FORMS = new Set([
  "Ltd",
  "Ltd.",
  "Limited",
  "LLC",
  "L.L.C.",
  "L.L.C",
  "Inc",
  "Inc.",
  "Co.",
  "Corp",
  "Corp.",
  "PLC",
  "GmbH",
  "S.A.",
  "LLP",
  "LTD",
  "INC",
  // Russian and Central Asian forms written after the name, as OFAC lists them ("Tekhnologiya, OOO").
  "OOO",
  "AO",
  "OAO",
  "ZAO",
  "PAO",
  "TOO",
  "JSC",
  // The same forms as records write them, in capitals.
  "LTD.",
  "CO.",
  "INC.",
  "CORP.",
  "LIMITED",
  "L.L.C.",
  "GMBH",
  "BHD.",
  "BHD",
  "PJSC",
  "DMCC",
  "FZE",
  "FZCO",
  "A.Ş.",
  "ŞTİ.",
  "Şti.",
]);

/**
 * Legal forms the name reader would not take word by word, as token runs: Central European forms in
 * lower case, the Malaysian "SDN. BHD." whose first word is also the sanctions acronym, and the Turkish
 * "LTD. ŞTİ." whose first word would end the name.
 */
const SPLIT_FORMS = [
  ["s.r.o."],
  ["a.s."],
  ["d.o.o."],
  ["sp", "z", "o.o."],
  ["spol", "s", "r.o."],
  ["SDN", "BHD."],
  ["SDN", "BHD"],
  ["Sdn", "Bhd."],
  ["Sdn", "Bhd"],
  ["LTD.", "ŞTİ."],
  ["Ltd.", "Şti."],
];

/** The words a split legal form opens with: most tokens are none of them, and are passed over at once. */
const SPLIT_FORM_STARTS = new Set(SPLIT_FORMS.map((form) => form[0]));

/** How many tokens from `at` spell a split legal form (0 for none). */
function splitForm(tokens: Token[], at: number): number {
  if (!SPLIT_FORM_STARTS.has(tokens[at].text)) return 0;
  for (const form of SPLIT_FORMS) {
    if (form.every((word, i) => tokens[at + i]?.text === word)) return form.length;
  }
  return 0;
}

/** A short code in brackets inside a firm's name: "Anfasar Trading (S) Pte. Ltd.", "Yinke (HK) Electronics". */
const BRACKETED_CODE = /^(?:\p{Lu}{1,2}|OPC|SPC|Pvt|PVT|Private)$/u;
/** Up to four capitalised words after a bracket, the last of which may be a legal form. */
const WORDS_AFTER_BRACKET = /^\) ((?:[\p{Lu}][\p{L}.&'-]*,? ){0,3}[\p{Lu}][\p{L}.&'-]*)/u;

/**
 * Whether the bracketed word `word` belongs to a firm's name: a short code, or a place the firm is
 * named for when a legal form follows the bracket ("Velmont Offshore Bank (Labuan) Ltd", "Harbin
 * Precision (Dalian) Co., Ltd.").
 */
function bracketedInName(text: string, word: Token): boolean {
  const after = text.slice(word.rawEnd, word.rawEnd + 60);
  if (BRACKETED_CODE.test(word.text)) return /^\) \p{Lu}/u.test(after);
  const words = WORDS_AFTER_BRACKET.exec(after)?.[1];
  return (
    /^\p{Lu}[\p{L}-]+$/u.test(word.text) &&
    (words?.split(" ").some((w) => LEGAL_FORMS.has(w.replace(/,$/, ""))) ?? false)
  );
}

/**
 * "KARAVELI, Emre Selçuk" opening a line, a list item or a table cell: a family name in capitals, a
 * comma, then the given names, as lists and manifests write a person.
 */
function familyNameBeforeGiven(text: string, a: Token, b: Token): boolean {
  return (
    /^\p{Lu}[\p{Lu}’'-]+\p{Lu}$/u.test(a.text) &&
    /^\p{Lu}\p{Ll}+/u.test(b.text) &&
    /(?:^|\n|\|)[ \t]*(?:\d{1,3}[.)]?[ \t]+)?$/.test(text.slice(Math.max(0, a.start - 12), a.start)) &&
    !COMMON_ACRONYMS.has(a.text) &&
    !LEGAL_FORMS.has(a.text) &&
    !findPlace(a.text) &&
    !findPlace(b.text) &&
    (isFirstName(b.text) || !isCommonWord(b.text))
  );
}

const gapOk = (text: string, a: Token, b: Token): boolean => {
  const gap = text.slice(a.rawEnd, b.start);
  return (
    /^[ \u00a0]{1,2}$/.test(gap) ||
    (gap === " (" && !TRAILING_FORMS.has(a.text) && bracketedInName(text, b)) ||
    (gap === ") " && text[a.start - 1] === "(" && bracketedInName(text, a)) ||
    (/^,[ \u00a0]$/.test(gap) && (TRAILING_FORMS.has(b.text) || familyNameBeforeGiven(text, a, b))) ||
    // "Ozarka Shipping - FZCO": a dash before a legal form still closes the firm's name.
    (gap === " - " && TRAILING_FORMS.has(b.text) && !TRAILING_FORMS.has(a.text)) ||
    // "Darvish & Co.", "Orlan & Sons": an ampersand before a legal form joins one firm's name.
    (/^ & $/.test(gap) &&
      !LEGAL_FORMS.has(a.text) &&
      (LEGAL_FORMS.has(b.text) || /^(?:Sons|Partners|Brothers|Associates)$/.test(b.text)))
  );
};

/** Groups tokens into capitalised sequences, with connectors ("of the", "and", "&") inside. */
function sequences(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapital(tokens[i]) || /^\d/.test(tokens[i].text)) {
      i++;
      continue;
    }
    const seq = [tokens[i]];
    let j = i + 1;
    // A name runs to a dozen words at most; longer capitalised runs are split.
    while (j < tokens.length && seq.length < MAX_NAME_TOKENS) {
      const last = seq[seq.length - 1];
      if (last.cue || (last.possessive && !(last.text === "People" || last.text === "Workers"))) break;
      const next = tokens[j];
      // "Guilin Alpha Rubber & Plastics Technology Co., Ltd": an ampersand before an ordinary word inside
      // a firm's name that a legal form soon closes ("Vela Transit & Orlan Avia LLC" are two firms).
      const joinedByAmpersand =
        text.slice(last.rawEnd, next.start) === " & " &&
        isCapital(next) &&
        isCommonWord(next.text.toLowerCase()) &&
        !LEGAL_FORMS.has(last.text) &&
        tokens.slice(j + 1, j + 5).some((t) => LEGAL_FORMS.has(t.text));
      if (!joinedByAmpersand && !gapOk(text, last, next)) break;
      // "Ostec Ltd. Garshin …": a dotted legal form ends a name (the sentence splitter keeps its dot).
      if (/\.$/.test(last.text) && TRAILING_FORMS.has(last.text) && !LEGAL_FORMS.has(next.text)) break;
      // "Star Holdings Limited, Limited Liability Company Vela": a form after a comma opens the next name.
      const after = tokens[j + 1];
      if (
        text.slice(last.rawEnd, next.start).startsWith(",") &&
        after &&
        isCapital(after) &&
        !LEGAL_FORMS.has(after.text) &&
        gapOk(text, next, after) &&
        !familyNameBeforeGiven(text, last, next)
      )
        break;
      // "Ostrava Drive s.r.o.", "Vistula Tech sp. z o.o.", "KENANGA BULK SDN. BHD.": the form ends the name.
      const form = splitForm(tokens, j);
      if (form > 0) {
        seq.push(...tokens.slice(j, j + form));
        break;
      }
      if (
        isCapital(next) ||
        (NUMBER.test(next.text) &&
          !/^(?:19|20)\d\d$/.test(next.text) &&
          !isConnector(last) &&
          // "landed in Sharjah 31 times": a count after a name is not part of it.
          !COUNTED.test(tokens[j + 1]?.text ?? "")) ||
        // "LYDIA II", "PROGRESS V": a Roman numeral ends a ship's or a firm's name.
        (ROMAN_NUMERAL.test(next.text) && !isConnector(last))
      ) {
        seq.push(next);
        j++;
        continue;
      }
      // Connectors join only when a capitalised word follows ("Center for a New …", "Ministry of the …").
      let k = j;
      while (
        k < tokens.length &&
        k - j < 3 &&
        (isConnector(tokens[k]) || (tokens[k].text === "a" && tokens[k - 1].text === "for")) &&
        gapOk(text, tokens[k - 1], tokens[k])
      )
        k++;
      // "Orion Components Ltd of Hong Kong": a company's legal form ends its name; "of" then gives its seat.
      const seated = TRAILING_FORMS.has(last.text) && tokens[j].text === "of";
      if (
        !seated &&
        k > j &&
        k < tokens.length &&
        isCapital(tokens[k]) &&
        // "the Board for Türkiye-based X": a place a firm is based in starts a name of its own.
        tokens[k].cue !== "based" &&
        gapOk(text, tokens[k - 1], tokens[k])
      ) {
        for (let n = j; n <= k; n++) seq.push(tokens[n]);
        j = k + 1;
        continue;
      }
      break;
    }
    out.push(seq);
    i = j;
  }
  return out;
}

function isConnector(t: Token): boolean {
  return CONNECTORS.has(t.text) && !t.possessive;
}

/** How often `needle` occurs in `text`. */
function countOf(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** The text of a run of tokens as written. */
const spanText = (text: string, tokens: Token[]): string =>
  text.slice(tokens[0].start, tokens[tokens.length - 1].end);

/** A word that names nothing by itself: a common word, a generic one, a firm's or a body's head, a legal form. */
function isOrdinaryWord(word: string): boolean {
  return (
    isCommonWord(word) ||
    GENERIC_WORDS.has(word) ||
    COMPANY_HEADS.has(word) ||
    ORGANIZATION_HEADS.has(word) ||
    LEGAL_FORMS.has(word)
  );
}

/**
 * Words that end a trust's or a fund's name ("Marrowgate Trust"); a firm's head word ("Engineering",
 * "Technology") is often followed by "and" inside one name ("… Engineering and Quality Control … Company").
 */
const FIRM_ENDINGS = new Set(["Trust", "Foundation", "Fund"]);

/** Splits "A and B" unless it reads as one name ("Ministry of Industry and Trade"). */
function splitCoordination(text: string, seq: Token[]): Token[][] {
  // "the Federal Bureau of Investigation and the Central Bank of Nordavia": "and the" joins two names.
  const andThe = seq.findIndex((t, i) => t.text === "and" && seq[i + 1]?.text === "the" && i > 1);
  if (andThe > 0)
    return [
      ...splitCoordination(text, seq.slice(0, andThe)),
      ...splitCoordination(text, seq.slice(andThe + 2)),
    ].filter((s) => s.length > 0);
  const andAt = seq.findIndex((t) => t.text === "and" || t.text === "&");
  if (andAt < 0) return [seq];
  const left = seq.slice(0, andAt);
  const right = seq.slice(andAt + 1);
  // "Beijing Sanshunda and Beijing Jinghua Qidi are being designated": when the text also names each half
  // on its own, the two are parties of their own, whatever their words look like.
  const ownName = (side: Token[]): boolean =>
    side.length >= 2 || (side.length === 1 && !isCommonWord(side[0].text));
  if (ownName(left) && ownName(right)) {
    const whole = countOf(text, spanText(text, seq));
    if (countOf(text, spanText(text, left)) > whole && countOf(text, spanText(text, right)) > whole)
      return [left, ...splitCoordination(text, right)];
  }
  const rightLast = right[right.length - 1]?.text ?? "";
  const leftText = left.map((t) => t.text).join(" ");
  const rightHead =
    LEGAL_FORMS.has(rightLast) || COMPANY_HEADS.has(rightLast) || ORGANIZATION_HEADS.has(rightLast);
  const leftComplete =
    LEGAL_FORMS.has(left[left.length - 1]?.text ?? "") || findPlace(leftText) !== undefined;
  const rightPlace = findPlace(right.map((t) => t.text).join(" ")) !== undefined;
  const leftOf = left.some((t) => t.text === "of" || t.text === "for");
  if (seq[andAt].text === "&" && left.length === 1) return [seq];
  // "Reza Kavani and Atropin Company": a person's name before "and" is a party of its own.
  if (
    left.length >= 2 &&
    right.length >= 2 &&
    (isFirstName(left[0].text) || isFirstName(left[1].text)) &&
    right.some((t) => !LEGAL_FORMS.has(t.text) && !/^(?:Sons|Partners|Brothers)$/.test(t.text)) &&
    !left.some(
      (t) =>
        isConnector(t) ||
        LEGAL_FORMS.has(t.text) ||
        COMPANY_HEADS.has(t.text) ||
        ORGANIZATION_HEADS.has(t.text) ||
        GENERIC_WORDS.has(t.text),
    )
  )
    return [left, ...splitCoordination(text, right)];
  // "U.S. Customs and Border Protection": a country's word before "and" governs both halves.
  if (
    left.length === 2 &&
    findPlace(left[0].text) &&
    !findPlace(left[1].text) &&
    !rightPlace &&
    right.length >= 2 &&
    right.length <= 3 &&
    !right.some((t) => t.text === "and")
  )
    return [seq];
  // "Industrial and Commercial Bank of Nordavia": one descriptive word before "and" belongs to the name.
  if (
    left.length === 1 &&
    (isCommonWord(left[0].text) || COMPANY_HEADS.has(left[0].text)) &&
    right.some((t) => LEGAL_FORMS.has(t.text) || ORGANIZATION_HEADS.has(t.text))
  )
    return [seq];
  // "Najibi & Co. Company", "Orlan & Sons": a right side of legal forms only is part of the firm's name.
  if (right.length > 0 && right.every((t) => LEGAL_FORMS.has(t.text) || /^(?:Sons|Partners)$/.test(t.text)))
    return [seq];
  // "Company for Exchange and Remittance": one word after "and" ends a name with "for".
  if (
    left.some((t) => t.text === "for") &&
    right.length === 1 &&
    /^\p{Lu}\p{Ll}+$/u.test(right[0].text) &&
    !findPlace(right[0].text) &&
    !isFirstName(right[0].text)
  )
    return [seq];
  // "Marrowgate Trust and Velbrook Properties Limited": a firm's head closes the first name when the
  // second opens with a word of its own.
  const leftFirm =
    left.length >= 2 &&
    !leftOf &&
    FIRM_ENDINGS.has(left[left.length - 1].text) &&
    right.length >= 2 &&
    !isOrdinaryWord(left[0].text) &&
    !isOrdinaryWord(right[0].text);
  if (!leftComplete && !leftFirm && !rightPlace && (rightHead || leftOf) && left.length > 0) return [seq];
  return [left, ...splitCoordination(text, right)].filter((s) => s.length > 0);
}

function trimConnectors(seq: Token[]): Token[] {
  let a = 0;
  let b = seq.length;
  while (a < b && (isConnector(seq[a]) || seq[a].text === "a")) a++;
  while (b > a && (isConnector(seq[b - 1]) || seq[b - 1].text === "a")) b--;
  return seq.slice(a, b);
}

interface Draft {
  tokens: Token[];
  type?: EntityType;
  strength?: number;
  key?: string | null;
}

/**
 * The grouping key of a place: a country by its code, so "Russia" and "Russian Federation" are one, unless
 * a place noun follows ("Chelyabinsk region"); a country the lexicon knows without a code by its name
 * (all such countries would otherwise share one key).
 */
function placeKey(place: PlaceHit, byCountry: boolean): string {
  return `place:${byCountry && place.kind === "country" ? (place.country ?? place.canonical) : place.canonical}`;
}

/** Phrases of trade and court documents written in capitals before the party they name ("In the Matter of X"). */
const CAPITALISED_FORM_PHRASE =
  /^(?:(?:FOR AND )?ON BEHALF OF|TO (?:THE )?ORDER OF|FOR (?:THE )?ACCOUNT OF|IN FAVOU?R OF|BY ORDER OF|PAYABLE TO|ISSUED BY|(?:IN )?FUNDS ASSOCIATED WITH|FFC|FOR FURTHER CREDIT (?:TO|OF)|DEFENDANTS?|(?:IN THE )?MATTER OF|Matter of) (?=\p{Lu})/u;

/** Reads a title phrase ("Deputy Secretary of the Treasury Jane Doe") into the person and the body. */
function splitTitle(text: string, seq: Token[], sentenceStart: number): Draft[] {
  const drafts: Draft[] = [];
  let personAt = -1;
  for (let j = 1; j < seq.length - 1; j++) {
    if (isFirstName(seq[j].text) && !TITLE_WORDS.has(seq[j].text) && !seq.slice(j).some(isConnector)) {
      personAt = j;
      break;
    }
  }
  const before = text.slice(Math.max(sentenceStart, seq[0].start - 8), seq[0].start);
  const after = text.slice(seq[seq.length - 1].rawEnd, seq[seq.length - 1].rawEnd + 8);
  if (personAt < 0 && (/said\s+$/.test(before) || /^,?\s+said\b/.test(after))) {
    const n = seq.length;
    const lastTwo = seq.slice(n - 2);
    if (
      n >= 3 &&
      !lastTwo.some((t) => isConnector(t) || TITLE_WORDS.has(t.text) || ORGANIZATION_HEADS.has(t.text))
    ) {
      personAt = n >= 4 && /^\p{Lu}\.$/u.test(seq[n - 2].text) ? n - 3 : n - 2;
    }
  }
  // "President Kavrin’s", "Secretary Dole said", "Ranking Member Hoyer": title words before one plain
  // capitalised word name a person.
  const lastWord = seq[seq.length - 1].text;
  if (
    personAt < 0 &&
    seq.length >= 2 &&
    seq.slice(0, -1).every((t) => TITLE_WORDS.has(t.text)) &&
    !TITLE_WORDS.has(lastWord) &&
    !GENERIC_WORDS.has(lastWord) &&
    !LEGAL_FORMS.has(lastWord) &&
    !COMPANY_HEADS.has(lastWord) &&
    !ORGANIZATION_HEADS.has(lastWord) &&
    !isAllCaps(lastWord) &&
    !findPlace(lastWord) &&
    !findInternationalBody(lastWord) &&
    !isDemonym(lastWord) &&
    !isCommonWord(lastWord)
  )
    personAt = seq.length - 1;
  const bodyEnd = personAt < 0 ? seq.length : personAt;
  let ofAt = -1;
  for (let j = 0; j < bodyEnd; j++) if (seq[j].text === "of") ofAt = j;
  if (ofAt >= 0) {
    let body = seq.slice(ofAt + 1, bodyEnd);
    const cut = body.findIndex((t) => t.text === "for" || t.text === "and");
    if (cut >= 0) body = body.slice(0, cut);
    body = trimConnectors(body);
    const generic = body.every(
      (t) =>
        TITLE_WORDS.has(t.text) || COMMON_ACRONYMS.has(t.text) || COMPANY_HEADS.has(t.text) || isConnector(t),
    );
    if (body.length > 0 && !generic) drafts.push({ tokens: body });
    // "Secretary of the Treasury": the body may have been cut before a later "of" phrase.
    const firstOf = seq.findIndex((t) => t.text === "of");
    if (firstOf >= 0 && firstOf < ofAt) {
      let first = seq.slice(firstOf + 1, ofAt);
      const stop = first.findIndex((t) => t.text === "for" || t.text === "and" || TITLE_WORDS.has(t.text));
      if (stop >= 0) first = first.slice(0, stop);
      first = trimConnectors(first);
      if (first.length > 0 && !first.every((t) => TITLE_WORDS.has(t.text) || isConnector(t)))
        drafts.push({ tokens: first });
    }
  }
  if (personAt >= 0) drafts.push({ tokens: seq.slice(personAt), type: "Person", strength: 3 });
  return drafts;
}

/** True when the candidate overlaps one already found in its sentence (they are found in sentence order). */
function overlapsSentence(out: MentionCandidate[], candidate: MentionCandidate): boolean {
  for (let i = out.length - 1; i >= 0 && out[i].sentence === candidate.sentence; i--) {
    if (out[i].start < candidate.end && candidate.start < out[i].end) return true;
  }
  return false;
}

/** Finds mention candidates in every non-heading sentence. */
export function findMentions(text: string, sentences: Sentence[]): MentionCandidate[] {
  const out: MentionCandidate[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    const { heading } = sentence;
    const authors = heading && AUTHOR_LINE.test(text.slice(sentence.start, sentence.end));
    // Most headings are titles: only one that may name an author or a publishing body is read.
    if (heading && !authors && !PUBLISHING_BODY.test(text.slice(sentence.start, sentence.end))) return;
    // Link targets ("](https://…/Joint Alert FINAL.pdf)") are addresses, not prose.
    const links = [...text.slice(sentence.start, sentence.end).matchAll(/\]\([^)]*\)/g)].map((m) => [
      sentence.start + (m.index ?? 0),
      sentence.start + (m.index ?? 0) + m[0].length,
    ]);
    const tokens = tokenize(text, sentence.start, sentence.end).filter(
      (t) => !links.some(([a, b]) => t.start >= a && t.start < b),
    );
    if (!heading) findSpecialBodies(text, sentence, sentenceIndex, out);
    for (const raw of sequences(text, tokens)) {
      for (const draft of readSequence(text, sentence, raw)) {
        const candidate = classify(text, sentence, sentenceIndex, draft, tokens);
        if (!candidate || (heading && !namedInHeading(candidate, authors))) continue;
        const previous = out[out.length - 1];
        if (
          previous &&
          previous.type === "Place" &&
          previous.start >= candidate.start &&
          previous.end <= candidate.end
        )
          out.pop();
        if (overlapsSentence(out, candidate)) continue;
        out.push(candidate);
        findAliases(text, sentenceIndex, out, out.length - 1, draft.tokens[draft.tokens.length - 1].rawEnd);
      }
    }
  });
  return out;
}

/** Bodies that publish research or reporting, named in a paper's header. */
const PUBLISHING_BODY =
  /\b(?:Institute|University|Centre|Center|Foundation|Network|Laboratory|Lab|Monitor|School|College|Observatory|Initiative|Programme|Program|Academy|Society|Department)\b/i;

/** A line of authors' names and nothing else: "Helga Marsk and Oskar Brennvik", "By Ilse Varnholt*". */
const AUTHOR_NAME = "\\p{Lu}[\\p{L}.’'-]+(?: \\p{Lu}[\\p{L}.’'-]+){1,3}";
const AUTHOR_LINE = new RegExp(
  `^(?:By )?${AUTHOR_NAME}(?:(?:, | and | & |, and )${AUTHOR_NAME})*[*†¹²³]*$`,
  "u",
);

/**
 * A heading's capitalised words are a title's, not names: from a heading only the authors of a line of
 * authors or the body that publishes ("Brackwater Institute for Security Studies") is read.
 */
function namedInHeading(candidate: MentionCandidate, authors: boolean): boolean {
  if (candidate.type === "Organization" && PUBLISHING_BODY.test(candidate.text)) return true;
  if (!authors || candidate.type === "Place" || !/\s/.test(candidate.text)) return false;
  if (candidate.type !== "Person") {
    const ordinary = (w: string): boolean => isOrdinaryWord(w) || isCommonWord(w.replace(/s$/, ""));
    if (candidate.strength > 1 || candidate.text.split(" ").some(ordinary)) return false;
    candidate.type = "Person";
    candidate.strength = 3;
  }
  return true;
}

/**
 * Whether the text writes "<first> <second>" inside a sentence, after a lower-case word or a comma: the
 * first word then belongs to the name where a sentence opens with it too ("Royal Shune Lei", "Fly Baghdad").
 */
function writtenInsideSentence(text: string, first: string, second: string): boolean {
  const pair = `${first} ${second}`;
  for (let i = text.indexOf(pair); i >= 0; i = text.indexOf(pair, i + 1)) {
    if (i >= 2 && /\s/.test(text[i - 1]) && /[\p{Ll},;(]/u.test(text[i - 2])) return true;
  }
  return false;
}

/** Whether a word at `start` opens its sentence, or a clause after a colon or an em dash ("two parts: Tax cuts"). */
function opensClause(text: string, sentenceStart: number, start: number): boolean {
  return (
    /^[\s"“‘(*#[_]*$/.test(text.slice(sentenceStart, start)) ||
    /[:—]\s*[*_]*$/.test(text.slice(Math.max(sentenceStart, start - 4), start))
  );
}

/** Nouns that say what a named party is, so a demonym before them gives its country ("Russian arms maker X"). */
const DESCRIBED_AS =
  /^(?:national|citizen|businessman|businesswoman|official|officer|executive|company|firm|group|maker|manufacturer|producer|supplier|distributor|trader|exporter|importer|dealer|broker|bank|lender|insurer|carrier|airline|shipowner|operator|plant|factory|institute|agency|ministry|entity|entities|subsidiary|conglomerate|giant|state-owned|developer|designer|contractor|intermediary|partner|front|shipper|forwarder|refinery|exchange|holding|company’s|tanker|vessel|ship)$/;

/** Street and building words: an address is not a place a reader marks ("45 Tole Bi Street", "Flat B"). */
const STREET_LAST =
  /^(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Boulevard|Blvd\.?|Prospekt|Prospect|Highway|Drive|Square|Liniya|Ulitsa|Way|Quay|Embankment)$/;
const BUILDING_FIRST =
  /^(?:Flat|Unit|Tower|Floor|Room|Suite|Block|Building|Jalan|Cluster|Office|Apartment|Apt\.?|Lot|Plot|House)$/;
const MONTHS =
  /^(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/;

/**
 * What records are full of and readers never mark: addresses, months, reference codes (flight numbers,
 * bank and licence codes, "KP-17/23"), and table cells holding one ordinary word ("| Qty |", "| Amount |").
 */
function isRecordNoise(
  text: string,
  name: string,
  words: string[],
  lineBefore: string,
  afterName: string,
  end: number,
): boolean {
  if (STREET_LAST.test(words[words.length - 1]) || (BUILDING_FIRST.test(words[0]) && words.length <= 3))
    return true;
  // A month alone or with its day or year in a record's date ("JAN 24", "03 FEB 2025").
  if (MONTHS.test(words[0]) && words.slice(1).every((w) => /^\d{1,4}$/.test(w))) return true;
  if (/\//.test(name) && /\d/.test(name)) return true;
  if (/^[A-Z]{2,3}\s?\d{3,4}$/.test(name)) return true;
  // A bank's SWIFT code, unless the text uses the word as a surname ("ROSTAMZADEH" has the shape).
  if (
    /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(name) &&
    !/[AEIOU]{2}/.test(name) &&
    !isUpperCaseSurname(text, name)
  )
    return true;
  // An account number's country and check digits ("KZ91 722C …").
  if (/^[A-Z]{2}\d{2}$/.test(name) && /^\s[A-Z0-9]{4}\s/.test(afterName)) return true;
  const cell = /\|\s*$/.test(lineBefore) && /^\s*\|/.test(afterName);
  // (A legal form among them makes a firm of common words: "| Golden Reed Exchange LLC |".)
  if (
    cell &&
    words.every((w) => w.length <= 3 || isCommonWord(w.toLowerCase())) &&
    !words.some((w) => LEGAL_FORMS.has(w))
  )
    return true;
  return isHeaderCell(text, lineBefore, end, words);
}

/**
 * A table's header names columns, not parties: a line of cells between bars with no figures, above a
 * row of figures or a rule of dashes ("Date | Payee / Payer | Details | Paid out | Paid in").
 */
function isHeaderCell(text: string, lineBefore: string, end: number, words: string[]): boolean {
  const cellStart = lineBefore.trimEnd();
  if (!(cellStart === "" || /[|/(]$/.test(cellStart)) || words.some((w) => LEGAL_FORMS.has(w))) return false;
  const lineEnd = text.indexOf("\n", end);
  if (lineEnd < 0) return false;
  const lineStart = text.lastIndexOf("\n", end - 1) + 1;
  const line = text.slice(lineStart, lineEnd);
  if (bars(line) < 2 || /\d/.test(line)) return false;
  // The header opens its table: a line of cells under another is a cell's text wrapped onto it.
  const previous = text.slice(text.lastIndexOf("\n", lineStart - 2) + 1, Math.max(0, lineStart - 1));
  if (lineStart > 0 && bars(previous) >= 2) return false;
  const nextEnd = text.indexOf("\n", lineEnd + 1);
  const next = text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd);
  return bars(next) >= 2 && (/\d/.test(next) || /^[\s|:+-]+$/.test(next));
}

/** Heads of geographic names written "X of Y": "Gulf of Finland", "Strait of Hormuz", "Port of Rotterdam". */
const GEOGRAPHIC_HEADS = new Set(
  "Gulf|Sea|Strait|Straits|Bay|Cape|Port|Lake|Isle|Islands|Gulf|Bight|Mouth|Sound|Channel".split("|"),
);

/** Strips sentence-start words, demonyms and titles from a raw sequence; splits coordinations. */
function readSequence(text: string, sentence: Sentence, raw: Token[]): Draft[] {
  let seq = raw;
  // "Gulf of Finland", "Strait of Hormuz and the Gulf of Oman": a geographic head names one place with
  // what follows "of", even when that is a country.
  if (GEOGRAPHIC_HEADS.has(raw[0].text) && raw[1]?.text === "of" && raw[2] && !CONNECTORS.has(raw[2].text)) {
    let end = 3;
    while (end < raw.length && end < 5 && !CONNECTORS.has(raw[end].text)) end++;
    let next = end;
    while (next < raw.length && CONNECTORS.has(raw[next].text)) next++;
    const rest = next < raw.length ? readSequence(text, sentence, raw.slice(next)) : [];
    return [{ tokens: raw.slice(0, end), type: "Place", strength: 4 }, ...rest];
  }
  // "United Arab Emirates-based", "Saudi Arabia": a known place keeps a first word that is common or a demonym.
  if (raw.length > 1 && findPlace(text.slice(raw[0].start, raw[raw.length - 1].end)))
    return [{ tokens: raw }];
  const atStart = opensClause(text, sentence.start, seq[0].start);
  if (
    atStart &&
    seq.length > 1 &&
    !isAllCaps(seq[0].text) &&
    isCommonWord(seq[0].text) &&
    !isDemonym(seq[0].text) &&
    !writtenInsideSentence(text, seq[0].text, seq[1].text) &&
    // "Limited Liability Company Velskrek", "Joint Stock Company Orlan": a legal form written first.
    !FORM_OPENING_NAME.test(text.slice(seq[0].start, seq[seq.length - 1].end)) &&
    // "Oleg Borisovich Varnitsky": a given name before a patronymic.
    !PATRONYMIC.test(seq[1].text) &&
    // "Prime Tankers LLC": before a firm's legal form only an adverb, a participle or a word that never
    // names ("Yesterday", "Designated") is cut.
    !(
      LEGAL_FORMS.has(seq[seq.length - 1].text) &&
      !NON_NAME_WORDS.has(seq[0].text) &&
      !/(?:ly|ed|ing)$/.test(seq[0].text)
    ) &&
    // "Chairman Joyce, …" opening a sentence is a title and a name (longer runs lose the title here).
    !(
      seq.length === 2 &&
      TITLE_WORDS.has(seq[0].text) &&
      /^\p{Lu}\p{Ll}+$/u.test(seq[1].text) &&
      !isCommonWord(seq[1].text) &&
      !findPlace(seq[1].text)
    )
  ) {
    seq = seq.slice(1);
  }
  // "MV Ocean Star", "M/T VELLORA SPIRIT": a craft prefix makes the name a ship's and is not part of it.
  if (seq.length > 1 && CRAFT_PREFIXES.has(seq[0].text))
    return [{ tokens: trimConnectors(seq.slice(1)), type: "Vessel", strength: 4 }];
  // "TO THE ORDER OF X", "ON BEHALF OF X": a form's phrase written in capitals before the party it names.
  const phrase = CAPITALISED_FORM_PHRASE.exec(text.slice(seq[0].start, seq[seq.length - 1].end));
  if (phrase) {
    seq = seq.filter((t) => t.start >= seq[0].start + phrase[0].length);
    if (seq.length === 0) return [];
  }
  // "Russian national X" names X; "Russian Armed Forces" and "Russian Ministry of Energy" keep the demonym,
  // and so does a given name before a patronymic ("German Borisovich Khan").
  while (
    seq.length > 1 &&
    isDemonym(seq[0].text) &&
    !seq.slice(1).some((t) => ORGANIZATION_HEADS.has(t.text)) &&
    !PATRONYMIC.test(seq[1].text) &&
    // "Syrian Arab Airlines", "Turkish Petroleum Corporation": a firm named with its demonym.
    !(COMPANY_HEADS.has(seq[seq.length - 1].text) || LEGAL_FORMS.has(seq[seq.length - 1].text))
  ) {
    seq = seq.slice(1);
  }
  // "Blocking Property of Certain Persons": a measure's title opens with a gerund; it names no party.
  const gerund = /^(\p{Lu}\p{Ll}+)ing$/u.exec(seq[0].text)?.[1].toLowerCase();
  if (
    gerund &&
    !TITLE_WORDS.has(seq[0].text) &&
    seq.length >= 3 &&
    seq.some((t) => t.text === "of") &&
    !seq.some((t) => LEGAL_FORMS.has(t.text)) &&
    !findPlace(seq[0].text) &&
    (isCommonWord(gerund) || isCommonWord(`${gerund}e`))
  )
    return [];
  // "Prohibitions Related to Transactions Involving the Central Bank": a title's preposition opens the name.
  const prepositionAt = seq.findIndex((t, i) => i < seq.length - 1 && TITLE_PREPOSITIONS.has(t.text));
  if (prepositionAt >= 0) seq = seq.slice(prepositionAt + 1);
  seq = trimConnectors(seq);
  if (seq.length === 0) return [];
  // "starve Russia of G7 technology": "of" between two known places or bodies joins no name.
  const ofAt = seq.findIndex((t) => t.text === "of");
  if (ofAt > 0 && !findPlace(seq.map((t) => t.text).join(" "))) {
    const known = (ts: Token[]): boolean => {
      const name = ts.map((t) => t.text).join(" ");
      return findPlace(name) !== undefined || findInternationalBody(name) !== undefined;
    };
    const left = seq.slice(0, ofAt);
    const right = trimConnectors(seq.slice(ofAt + 1));
    if (known(left) && known(right)) return [{ tokens: left }, { tokens: right }];
  }
  // "Treasury Secretary Jane Doe": a title inside the sequence separates the body from the person.
  const titleAt = TITLE_WORDS.has(seq[0].text)
    ? -1
    : seq.findIndex((t, i) => i > 0 && TITLE_WORDS.has(t.text) && !isConnector(seq[i - 1]));
  const companyWords = (ts: Token[]): boolean =>
    ts.some((t) => LEGAL_FORMS.has(t.text) || COMPANY_HEADS.has(t.text) || ORGANIZATION_HEADS.has(t.text));
  if (titleAt > 0 && !companyWords(seq.slice(titleAt + 1))) {
    let personAt = titleAt + 1;
    while (personAt < seq.length && TITLE_WORDS.has(seq[personAt].text)) personAt++;
    const body = trimConnectors(seq.slice(0, titleAt));
    const person = seq.slice(personAt);
    const drafts: Draft[] = body.length > 0 ? [{ tokens: body }] : [];
    if (person.length >= 2 && !person.some(isConnector))
      drafts.push({ tokens: person, type: "Person", strength: 3 });
    return drafts;
  }
  // "Prime Tankers LLC", "General Trading Co.": a title word opening a firm's name is part of it.
  if (
    (TITLE_WORDS.has(seq[0].text) || TITLE_WORDS.has(seq[0].text.split("-")[0])) &&
    !(LEGAL_FORMS.has(seq[seq.length - 1].text) && !seq.some((t) => t.text === "of"))
  ) {
    return seq.length > 1 ? splitTitle(text, seq, sentence.start) : [];
  }
  // The title of a law or instrument ("Countering … Act", "Executive Order") names no party.
  const lastToken = seq[seq.length - 1];
  if (
    /^\)?[ \u00a0]+(?:Act|Law|Code|Order|Directive|Resolution|Regulations?|License|Licence|List)\b/.test(
      text.slice(lastToken.rawEnd, lastToken.rawEnd + 14),
    )
  ) {
    return [];
  }
  // A lone generic head ("Manufacturing", "Ministry") is not a name, unless the text names a body by it
  // ("Treasury" after "Department of the Treasury").
  if (
    seq.length === 1 &&
    !isAllCaps(seq[0].text) &&
    (COMPANY_HEADS.has(seq[0].text) || ORGANIZATION_HEADS.has(seq[0].text) || LEGAL_FORMS.has(seq[0].text)) &&
    !text.includes(` of the ${seq[0].text}`)
  ) {
    return [];
  }
  return splitCoordination(text, seq)
    .map(trimConnectors)
    .filter((s) => s.length > 0)
    .map((tokens) => ({ tokens }));
}

/**
 * A state's government or ministry named in lower case after its demonym or acronym ("the DPRK
 * government"). Its military or "regime" is not annotated as a party of its own, so it is not read.
 */
const STATE_BODY =
  /\b([A-Z][a-z]+|DPRK|PRC) (government|(?:defen[cs]e|foreign|finance|interior|economy|energy|justice|trade|industry) ministry)\b/g;

/** Lower-case government bodies: "the Russian energy ministry", "the Iranian government". */
function findSpecialBodies(
  text: string,
  sentence: Sentence,
  sentenceIndex: number,
  out: MentionCandidate[],
): void {
  const slice = text.slice(sentence.start, sentence.end);
  STATE_BODY.lastIndex = 0;
  for (let m = STATE_BODY.exec(slice); m; m = STATE_BODY.exec(slice)) {
    const place = findDemonym(m[1]) ?? (/^[A-Z]+$/.test(m[1]) ? findPlace(m[1]) : undefined);
    if (!place?.country) continue;
    const start = sentence.start + m.index;
    const kind =
      m[2] === "government" ? "government" : `ministry:${m[2].split(" ")[0].replace("defence", "defense")}`;
    out.push({
      start,
      end: start + m[0].length,
      text: m[0],
      type: "Organization",
      strength: 4,
      key: `${kind}:${place.country}`,
      country: place.country,
      aliasOf: null,
      sentence: sentenceIndex,
      weak: false,
      cue: null,
      producer: "governmentBody@1",
    });
  }
}

/**
 * Whether an IMO number follows at `at` ("X (IMO 9299745)", "***X***(IMO …)", a record's
 * "Name: X      IMO: 9301234"): the name is a ship's.
 */
function imoFollows(text: string, at: number): boolean {
  return /^[\s*_]*(?:\(\s*|,\s*|[ \t]{2,}|\n)IMO\b/.test(text.slice(at, at + 32));
}

/**
 * True when a capitalised run names no party: ordinary or generic words, a field label, a record's
 * noise, a title, an event, a people, a date. Kept apart from classify so that V8 recompiles this
 * small function, not the whole of classify, when a rare branch is first taken.
 */
function namesNoParty(
  text: string,
  sentence: Sentence,
  tokens: Token[],
  words: string[],
  name: string,
): boolean {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const start = first.start;
  if (words.every((w) => NON_NAME_WORDS.has(w) || CONNECTORS.has(w))) return true;
  // A legal form alone ("LLC", "JSC") is the rest of a name cut off, not a name.
  if (words.every((w) => LEGAL_FORMS.has(w) || CONNECTORS.has(w)) && words.length <= 2) return true;
  // "Buyer: …", "Seller / Manufacturer: …", "Notify party: …": a form's field label opening its line
  // names no party.
  const lineBefore = text.slice(text.lastIndexOf("\n", start - 1) + 1, start);
  const afterName = text.slice(last.rawEnd, last.rawEnd + 30);
  if (
    words.length <= 3 &&
    // … or its table cell ("03 JAN 24 | TT OUT | Beneficiary: …", "Sex: M · Date of birth: …"): what
    // stands before it since the bar or the middle dot.
    /^[ \t*_#>-]*(?:[\p{L} ]+\/\s*)?$/u.test(
      lineBefore.slice(Math.max(lineBefore.lastIndexOf("|"), lineBefore.lastIndexOf("·")) + 1),
    ) &&
    /^[*_]*(?:\s+(?:party|parties|name|address|details|no|number|code|reference|ref|of|and|bank|account|country|port|date|birth|issue|expiry|incorporation|registration|listing))*\s*(?:\/\s*[\p{L} ]{1,25})?:/u.test(
      afterName,
    )
  )
    return true;
  if (isRecordNoise(text, name, words, lineBefore, afterName, last.rawEnd)) return true;
  // Boilerplate phrases ("Enforcement Guidelines", "Frequently Asked Question 897") are generic words
  // only; a body named in generic words needs an organisation head and three words.
  if (
    words.every((w) => GENERIC_WORDS.has(w) || CONNECTORS.has(w) || /^\d+$/.test(w)) &&
    !(words.length >= 3 && words.some((w) => ORGANIZATION_HEADS.has(w))) &&
    // "Brazil’s Foreign Ministry": a country's ministry is named by its country.
    !readMinistryKey(text, sentence, tokens)
  ) {
    return true;
  }
  // "G7 Leaders", "EU Summit": a known body or place followed by generic words is a phrase, not a name.
  if (
    words.length >= 2 &&
    (findInternationalBody(words[0]) || findPlace(words[0])) &&
    words.slice(1).every((w) => GENERIC_WORDS.has(w)) &&
    !words.slice(1).some((w) => ORGANIZATION_HEADS.has(w) || LEGAL_FORMS.has(w))
  )
    return true;
  // Events and documents ("Human Rights Day", "Annual Threat Assessment") name no party.
  if (words.length >= 2 && EVENT_OR_DOCUMENT_HEADS.has(words[words.length - 1])) return true;
  // "Tibetans", "North Koreans": a nationality's people are no party.
  // ("Laos", "Maldives" are places whose names end the same way.)
  if (words.length <= 2 && /s$/.test(name) && isDemonym(name.replace(/s$/, "")) && !findPlace(name))
    return true;
  const contentWords = words.filter((w) => !CONNECTORS.has(w));
  // "Address Illicit Financing Risks of Digital Assets": four or more words, most of them ordinary English
  // and none a legal form or head, are a document's or measure's title.
  if (
    contentWords.length >= 4 &&
    !contentWords.some((w) => LEGAL_FORMS.has(w) || ORGANIZATION_HEADS.has(w) || COMPANY_HEADS.has(w)) &&
    contentWords.filter((w) => GENERIC_WORDS.has(w) || isCommonPlural(w)).length * 2 > contentWords.length &&
    !findPlace(name)
  )
    return true;
  // "Imposing", "Additional", "Unemployment": one capitalised word with the ending of an English gerund,
  // adjective or abstract noun is an ordinary word written at a heading or a sentence start.
  if (
    tokens.length === 1 &&
    !first.cue &&
    COMMON_ENDING.test(name) &&
    !isFirstName(name) &&
    !isLastName(name) &&
    !findPlace(name) &&
    !/^[\s*_]*\(/.test(text.slice(last.rawEnd, last.rawEnd + 4)) &&
    !isPartOfLongerName(text, name)
  )
    return true;
  // "NGOs", "SARs": a plural acronym is a common noun.
  if (tokens.length === 1 && /^\p{Lu}{2,}s$/u.test(name)) return true;
  // A date written without its space ("April10") is no name.
  if (
    tokens.length === 1 &&
    /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\d{1,2}$/.test(
      name,
    )
  )
    return true;
  // Reference numbers ("QT-2024-0117") are not names.
  if (tokens.length === 1 && /\d{4,}/.test(name) && !DESIGNATOR.test(name)) return true;
  return false;
}

/** Types a sequence from its words and context; undefined when it is not a name. */
function classify(
  text: string,
  sentence: Sentence,
  sentenceIndex: number,
  draft: Draft,
  sentenceTokens: Token[],
): MentionCandidate | undefined {
  const tokens = draft.tokens;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  let start = first.start;
  let end = last.end;
  let name = text.slice(start, end);
  const words = tokens.map((t) => t.text);
  if (namesNoParty(text, sentence, tokens, words, name)) return undefined;
  const before = text.slice(Math.max(sentence.start, start - 40), start);
  if (DOCUMENT_ON.test(before)) return undefined;
  const after = text.slice(last.rawEnd, Math.min(sentence.end, last.rawEnd + 40));
  const nextWord = /^\s+([\p{L}-]+)/u.exec(after)?.[1] ?? "";
  const atStart = opensClause(text, sentence.start, start);
  let type: EntityType = draft.type ?? "Company";
  let strength = draft.strength ?? 1;
  let key: string | null = draft.key ?? null;
  let country: string | null = null;
  let weak = false;
  const producer = (rule: string): string => `${rule}@1`;
  let rule = "nameSequence";

  const place = findPlace(name);
  const body = findInternationalBody(name);
  const definition = PARENTHESIS.exec(text.slice(last.rawEnd + linkAfter(text, last.rawEnd), sentence.end));
  const headWords = words.filter((w) => !CONNECTORS.has(w));
  const lastWord = headWords[headWords.length - 1];
  if (draft.type) {
    rule = "titlePerson";
  } else if (GEOGRAPHIC_HEADS.has(words[0]) && words[1] === "of" && words.length <= 5) {
    type = "Place";
    strength = 4;
    rule = "geographicName";
  } else if (place && !(tokens.length === 1 && first.cue === "series")) {
    const placeMore = PLACE_NOUNS.exec(after);
    if (placeMore && tokens.length === 1) {
      end = last.rawEnd + placeMore[0].length;
      name = text.slice(start, end);
    }
    type = "Place";
    strength = 5;
    // "Chelyabinsk region" and "Chelyabinsk" are one place to readers (and to the gold files).
    key = placeKey(place, !placeMore);
    country = place.country;
    rule = "placeName";
  } else if (body) {
    type = "Organization";
    strength = 5;
    key = `body:${body}`;
    rule = "internationalBody";
  } else if (
    isDemonym(name) ||
    (tokens.length === 1 && isCommonPlural(name) && !/\d/.test(name) && !isAllCaps(name) && atStart)
  ) {
    return undefined;
  } else if (isAllCaps(name) && tokens.length > 1 && !headWords.some((w) => LEGAL_FORMS.has(w))) {
    const vessel =
      imoFollows(text, last.rawEnd) ||
      CRAFT_BEFORE.test(before) ||
      /\bvessels?\b/i.test(text.slice(sentence.start, sentence.end));
    // "KAVEH ROSTAMZADEH … ROSTAMZADEH arrived": a name in capitals whose last word the text then uses
    // alone, as court papers write a defendant, is a person's; so is one with a patronymic.
    const person =
      !vessel &&
      tokens.length <= 4 &&
      !headWords.some((w) => ORGANIZATION_HEADS.has(w) || COMPANY_HEADS.has(w)) &&
      (isUpperCaseSurname(text, lastWord) || familyNameInCapitals(tokens.map((t) => t.text)));
    // "MINISTRY OF DEFENCE OF THE RUSSIAN FEDERATION": a body's head word in capitals.
    const body = !vessel && !person && headWords.some((w) => ORGANIZATION_HEADS.has(titleCased(w)));
    type = vessel ? "Vessel" : person ? "Person" : body ? "Organization" : "Company";
    strength = vessel ? 4 : person ? 3 : body ? 2 : 1;
    rule = person ? "upperCasePerson" : "upperCaseName";
  } else if (tokens.length === 1 && isUpperCaseSurname(text, name)) {
    type = "Person";
    strength = 3;
    rule = "upperCaseSurname";
  } else if (
    tokens.length === 1 &&
    WORDLIKE_CAPS.test(name) &&
    (name.match(/[AEIOUY]/g)?.length ?? 0) >= 2 &&
    !LEGAL_FORMS.has(name) &&
    // A ship word shortly before it ("the tankers X and Y", "vessels such as X").
    /\b(?:vessels?|tankers?|ships?|carriers?)\b[^.;:]{0,60}$/i.test(
      text.slice(Math.max(sentence.start, start - 80), start),
    ) &&
    // "vessels, including the X, which OFAC identified": the subject of a clause is no ship of the list.
    !/\b(?:which|who|that)\s+$/i.test(before) &&
    !/^[\s*_]*\(\s*[\p{Lu}]{2,}/u.test(text.slice(last.rawEnd, last.rawEnd + 8))
  ) {
    // "the tankers SERENE and HALCYON": a pronounceable upper-case word among vessels is a ship's name.
    type = "Vessel";
    strength = 2;
    rule = "upperCaseVessel";
  } else if (imoFollows(text, last.rawEnd) || CRAFT_BEFORE.test(before)) {
    type = "Vessel";
    strength = 4;
    rule = "vesselImo";
  } else if (tokens.length === 1 && TAIL_NUMBER.test(name) && AIRCRAFT_CONTEXT.test(before)) {
    type = "Aircraft";
    strength = 4;
    rule = "aircraftRegistration";
  } else if (
    (PUBLIC_BODY_HEADS.has(words[0]) || (isDemonym(words[0]) && PUBLIC_BODY_HEADS.has(words[1] ?? ""))) &&
    // "Bureau Veritas Orlan LLC": a legal form at the end makes it a company after all.
    !(tokens.length > 1 && LEGAL_FORMS.has(lastWord) && !PUBLIC_BODY_HEADS.has(lastWord))
  ) {
    type = "Organization";
    strength = 3;
    rule = "organizationHead";
    const ministry = readMinistryKey(text, sentence, tokens);
    if (ministry) key = ministry;
  } else if (
    headWords.some((w) => LEGAL_FORMS.has(w)) &&
    // "Federal Bureau of Investigation", "Central Bank of Nordavia": a bureau or state bank "of" a field or
    // country is a public body, unlike "Kestrel Design Bureau".
    !isPublicBodyOf(words) &&
    !(tokens.length === 1 && !/^[A-Z]{2,}$/.test(name) && tokens.length === 1)
  ) {
    type = "Company";
    strength = 3;
    rule = "legalForm";
  } else if (
    isPublicBodyOf(words) ||
    (headWords.some((w) => ORGANIZATION_HEADS.has(w)) &&
      !(COMPANY_HEADS.has(lastWord) && !ORGANIZATION_HEADS.has(lastWord)))
  ) {
    type = "Organization";
    strength = 3;
    rule = "organizationHead";
    const ministry = readMinistryKey(text, sentence, tokens);
    if (ministry) key = ministry;
    const owner = /([A-Z][\p{L}.]+['’]s\s+)$/u.exec(before);
    if (ministry && lastWord === "Ministry" && owner) {
      name = text.slice(start - owner[1].length, end);
      return {
        start: start - owner[1].length,
        end,
        text: name,
        type,
        strength,
        key,
        country: null,
        aliasOf: null,
        sentence: sentenceIndex,
        weak: false,
        cue: last.cue,
        producer: "organizationHead@1",
      };
    }
  } else if (
    tokens.length === 1 &&
    (DESIGNATOR.test(name) || first.cue === "series" || first.cue === "style") &&
    !/\b(?:License|Licence|Form|No\.|Resolution|Order|Section|Annex)\s+$/.test(before)
  ) {
    type = "Product";
    strength = 4;
    rule = "productDesignator";
  } else if (
    tokens.length === 2 &&
    /^(?:Project|Model|Type|Block|Article)$/.test(words[0]) &&
    NUMBER.test(words[1])
  ) {
    type = "Product";
    strength = 4;
    rule = "productDesignator";
  } else if (
    tokens.length === 1 &&
    !isAllCaps(name) &&
    !first.possessive &&
    (PRODUCT_NOUNS.has(nextWord) || PRODUCT_PAIR.test(after))
  ) {
    type = "Product";
    strength = 2;
    rule = "productNoun";
  } else if (
    (PLACE_HEADS.has(lastWord) && tokens.length > 1) ||
    (MOTION_BEFORE.test(before) && !headWords.some((w) => LEGAL_FORMS.has(w) || ORGANIZATION_HEADS.has(w)))
  ) {
    type = "Place";
    strength = 3;
    rule = "placeHead";
  } else if (GROUP_BEFORE.test(before) || GROUP_AFTER.test(after)) {
    // "the terrorist organization X", "X, an Iran-backed militant group": an armed or criminal group.
    type = "Organization";
    strength = 3;
    rule = "groupContext";
  } else if (personLike(tokens, definition?.[1], before, after)) {
    type = "Person";
    strength = 3;
    rule = "personName";
  } else if (COMPANY_HEADS.has(lastWord)) {
    type = "Company";
    strength = 2;
    rule = "companyHead";
  } else if (tokens.length === 1 && PLACE_SHAPE.test(name) && !isAllCaps(name)) {
    type = "Place";
    strength = 2;
    rule = "placeShape";
    const placeMore = PLACE_NOUNS.exec(after);
    if (placeMore) {
      end = last.rawEnd + placeMore[0].length;
      name = text.slice(start, end);
      key = null;
    }
  } else if (tokens.length === 1 && atStart) {
    // A lone capitalised word opening a sentence is a name only when it behaves like a subject.
    if (isCommonWord(name) || PRODUCT_NOUNS.has(name.toLowerCase()) || /^\p{Lu}\p{Ll}+ly$/u.test(name))
      return undefined;
    const listy = /^\s*(?:,\s*[\p{Lu}]|\(|and\s+[\p{Lu}])/u.test(text.slice(last.rawEnd, last.rawEnd + 6));
    // Otherwise it is a weak mention, kept only when coreference joins it to a name found elsewhere
    // ("Korsun and his companies …" after "… Korsun (Korsun) owns …").
    weak = !first.possessive && !first.cue && !listy && !AUXILIARY.test(after) && !isVerb(nextWord);
  }
  if (type !== "Place") {
    // "Russian arms maker X" gives X a country; "Chinese personnel visit X" does not: words between the
    // demonym and the name must end in a noun that names what X is.
    const demonymMatch = /([A-Z][a-z]+)\s+((?:[a-z-]+\s+){0,2})$/.exec(before);
    const between = (demonymMatch?.[2] ?? "").trim().split(/\s+/).filter(Boolean);
    const demonym =
      between.length === 0 || DESCRIBED_AS.test(between[between.length - 1]) ? demonymMatch : null;
    const basedPlace = sentenceTokens.find(
      (t) => t.cue === "based" && t.rawEnd <= start && start - t.rawEnd < 40,
    );
    country =
      findDemonym(demonym?.[1] ?? "")?.country ??
      (basedPlace ? (findPlace(basedPlace.text)?.country ?? null) : null);
  }
  // "OOO «Navitrek»": a legal form before a name in guillemets is part of how the firm is named.
  const formBefore = QUOTED_FORM_BEFORE.exec(text.slice(Math.max(sentence.start, start - 8), start));
  if (formBefore && type !== "Place" && text[last.rawEnd] === "»") {
    start -= formBefore[0].length;
    end = last.rawEnd + 1;
    name = text.slice(start, end);
    type = "Company";
  }
  return {
    start,
    end,
    text: name,
    type,
    strength,
    key,
    country,
    aliasOf: null,
    sentence: sentenceIndex,
    weak,
    cue: last.cue,
    producer: producer(rule),
  };
}

/** Russian and Central Asian legal forms written before a firm's name in guillemets. */
const QUOTED_FORM_BEFORE = new RegExp(`\\b(?:${FORMS_BEFORE_QUOTED_NAME.join("|")})\\s?«$`);

/** "Federal Bureau of Investigation", "Central Bank of Nordavia": only generic words before "Bureau of" / "Bank of". */
function isPublicBodyOf(words: string[]): boolean {
  // "Reconnaissance General Bureau", "Public Security Bureau": a bureau named in general words, no trade.
  if (
    words.length >= 2 &&
    words[words.length - 1] === "Bureau" &&
    words.slice(0, -1).every((w) => !COMPANY_HEADS.has(w) && !LEGAL_FORMS.has(w)) &&
    words.slice(0, -1).some((w) => GENERIC_WORDS.has(w))
  )
    return true;
  const at = words.findIndex((w, i) => (w === "Bureau" || w === "Bank") && words[i + 1] === "of");
  if (at < 0 || words.slice(0, at).some((w) => LEGAL_FORMS.has(w))) return false;
  return (
    words[at] === "Bureau" || words.slice(0, at).some((w) => /^(?:Central|National|Reserve|State)$/.test(w))
  );
}

/** "Deficits", "Agencies": a common word or the plural of one. */
function isCommonPlural(word: string): boolean {
  return (
    isCommonWord(word) ||
    (/s$/.test(word) &&
      [word.replace(/ies$/, "y"), word.replace(/es$/, ""), word.replace(/s$/, "")].some(
        (w) => w !== word && isCommonWord(w),
      ))
  );
}

/** True when a name reads as a person: a known given name, a "(Surname)" definition, or a person cue. */
function personLike(tokens: Token[], definition: string | undefined, before: string, after: string): boolean {
  const words = tokens.map((t) => t.text);
  if (words.length > 5 || words.some((w) => CONNECTORS.has(w) && w !== "bin" && w !== "al" && w !== "de"))
    return false;
  if (words.some((w) => isAllCaps(w) && w.length > 1)) return familyNameInCapitals(words);
  // "Northgate Consulting": a company head or legal form ends a firm's name, never a person's.
  if (words.some((w) => LEGAL_FORMS.has(w)) || COMPANY_HEADS.has(words[words.length - 1])) return false;
  if (words.length >= 3 && words.slice(1, -1).some((w) => PATRONYMIC.test(w))) return true;
  if (words.length === 2 && FEMININE_GIVEN.test(words[0]) && SLAVIC_FEMININE_SURNAME.test(words[1]))
    return true;
  if (words.length >= 2 && (isFirstName(words[0]) || (isFirstName(words[1]) && words.length >= 3)))
    return true;
  if (words.length >= 2 && definition && (definition === words[words.length - 1] || definition === words[0]))
    return true;
  if (isPinyinName(words)) return true;
  if (words.length >= 2 && isLastName(words[0]) && words.length <= 3 && !words.some((w) => findPlace(w)))
    return true;
  return (
    words.length >= 2 &&
    (PERSON_CUE.test(before) || PERSON_AFTER.test(after) || PERSON_ROLE_AFTER.test(after))
  );
}

/**
 * A person's name as registries, lists and travel records write it, the family name in capitals: "LEE
 * Wei Hao", "Timur Zhumabekovich OROZBAYEV", or wholly in capitals with a patronymic ("KHALIULLIN
 * RUSTAM ILDAROVICH") or a known given name first ("MAKSIM VORONTSEVICH"). The capitalised word must not
 * be an acronym, a place or a body ("IRGC Navy").
 */
function familyNameInCapitals(words: string[]): boolean {
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{Lu}[\p{L}’'-]*$/u.test(w)))
    return false;
  if (
    words.some(
      (w) => LEGAL_FORMS.has(w) || COMPANY_HEADS.has(titleCased(w)) || ORGANIZATION_HEADS.has(titleCased(w)),
    )
  )
    return false;
  const capitals = words.filter((w) => isAllCaps(w));
  if (capitals.length === words.length)
    return (
      (words.length >= 3 && words.slice(1).some((w) => PATRONYMIC.test(titleCased(w)))) ||
      (words.length <= 3 &&
        isFirstName(titleCased(words[0])) &&
        !findPlace(words.join(" ")) &&
        !PLACE_HEADS.has(titleCased(words[words.length - 1])) &&
        !/^(?:Town|Street|Road|Avenue|Square|Park|Plaza|Tower|Towers|Building|Hills?|Beach|Valley)$/.test(
          titleCased(words[words.length - 1]),
        ))
    );
  const family = capitals[0];
  // A word in capitals as short as an acronym ("OKBM Vardan", "NPK Orlan") is a family name only before
  // given names ("LEE Wei Hao", "KIM Chol Su").
  const given = (w: string): boolean => isFirstName(w) || isPinyinGivenName(w) || PATRONYMIC.test(w);
  if (family.length <= 4 && !words.every((w) => w === family || given(w))) return false;
  return (
    capitals.length === 1 &&
    (words[0] === family || words[words.length - 1] === family) &&
    family.length >= 2 &&
    !COMMON_ACRONYMS.has(family) &&
    !findPlace(family) &&
    !findInternationalBody(family) &&
    words.every(
      (w) =>
        w === family ||
        (/^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u.test(w) &&
          !isCommonWord(w) &&
          !GENERIC_WORDS.has(w) &&
          !findPlace(w) &&
          !TITLE_WORDS.has(w) &&
          !UNIT_NOUNS.test(w)),
    )
  );
}

/** An acronym's unit, not a given name: "KGVR Unit 4012", "APT Team". */
const UNIT_NOUNS =
  /^(?:Unit|Units|Team|Teams|Cell|Cells|Wing|Squad|Group|Branch|Section|Desk|Lab|Labs|Task)$/;

/** "Ministry of Defense" with "Russia’s" before it or "Russian" inside: a key shared by its variants. */
function readMinistryKey(text: string, sentence: Sentence, tokens: Token[]): string | null {
  const words = tokens.map((t) => t.text);
  const ministryAt = words.indexOf("Ministry");
  if (ministryAt < 0 && words[0] !== "Government") return null;
  const before = text.slice(Math.max(sentence.start, tokens[0].start - 30), tokens[0].start);
  const possessive = /([A-Z][\p{L}.]+)['’]s\s+$/u.exec(before);
  let country =
    findDemonym(words[0])?.country ?? (possessive ? (findPlace(possessive[1])?.country ?? null) : null);
  if (words[0] === "Government" && words[1] === "of") {
    country = findPlace(words.slice(2).join(" "))?.country ?? null;
    return country ? `government:${country}` : null;
  }
  if (!country) return null;
  const topic = words
    .filter((w, i) => i !== ministryAt && !CONNECTORS.has(w) && !isDemonym(w))
    .join(" ")
    .toLowerCase()
    .replace("defence", "defense")
    .replace(/^foreign affairs$/, "foreign");
  return `ministry:${topic}:${country}`;
}

/** "(ABC)", "(** ABC**)": a parenthesis right after a name, its markdown emphasis left out. */
const PARENTHESIS = /^[\s*_]*\(\s*[*_]*\s*([^()*_]{1,100}?)\s*[*_]*\s*\)/;

/** Length of a markdown link target right after a linked name ("**](https://…)"), or 0. */
function linkAfter(text: string, from: number): number {
  return /^[*_]*\]\([^()\s]*\)/.exec(text.slice(from, from + 300))?.[0].length ?? 0;
}

/** Parenthetical aliases right after a name: "X (ABC)", "X (a.k.a. Y; Z)", "X (ABC’s)". */
function findAliases(
  text: string,
  sentenceIndex: number,
  out: MentionCandidate[],
  index: number,
  from: number,
): void {
  const main = out[index];
  from += linkAfter(text, from);
  const m = PARENTHESIS.exec(text.slice(from, from + 110));
  // Places carry no acronyms of their own ("Russia (Sanctions) Regulations" is a law's title).
  if (!m || main.type === "Place") return;
  const inner = m[1];
  if (
    /^(?:(?:IMO|MMSI|DOB|born|Registration|Tax|ID|INN|OGRN)\b|b\.|No\.)/i.test(inner) ||
    !/^[“"‘]?[\p{Lu}\p{N}]|^(?:a\.k\.a|a\/k\/a|aka|also known as|formerly|f\.k\.a|here(?:in)?after)/iu.test(
      inner,
    )
  )
    return;
  if (/^\d+$/.test(inner) || (/\d{4}/.test(inner) && !/\p{Lu}{2}/u.test(inner))) return;
  const innerStart = from + m[0].indexOf(inner);
  const partRe =
    /(?:(?:a\.k\.a\.?|a\/k\/a|aka|also known as|formerly(?: known as)?|f\.k\.a\.?|here(?:in)?after(?: referred to as)?)\s+)?([^;,]+)/giu;
  for (let p = partRe.exec(inner); p; p = partRe.exec(inner)) {
    let alias = p[1].trim();
    let offset = innerStart + p.index + p[0].indexOf(p[1]) + (p[1].length - p[1].trimStart().length);
    // A defined term is often quoted: 'X ("Maplewing")', 'X (hereinafter “Huarui Xinke”)'.
    // A defined role ("Seller", "Defendant") or a term of common words is not another name of the party.
    const quoted = /^[“"‘](\S(?:.*\S)?)[”"’]$/u.exec(alias);
    if (quoted) {
      if (quoted[1].split(/\s+/).every((w) => DEFINED_ROLES.has(w) || isCommonWord(w.toLowerCase())))
        continue;
      alias = quoted[1];
      offset += 1;
    }
    alias = alias.replace(/['’]s$/, "");
    if (
      !alias ||
      alias.split(/\s+/).length > 8 ||
      !/^[\p{Lu}\p{N}]/u.test(alias) ||
      COMMON_ACRONYMS.has(alias)
    )
      continue;
    if (/^(?:the|a|an)\s/i.test(alias)) continue;
    // "Kartal Lojistik (Istanbul)", "Sidra Meridian Investments FZCO (Dubai)": a place in brackets says
    // where the party is, it is not another name of it.
    const place = findPlace(alias);
    if (place && !/^\p{Lu}{2,6}$/u.test(alias)) {
      out.push({
        start: offset,
        end: offset + alias.length,
        text: alias,
        type: "Place",
        strength: 5,
        key: placeKey(place, true),
        country: place.country,
        aliasOf: null,
        sentence: sentenceIndex,
        weak: false,
        cue: null,
        producer: "bracketedPlace@1",
      });
      continue;
    }
    out.push({
      start: offset,
      end: offset + alias.length,
      text: alias,
      type: main.type,
      strength: main.strength,
      key: null,
      country: main.country,
      aliasOf: index,
      sentence: sentenceIndex,
      weak: false,
      cue: null,
      producer: "parentheticalAlias@1",
    });
  }
}
