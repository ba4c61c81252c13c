// Password hashing with scrypt (Node's built-in, memory-hard: RFC 7914), parameters stored with each hash so
// they can be raised later without breaking old hashes. Verification always does the full work, also when
// there is no hash to check against, so the time taken says nothing of whether an account exists.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/** scrypt cost: N = 2^15, r = 8, p = 1 uses 32 MiB and about 50–100 ms per hash on one core. */
export const PASSWORD_DEFAULTS = Object.freeze({ logN: 15, r: 8, p: 1, keyBytes: 32, saltBytes: 16 });

/** Longest password accepted, in characters (a bound on the work one request can cause). */
export const MAX_PASSWORD_LENGTH = 1024;
/** Shortest password an account may be given. */
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number, keyBytes: number) {
  const N = 2 ** logN;
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, keyBytes, { N, r, p, maxmem: 256 * N * r * p }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** The stored form of a password: `scrypt$logN$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const { logN, r, p, keyBytes, saltBytes } = PASSWORD_DEFAULTS;
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, logN, r, p, keyBytes);
  return ["scrypt", logN, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** A hash of a password nobody has, checked against when an account has none, to take the same time. */
let decoy: Promise<string> | undefined;

/** Whether `password` matches `stored`; a null or unreadable `stored` costs the same and never matches. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split("$") ?? [];
  const usable = parts.length === 6 && parts[0] === "scrypt";
  decoy ??= hashPassword(randomBytes(24).toString("base64url"));
  const [, logN, r, p, salt, key] = usable ? parts : (await decoy).split("$");
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(
    password,
    Buffer.from(salt, "base64url"),
    Number(logN),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(actual, expected) && usable;
}
