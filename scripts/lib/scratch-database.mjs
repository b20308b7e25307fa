// A throwaway database on the server named by a Postgres URL: created empty, dropped afterwards.
// Used by the integration tests and the e2e server so test runs never touch real data.
import { randomBytes } from "node:crypto";
import pg from "pg";

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** @returns {Promise<{ url: string, name: string, drop: () => Promise<void> }>} */
export async function createScratchDatabase(serverUrl, prefix = "hrs_test") {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  let dropped = false;
  return {
    name,
    url: withDatabase(serverUrl, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      const c = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
