import "server-only";

/** A session lasts at most 12 hours (the cookie's and the session row's lifetime), whatever happens before. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** `last_seen_at` is informational (the sessions list): written at most once a minute per session. */
export const SESSION_SEEN_RESOLUTION_MS = 60_000;
