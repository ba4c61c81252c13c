// The rules of the name comparison beyond edit distance, each named as the explanations name it: how
// names in other scripts are read, which words are forms of one name, and the guards that keep namesakes
// apart (after nomenklatura's named matching features, each with a description analysts read).

/** A rule of the name comparison; its name appears in explanations with what it compared. */
export interface NameRule {
  name: string;
  /** One sentence for analysts. */
  description: string;
  /** A reading brings names together; a guard keeps different parties apart. */
  kind: "reading" | "guard";
}

/** Every rule of the name comparison, in the order the comparison applies them. */
export const NAME_RULES: readonly NameRule[] = Object.freeze([
  {
    name: "koreanSurnameSpelling",
    kind: "reading",
    description:
      "Two spellings of one Korean family name (Park, Pak and 박; Lee, Yi, Ri and 이), from Skein's table of Korean family names.",
  },
  {
    name: "koreanRomanisation",
    kind: "reading",
    description:
      "A Korean given name in the national romanisation, McCune–Reischauer or a passport spelling (Cheol-su, Chol Su, Chulsoo), compared by its sounds.",
  },
  {
    name: "japaneseReading",
    kind: "reading",
    description:
      "A Japanese name in kanji or kana read in Hepburn romanisation through a Japanese reading dictionary (佐藤健一 as Sato Kenichi).",
  },
  {
    name: "arabicNameElements",
    kind: "reading",
    description:
      "Arabic name elements written apart or together (Abd al-Rahman, Abdul Rahman, Abdulrahman; the article al- joined or apart).",
  },
  {
    name: "nameEquivalent",
    kind: "reading",
    description:
      "Two forms of one name: a nickname or short form (Bill and William, Sasha and Alexander) or its spelling from another script (Yuri and Yury), from Skein's table of given names.",
  },
  {
    name: "distinctKnownNames",
    kind: "guard",
    description:
      "Two different names Skein's tables know (Sokolov and Sobolev, Frank and Frederik) are different people however few letters apart, not a typo.",
  },
  {
    name: "nameSoundDiffers",
    kind: "guard",
    description:
      "A person's last name in Latin or Arabic script two letters or more from the other's whose consonants sound different (Rost and Troost, Navros and Lavrov), where the rest of the name sounds alike, is another person's: vowels, doubled letters, a silent h and the letters transliteration exchanges (Tereshchenko, Tereshenko) are spelling, and one letter off may be a typo.",
  },
  {
    name: "koreanGivenNameDiffers",
    kind: "guard",
    description:
      "Two Korean given names whose syllables differ (Chol-su and Chol-ho) are different people: a given name is compared whole, not by its syllables.",
  },
  {
    name: "japaneseNameDiffers",
    kind: "guard",
    description:
      "A name read from Japanese script against a Latin one whose word differs by more than a long vowel (Keiko and Keiji, Kenichi and Kenji) is another person's.",
  },
  {
    name: "namePartsByRole",
    kind: "guard",
    description:
      "When the query and the list entry both give a person's name by parts (FtM firstName, lastName …), each part is compared with the part of the same role: the same words in other roles are another person's name.",
  },
  {
    name: "distinctiveWordDiffers",
    kind: "guard",
    description:
      "Two organisations whose distinctive word differs (BTL and BCL Industries, Polaris and Solaris Trading) are different, however much their generic words agree.",
  },
  {
    name: "numbersDisagree",
    kind: "guard",
    description:
      "Numbers and roman numerals in the names of vessels, funds and companies must agree (Ocean Star 7 and 8, Fund II and Fund III).",
  },
]);
