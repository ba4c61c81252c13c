// Word lists the extraction rules read: legal forms, organisation heads, roles and titles, product
// nouns and designator shapes, hedges and reporting verbs. General vocabulary only, never names.
import type { Certainty, Predicate } from "../../model/index.js";

const set = (words: string): Set<string> => new Set(words.split("|"));

/** Company legal forms and their written variants (compared case-sensitively, dots included). */
export const LEGAL_FORMS = set(
  "Co.|Co|Company|Ltd|Ltd.|Limited|LLC|L.L.C.|L.L.C|LLP|LP|Inc|Inc.|Incorporated|Corp|Corp.|Corporation|PLC|plc|" +
    "GmbH|AG|KG|SA|S.A.|SAS|SARL|SRL|S.R.L.|BV|B.V.|NV|N.V.|AB|AS|A/S|Oy|SpA|S.p.A.|PTY|Pty|Pte|Bhd|Sdn|" +
    "JSC|PJSC|OJSC|CJSC|OAO|ZAO|PAO|AO|OOO|TOO|FZE|FZCO|FZ-LLC|DMCC|LTD|INC|CORP|CO|COMPANY|LIMITED|" +
    "LTD.|INC.|CO.|CORP.|PTE|PTE.|BHD|BHD.|Bhd.|SDN|" +
    "Group|Holding|Holdings|Enterprise|Enterprises|Industries|Trading|Concern|Plant|Factory|" +
    "Partnership|Firm|Bureau|Works|Shipping|Airlines|Airline|Bank|Exchange|Obshchestvo|Obschestvo|Aktsionernoe|" +
    "Spolka|Predpriyatie|A.Ş.|Şti.|Şti|ŞTİ.|ŞTİ|A.S.|Sti.|S.A.S.|S.L.|Sp.|z|o.o.|Kft.|d.o.o.|s.r.o.|a.s.|OÜ|UAB|SIA",
);

/** Legal forms written before a firm's quoted name: "OOO «Navitrek»", "AO «Velskrek»" (Russian and Central Asian). */
export const FORMS_BEFORE_QUOTED_NAME = [
  "OOO",
  "OsOO",
  "TOO",
  "OAO",
  "ZAO",
  "PAO",
  "AO",
  "JSC",
  "PJSC",
  "OJSC",
  "CJSC",
  "LLC",
  "NPO",
  "NPP",
  "FGUP",
  "GUP",
];

/** Head words that make a capitalised phrase a company even without a legal form. */
export const COMPANY_HEADS = set(
  "Technology|Technologies|Electronics|Engineering|Machinery|Aerospace|Aviation|Systems|Solutions|" +
    "Logistics|Transport|Transportation|Import|Export|Manufacturing|Industrial|Petroleum|Energy|Oil|" +
    "Gas|Chemicals|Chemical|Materials|Components|Instruments|Motors|Devices|Dynamics|Defense|Defence|" +
    "Marine|Maritime|Navigation|Mining|Metals|Steel|Capital|Investment|Investments|Finance|Financial|" +
    "Services|Service|Supply|Supplies|Equipment|Tech|Center|Centre|Design|Consulting|Consultants",
);

/** Head words of public bodies and other organisations (typed Organization). */
export const ORGANIZATION_HEADS = set(
  "Ministry|Department|Office|Agency|Administration|Commission|Committee|Council|Command|Corps|Force|" +
    "Forces|Army|Navy|Guard|Guards|Foundation|Institute|University|Academy|Service|Directorate|" +
    "Government|Parliament|Assembly|Court|Police|Intelligence|Authority|Union|Organization|Organisation|" +
    "Association|Federation|Party|Movement|Front|Brigade|Regiment|Division|Battalion|Cabinet|Treasury|" +
    "Presidency|Secretariat|Bureau|Board|Chamber|Society|Fund|Center|Centre|Network|Project|Commonwealth|" +
    "Cartel|Investigations",
);

/** Words after a capitalised name that make it a product name ("the X series", "X drones"). */
export const PRODUCT_NOUNS = set(
  "series|drone|drones|UAV|UAVs|missile|missiles|engine|engines|family|model|models|aircraft|" +
    "helicopter|helicopters|rocket|rockets|tank|tanks|system|systems|platform|platforms|radar|VTOL|" +
    "CRBM|CRBMs|CBRMs|munition|munitions|loitering|rifle|rifles|jet|jets|fighter|fighters|satellite",
);

