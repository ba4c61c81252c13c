// Small facts about a text that several readers of one text ask for: computed once per text, and the
// bars that make a record's table row.

/**
 * A function of the whole text, computed once for the text being read: the readers ask it again for
 * each name or line of the same text.
 */
export function perText<T>(compute: (text: string) => T): (text: string) => T {
  let last: { text: string; value: T } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, value: compute(text) };
    return last.value;
  };
}

/** How many bars `text[from, to)` holds: on a table row, the cells before `to` less one. */
export function bars(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 124) n++;
  return n;
}
