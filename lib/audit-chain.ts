// The audit hash chain (ADR 0010), pure: the canonical serialisation of an audit event, its hash, and the walk that
// checks a sequence of events. `npm run audit:verify` uses it on the database, and the evidence-pack verifier on a
// JSON file, offline. The database trigger `audit_events_chain` (migration 20261205000500_audit_hash_chain) computes
// the same bytes in SQL; a test checks the two agree.
import { createHash } from "node:crypto";

export const AUDIT_CHAIN_VERSION = "hrs-audit-chain-v1";
/** prev_hash of the first event of the chain. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * An audit event as it is hashed: every field as text, exactly as PostgreSQL renders it.
 * `at` is UTC with milliseconds (`2026-12-04T23:28:16.123Z`, the column is timestamptz(3)); `before` and `after`
 * are the jsonb columns' text (`before::text`), not re-serialised JSON — jsonb's own rendering is the canonical one.
 */
export type ChainedAuditEvent = {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  userAgent: string | null;
  credential: string | null;
  prevHash: string | null;
  hash: string | null;
};

/** The select list that reads `audit_events e` as hashed (alias `e`); rows come back as `ChainedAuditEventRow`. */
export const CHAINED_AUDIT_EVENT_COLUMNS = `e.id::text AS id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  e.actor_id::text AS actor_id, e.action, e.subject_type, e.subject_id, e.before::text AS before, e.after::text AS after,
  e.ip, e.user_agent, e.credential, e.prev_hash, e.hash`;

export type ChainedAuditEventRow = {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  user_agent: string | null;
  credential: string | null;
  prev_hash: string | null;
  hash: string | null;
};

export function chainedAuditEventFromRow(r: ChainedAuditEventRow): ChainedAuditEvent {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    before: r.before,
    after: r.after,
    ip: r.ip,
    userAgent: r.user_agent,
    credential: r.credential,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function field(value: string | null): string {
  return value === null ? "-" : `${Buffer.byteLength(value, "utf8")}:${value}`;
}

/** The bytes that are hashed: the version tag, then each field length-prefixed, joined by "|". */
export function canonicalAuditEvent(event: Omit<ChainedAuditEvent, "hash" | "prevHash">, prevHash: string): string {
  return [
    AUDIT_CHAIN_VERSION,
    field(prevHash),
    field(event.id),
    field(event.at),
    field(event.actorId),
    field(event.action),
    field(event.subjectType),
    field(event.subjectId),
    field(event.before),
    field(event.after),
    field(event.ip),
    field(event.userAgent),
    field(event.credential),
  ].join("|");
}

export function hashAuditEvent(event: Omit<ChainedAuditEvent, "hash" | "prevHash">, prevHash: string): string {
  return createHash("sha256").update(canonicalAuditEvent(event, prevHash), "utf8").digest("hex");
}

export type ChainProblem = { id: string; problem: string };

/**
 * Checks events in chain order, one batch at a time (the state carries over between calls). `expectedPrev` is the
 * hash the next event must link to: GENESIS_HASH at the start of the log, or, for an excerpt (an evidence pack), the
 * prev_hash the excerpt declares for its first event or after a gap.
 */
export class AuditChainWalker {
  private expectedPrev: string | null;
  private lastId: bigint | null = null;
  count = 0;
  lastHash: string | null = null;
  lastEventId: string | null = null;

  constructor(options: { startHash?: string | null } = {}) {
    this.expectedPrev = options.startHash === undefined ? GENESIS_HASH : options.startHash;
  }

  /** After a documented gap (an excerpt leaves events out) the next event may link to any hash. */
  gap(): void {
    this.expectedPrev = null;
  }

  /** Returns the first problem found in this event, or null. */
  check(event: ChainedAuditEvent): ChainProblem | null {
    const id = event.id;
    if (!/^\d{1,19}$/.test(id)) return { id, problem: `id ${JSON.stringify(id)} is not a positive integer` };
    const numericId = BigInt(id);
    if (this.lastId !== null && numericId <= this.lastId) {
      return { id, problem: `out of order: id ${id} comes after id ${this.lastId}` };
    }
    if (!event.hash || !event.prevHash) {
      return { id, problem: "not chained: hash or prev_hash missing (inserted around the chain trigger?)" };
    }
    if (this.expectedPrev !== null && event.prevHash !== this.expectedPrev) {
      const after = this.lastEventId === null ? "the start of the chain" : `event ${this.lastEventId}`;
      return {
        id,
        problem: `prev_hash ${short(event.prevHash)} does not link to ${after} (${short(this.expectedPrev)}): an event before it was deleted, inserted or re-ordered`,
      };
    }
    const recomputed = hashAuditEvent(event, event.prevHash);
    if (recomputed !== event.hash) {
      return { id, problem: `content changed: stored hash ${short(event.hash)}, recomputed ${short(recomputed)}` };
    }
    this.expectedPrev = event.hash;
    this.lastHash = event.hash;
    this.lastId = numericId;
    this.lastEventId = id;
    this.count += 1;
    return null;
  }
}

export function short(hash: string): string {
  return hash.slice(0, 12);
}
