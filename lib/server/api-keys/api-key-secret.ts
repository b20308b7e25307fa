import "server-only";
import { createHash, randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 32;
/** Shown in the key list to tell keys apart: "hrs_" and four random characters. */
export const API_KEY_PREFIX_LENGTH = 8;

/** A new key: `hrs_` + 32 base62 characters (~190 bits) from the CSPRNG, uniform (randomInt rejects bias). */
export function generateApiKey(): string {
  let out = "hrs_";
  for (let i = 0; i < RANDOM_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/**
 * Keys are stored only as SHA-256: a key is long and random, so a fast unsalted hash cannot be brute-forced, and it
 * lets us look a key up by its hash in one indexed query per request (a slow KDF would cost ~50 ms per call).
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}