/** Upper-case abbreviations that are common nouns, never parties. */
export const COMMON_ACRONYMS = set(
  "UAV|UAVs|UAS|VTOL|GPS|GNSS|VHF|UHF|HF|WMD|CRBM|CRBMs|CBRMs|SRBM|ICBM|IRBM|MANPADS|RF|IC|ICs|CNC|" +
    "INN|OGRN|KPP|OKPO|TIN|UNP|EIN|GL|AML/CFT|AML|CFT|SDN|SDGT|SDNT|SDNTK|FTO|FAQ|FAQs|SSI|NS-MBS|CAPTA|E.O.|E.O|EO|IMO|MMSI|ID|CEO|CFO|COO|CTO|GDP|VAT|USD|EUR|RUB|CNY|AED|IRR|TV|PDF|" +
    "AI|IT|HQ|PM|AM|UTC|GMT|DNA|COVID|COVID-19|FAQ|URL|NGO|LNG|LPG|OPEC|P.O.|No.|Nos.|JCPOA|AML|CFT|" +
    "KYC|WASHINGTON|LONDON|BRUSSELS|NOTE|Note|NEW|UPDATE|I|II|III|IV|V|VI|" +
    // Trade, shipping and payment terms, and the statutes sanctions texts cite by their acronyms.
    "AIS|STS|HS|MSN|USDT|USDC|IEEPA|NDAA|INKSNA|CAATSA|UNSCR|BIN|POB|SWIFT|IBAN|BIC|FOB|CIF|CFR|EXW|DAP|DDP|FCA|T/T|L/C|B/L|AWB|SKU|ETA|ETD|DWT|GT|VLCC|LCC|TEU|KYB|VPN|API|LNG|",
);

/**
 * The roles trade records, payment orders and contracts give their parties (lower case), by the side
 * each stands on: "Seller: X", "SELLER" over a name, 'X ("Consignee")', then "the Buyer’s account".
 */
export const PARTY_ROLES = {
  /** Who sells or sends the goods, in the order a record's seller is looked for. */
  seller: ["seller", "supplier", "vendor", "exporter", "shipper", "consignor"],
  /** Who buys, and so pays unless the record names another payer. */
  buyer: ["buyer", "customer", "importer", "purchaser"],
  /** Who receives the goods without being said to buy them. */
  receiver: ["consignee"],
  /** The rest: who makes, is told of, pays, is paid, carries or acts for the goods. */
  other: [
    "manufacturer",
    "notify party",
    "beneficiary",
    "applicant",
    "remitter",
    "ordering customer",
    "carrier",
    "charterer",
    "contractor",
    "principal",
    "agent",
  ],
} as const;

/** Every party role of PARTY_ROLES. */
export const PARTY_ROLE_WORDS: ReadonlySet<string> = new Set(Object.values(PARTY_ROLES).flat());

/**
 * The roles and terms contracts and court papers define by a quoted word: 'X ("Seller")' gives X a role,
 * not a name (capitalised; the party roles and the other defined terms).
 */
export const DEFINED_ROLES = new Set([
  ...[...PARTY_ROLE_WORDS]
    .filter((role) => !role.includes(" "))
    .map((role) => role[0].toUpperCase() + role.slice(1)),
  ..."Client|Company|Companies|Firm|Bank|Borrower|Lender|Guarantor|Issuer|Owner|Owners|Charterers|Manager|Operator|Subcontractor|Distributor|Defendant|Defendants|Plaintiff|Respondent|Claimant|Party|Parties|Affiant|Government|Agreement|Contract|Goods|Products|Items|Vessel|Aircraft|Shipment|Account|Accounts|Entity|Entities|Group".split(
    "|",
  ),
]);

/** Capitalised words that open sentences or titles but never names. */
export const NON_NAME_WORDS = set(
  "The|A|An|This|That|These|Those|Today|Tomorrow|Yesterday|In|On|At|As|By|For|From|With|Without|Of|To|" +
    "And|But|Or|If|While|When|Where|Which|Who|Whom|Whose|What|Why|How|It|Its|He|She|They|We|Our|Their|" +
    "His|Her|Also|According|Since|Because|After|Before|During|Concurrently|Concurrent|Additionally|" +
    "Separately|However|Meanwhile|Moreover|Furthermore|Neither|Both|Each|Every|All|Some|Many|Several|" +
    "Such|Other|Another|Over|Between|Among|Through|Following|Including|Despite|Although|Though|" +
    "Executive|Order|Orders|Section|Annex|List|Lists|Act|Regulations|Regulation|Treasury’s|Today’s|" +
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|" +
    "July|August|September|October|November|December|Sources|Source|Photo|Reporting|Editing|" +
    "Western|Eastern|Sino-Russian|Cold|War|Here|There|Now|Then|Yet|Still|Not|No|Yes|" +
    "Mr.|Mrs.|Ms.|Dr.|Sir|World|Home|News|Press|Release|Releases|Related|Fact|Sheet|Background|" +
    "Identifying|Information|Designation|Designations|Sanctions|Sanction|Implications|Specially|" +
    "Designated|Nationals|Blocked|Persons|Person|Entities|Entity|Individuals|Individual|Vessels|" +
    "Government-owned|State-owned|Non-SDN|Entity-List|Directive|License|Licenses|Violations|Click|Frequently|" +
    // Acronyms of things and measures, never of a party.
    "IED|IEDs|RPG|RPGs|UAV|UAVs|UAS|IUU|GPS|GDP|CPI|VAT|LNG|LPG|CEO|CFO|COVID|COVID-19",
);

