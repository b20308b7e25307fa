import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "./generated/client";
import { getEnv } from "../env";

export { Prisma };
export type Tx = Prisma.TransactionClient;

// One client per process (Next dev reloads modules, so keep it on globalThis). The embedded PGlite server
// multiplexes one session, so npm start sets DB_POOL_MAX=1 there.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

function createClient(): PrismaClient {
  const env = getEnv();
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX });
  return new PrismaClient({
    adapter,
    // Secrets never leave the data layer by accident.
    omit: { user: { passwordHash: true } },
  });
}

export function getDb(): PrismaClient {
  globalForPrisma.__prisma ??= createClient();
  return globalForPrisma.__prisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.__prisma?.$disconnect();
  globalForPrisma.__prisma = undefined;
}
