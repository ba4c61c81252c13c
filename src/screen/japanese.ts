// Japanese names in Hepburn romanisation, as Latin-script lists and the press write them (佐藤健一 as
// "Sato Kenichi", long vowels unmarked). Kanji are read through kuromoji's IPADIC reading dictionary,
// which ships with the package; it is loaded the first time a name needs it (about a second and a few
// hundred MB), never for lists without Japanese names.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import anyAscii from "any-ascii";

/** What Skein reads of one kuromoji token. */
interface ReadToken {
  surface_form: string;
  reading?: string;
  pos_detail_2: string;
  pos_detail_3: string;
}

interface Tokenizer {
  tokenize(text: string): ReadToken[];
}

const require = createRequire(import.meta.url);
let tokenizer: Tokenizer | null = null;

/**
 * kuromoji's tokenizer over its bundled dictionary, built synchronously (the package's own builder only
 * loads asynchronously, and name comparison is synchronous).
 */
function loadTokenizer(): Tokenizer {
  const Dictionaries = require("kuromoji/src/dict/DynamicDictionaries");
  const KuromojiTokenizer = require("kuromoji/src/Tokenizer");
  const folder = join(dirname(require.resolve("kuromoji/package.json")), "dict");
  const read = (file: string): ArrayBuffer => {
    const bytes = gunzipSync(readFileSync(join(folder, file)));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  };
  const dictionaries = new Dictionaries();
  dictionaries.loadTrie(new Int32Array(read("base.dat.gz")), new Int32Array(read("check.dat.gz")));
  dictionaries.loadTokenInfoDictionaries(
    new Uint8Array(read("tid.dat.gz")),
    new Uint8Array(read("tid_pos.dat.gz")),
    new Uint8Array(read("tid_map.dat.gz")),
  );
  dictionaries.loadConnectionCosts(new Int16Array(read("cc.dat.gz")));
  dictionaries.loadUnknownDictionaries(
    new Uint8Array(read("unk.dat.gz")),
    new Uint8Array(read("unk_pos.dat.gz")),
    new Uint8Array(read("unk_map.dat.gz")),
    new Uint8Array(read("unk_char.dat.gz")),
    new Uint32Array(read("unk_compat.dat.gz")),
    new Uint8Array(read("unk_invoke.dat.gz")),
  );
  return new KuromojiTokenizer(dictionaries) as Tokenizer;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
const SEPARATORS = /[\s・·=＝,、]+/u;

/** Katakana with a small ya, yu or yo ("シャ" sha): the consonants they take (any-ascii reads "shiya"). */
const YOON: Record<string, string> = {
  キ: "ky",
  ギ: "gy",
  シ: "sh",
  ジ: "j",
  チ: "ch",
  ヂ: "j",
  ニ: "ny",
  ヒ: "hy",
  ビ: "by",
  ピ: "py",
  ミ: "my",
  リ: "ry",
};
const SMALL_VOWEL: Record<string, string> = { ャ: "a", ュ: "u", ョ: "o" };

/** Hepburn romanisation of kana, long vowels unmarked as names are written ("サトウ" sato, "ユウコ" yuko). */
export function romaniseKana(kana: string): string {
  const katakana = kana.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  let out = "";
  let double = false;
  const chars = [...katakana];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "ー") continue;
    if (c === "ッ") {
      double = true;
      continue;
    }
    let syllable = YOON[c] && SMALL_VOWEL[chars[i + 1]] ? YOON[c] + SMALL_VOWEL[chars[++i]] : anyAscii(c);
    // A small tsu doubles the next consonant ("ハットリ" hattori; "ッチ" tchi).
    if (double && /^[a-z]/.test(syllable))
      syllable = (syllable.startsWith("ch") ? "t" : syllable[0]) + syllable;
    double = false;
    out += syllable;
  }
  return out.replace(/ou|oo/g, "o").replace(/uu/g, "u");
}

/** A run of kanji and kana is a Japanese name when it starts with a family name of two characters or more (佐藤, not 李). */
function startsWithJapaneseFamilyName(tokens: ReadToken[]): boolean {
  const first = tokens[0];
  return (
    first !== undefined &&
    first.pos_detail_2 === "人名" &&
    first.pos_detail_3 === "姓" &&
    [...first.surface_form].length >= 2
  );
}

/**
 * The Hepburn reading of a name written in Japanese, words separated by spaces (a family name written
 * together with its given name is split after it), or null when the name is not read as Japanese: names
 * with kana always are; names in kanji alone only when `maybePerson` and they begin with a Japanese
 * family name of two characters or more, since a Chinese name (李明) reads as pinyin.
 */
export function readJapanese(text: string, maybePerson: boolean): string | null {
  const kana = KANA.test(text);
  const han = HAN.test(text);
  if (!kana && !(han && maybePerson)) return null;
  const words = text.split(SEPARATORS).filter(Boolean);
  if (!han) return words.map(romaniseKana).join(" ");
  tokenizer ??= loadTokenizer();
  const read: string[] = [];
  for (const word of words) {
    const tokens = tokenizer.tokenize(word);
    if (!kana && !startsWithJapaneseFamilyName(tokens)) return null;
    let current = "";
    for (const token of tokens) {
      const reading = token.reading && token.reading !== "*" ? token.reading : token.surface_form;
      current += KANA.test(reading) ? romaniseKana(reading) : anyAscii(reading);
      if (token.pos_detail_3 === "姓") {
        read.push(current);
        current = "";
      }
    }
    if (current) read.push(current);
  }
  return read.join(" ");
}
