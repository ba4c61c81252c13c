// A small seeded pseudo-random generator shared by the benchmarks' generated cases, so every run builds
// the same case. mulberry32 (Tommy Ettinger): a full 2^32 period, where a plain LCG repeats names.

/** Returns a function giving numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
