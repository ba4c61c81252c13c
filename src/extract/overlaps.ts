// Choosing among overlapping finds in a text, shared by the date and amount readers.

/** Keeps the longest of overlapping finds (earliest first on ties), in text order; `length` is the text's. */
export function chooseLongest<T extends { start: number; end: number }>(found: T[], length: number): T[] {
  // Longest first; an occupancy map of the text keeps this linear in the words covered.
  const ordered = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(length);
  const chosen: T[] = [];
  for (const item of ordered) {
    let free = true;
    for (let k = item.start; k < item.end && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, item.start, item.end);
    chosen.push(item);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
