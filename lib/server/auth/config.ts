import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/schemas/user";
import type { Role } from "@/lib/permissions";
import { requestMetaFromHeaders } from "../request-meta";
import { authenticateUser } from "./authenticate-user";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    sessionVersion: number;
    /** The server-side session row (user_sessions) this cookie stands for. */
    sessionId: string | null;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

// Auth.js v5 with our own users table. The cookie is a JWT (the Credentials provider requires it) that names a
// server-side session row; every request re-reads that row and the user (lib/server/auth/session.ts), so signing out,
// disabling a user, resetting a password or changing a role ends sessions at once — a copied token is worthless after.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome (audited as auth.sign_in_failed), not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      if (error.name === "SignInThrottled") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.omit({ callbackUrl: true }).safeParse({ email: raw?.email, password: raw?.password });
        if (!parsed.success) throw new InvalidCredentials();
        // The client address as the trusted server saw it (lib/server/request-meta.ts), never a header a client chose.
        const { ip, userAgent } = requestMetaFromHeaders(request.headers);
        const user = await authenticateUser({ email: parsed.data.email, password: parsed.data.password, ip, userAgent });
        if (!user) throw new InvalidCredentials();
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sessionId: user.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion ?? 0;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      session.sessionId = typeof token.sid === "string" ? token.sid : null;
      return session;
    },
  },
});
