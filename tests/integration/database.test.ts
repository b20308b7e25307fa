import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { getDb } from "@/lib/server/db";
import { PrismaClient } from "@/lib/server/db/generated/client";
import { checkHealth } from "@/lib/server/health/check-health";
import { createTestUser } from "../support/factories";

describe("append-only tables", () => {
  it("refuses UPDATE and DELETE on audit events", async () => {
    const db = getDb();
    const actor = await createTestUser("ADMIN");
    await db.auditEvent.create({ data: { actorId: actor.id, action: "user.created", subjectType: "User", subjectId: actor.id } });
    const row = await db.auditEvent.findFirstOrThrow({ where: { actorId: actor.id } });
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only|not allowed|refuse|immutable/i);
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only|not allowed|refuse|immutable/i);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("user.created");
  });
});

describe("checkHealth", () => {
  it("reports the database up", async () => {
    const report = await checkHealth();
    expect(report.status).toBe("ok");
    expect(report.database.status).toBe("up");
    expect(report.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports the database down when it cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/postgres", connectionTimeoutMillis: 1000 }) });
    try {
      const report = await checkHealth({ db: unreachable, timeoutMs: 3000 });
      expect(report.status).toBe("degraded");
      expect(report.database).toEqual({ status: "down", latencyMs: null, error: "unreachable" });
    } finally {
      await unreachable.$disconnect();
    }
  });
});
