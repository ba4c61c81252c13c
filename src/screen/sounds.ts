// The consonants of a name word as they sound, so two spellings of one name (Tereshchenko and Tereshenko,
// Schultz and Schulz, Aleksandr and Alexander) share a key and two names a consonant apart (Morgan and
// Horgan, Lunin and Lukin) do not (after the consonant classes of Soundex and Metaphone, with the
// digraphs of German, Slavic and Arabic transliteration folded first).

/** Letter groups written for one sound in transliteration, longest first, and the letter each becomes. */
const DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ["shch", "s"],
  ["tsch", "c"],
  ["sch", "s"],
  ["tch", "c"],
  ["dzh", "j"],
  ["sh", "s"],
  ["ch", "c"],
  ["zh", "j"],
  ["kh", "k"],
  ["gh", "g"],
  ["ph", "f"],
  ["th", "t"],
  ["dj", "j"],
  ["ck", "k"],
  ["tz", "z"],
  ["x", "ks"],
  ["ce", "se"],
  ["ci", "si"],
  ["cy", "sy"],
];

/**
 * Each letter's consonant class (none for vowels, the semivowels y and j, and a silent h); letters that
 * transliteration exchanges (b/p, d/t, g/k/c/q, s/z, v/w/f) share one.
 */
const CLASS: Readonly<Record<string, string>> = {
  b: "b",
  p: "b",
  d: "d",
  t: "d",
  g: "k",
  k: "k",
  c: "k",
  q: "k",
  s: "s",
  z: "s",
  v: "v",
  w: "v",
  f: "v",
  l: "l",
  r: "r",
  m: "m",
  n: "n",
};

/** The word's consonant classes in order, a class repeated once ("tereshchenko" → "drsnk"). */
export function soundKeyOf(word: string): string {
  let folded = word;
  for (const [from, to] of DIGRAPHS) if (folded.includes(from)) folded = folded.replaceAll(from, to);
  let key = "";
  for (const letter of folded) {
    const sound = CLASS[letter] ?? "";
    if (sound && sound !== key[key.length - 1]) key += sound;
  }
  return key;
}

/** Whether two consonant keys sound alike: the same, or one swap of neighbours apart. */
export function soundKeysAlike(x: string, y: string): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  let at = 0;
  while (x[at] === y[at]) at++;
  return x[at] === y[at + 1] && x[at + 1] === y[at] && x.slice(at + 2) === y.slice(at + 2);
}