/**
 * Given names compromise does not know, as sanctions notices transliterate them: East Slavic, Polish,
 * South Asian, Persian, Turkish and Arabic forms. Common given names only, never a particular person.
 */
export const GIVEN_NAMES = set(
  "Vadim|Oleg|Dmitriy|Dmitry|Dmitri|Yevgeniy|Yevgeny|Evgeniy|Evgeny|Evgueni|Evgenia|Evgeniya|Yevgenia|" +
    "Yuliya|Yulia|Svetlana|Tatyana|Tatiana|Lyudmila|Ludmila|Galina|Grigoriy|Grigory|Gennadiy|Gennady|" +
    "Vyacheslav|Vladislav|Stanislav|Yaroslav|Svyatoslav|Rostislav|Anatoliy|Anatoly|Valeriy|Valery|" +
    "Vasiliy|Vasily|Arkadiy|Arkady|Leonid|Konstantin|Kirill|Ruslan|Timur|Denis|Maksim|Maxim|Mikhail|" +
    "Nikolai|Aleksei|Alexei|Aleksey|Alexey|Yuriy|Yury|Yuri|Igor|Pyotr|Petr|Fyodor|Fedor|Semyon|Semen|" +
    "Yelena|Elena|Olga|Irina|Marina|Oksana|Larisa|Nadezhda|Valentina|Vera|Zoya|Inna|Alla|Anastasiya|" +
    "Anastasia|Darya|Daria|Kseniya|Ksenia|Polina|Yekaterina|Ekaterina|Zhanna|Lyubov|Raisa|Nina|Alina|" +
    "Jacek|Jerzy|Krzysztof|Grzegorz|Wojciech|Zbigniew|Tomasz|Pawel|Piotr|Marek|Andrzej|Janusz|Mariusz|" +
    "Agnieszka|Malgorzata|Katarzyna|Bogdan|Bohdan|Taras|Vasyl|Mykola|Oleksandr|Oleksiy|Volodymyr|" +
    "Sharda|Surya|Radhika|Tarun|Anil|Sunil|Vikram|Priya|Pooja|Sanjay|Sanjeev|Ravi|Ramesh|Suresh|" +
    "Mahesh|Naresh|Dinesh|Ganesh|Prakash|Ashok|Arvind|Arun|Vijay|Ajay|Manoj|Anand|Amit|Sumit|Rohit|" +
    "Nikhil|Kiran|Lakshmi|Sunita|Anita|Kavita|Meera|Neha|Shalini|Sandeep|Pradeep|Rakesh|Mukesh|" +
    "Hamid|Abbas|Behrouz|Farhad|Hamed|Majid|Masoud|Mojtaba|Morteza|Mostafa|Hassan|Hasan|Hossain|" +
    "Javad|Jafar|Kazem|Mohsen|Nasser|Rasoul|Reza|Saeid|Vahid|Yaser|Yasser|Ebrahim|Esmaeil|Esmail|" +
    "Gholam|Gholamreza|Alireza|Hamidreza|Mohammadreza|Kemal|Emre|Burak|Serkan|Volkan|Murat|Hakan|" +
    "Yusuf|Huseyin|Ibrahim|Ismail|Halil|Osman|Orhan|Erdem|Khalid|Khaled|Tariq|Walid|Faisal|Fawaz",
);

/**
 * Common Chinese family names in pinyin, the way a name written "Surname Given" opens in English text
 * ("Wen Haolin"). Only those frequent enough to be a fair guess; the given name must read as pinyin too.
 */
export const CHINESE_SURNAMES = set(
  "Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|He|Lin|Gao|Luo|Zheng|Liang|" +
    "Xie|Song|Tang|Han|Feng|Deng|Cao|Peng|Zeng|Xiao|Tian|Dong|Pan|Yuan|Cai|Jiang|Yu|Du|Ye|Cheng|Wei|" +
    "Su|Lu|Ding|Ren|Shen|Yao|Fu|Zhong|Cui|Tan|Liao|Fan|Jin|Shi|Jia|Xia|Wen|Qian|Kong|Bai|Meng|Qin|Hou|" +
    "Lei|Long|Duan|Hao|Shao|Wan|Qiu|Gu|Mao|Yin|Lai|Gong|Kang|Xiong|Qi|Yan|Xue|Niu|Hong|Zou|Fang|Tao|Mo",
);

