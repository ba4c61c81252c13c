// Secrets: random values, their stored hashes, and comparisons that take the same time whatever matches.
// Passwords use the slow hash of passwords.ts; tokens and session ids are random 256-bit values, for which
// SHA-256 is enough (nothing to guess from a dictionary).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random secret of `bytes` bytes, base64url. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** The SHA-256 of a high-entropy secret, hex: what is stored in its place. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Whether two strings are equal, in time that depends on their length only. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
