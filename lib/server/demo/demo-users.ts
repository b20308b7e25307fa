import "server-only";
import type { Role } from "@/lib/permissions";

/** Demo accounts seeded into the embedded database (listed in the README). Never seeded unless asked. */
export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "recruiter@example.com", name: "Riley Recruiter", role: "RECRUITER" },
  { email: "security@example.com", name: "Sam Security", role: "SECURITY" },
  { email: "admin@example.com", name: "Alex Admin", role: "ADMIN" },
];
