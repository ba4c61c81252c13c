// Latin transliteration of names in any script: Han through pinyin-pro (a name reads as its pinyin
// syllables), everything else through any-ascii (Cyrillic, Greek, Arabic, Hebrew, Georgian, Armenian …).
import anyAscii from "any-ascii";
import { pinyin } from "pinyin-pro";

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_CHAR = /\p{Script=Han}/u;
const NON_ASCII = /[^\u0000-\u007f]/;
/**
 * Abjads write few vowels, and Thai leaves its inherent vowels unwritten ("สมชาย" Somchai), so their
 * transliterations are compared by consonants (see similarity).
 */
const ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thai}]/u;
const THAI = /\p{Script=Thai}/u;
/** Scripts written without spaces between name parts, one syllable or word per character. */
const SYLLABIC = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Pinyin of one run of Han characters: a short run is a Chinese name (surname, then the given name joined). */
function pinyinOfRun(run: string): string {
  const syllables = pinyin(run, { toneType: "none", type: "array", surname: "head" }) as string[];
  if (syllables.length <= 1) return syllables.join("");
  if (syllables.length <= 3) return `${syllables[0]} ${syllables.slice(1).join("")}`;
  return syllables.join("");
}

const ARABIC = /\p{Script=Arabic}/u;

/**
 * Arabic name elements as Latin spellings write them: "عبد" (Abd) apart from the name it joins
 * ("عبدالله"), the article "ال" apart from its word ("al-Rahman"), an initial ʿayn or hamza as the vowel
 * it carries ("علي" Ali, where a letter-by-letter reading gives "`ly").
 */
function arabicElementsApart(text: string): string {
  return text
    .replace(/(^|\s)عبد(?=\p{Script=Arabic}{2})/gu, "$1عبد ")
    .replace(/(^|\s)ال(?=\p{Script=Arabic}{2})/gu, "$1al ");
}

/**
 * Thai written as its names are spelt in Latin script: letters silenced by the thanthakhat dropped
 * ("ประยุทธ์" Prayut, "จันทร์" Chan), a vowel written before its consonant moved after it ("ใจ" jai), the vowel
 * carrier อ silent, and จ as `choChan`: j, as most spellings of Thai names write it (Jaidee, Janjira), or
 * ch, as the Royal Thai General System does (Chan-o-cha).
 */
function thaiAsSpelt(text: string, choChan: ThaiChoChan): string {
  return text
    .replace(/[\u0e01-\u0e2e]?ร\u0e4c|[\u0e01-\u0e2e][\u0e34\u0e38]?\u0e4c/g, "")
    .replace(/([\u0e40-\u0e44])([\u0e01-\u0e2e])/g, "$2$1")
    .replace(/อ(?=[\u0e30-\u0e44])/g, "")
    .replace(/จ/g, choChan);
}

/** The two Latin spellings of the Thai letter จ in names. */
export type ThaiChoChan = "j" | "ch";

/** Latin letters for `text` (the Thai letter จ as `choChan`); ASCII input is returned unchanged. */
export function latinise(text: string, choChan: ThaiChoChan = "j"): string {
  if (!NON_ASCII.test(text)) return text;
  const withPinyin = HAN_CHAR.test(text) ? text.replace(HAN_RUN, (run) => ` ${pinyinOfRun(run)} `) : text;
  const arabic = ARABIC.test(text);
  const thai = THAI.test(text) ? thaiAsSpelt(withPinyin, choChan) : withPinyin;
  // Greek "ου" is the sound u (ELOT 743), where a letter-by-letter reading gives "oy".
  const latin = anyAscii((arabic ? arabicElementsApart(thai) : thai).replace(/([οΟ])[υύΥΎ]/g, "$1u"));
  return arabic ? latin.replace(/(^|\s)[`'](?=[a-z])/gi, "$1a") : latin;
}

/** True when the text uses an abjad (Arabic, Hebrew, Syriac), whose transliterations lack most vowels. */
export function isAbjad(text: string): boolean {
  return ABJAD.test(text);
}

/** True when the text uses a script whose characters are whole syllables (Han, Hangul, Kana). */
export function isSyllabic(text: string): boolean {
  return SYLLABIC.test(text);
}
