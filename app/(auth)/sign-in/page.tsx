import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/server/auth/session";
import { SignInForm } from "@/components/forms/sign-in-form";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; signedOut?: string }> }) {
  const params = await searchParams;
  if (await getActor()) redirect("/candidates");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-xs font-semibold uppercase tracking-wider text-brand-600">Hiring Risk Screen</p>
          <h1 className="mt-2 text-2xl font-bold text-slate-900">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600">Decision support for identity checks in remote hiring.</p>
        </div>
        {params.signedOut ? (
          <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-center text-sm text-slate-700">
            You have been signed out.
          </p>
        ) : null}
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SignInForm action={signInAction} callbackUrl={typeof params.callbackUrl === "string" ? params.callbackUrl : undefined} />
        </div>
      </div>
    </main>
  );
}
