import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native/driver packages stay outside the bundle and are required at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "maxmind", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
