import "server-only";
import { AuthError } from "next-auth";
import { AppError } from "@/lib/errors";
import { signIn } from "./config";

/** Only same-site relative paths are allowed after sign-in (no open redirect). */
export function safeCallbackUrl(url: string | undefined): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\") || url.startsWith("/sign-in")) return "/candidates";
  return url;
}

/** Signs in with email + password; on success Auth.js sets the session cookie and redirects (a thrown redirect). */
export async function signInUser({ email, password, callbackUrl }: { email: string; password: string; callbackUrl?: string }) {
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError && (error as { code?: unknown }).code === "rate_limited") {
      const seconds = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
      const wait = typeof seconds === "number" ? Math.max(1, Math.ceil(seconds / 60)) : 1;
      throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`, {
        retryAfterSeconds: typeof seconds === "number" ? seconds : 60,
      });
    }
    if (error instanceof AuthError) {
      throw new AppError("UNAUTHENTICATED", "Email or password is incorrect, or the account is disabled.");
    }
    throw error;
  }
}
