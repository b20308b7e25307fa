import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/schemas/user";
import type { Role } from "@/lib/permissions";
import { authenticateUser } from "./authenticate-user";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    sessionVersion: number;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

// Auth.js v5 with our own users table. Sessions are JWTs (the Credentials provider requires it); every request
// re-reads the user row (lib/server/auth/session.ts), so disabling a user or resetting a password ends their
// sessions at once through `sessionVersion`.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome (audited as auth.sign_in_failed), not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.omit({ callbackUrl: true }).safeParse({ email: raw?.email, password: raw?.password });
        if (!parsed.success) throw new InvalidCredentials();
        const user = await authenticateUser({
          email: parsed.data.email,
          password: parsed.data.password,
          ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
          userAgent: request.headers.get("user-agent"),
        });
        if (!user) throw new InvalidCredentials();
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
});
