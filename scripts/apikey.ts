// npm run apikey -- create --name <name> [--role RECRUITER|SECURITY|ADMIN] [--expires-in-days 30|90|365|never] [--db <url>]
// npm run apikey -- list [--db <url>]
// npm run apikey -- revoke <prefix> [--db <url>]
//
// Manages API keys in the database named by DATABASE_URL (or --db) with the same use cases as the admin page. The
// operator already holds the database credentials, so the CLI acts as the first active administrator (oldest
// account): keys are created on their behalf and both creation and revocation are audited under their name.
// Run through scripts/lib/register-server-only.mjs so lib/server code loads outside Next.
import { parseArgs } from "node:util";
import { isAppError } from "@/lib/errors";
import { ROLES, type Role } from "@/lib/permissions";
import { apiKeyCreateSchema } from "@/lib/schemas/api";
import type { Actor } from "@/lib/server/auth/authorization";

const USAGE = `Usage:
  npm run apikey -- create --name <name> [--role ${ROLES.join("|")}] [--expires-in-days 30|90|365|never] [--db <postgres url>]
  npm run apikey -- list [--db <postgres url>]
  npm run apikey -- revoke <prefix> [--db <postgres url>]

  --role   The key acts with this role's permissions (default RECRUITER: submit and read candidates), never more
           than its creator's role allows at the time of each call.
  --expires-in-days  When the key stops working (default 365).
  --db     Database URL (default: DATABASE_URL).

The new key is printed once; only its hash is stored.`;

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" }, role: { type: "string" }, "expires-in-days": { type: "string" }, db: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [command, ...rest] = positionals;
  if (!command || !["create", "list", "revoke"].includes(command)) throw new UsageError("Give a command: create, list or revoke.");
  if (values.db) process.env.DATABASE_URL = values.db;
  if (!process.env.DATABASE_URL) throw new UsageError("Set DATABASE_URL or pass --db <url>.");

  // lib/server reads DATABASE_URL on first use, so it is imported only now.
  const { getDb, disconnectDb } = await import("@/lib/server/db");
  try {
    const admin = await getDb().user.findFirst({
      where: { role: "ADMIN", disabled: false },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, email: true, name: true, role: true },
    });
    if (!admin) throw new UsageError("This database has no active administrator. Create one first (e.g. npm run db:seed, or the Users page).");
    const actor: Actor = { ...admin, role: admin.role as Role };
    const meta = { ip: null, userAgent: "apikey CLI" };

    if (command === "create") {
      if (rest.length) throw new UsageError(`Unexpected argument: ${rest[0]}`);
      const parsed = apiKeyCreateSchema.safeParse({ name: values.name ?? "", role: values.role, expiresInDays: values["expires-in-days"] });
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
      const { createApiKey } = await import("@/lib/server/api-keys/create-api-key");
      const key = await createApiKey({ actor, input: parsed.data, meta });
      console.error(`Created API key "${key.name}" (${key.prefix}…, role ${key.role}) on behalf of ${admin.email}. Copy it now: it is not shown again.`);
      console.log(key.key);
    } else if (command === "list") {
      const { listApiKeys } = await import("@/lib/server/api-keys/list-api-keys");
      const keys = await listApiKeys({ actor });
      if (!keys.length) console.error("No API keys.");
      for (const k of keys) {
        const status = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active";
        console.log([k.prefix, k.role, status, `last used ${k.lastUsedAt?.toISOString() ?? "never"}`, `created ${k.createdAt.toISOString()} by ${k.createdBy.email}`, k.name].join("\t"));
      }
    } else {
      if (rest.length !== 1) throw new UsageError("Give the key's prefix (as shown by `list`), e.g. revoke hrs_AbCd.");
      const prefix = rest[0];
      const { listApiKeys } = await import("@/lib/server/api-keys/list-api-keys");
      const matches = (await listApiKeys({ actor })).filter((k) => k.prefix === prefix && !k.revokedAt);
      if (matches.length === 0) throw new UsageError(`No active key with prefix ${prefix}.`);
      if (matches.length > 1) throw new UsageError(`${matches.length} active keys share prefix ${prefix} (${matches.map((m) => m.name).join(", ")}); revoke them on the API keys page.`);
      const { revokeApiKey } = await import("@/lib/server/api-keys/revoke-api-key");
      await revokeApiKey({ actor, keyId: matches[0].id, meta });
      console.log(`Revoked ${prefix}… ("${matches[0].name}").`);
    }
  } finally {
    await disconnectDb();
  }
}

main().catch((error) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (isAppError(error)) console.error(`apikey failed: ${error.message}`);
  else console.error("apikey failed:", error);
  process.exit(1);
});
