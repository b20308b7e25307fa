/**
 * The engine's version, recorded on every screening next to the ruleset version. Bump the minor version when a
 * rule's logic or evidence changes, the major version when the scoring model or the facts schema changes
 * incompatibly. (Rule weights and thresholds are versioned by the ruleset, not here.)
 */
export const ENGINE_VERSION = "2.0.0";
