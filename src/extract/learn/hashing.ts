// Feature hashing (Weinberger et al., "Feature Hashing for Large Scale Multitask Learning", ICML 2009):
// feature strings and their conjunctions become 32-bit numbers folded into a fixed number of buckets,
// so the weights file stays small and no vocabulary is stored. Hashes are signed 32-bit integers, which
// V8 passes around as small integers (unsigned ones above 2^31 would be heap numbers, allocated on every
// call); only their low bits pick a bucket.

/** FNV-1a hash of a string, as a signed 32-bit integer. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Combines two hashes into one (order matters), with murmur3's finaliser for an even spread. */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) + b) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Combines three hashes. */
export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

const known = new Map<string, number>();

/** hashString of a name drawn from a small fixed set (feature names, labels), computed once. */
export function nameHash(name: string): number {
  let h = known.get(name);
  if (h === undefined) {
    h = hashString(name);
    if (known.size < 100_000) known.set(name, h);
  }
  return h;
}
