import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "../auth/authorization";
import { getEnv } from "../env";
import { processLimiter, TokenBucketLimiter } from "./rate-limiter";

/**
 * Every route-handler call counts against its caller: an API key (per key) or a signed-in user (per user). The
 * defaults (API_RATE_LIMIT_PER_SECOND, API_RATE_LIMIT_BURST) leave an ATS integration room for bulk syncs while one
 * leaked key or runaway script cannot take the server for itself. Over the limit: 429 with Retry-After.
 */
export function assertApiRateLimit(actor: Actor): void {
  const env = getEnv();
  const limiter = processLimiter(`api:${env.API_RATE_LIMIT_PER_SECOND}/${env.API_RATE_LIMIT_BURST}`, () => new TokenBucketLimiter(env.API_RATE_LIMIT_PER_SECOND, env.API_RATE_LIMIT_BURST));
  const key = actor.via ? `key:${actor.via.apiKeyId}` : `user:${actor.id}`;
  const decision = limiter.take(key);
  if (decision.limited) {
    throw new AppError("RATE_LIMITED", `Too many requests from this ${actor.via ? "API key" : "account"}. Retry after ${decision.retryAfterSeconds} s.`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
}