/** Role words: the predicate a "<role> of X" phrase gives, from the person to X (employs is X → person). */
export const ROLES: Array<{ pattern: string; predicate: Predicate }> = [
  { pattern: "vice[- ]chair(?:man|woman|person)?", predicate: "member_of" },
  {
    pattern: "deputy (?:director|head|chair(?:man|person)?|commander|minister|general director)",
    predicate: "member_of",
  },
  {
    pattern:
      "(?:general|managing|executive|technical|commercial|financial|sales|regional)? ?director(?: general)?",
    predicate: "directs",
  },
  {
    pattern: "chief executive(?: officer)?|ceo|president|founder|co-founder|owner and director",
    predicate: "directs",
  },
  { pattern: "chair(?:man|woman|person)?(?: of the board(?: of directors)?)?", predicate: "directs" },
  {
    pattern: "commander|head|leader|leaders|chief|principal|manager|general manager|director general",
    predicate: "directs",
  },
  {
    pattern: "(?:beneficial |ultimate |sole |majority |controlling )?(?:owner|shareholder|stockholder)",
    predicate: "owns",
  },
  {
    pattern:
      "(?:board )?members?(?: of the board(?: of directors)?)?|fellow|senior fellow|adjunct senior fellow|official|officials|representative|partner",
    predicate: "member_of",
  },
  {
    pattern:
      "analyst|employee|engineer|lead engineer|chief engineer|accountant|officer|agent|staff|procurement (?:officer|manager|agent)|specialist|researcher|scientist|deputy|advisor|adviser",
    predicate: "employs",
  },
];

/** Cues of certainty, checked in order; the first that occurs in a sentence wins. */
export const CERTAINTY_CUES: Array<{ certainty: Certainty; pattern: RegExp }> = [
  {
    certainty: "denied",
    pattern:
      /\b(?:denied|denies|deny|rejected the (?:claim|allegation)s?|was unaware|were unaware|is unaware)\b/i,
  },
  {
    certainty: "unverified",
    pattern:
      /\b(?:could not (?:independently )?(?:confirm|verify|determine|establish)|unable to (?:independently )?(?:confirm|verify|determine)|not (?:been )?independently verified|remains unclear|it is unclear|do not establish)\b/i,
  },
  {
    certainty: "alleged",
    pattern: /\b(?:alleged(?:ly)?|accused|accuses|indicted|indictment|charged with|claims? to)\b/i,
  },
  {
    certainty: "assessed",
    pattern:
      /\b(?:assess(?:ed|es)?|believe[sd]?|appears?|appeared|likely|probably|suggests?|suggested|considered|may have|might|could (?:be|have)|apparent(?:ly)?|estimated?|thought to)\b/i,
  },
  {
    certainty: "reported",
    pattern:
      /\b(?:according to|reviewed by|seen by|obtained by|said|says|told|reported(?:ly)?|records? (?:show|showed|indicate)|documents? (?:show|showed|said)|showed|indicate[sd]?|described|noted|cited|citing)\b/i,
  },
];

/**
 * Words one of which every attribution pattern below needs: most sentences have none, and the patterns,
 * which try a name at every word, are not run over them.
 */
export const ATTRIBUTION_CUE =
  /according to| by | (?:show|showed|shows|indicate|indicated|reveal|revealed|said|say|says|noted|believe|assessed|described|cautioned|stressed|told|reported|asserted)\b/;

/** Reporting phrases whose agent is the attribution ("according to X", "documents reviewed by X", "X said"). */
export const ATTRIBUTION_PATTERNS: RegExp[] = [
  /\baccording to ((?:[\w’'-]+ ){0,6}?(?:officials?|sources?|documents?|records?|data|people|[A-Z][\w’'-]+)(?: and (?:[\w’'-]+ ){0,4}?(?:documents?|records?|data)(?: reviewed by [A-Z][\w’'-]+)?)?)/,
  /\b((?:[A-Z][\w’'-]* )?(?:documents?|records?|invoices?|letters?|data|footage|correspondence|filings?|emails?) (?:reviewed|seen|obtained) by [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)/,
  /\b((?:[A-Z][\w’'-]* )?(?:[a-z]+ )?(?:documents|records|invoices|letters|data|footage|correspondence|filings|emails)) (?:show|showed|shows|indicate|indicated|reveal|revealed)\b/,
  /\b((?:[A-Z]?[\w’'-]+ ){0,3}(?:officials?|analysts?|researchers?|experts?|sources?|authorities|governments?)) (?:said|say|says|noted|believe|assessed|described|cautioned|stressed)\b/,
  /\b((?:An? |The )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)* (?:document|report|statement|record)) (?:said|says|showed|described|noted)\b/,
  /\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,4}) (?:said|says|has said|told|reported|noted|asserted)\b/,
];
