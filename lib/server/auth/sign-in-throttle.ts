import "server-only";
import { processLimiter, SlidingWindowLimiter } from "../rate-limit/rate-limiter";

// Failed sign-ins are throttled three ways, so that neither guessing nor spraying works and a stranger cannot lock a
// user out from somewhere else:
// - per account and address: 5 failures a minute (a person mistyping from one place waits a minute);
// - per address: 30 failures in 10 minutes across all accounts (password spraying from one machine);
// - per account: 100 failures in 15 minutes from all addresses (a distributed guess at one account; only such an
//   attack can keep the real user out, and only while it lasts).
// A successful sign-in clears the account-and-address count. Only failures count: people sign in and out all day.
const accountAtAddress = () => processLimiter("sign-in:account+address", () => new SlidingWindowLimiter(5, 60_000));
const address = () => processLimiter("sign-in:address", () => new SlidingWindowLimiter(30, 10 * 60_000));
const account = () => processLimiter("sign-in:account", () => new SlidingWindowLimiter(100, 15 * 60_000));

export type SignInThrottle = { limited: false } | { limited: true; retryAfterSeconds: number; scope: "account+address" | "address" | "account" };

const keys = (email: string, ip: string | null) => ({
  accountAtAddress: `${email.toLowerCase()}|${ip ?? "unknown"}`,
  // Without a known address (no trusted client IP) there is no per-address count, rather than one shared by all.
  address: ip,
  account: email.toLowerCase(),
});

/** Whether a sign-in for `email` from `ip` must be refused now, without checking the password. */
export function checkSignInThrottle(email: string, ip: string | null): SignInThrottle {
  const k = keys(email, ip);
  const checks: [Extract<SignInThrottle, { limited: true }>["scope"], SlidingWindowLimiter, string | null][] = [
    ["account+address", accountAtAddress(), k.accountAtAddress],
    ["address", address(), k.address],
    ["account", account(), k.account],
  ];
  for (const [scope, limiter, key] of checks) {
    if (key === null) continue;
    const decision = limiter.check(key);
    if (decision.limited) return { limited: true, retryAfterSeconds: decision.retryAfterSeconds, scope };
  }
  return { limited: false };
}

export function recordFailedSignIn(email: string, ip: string | null): void {
  const k = keys(email, ip);
  accountAtAddress().record(k.accountAtAddress);
  if (k.address) address().record(k.address);
  account().record(k.account);
}

export function recordSuccessfulSignIn(email: string, ip: string | null): void {
  accountAtAddress().reset(keys(email, ip).accountAtAddress);
}
