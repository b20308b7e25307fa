import { afterAll, inject } from "vitest";

// Runs in each test worker before the test file: point lib/server at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DB_POOL_MAX = inject("dbPoolMax");
process.env.LINK_HMAC_SECRET ??= "integration-test-hmac-secret-0123456789";

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/server/db");
  await disconnectDb();
});
